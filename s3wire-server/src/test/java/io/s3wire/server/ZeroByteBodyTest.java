package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A body stream that returns 0 bytes with room to read breaks InputStream's contract; both stores
 * fail the write with an IOException instead of asking it again forever, and store nothing.
 */
@Timeout(30)
class ZeroByteBodyTest {
  @TempDir Path temp;

  /** Gives ten bytes, then 0 bytes on every read. */
  private static InputStream stalling() {
    return new InputStream() {
      private int given;

      @Override
      public int read() {
        return given < 10 ? given++ : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (given < 10) {
          int n = Math.min(len, 10 - given);
          given += n;
          return n;
        }
        return 0;
      }
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "file"})
  void aBodyThatReturnsZeroBytesFailsTheWrite(String kind) throws Exception {
    try (ObjectStore store = kind.equals("memory") ? ObjectStore.memory() : ObjectStore.file(temp)) {
      store.createBucket("bucket");
      String message = "the body returned 0 bytes with room to read, after 10 bytes; an InputStream must block until"
          + " it has a byte or its end";

      assertThatThrownBy(() -> store.putObject("bucket", "k", ObjectAttributes.empty(), stalling()))
          .isInstanceOf(IOException.class).hasMessage(message);
      String upload = store.createMultipartUpload("bucket", "k", ObjectAttributes.empty());
      assertThatThrownBy(() -> store.uploadPart("bucket", "k", upload, 1, stalling()))
          .isInstanceOf(IOException.class).hasMessage(message);

      assertThatThrownBy(() -> store.headObject("bucket", "k")).isInstanceOf(S3ErrorException.class);
      assertThat(store.listParts("bucket", "k", upload)).isEmpty();
    }
  }
}
