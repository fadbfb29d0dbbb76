package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The memory store keeps a body in chunks that grow from 16 KiB to 1 MiB: every size around the
 * chunk boundaries reads back whole and by ranges that cross them, with the MD5 ETag of the bytes.
 */
@Timeout(60)
class MemoryStoreChunkSizesTest {
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 4096, 16383, 16384, 16385, 49151, 49152, 49153, (1 << 20) - 1, 1 << 20,
      (3 << 20) + 7})
  void everySizeReadsBackWholeAndByRanges(int size) throws Exception {
    ObjectStore store = ObjectStore.memory();
    store.createBucket("b");
    byte[] data = new byte[size];
    new Random(size).nextBytes(data);
    StoredObject info = store.putObject("b", "k", ObjectAttributes.empty(), new ByteArrayInputStream(data));

    assertThat(info.size()).isEqualTo(size);
    assertThat(info.etag()).isEqualTo("\"" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data))
        + "\"");
    assertThat(read(store, 0, size)).isEqualTo(data);
    for (int boundary : new int[] {16384, 49152, 114688, 1 << 20}) {
      int from = Math.max(0, Math.min(size, boundary - 5));
      int to = Math.min(size, boundary + 5);
      assertThat(read(store, from, to - from)).isEqualTo(Arrays.copyOfRange(data, from, to));
    }
  }

  private static byte[] read(ObjectStore store, long offset, long length) throws Exception {
    try (ObjectContent c = store.getObject("b", "k", offset, length); InputStream in = c.newInputStream()) {
      return in.readAllBytes();
    }
  }
}
