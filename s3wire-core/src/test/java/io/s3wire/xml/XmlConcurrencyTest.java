package io.s3wire.xml;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.xml.ListBucketResult.ListVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The shared, configured StAX factory serves many threads at once. */
class XmlConcurrencyTest {
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void parsesTheSamePagesFromManyThreads() throws Exception {
    List<byte[]> docs = new ArrayList<>();
    List<ListBucketResult> expected = new ArrayList<>();
    for (int d = 0; d < 4; d++) {
      var b = ListBucketResult.builder(ListVersion.V2, "bucket" + d).truncated(d % 2 == 0);
      for (int i = 0; i < 200; i++) {
        b.addContents(new ObjectSummary("k" + d + "/" + i + "&<", Instant.ofEpochMilli(1_700_000_000_000L + i),
            "\"e" + i + "\"", i, "STANDARD", null));
      }
      ListBucketResult r = b.build();
      expected.add(r);
      docs.add(S3Xml.write(r));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        futures.add(pool.submit(() -> {
          for (int round = 0; round < 15; round++) {
            for (int d = 0; d < docs.size(); d++) {
              if (!S3Xml.readListBucketResult(docs.get(d)).equals(expected.get(d))) {
                return false;
              }
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> f : futures) {
        assertThat(f.get(50, TimeUnit.SECONDS)).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
