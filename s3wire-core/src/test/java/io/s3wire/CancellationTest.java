package io.s3wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.config.AwsConfigResolver;
import io.s3wire.error.TransportException;
import io.s3wire.provider.ProviderProfiles;
import io.s3wire.retry.RetryPolicy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Giving up on a call ends its request on the wire: cancelling an operation's future (or a future
 * derived from it) or interrupting a blocking call closes the connection, against a server that
 * takes the request head and never answers.
 */
@Timeout(30)
class CancellationTest {
  private ServerSocket listener;
  private S3Client client;
  @TempDir Path temp;

  @BeforeEach
  void start() throws IOException {
    listener = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
    // accept() does not answer an interrupt, so the test's own timeout could not end it.
    listener.setSoTimeout(10_000);
    client = S3Client.builder()
        .awsConfig(new AwsConfigResolver(Map.of(), temp.resolve("home")))
        .endpoint("http://127.0.0.1:" + listener.getLocalPort())
        .region("eu-central-1")
        .credentials("AKIDCANCEL", "cancel-secret")
        .provider(ProviderProfiles.generic())
        .retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5), null))
        .build();
  }

  @AfterEach
  void stop() throws IOException {
    client.close();
    listener.close();
  }

  /** Accepts the request's connection and reads its head; the connection is left unanswered. */
  private Socket acceptRequestHead() throws IOException {
    Socket s = listener.accept();
    s.setSoTimeout(10_000);
    InputStream in = s.getInputStream();
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      assertThat(b).as("connection ended inside the request head").isNotNegative();
      head.write(b);
    }
    assertThat(head.toString(StandardCharsets.ISO_8859_1)).startsWith("PUT /bucket/k ");
    return s;
  }

  /** Reads until the client closes the connection; a read timeout (the client kept it open) fails the test. */
  private static void assertClientCloses(Socket s) throws IOException {
    InputStream in = s.getInputStream();
    byte[] buf = new byte[8192];
    try {
      while (in.read(buf) >= 0) {
        // the rest of the request body, if any
      }
    } catch (SocketException reset) {
      // closed with unread bytes: a reset, also a close
    }
  }

  @Test
  void cancellingADerivedFutureAbortsTheRequest() throws Exception {
    CompletableFuture<String> eTag = client.async().putObject(BucketKey.of("bucket", "k"), new byte[64 * 1024])
        .thenApply(PutObjectResult::eTag);
    try (Socket s = acceptRequestHead()) {
      assertThat(eTag.cancel(false)).isTrue();
      assertClientCloses(s);
    }
    assertThatThrownBy(eTag::join).isInstanceOf(CancellationException.class);
  }

  @Test
  void interruptingABlockingCallAbortsTheRequest() throws Exception {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread caller = new Thread(() -> {
      try {
        client.putObject(BucketKey.of("bucket", "k"), new byte[64 * 1024]);
      } catch (RuntimeException e) {
        failure.set(e);
      }
    });
    caller.start();
    try (Socket s = acceptRequestHead()) {
      caller.interrupt();
      assertClientCloses(s);
    }
    caller.join(10_000);
    assertThat(failure.get()).isInstanceOfSatisfying(TransportException.class,
        e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.CANCELLED));
  }
}
