package io.s3wire.server.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.BucketKey;
import io.s3wire.ObjectMetadata;
import io.s3wire.S3AsyncClient;
import io.s3wire.auth.PayloadHash;
import io.s3wire.config.AwsConfigResolver;
import io.s3wire.error.ClientException;
import io.s3wire.http.HttpVersionPolicy;
import io.s3wire.http.RequestBody;
import io.s3wire.http.TransportConfig;
import io.s3wire.provider.ProviderProfiles;
import io.s3wire.retry.RetryPolicy;
import io.s3wire.server.S3Server;
import io.s3wire.transfer.TransferManager;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request body whose channel (or stream) gives 0 bytes with room to read breaks the blocking-read
 * contract; every client loop that reads one fails the call with a ClientException at once instead
 * of asking again forever: the transport's body pump, payload hashing, the unknown-length upload
 * and the transfer manager's stream upload.
 */
@Timeout(60)
class ZeroByteReadTest {
  private static final int GIVEN = 1000;

  @TempDir Path temp;
  private S3Server server;
  private S3AsyncClient client;
  /** Reads that returned 0 bytes. */
  private final AtomicInteger zeroReads = new AtomicInteger();

  @BeforeEach
  void start() throws Exception {
    server = S3Server.builder().credentials("AKIDZERO", "zero-read-secret").start();
    server.store().createBucket("bucket");
    client = S3AsyncClient.builder()
        .awsConfig(new AwsConfigResolver(Map.of(), temp.resolve("no-aws-home")))
        .endpoint(server.endpoint())
        .region("us-east-1")
        .credentials(server.accessKey(), server.secretKey())
        .provider(ProviderProfiles.generic())
        .retryPolicy(RetryPolicy.none())
        .transportConfig(TransportConfig.builder().versionPolicy(HttpVersionPolicy.HTTP_1_1)
            .callTimeout(Duration.ofSeconds(30)).build())
        .buildAsync();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  /** Gives {@link #GIVEN} bytes, then 0 bytes on every read. */
  private ReadableByteChannel stalling() {
    return new ReadableByteChannel() {
      private int given;

      @Override
      public int read(ByteBuffer dst) {
        if (given < GIVEN) {
          int n = Math.min(dst.remaining(), GIVEN - given);
          dst.position(dst.position() + n);
          given += n;
          return n;
        }
        zeroReads.incrementAndGet();
        return 0;
      }

      @Override
      public boolean isOpen() {
        return true;
      }

      @Override
      public void close() {}
    };
  }

  private RequestBody body(long length, boolean replayable) {
    return new RequestBody() {
      @Override
      public long contentLength() {
        return length;
      }

      @Override
      public boolean isReplayable() {
        return replayable;
      }

      @Override
      public ReadableByteChannel open() {
        return stalling();
      }
    };
  }

  private static ClientException failure(CompletableFuture<?> call) throws Exception {
    try {
      call.get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(ClientException.class);
      return (ClientException) e.getCause();
    }
    throw new AssertionError("the call succeeded");
  }

  @Test
  void aOneShotBodyFailsWhileItIsSent() throws Exception {
    ClientException e = failure(client.putObject(BucketKey.of("bucket", "k"), body(1 << 20, false), ObjectMetadata.NONE));
    assertThat(e.getMessage()).isEqualTo("request body: its channel gave 0 bytes with room to read, after 1000 bytes;"
        + " a RequestBody's channel must block until it has a byte or its end");
    assertThat(zeroReads).hasValue(1);
  }

  @Test
  void aReplayableBodyFailsWhileItIsHashed() throws Exception {
    ClientException e = failure(client.putObject(BucketKey.of("bucket", "k"), body(1 << 20, true), ObjectMetadata.NONE));
    assertThat(e.getMessage()).startsWith("body: the body of ").endsWith(" gave 0 bytes with room to read while it"
        + " was hashed; a RequestBody's channel must block until it has a byte or its end");
    assertThat(zeroReads).hasValue(1);
    assertThatThrownBy(() -> PayloadHash.ofBody(body(1 << 20, true))).isInstanceOf(ClientException.class)
        .hasMessage("request body: its channel gave 0 bytes with room to read while it was hashed; a RequestBody's"
            + " channel must block until it has a byte or its end");
  }

  @Test
  void aBodyOfUnknownLengthFailsWhileAPartIsRead() throws Exception {
    ClientException e = failure(client.putObject(BucketKey.of("bucket", "k"), body(-1, false), ObjectMetadata.NONE));
    assertThat(e.getMessage()).isEqualTo("body: the source of s3://bucket/k gave 0 bytes with room to read, after 1000"
        + " bytes of a part; a RequestBody's channel must block until it has a byte or its end");
    assertThat(zeroReads).hasValue(1);
  }

  @Test
  void aStreamThatReturnsZeroFailsTheStreamUpload() throws Exception {
    InputStream in = new InputStream() {
      @Override
      public int read() {
        return 'x';
      }

      @Override
      public int read(byte[] b, int off, int len) {
        zeroReads.incrementAndGet();
        return 0;
      }
    };
    try (TransferManager manager = TransferManager.create(client)) {
      ClientException e = failure(manager.uploadStream(BucketKey.of("bucket", "k"), in, null).result());
      assertThat(e.getMessage()).isEqualTo("stream: the source of s3://bucket/k returned 0 bytes with room to read;"
          + " an InputStream must block until it has a byte or its end");
    }
    assertThat(zeroReads).hasValue(1);
  }
}
