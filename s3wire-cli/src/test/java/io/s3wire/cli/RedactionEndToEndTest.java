package io.s3wire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.cli.local.LocalS3Target;
import io.s3wire.error.Attempt;
import io.s3wire.error.S3Exception;
import io.s3wire.http.HttpHeaders;
import io.s3wire.http.HttpRequest;
import io.s3wire.http.HttpResponse;
import io.s3wire.http.HttpTransport;
import io.s3wire.http.HttpVersionPolicy;
import io.s3wire.http.RequestBody;
import io.s3wire.http.TlsProvider;
import io.s3wire.http.TransportConfig;
import io.s3wire.wire.Redaction;
import io.s3wire.wire.TraceFormat;
import io.s3wire.wire.TraceRecorder;
import io.s3wire.wire.TraceWriter;
import io.s3wire.wire.WireListener;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A known secret sent through the real transport on every path (Authorization signature and
 * credential, presigned query values, x-amz-security-token, cookie, a caller-marked header) appears
 * in no trace format, no toString, no exception message, no attempt, no CLI output.
 */
@Timeout(60)
class RedactionEndToEndTest {
  static final String SECRET = "S3CR3Tw1r3";
  static final String QUERY = "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA" + SECRET + "%2F20260101%2Fus-east-1"
      + "&X-Amz-Signature=" + SECRET + "abc&X-Amz-Security-Token=" + SECRET + "tok&partNumber=1";
  static final HttpHeaders HEADERS = HttpHeaders.of(
      "Authorization", "AWS4-HMAC-SHA256 Credential=AKIA" + SECRET + "/20260101/us-east-1/s3/aws4_request,"
          + " SignedHeaders=host;x-amz-date, Signature=" + SECRET + "00ff",
      "x-amz-security-token", SECRET + "-session",
      "cookie", "sid=" + SECRET,
      "x-my-api-key", "k" + SECRET,
      "x-amz-date", "20260101T000000Z");
  static final Set<String> MARKED = Set.of("X-My-Api-Key");

  @TempDir Path tmp;

  @ParameterizedTest
  @EnumSource(value = HttpVersionPolicy.class, names = {"HTTP_1_1", "HTTP_2"})
  void successfulCallOnEachVersion(HttpVersionPolicy policy) throws Exception {
    try (LocalS3Target responder = LocalS3Target.start()) {
      Path ca = responder.caFile();
      Redaction redaction = Redaction.DEFAULT.withSensitiveHeaders(MARKED);
      TraceRecorder recorder = TraceRecorder.create(1000, redaction);
      StringWriter json = new StringWriter();
      StringWriter text = new StringWriter();
      WireListener listener = WireListener.composite(recorder, new TraceWriter(json, TraceFormat.JSON, redaction),
          new TraceWriter(text, TraceFormat.TEXT, redaction));
      TransportConfig config = TransportConfig.builder().versionPolicy(policy).trustedCertificates(ca)
          .tlsProvider(TlsProvider.JDK).listener(listener).ioThreads(1).build();
      HttpRequest request = new HttpRequest("GET", URI.create(responder.uri() + "b/k?" + QUERY), HEADERS,
          RequestBody.empty(), MARKED);
      try (HttpTransport transport = HttpTransport.create(config)) {
        try (HttpResponse response = transport.execute(request).get(30, TimeUnit.SECONDS)) {
          // Anonymous, the server answers for a bucket that does not exist: the request went out.
          assertThat(response.status()).isBetween(200, 599);
          response.body().bytes();
        }
      }
      List<String> outputs = new ArrayList<>(List.of(json.toString(), text.toString(), request.toString(),
          request.headers().toString(), request.headers().toString(redaction)));
      outputs.addAll(recorder.render(TraceFormat.TEXT));
      outputs.addAll(recorder.render(TraceFormat.JSON));
      // The request really went out with its headers, and the trace shows them, masked.
      assertThat(text.toString()).contains("x-amz-date: 20260101T000000Z", "<redacted>", "SignedHeaders=host;x-amz-date");
      assertThat(outputs).noneMatch(o -> o.contains(SECRET));
    }
  }

  @Test
  void failuresCarryNoSecret() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    List<Throwable> failures = new ArrayList<>();
    TraceRecorder recorder = TraceRecorder.create(1000, Redaction.DEFAULT.withSensitiveHeaders(MARKED));
    try (HttpTransport transport = HttpTransport.create(TransportConfig.builder().listener(recorder).ioThreads(1).build())) {
      // Refused: nothing listens.
      failures.add(failure(transport, new HttpRequest("GET", URI.create("https://127.0.0.1:" + port + "/b/k?" + QUERY), HEADERS,
          RequestBody.empty(), MARKED)));
      // Refused before sending: a header value with CR LF that carries the secret.
      failures.add(failure(transport, new HttpRequest("GET", URI.create("https://127.0.0.1:" + port + "/k"),
          HttpHeaders.of("x-amz-security-token", SECRET + "\r\nx: y"), RequestBody.empty(), MARKED)));
      failures.add(failure(transport, new HttpRequest("GET", URI.create("https://127.0.0.1:" + port + "/k"),
          HttpHeaders.of("X-My-Api-Key", SECRET + "\n"), RequestBody.empty(), MARKED)));
    }
    for (Throwable t : failures) {
      assertThat(t).isInstanceOf(S3Exception.class);
      S3Exception e = (S3Exception) t;
      assertThat(e.getMessage()).doesNotContain(SECRET);
      assertThat(e.toString()).doesNotContain(SECRET);
      assertThat(e.explain()).doesNotContain(SECRET);
      for (Attempt a : e.attempts()) {
        assertThat(a.summary()).doesNotContain(SECRET);
        assertThat(a.traceTail()).noneMatch(l -> l.contains(SECRET));
      }
    }
    assertThat(recorder.render(TraceFormat.TEXT)).noneMatch(l -> l.contains(SECRET));
    assertThat(recorder.render(TraceFormat.JSON)).noneMatch(l -> l.contains(SECRET));
  }

  @Test
  void probeOutputCarriesNoSecretInEveryFormat() {
    try (LocalS3Target responder = LocalS3Target.start()) {
      Path ca = responder.caFile();
      String url = responder.uri() + "b/k?" + QUERY;
      for (List<String> extra : List.of(List.of("--trace"), List.of("--trace", "--json"), List.of("--trace", "--http", "1.1"))) {
        List<String> args = new ArrayList<>(List.of("probe", "--ca", ca.toString()));
        args.addAll(extra);
        args.add(url);
        CliRun run = CliRun.run(args.toArray(String[]::new));
        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(run.out()).contains("X-Amz-Signature=<redacted>").doesNotContain(SECRET);
        assertThat(run.err()).doesNotContain(SECRET);
      }
      // A failing probe: the message and the JSON failure line.
      CliRun failed = CliRun.run("probe", "--json", "--trace", url);
      assertThat(failed.exitCode()).isEqualTo(1);
      assertThat(failed.out() + failed.err()).doesNotContain(SECRET);
    }
  }

  private static Throwable failure(HttpTransport transport, HttpRequest request) throws InterruptedException {
    try {
      transport.execute(request).get(30, TimeUnit.SECONDS).close();
      throw new AssertionError("expected a failure for " + request);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError(e);
    }
  }
}
