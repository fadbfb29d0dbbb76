package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.BucketKey;
import io.s3wire.CompletedPart;
import io.s3wire.GetObjectRequest;
import io.s3wire.MultipartUpload;
import io.s3wire.ObjectBytes;
import io.s3wire.ObjectMetadata;
import io.s3wire.Range;
import io.s3wire.S3AsyncClient;
import io.s3wire.config.AwsConfigResolver;
import io.s3wire.http.HttpVersionPolicy;
import io.s3wire.http.RequestBody;
import io.s3wire.http.TransportConfig;
import io.s3wire.provider.ProviderProfiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Any range of a multipart object reads the source's bytes, in both stores: part sizes of 5 MiB and
 * 5 MiB plus or minus one (so parts end inside the memory store's 1 MiB chunks), a shorter last
 * part, and ranges that start or end on a part's first or last byte, cover one part exactly, span
 * several parts, or are random. The seed is fixed so a run repeats; set {@code -Dmultipart.seed=N}
 * to try others. Each failure names the seed.
 */
@Timeout(120)
class MultipartRangeTest {
  private static final int MIB = 1 << 20;
  private static final int PART = 5 * MIB;
  private static final long SEED = Long.getLong("multipart.seed", 23L);

  enum Store {
    MEMORY, FILE;

    ObjectStore open(Path dir) throws IOException {
      return this == MEMORY ? ObjectStore.memory() : ObjectStore.file(dir);
    }
  }

  @TempDir Path temp;

  /** A multipart object's source bytes and where each part starts (the last entry is the size). */
  private record Layout(byte[] bytes, long[] partStarts) {
    int size() {
      return bytes.length;
    }
  }

  private static Layout layout(Random random) {
    int parts = 2 + random.nextInt(3);
    long[] starts = new long[parts + 1];
    for (int i = 0; i < parts; i++) {
      int size = i == parts - 1 ? 1 + random.nextInt(PART) : PART - 1 + random.nextInt(3);
      starts[i + 1] = starts[i] + size;
    }
    byte[] bytes = new byte[(int) starts[parts]];
    random.nextBytes(bytes);
    return new Layout(bytes, starts);
  }

  private static void storeMultipart(ObjectStore store, String key, Layout layout) throws IOException {
    String upload = store.createMultipartUpload("bucket", key, ObjectAttributes.empty());
    List<Integer> numbers = new ArrayList<>();
    for (int i = 0; i + 1 < layout.partStarts.length; i++) {
      int from = (int) layout.partStarts[i];
      int to = (int) layout.partStarts[i + 1];
      store.uploadPart("bucket", key, upload, i + 1, new ByteArrayInputStream(layout.bytes, from, to - from));
      numbers.add(i + 1);
    }
    store.completeMultipartUpload("bucket", key, upload, numbers, "\"multipart-" + numbers.size() + "\"");
  }

  /** A range as first and last byte, inclusive. */
  private record Span(long first, long last) {
    long length() {
      return last - first + 1;
    }
  }

  /**
   * Ranges on every edge the layout has (each part's first and last byte and their neighbours, the
   * memory store's 1 MiB chunk edges inside each part), each part exactly, runs of parts, and random
   * ones; lengths near an edge are kept short so a run stays fast.
   */
  private static List<Span> spans(Layout layout, Random random) {
    int size = layout.size();
    List<Long> edges = new ArrayList<>();
    for (int i = 0; i + 1 < layout.partStarts.length; i++) {
      long start = layout.partStarts[i];
      long end = layout.partStarts[i + 1] - 1;
      for (long e : new long[] {start - 1, start, start + 1, end - 1, end, end + 1}) {
        edges.add(e);
      }
      for (long chunk = start + MIB; chunk < end; chunk += MIB) {
        edges.add(chunk - 1);
        edges.add(chunk);
      }
    }
    List<Span> spans = new ArrayList<>();
    for (long e : edges) {
      if (e < 0 || e >= size) {
        continue;
      }
      spans.add(new Span(e, e));
      spans.add(new Span(e, Math.min(size - 1, e + random.nextInt(2 * MIB))));
      spans.add(new Span(Math.max(0, e - random.nextInt(2 * MIB)), e));
    }
    int parts = layout.partStarts.length - 1;
    for (int i = 0; i < parts; i++) {
      spans.add(new Span(layout.partStarts[i], layout.partStarts[i + 1] - 1));
      for (int j = i + 1; j < parts; j++) {
        spans.add(new Span(layout.partStarts[i], layout.partStarts[j + 1] - 1));
        spans.add(new Span(layout.partStarts[i + 1] - 1, layout.partStarts[j]));
      }
    }
    spans.add(new Span(0, size - 1));
    for (int i = 0; i < 40; i++) {
      long a = random.nextInt(size);
      long b = random.nextInt(size);
      spans.add(new Span(Math.min(a, b), Math.max(a, b)));
    }
    return spans;
  }

  /** A range as the client asks for it and the bytes it selects. */
  private record Case(Range range, Span span) {}

  private static void assertSame(byte[] got, Layout layout, Span span, String how) {
    int first = (int) span.first;
    int mismatch = Arrays.mismatch(got, 0, got.length, layout.bytes, first, first + (int) span.length());
    assertThat(mismatch).as("seed %d, %s, bytes %d-%d of %d: first differing byte at %d (got %d bytes)", SEED, how,
        span.first, span.last, layout.size(), mismatch, got.length).isEqualTo(-1);
  }

  /** Reads through the channel with buffers of random sizes (so reads stop anywhere inside a chunk). */
  private static byte[] readChannel(ObjectContent content, Random random) throws IOException {
    ByteBuffer all = ByteBuffer.allocate((int) content.length());
    ReadableByteChannel ch = content.channel();
    while (all.hasRemaining()) {
      ByteBuffer window = all.slice(all.position(), Math.min(all.remaining(), 1 + random.nextInt(300_000)));
      int n = ch.read(window);
      assertThat(n).as("seed %d: a read with room gives bytes", SEED).isPositive();
      all.position(all.position() + n);
    }
    return all.array();
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void everyRangeOfTheStoreReadsTheSource(Store kind) throws Exception {
    Random random = new Random(SEED);
    Layout layout = layout(random);
    try (ObjectStore store = kind.open(temp)) {
      store.createBucket("bucket");
      storeMultipart(store, "mp", layout);
      assertThat(store.headObject("bucket", "mp").size()).isEqualTo(layout.size());
      List<Span> spans = spans(layout, random);
      for (int i = 0; i < spans.size(); i++) {
        Span span = spans.get(i);
        try (ObjectContent content = store.getObject("bucket", "mp", span.first, span.length())) {
          if (i % 2 == 0) {
            assertSame(readChannel(content, random), layout, span, kind + " channel");
          } else {
            try (InputStream in = content.newInputStream()) {
              assertSame(in.readAllBytes(), layout, span, kind + " stream");
            }
          }
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void rangesOverHttpReadTheSource(Store kind) throws Exception {
    Random random = new Random(SEED + 1);
    Layout layout = layout(random);
    try (ObjectStore store = kind.open(temp);
        S3Server server = S3Server.builder().store(store).credentials("AKIDRANGES", "ranges-secret").start()) {
      store.createBucket("bucket");
      storeMultipart(store, "mp", layout);
      int size = layout.size();
      long partTwo = layout.partStarts[1];
      List<Case> ranges = new ArrayList<>();
      ranges.add(new Case(Range.of(partTwo - 1, partTwo), new Span(partTwo - 1, partTwo)));
      long partThree = layout.partStarts[2];
      ranges.add(new Case(Range.of(partTwo - 1, partThree - 1), new Span(partTwo - 1, partThree - 1)));
      ranges.add(new Case(Range.of(partTwo, partThree - 1), new Span(partTwo, partThree - 1)));
      ranges.add(new Case(Range.from(partTwo + 1), new Span(partTwo + 1, size - 1)));
      ranges.add(new Case(Range.from(partTwo - 1), new Span(partTwo - 1, size - 1)));
      ranges.add(new Case(Range.lastBytes(size - partTwo + 1), new Span(partTwo - 1, size - 1)));
      ranges.add(new Case(Range.lastBytes(1), new Span(size - 1, size - 1)));
      ranges.add(new Case(Range.of(0, 0), new Span(0, 0)));
      long a = random.nextInt(size);
      long b = random.nextInt(size);
      ranges.add(new Case(Range.of(Math.min(a, b), Math.max(a, b)), new Span(Math.min(a, b), Math.max(a, b))));
      for (HttpVersionPolicy policy : new HttpVersionPolicy[] {HttpVersionPolicy.HTTP_1_1, HttpVersionPolicy.HTTP_2}) {
        try (S3AsyncClient client = client(server, policy)) {
          for (Case c : ranges) {
            ObjectBytes got = client.getObjectBytes(GetObjectRequest.of(BucketKey.of("bucket", "mp"))
                .withRange(c.range)).get(30, TimeUnit.SECONDS);
            assertThat(got.info().contentRange()).as("seed %d, %s", SEED, c.range)
                .isEqualTo("bytes " + c.span.first + "-" + c.span.last + "/" + size);
            assertSame(got.bytes(), layout, c.span, kind + " over " + policy + " " + c.range);
          }
        }
      }
    }
  }

  enum Transport { HTTP_1_1, H2C, H2_TLS }

  /**
   * Issue 23's report exactly: three parts of 5 MiB + 1 byte uploaded over HTTP, then a range from
   * the last byte of part one to one byte short of part two's end. The memory store used to spin on
   * it forever; the client's call timeout turns a hang into a failure.
   */
  @ParameterizedTest
  @EnumSource(Transport.class)
  void aRangeFromPartOnesLastByteIsServed(Transport transport) throws Exception {
    try (S3Server server = S3Server.builder().credentials("AKIDRANGES", "ranges-secret")
        .tls(transport == Transport.H2_TLS).start();
        S3AsyncClient client = client(server, transport == Transport.HTTP_1_1 ? HttpVersionPolicy.HTTP_1_1
            : HttpVersionPolicy.HTTP_2)) {
      byte[] source = new byte[3 * (PART + 1)];
      new Random(SEED).nextBytes(source);
      BucketKey key = BucketKey.of("bucket", "three-parts");
      client.createBucket("bucket").get(30, TimeUnit.SECONDS);
      MultipartUpload upload = client.createMultipartUpload(key, ObjectMetadata.NONE).get(30, TimeUnit.SECONDS);
      List<CompletedPart> parts = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        parts.add(client.uploadPart(upload, i + 1, RequestBody.ofBytes(source, i * (PART + 1), PART + 1))
            .get(30, TimeUnit.SECONDS));
      }
      client.completeMultipartUpload(upload, parts).get(30, TimeUnit.SECONDS);

      ObjectBytes got = client.getObjectBytes(GetObjectRequest.of(key).withRange(Range.of(5_242_880, 10_485_759)))
          .get(60, TimeUnit.SECONDS);

      assertThat(got.info().contentRange()).isEqualTo("bytes 5242880-10485759/15728643");
      assertThat(got.bytes()).hasSize(5_242_880);
      assertThat(Arrays.mismatch(got.bytes(), 0, 5_242_880, source, 5_242_880, 10_485_760)).isEqualTo(-1);
    }
  }

  /**
   * A client for {@code server} speaking {@code policy} (HTTP/2: h2c with prior knowledge, or h2 by
   * ALPN over TLS trusting the server's certificate); calls fail after 30 s instead of hanging.
   */
  private S3AsyncClient client(S3Server server, HttpVersionPolicy policy) throws IOException {
    TransportConfig.Builder transport = TransportConfig.builder().versionPolicy(policy)
        .callTimeout(Duration.ofSeconds(30));
    if (server.isTls()) {
      Path ca = temp.resolve("server-ca.pem");
      server.writeCertificatePem(ca);
      transport.trustedCertificates(ca);
    }
    return S3AsyncClient.builder()
        .awsConfig(new AwsConfigResolver(Map.of(), temp.resolve("no-aws-home")))
        .endpoint(server.endpoint())
        .region("us-east-1")
        .credentials(server.accessKey(), server.secretKey())
        .provider(ProviderProfiles.generic())
        .transportConfig(transport.build())
        .buildAsync();
  }
}
