package io.s3wire.cli.systemtools;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.cli.CliRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code s3wire probe} against real nghttpd and nginx, with each policy and TLS provider. */
@Tag("system-tools")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class ProbeSystemToolsTest {
  static Stream<Arguments> nghttpdCases() {
    List<Arguments> cases = new ArrayList<>();
    for (String tls : List.of("jdk", "openssl")) {
      // nghttpd speaks only h2: every policy that allows HTTP/2 gets it; HTTP/1.1-only cannot work.
      cases.add(Arguments.of(tls, "2", "h2,http/1.1", 0, "HTTP/2"));
      cases.add(Arguments.of(tls, "negotiate", null, 0, "HTTP/2"));
      cases.add(Arguments.of(tls, "auto", null, 0, "HTTP/2"));
      cases.add(Arguments.of(tls, "1.1", null, 1, null));
    }
    return cases.stream();
  }

  static Stream<Arguments> nginxCases() {
    List<Arguments> cases = new ArrayList<>();
    for (String tls : List.of("jdk", "openssl")) {
      cases.add(Arguments.of(tls, "1.1", null, "HTTP/1.1"));
      cases.add(Arguments.of(tls, "2", null, "HTTP/2"));
      cases.add(Arguments.of(tls, "negotiate", null, "HTTP/2"));
      cases.add(Arguments.of(tls, "auto", null, "HTTP/2"));
      cases.add(Arguments.of(tls, "negotiate", "none", "HTTP/1.1"));
      cases.add(Arguments.of(tls, "auto", "http/1.1", "HTTP/1.1"));
    }
    return cases.stream();
  }

  private LocalServers.Running nghttpd;
  private LocalServers.Running nginx;

  @BeforeAll
  void startServers(@TempDir Path base) throws IOException {
    if (SystemTool.find("nghttpd") != null) {
      nghttpd = LocalServers.nghttpd(java.nio.file.Files.createDirectories(base.resolve("nghttpd")));
    }
    if (SystemTool.find("nginx") != null) {
      nginx = LocalServers.nginx(java.nio.file.Files.createDirectories(base.resolve("nginx")));
    }
  }

  @AfterAll
  void stopServers() {
    if (nghttpd != null) {
      nghttpd.close();
    }
    if (nginx != null) {
      nginx.close();
    }
  }

  private static List<String> args(LocalServers.Running server, String path, String tls, String http, String alpn) {
    List<String> a = new ArrayList<>(List.of("probe", "--tls", tls, "--http", http, "--ca", server.certificate().toString(), "--trace"));
    if (alpn != null) {
      a.add("--alpn");
      a.add(alpn);
    }
    a.add(server.url(path));
    return a;
  }

  @ParameterizedTest(name = "nghttpd --tls {0} --http {1} --alpn {2}")
  @MethodSource("nghttpdCases")
  void nghttpd(String tls, String http, String alpn, int exitCode, String protocol) {
    SystemTool.require("nghttpd");
    CliRun run = CliRun.run(args(nghttpd, "/index.html", tls, http, alpn).toArray(String[]::new));
    assertThat(run.exitCode()).as("%s", run).isEqualTo(exitCode);
    if (exitCode == 0) {
      assertThat(run.out()).as("%s", run).contains("protocol: " + protocol, "status:   200", "body:     19 bytes",
          "recv SETTINGS frame <length=6, flags=0x00, stream_id=0>", "[SETTINGS_MAX_CONCURRENT_STREAMS(0x03):100]");
    } else {
      assertThat(run.err()).as("%s", run).startsWith("s3wire: probe failed: ").doesNotContain("\n\n");
      assertThat(run.err().strip().lines()).as("%s", run).hasSize(1);
    }
  }

  @ParameterizedTest(name = "nginx --tls {0} --http {1} --alpn {2}")
  @MethodSource("nginxCases")
  void nginx(String tls, String http, String alpn, String protocol) {
    SystemTool.require("nginx");
    CliRun run = CliRun.run(args(nginx, "/", tls, http, alpn).toArray(String[]::new));
    assertThat(run.exitCode()).as("%s", run).isZero();
    String serverProtocol = protocol.equals("HTTP/2") ? "HTTP/2.0" : "HTTP/1.1";
    assertThat(run.out()).as("%s", run).contains("protocol: " + protocol, "status:   200",
        "body:     " + ("hello from nginx " + serverProtocol + "\n").length() + " bytes");
    if (protocol.equals("HTTP/2")) {
      assertThat(run.out()).as("%s", run).contains("recv HEADERS frame <length=", ":status: 200");
    } else {
      assertThat(run.out()).as("%s", run).contains("send HTTP/1.1 request", "          HTTP/1.1 200 OK");
    }
  }
}
