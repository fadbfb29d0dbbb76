package io.s3wire.cli.systemtools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import io.s3wire.cli.CliRun;
import io.s3wire.server.ObjectAttributes;
import io.s3wire.server.S3Server;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Peers other than ourselves on the server's HTTP/3 listener: ngtcp2's example client (nghttp3
 * over ngtcp2 with GnuTLS, Debian's ngtcp2-client) PUTs and GETs through {@code s3wire presign}
 * URLs, and headless Chromium, forced onto QUIC for the origin, loads a presigned GET; its net
 * log shows the response came on a QUIC stream.
 */
@Tag("system-tools")
@Timeout(180)
class Http3PeersTest {
  private static final String ACCESS = "h3-peer-access";
  private static final String SECRET = "h3-peer-secret-0123456789abcdef";

  @TempDir Path dir;

  private S3Server start() {
    return S3Server.builder().credentials(ACCESS, SECRET).tls(true).http3(true).start();
  }

  private String presign(S3Server s3, String uri, String method) {
    Map<String, String> env = Map.of("HOME", dir.toString(), "AWS_ACCESS_KEY_ID", ACCESS, "AWS_SECRET_ACCESS_KEY",
        SECRET, "AWS_REGION", "us-east-1");
    CliRun run = CliRun.run(env, "presign", uri, "--method", method, "--expires", "5m", "--endpoint",
        s3.endpoint().toString());
    assertThat(run.exitCode()).as(run.toString()).isZero();
    return run.out().strip();
  }

  @Test
  void ngtcp2ClientPutsAndGetsThroughPresignedUrlsOverHttp3() throws Exception {
    Path client = SystemTool.require("gtlsclient", SystemTool.find("gtlsclient"), "apt-get install ngtcp2-client");
    try (S3Server s3 = start()) {
      s3.store().createBucket("quic");
      Path body = Files.writeString(dir.resolve("body.txt"), "uploaded by ngtcp2 over QUIC\n");
      String put = presign(s3, "s3://quic/from-ngtcp2.txt", "PUT");
      String putLog = run(List.of(client.toString(), "--exit-on-all-streams-close", "--no-quic-dump", "-m", "PUT", "-d",
          body.toString(), "127.0.0.1", Integer.toString(s3.port()), put));
      assertThat(putLog).contains("[:status: 200]");
      try (var stored = s3.store().getObject("quic", "from-ngtcp2.txt", 0,
          s3.store().headObject("quic", "from-ngtcp2.txt").size()); var in = stored.newInputStream()) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("uploaded by ngtcp2 over QUIC\n");
      }

      String get = presign(s3, "s3://quic/from-ngtcp2.txt", "GET");
      String getLog = run(List.of(client.toString(), "--exit-on-all-streams-close", "--no-quic-dump", "127.0.0.1",
          Integer.toString(s3.port()), get));
      String etag = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(Files.readAllBytes(body)));
      assertThat(getLog).contains("[:status: 200]", "[content-length: 29]", "[etag: \"" + etag + "\"]",
          "body 29 bytes");
      assertThat(s3.requestCounts()).containsEntry("PutObject", 1L).containsEntry("GetObject", 1L);
    }
  }

  @Test
  void ngtcp2ClientDownloadsAPublicObjectOverHttp3() throws Exception {
    Path client = SystemTool.require("gtlsclient", SystemTool.find("gtlsclient"), "apt-get install ngtcp2-client");
    // Anonymous: the client names its download after the URL's last segment, which a presigned
    // URL's query makes longer than a file name may be.
    try (S3Server s3 = S3Server.builder().anonymous(true).tls(true).http3(true).start()) {
      s3.store().createBucket("public");
      byte[] data = new byte[300 * 1024];
      new java.util.Random(3).nextBytes(data);
      s3.store().putObject("public", "blob.bin", ObjectAttributes.empty(), new ByteArrayInputStream(data));
      Path downloads = Files.createDirectories(dir.resolve("downloads"));
      String log = run(List.of(client.toString(), "--exit-on-all-streams-close", "--no-quic-dump", "--download",
          downloads.toString(), "127.0.0.1", Integer.toString(s3.port()), s3.endpoint() + "/public/blob.bin"));
      assertThat(log).contains("[:status: 200]", "[content-length: " + data.length + "]");
      assertThat(Files.readAllBytes(downloads.resolve("blob.bin"))).isEqualTo(data);
    }
  }

  @Test
  void chromiumForcedOntoQuicLoadsAPresignedGet() throws Exception {
    Path chromium = SystemTool.find("chromium") != null ? SystemTool.require("chromium")
        : SystemTool.require("chromium-browser");
    try (S3Server s3 = start()) {
      s3.store().createBucket("page");
      s3.store().putObject("page", "hello.txt", ObjectAttributes.empty().withHeaders(Map.of("content-type",
          "text/plain")), new ByteArrayInputStream("served over HTTP/3".getBytes(StandardCharsets.UTF_8)));
      String url = presign(s3, "s3://page/hello.txt", "GET");
      // Chromium accepts the self-signed certificate by its public key's SHA-256 (base64), as for QUIC it must.
      String spki = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
          .digest(s3.certificate().getPublicKey().getEncoded()));
      Path netLog = dir.resolve("netlog.json");
      String dom = run(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
          "--user-data-dir=" + dir.resolve("profile"), "--origin-to-force-quic-on=127.0.0.1:" + s3.port(),
          "--ignore-certificate-errors-spki-list=" + spki, "--log-net-log=" + netLog, "--dump-dom", url));
      assertThat(dom).contains("<pre style=\"word-wrap: break-word; white-space: pre-wrap;\">served over HTTP/3</pre>");
      assertThat(netLogEvents(netLog)).contains("HTTP_TRANSACTION_QUIC_SEND_REQUEST_HEADERS",
          "QUIC_CHROMIUM_CLIENT_STREAM_READ_RESPONSE_HEADERS").doesNotContain("TCP_CONNECT");
      assertThat(s3.requestCounts()).containsEntry("GetObject", 1L);
    }
  }

  /** The names of the events in a Chromium net log, in order. */
  @SuppressWarnings("unchecked")
  private static List<String> netLogEvents(Path netLog) throws Exception {
    Map<String, Object> log = JSON.std.mapFrom(Files.readString(netLog));
    Map<String, Object> types = (Map<String, Object>) ((Map<String, Object>) log.get("constants")).get("logEventTypes");
    Map<Integer, String> names = new java.util.HashMap<>();
    types.forEach((name, id) -> names.put(((Number) id).intValue(), name));
    List<String> events = new ArrayList<>();
    for (Object e : (List<Object>) log.get("events")) {
      events.add(names.get(((Number) ((Map<String, Object>) e).get("type")).intValue()));
    }
    return events;
  }

  /** Runs a peer to its end (at most 90 s); returns what it printed, and fails when it failed. */
  private String run(List<String> command) throws Exception {
    Path out = Files.createTempFile(dir, "peer", ".out");
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    try {
      assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("%s finished", command.get(0)).isTrue();
      assertThat(p.exitValue()).as("%s: %s", command, Files.readString(out)).isZero();
    } finally {
      SystemTool.stop(p);
    }
    return Files.readString(out, StandardCharsets.UTF_8);
  }
}
