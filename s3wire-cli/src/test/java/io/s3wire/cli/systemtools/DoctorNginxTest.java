package io.s3wire.cli.systemtools;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.cli.doctor.DoctorEngine;
import io.s3wire.cli.doctor.DoctorOptions;
import io.s3wire.cli.doctor.DoctorReport;
import io.s3wire.cli.doctor.Finding;
import io.s3wire.cli.doctor.JsonRenderer;
import io.s3wire.cli.doctor.Operation;
import io.s3wire.cli.doctor.ProfileWriter;
import io.s3wire.cli.doctor.TextRenderer;
import io.s3wire.server.S3Server;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code s3wire doctor} behind a real front end: nginx proxying to the embedded S3 server, as nginx
 * fronts Ceph RGW or MinIO in production. Over TLS with http2, nginx answers HTTP/2 requests that
 * carry a host header with its own 400 page, not a reset: the doctor names the host header, quotes
 * nginx's page and says a front end answered. Over plain HTTP/1.1 nginx speaks no h2c: a note.
 */
@Tag("system-tools")
@Timeout(240)
class DoctorNginxTest {
  private static final String BUCKET = "behind-nginx";
  private static final String SECRET = "nginx-test-secret-0123456789abcdefghij";

  @TempDir Path dir;
  private S3Server server;
  private LocalServers.Running nginx;

  @BeforeEach
  void startS3Server() throws Exception {
    SystemTool.require("nginx");
    server = S3Server.builder().credentials("nginx-test-key", SECRET).build().start();
    server.store().createBucket(BUCKET);
  }

  @AfterEach
  void stop() {
    if (nginx != null) {
      nginx.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private DoctorReport doctor(String endpoint, Path ca) throws Exception {
    Map<String, String> env = Map.of("HOME", dir.toString(), "AWS_ACCESS_KEY_ID", "nginx-test-key",
        "AWS_SECRET_ACCESS_KEY", SECRET, "AWS_REGION", "us-east-1");
    return new DoctorEngine(env, Clock.systemUTC()).run(new DoctorOptions(URI.create(endpoint), BUCKET, null, null, ca, false,
        null, null));
  }

  @Test
  void hostHeaderOnHttp2IsNamedWithNginxsOwnAnswer() throws Exception {
    nginx = LocalServers.nginxProxy(Files.createDirectories(dir.resolve("nginx")), server.port(), true);
    DoctorReport r = doctor(nginx.url(""), nginx.certificate());
    List<String> text = TextRenderer.render(r);
    String all = String.join("\n", text);

    assertThat(r.problems()).extracting(Finding::id).as(all).containsExactly("host-header-rejected");
    Finding f = r.problems().get(0);
    assertThat(f.title()).matches("HTTP/2 requests that carry a host header are rejected: nginx/[0-9.]+ answered 400 with an"
        + " HTML page: '400 Bad Request / nginx/[0-9.]+'");
    long h2Routes = r.measurements().cells().stream().filter(c -> c.operation() == Operation.BUCKET
        && c.shape() == io.s3wire.cli.doctor.Shape.NORMALISED && c.passed() && c.outcome().protocol() == io.s3wire.http.HttpProtocol.HTTP_2).count();
    assertThat(h2Routes).as("every route offering h2 got it").isGreaterThan(0);
    assertThat(f.whatFails()).startsWith(h2Routes * 4 + " HTTP/2 cell(s) with a host header fail where the normalised"
        + " request passes: 400 on " + h2Routes * 4 + ": jdk h2,http/1.1 host-header bucket, ");
    assertThat(f.cause()).contains("No S3 error document and no request id came back, so something in front of the S3"
        + " service (a proxy or load balancer) answered").contains("nginx gives its reason only in its error log");
    assertThat(f.evidence()).anyMatch(l -> l.trim().matches("server: nginx/[0-9.]+"));
    // What nginx logged confirms what the doctor says it logged.
    assertThat(Files.readString(nginx.dir().resolve("error.log"))).contains("client sent duplicate host header");
    assertThat(ProfileWriter.measured(r).forbidsHostHeaderOnH2()).isTrue();
    assertThat(text.get(text.size() - 1)).matches("cleanup: deleted \\d+ test object\\(s\\) under s3wire-doctor-[0-9a-f]+/ .*");
    assertThat(server.store().listObjects(BUCKET, "", "").hasNext()).as("the doctor left no object").isFalse();
    assertThat(all + JsonRenderer.render(r)).doesNotContain(SECRET);
  }

  @Test
  void plainHttp11FrontEndGetsRowsForPlainHttpAndANoteOnH2c() throws Exception {
    nginx = LocalServers.nginxProxy(Files.createDirectories(dir.resolve("nginx")), server.port(), false);
    DoctorReport r = doctor(nginx.plainUrl(), null);
    List<String> text = TextRenderer.render(r);
    String all = String.join("\n", text);

    assertThat(r.problems()).as(all).isEmpty();
    assertThat(r.findings()).extracting(Finding::id).containsExactly("no-h2c");
    assertThat(text.get(1)).startsWith("s3wire doctor: plain HTTP, so no TLS provider or ALPN offer to vary");
    assertThat(all).doesNotContain("unavailable");
    assertThat(text.get(text.size() - 1)).matches("cleanup: deleted \\d+ test object\\(s\\) under s3wire-doctor-[0-9a-f]+/ .*");
    assertThat(server.store().listObjects(BUCKET, "", "").hasNext()).as("the doctor left no object").isFalse();
    assertThat(all + JsonRenderer.render(r)).doesNotContain(SECRET);
  }
}
