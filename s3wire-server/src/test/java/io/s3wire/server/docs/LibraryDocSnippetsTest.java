package io.s3wire.server.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.BucketKey;
import io.s3wire.CallOptions;
import io.s3wire.GetObjectRequest;
import io.s3wire.S3AsyncClient;
import io.s3wire.S3Client;
import io.s3wire.error.S3Exception;
import io.s3wire.error.ServiceErrorCode;
import io.s3wire.error.ServiceException;
import io.s3wire.http.HttpVersionPolicy;
import io.s3wire.http.TlsProvider;
import io.s3wire.http.TransportConfig;
import io.s3wire.server.S3ServerExtension;
import io.s3wire.transfer.Transfer;
import io.s3wire.transfer.TransferListener;
import io.s3wire.transfer.TransferManager;
import io.s3wire.transfer.UploadOptions;
import io.s3wire.wire.TraceFormat;
import io.s3wire.wire.TraceRecorder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every code snippet of docs/library.md and of README's "Use it as a library", run against the
 * embedded server. Each sits between {@code // snippet:NAME} and {@code // end:NAME};
 * {@link StorageTest} holds the testing snippet; {@link DocSnippetsPresentTest} checks that the documents show exactly these texts.
 */
@Timeout(60)
class LibraryDocSnippetsTest {
  @RegisterExtension
  static final S3ServerExtension S3 = new S3ServerExtension(b -> b.credentials("AKIDDOCS", "docs-secret"));

  private static URI endpoint() {
    return S3.endpoint();
  }

  @Test
  void readme() {
    URI endpoint = endpoint();
    // snippet:readme
    try (S3Client s3 = S3Client.builder()
        .endpoint(endpoint)                      // e.g. http://127.0.0.1:9000 or https://storage.googleapis.com
        .region("us-east-1")
        .credentials("AKIDDOCS", "docs-secret")  // or leave out: AWS env vars and ~/.aws are read
        .build()) {
      s3.createBucket("photos");
      s3.putObject(BucketKey.of("photos", "hello.txt"), "hello".getBytes(StandardCharsets.UTF_8));
      String text = s3.getObjectBytes(BucketKey.of("photos", "hello.txt")).asUtf8();
      System.out.println(text);
    }
    // end:readme
  }

  @Test
  void clients() throws Exception {
    URI endpoint = endpoint();
    // snippet:clients
    S3AsyncClient async = S3Client.builder()
        .endpoint(endpoint).region("us-east-1").credentials("AKIDDOCS", "docs-secret")
        .buildAsync();
    CompletableFuture<Void> made = async.createBucket("reports");
    made.get(10, TimeUnit.SECONDS);

    // Same options, same event loop and connection pools; closing it leaves the first one open.
    S3Client blocking = async.newBuilder().build();
    blocking.putObject(BucketKey.of("reports", "q1.csv"), "a,b\n".getBytes(StandardCharsets.UTF_8));
    blocking.close();
    async.close();
    // end:clients
    assertThat(S3.client().getObjectBytes(BucketKey.of("reports", "q1.csv")).asUtf8()).isEqualTo("a,b\n");
  }

  @Test
  void transfers(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("big.bin"), "x".repeat(100_000));
    Path copy = dir.resolve("copy.bin");
    S3Client client = S3.client();
    client.createBucket("backups");
    // snippet:transfers
    try (TransferManager transfers = TransferManager.create(client.async())) {
      Transfer<?> up = transfers.uploadFile(BucketKey.of("backups", "big.bin"), file, UploadOptions.DEFAULTS);
      up.join();
      transfers.downloadFile(BucketKey.of("backups", "big.bin"), copy, TransferListener.NONE).join();
      // A download as a request: a version, an SSE-C key, extra headers and query parameters, a call listener.
      GetObjectRequest get = GetObjectRequest.of(BucketKey.of("backups", "big.bin"))
          .withOptions(CallOptions.NONE.withHeader("x-amz-request-payer", "requester"));
      transfers.downloadFile(get, copy, TransferListener.NONE).result()
          .thenAccept(info -> System.out.println(info.eTag()))   // on the client's completion executor
          .join();
    }
    // end:transfers
    assertThat(Files.mismatch(file, copy)).isEqualTo(-1L);
  }

  @Test
  void protocolControl() {
    URI endpoint = endpoint();
    // snippet:protocol
    TransportConfig transport = TransportConfig.builder()
        .versionPolicy(HttpVersionPolicy.HTTP_1_1)   // or HTTP_2, NEGOTIATE, NEGOTIATE_WITH_FALLBACK (default)
        .tlsProvider(TlsProvider.OPENSSL.isAvailable() ? TlsProvider.OPENSSL : TlsProvider.JDK)
        .build();
    try (S3Client s3 = S3Client.builder()
        .endpoint(endpoint).region("us-east-1").credentials("AKIDDOCS", "docs-secret")
        .transportConfig(transport)
        .build()) {
      s3.listBuckets();
      // A derived client that changes one transport setting gets a transport of its own.
      try (S3Client h2 = s3.newBuilder().transportConfig(t -> t.versionPolicy(HttpVersionPolicy.HTTP_2)).build()) {
        h2.listBuckets();
      }
    }
    // end:protocol
  }

  @Test
  void tracing() {
    URI endpoint = endpoint();
    // snippet:tracing
    TraceRecorder trace = TraceRecorder.create();
    try (S3Client s3 = S3Client.builder()
        .endpoint(endpoint).region("us-east-1").credentials("AKIDDOCS", "docs-secret")
        .listener(trace)
        .build()) {
      s3.listBuckets();
    }
    trace.render(TraceFormat.TEXT).forEach(System.out::println);  // secrets are redacted
    // end:tracing
    assertThat(String.join("\n", trace.render(TraceFormat.TEXT))).doesNotContain("docs-secret").isNotEmpty();
  }

  @Test
  void errors() {
    S3Client s3 = S3.client();
    // snippet:errors
    try {
      s3.getObjectBytes(BucketKey.of("no-such-bucket", "k"));
    } catch (ServiceException e) {
      if (e.code() == ServiceErrorCode.NO_SUCH_BUCKET) {
        System.out.println(e.explain());   // one paragraph: what happened and what to do
      }
    } catch (S3Exception e) {
      System.out.println(e.explain() + " retryable: " + e.isRetryable());
    }
    // end:errors
    assertThatThrownBy(() -> s3.getObjectBytes(BucketKey.of("no-such-bucket", "k")))
        .isInstanceOfSatisfying(ServiceException.class,
            e -> assertThat(e.explain()).contains("no bucket named"));
  }
}
