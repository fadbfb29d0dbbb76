package io.s3wire.cli.rgw;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.cli.CliRun;
import io.s3wire.cli.commands.ExitCodes;
import io.s3wire.cli.rgw.RgwCli.Front;
import io.s3wire.rgw.RgwCluster;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The command line end to end against Ceph RGW 16.2, through {@link io.s3wire.cli.Main} in this JVM,
 * configured as a user would be (AWS environment variables, {@code --provider ceph}): on RGW's own
 * plain-HTTP front end, and through the TLS/HTTP/2 front with the CA in {@code AWS_CA_BUNDLE}.
 */
@Tag("rgw")
@Timeout(300)
class RgwCommandsTest {
  private static final int MIB = 1024 * 1024;

  @TempDir Path tmp;

  @ParameterizedTest
  @EnumSource(Front.class)
  void bucketsObjectsMultipartStatAndRemoval(Front front) throws Exception {
    RgwCli cli = new RgwCli(front, tmp);
    String b = RgwCli.bucket("basic");
    assertThat(cli.ok("mb", "s3://" + b).out()).isEqualTo("make_bucket: " + b + "\n");
    assertThat(RgwCli.jsonLines(cli.ok("ls", "--json").out())).anySatisfy(m -> assertThat(m.get("bucket")).isEqualTo(b));

    Path small = Files.writeString(tmp.resolve("hello.txt"), "hello, rgw\n");
    assertThat(cli.ok("cp", small.toString(), "s3://" + b + "/dir/", "--content-type", "text/plain",
        "--metadata", "owner=ops").out()).isEqualTo("upload: " + small + " to s3://" + b + "/dir/hello.txt\n");
    byte[] data = new byte[20 * MIB + 3];
    new Random(17).nextBytes(data);
    Path big = Files.write(tmp.resolve("big.bin"), data);
    assertThat(cli.ok("cp", big.toString(), "s3://" + b + "/big.bin").out())
        .isEqualTo("upload: " + big + " to s3://" + b + "/big.bin\n");

    assertThat(RgwCli.jsonLines(cli.ok("ls", "s3://" + b, "--json").out()))
        .extracting(m -> m.containsKey("prefix") ? "PRE " + m.get("prefix") : m.get("key"))
        .containsExactlyInAnyOrder("PRE dir/", "big.bin");
    List<Map<String, Object>> all = RgwCli.jsonLines(cli.ok("ls", "s3://" + b, "--recursive", "--json").out());
    assertThat(all).extracting(m -> m.get("key")).containsExactly("big.bin", "dir/hello.txt");
    assertThat(all).extracting(m -> ((Number) m.get("size")).longValue()).containsExactly((long) data.length, 11L);

    Map<String, Object> smallStat = RgwCli.jsonLines(cli.ok("stat", "s3://" + b + "/dir/hello.txt", "--json").out()).get(0);
    assertThat(smallStat).containsEntry("content_type", "text/plain").containsEntry("metadata", Map.of("owner", "ops"))
        .containsEntry("etag", md5("hello, rgw\n".getBytes(StandardCharsets.UTF_8)));
    Map<String, Object> bigStat = RgwCli.jsonLines(cli.ok("stat", "s3://" + b + "/big.bin", "--json").out()).get(0);
    assertThat(((Number) bigStat.get("size")).longValue()).isEqualTo(data.length);
    assertThat((String) bigStat.get("etag")).endsWith("-3");

    Path down = tmp.resolve("down.bin");
    assertThat(cli.ok("cp", "s3://" + b + "/big.bin", down.toString()).out())
        .isEqualTo("download: s3://" + b + "/big.bin to " + down + "\n");
    assertThat(md5(Files.readAllBytes(down))).isEqualTo(md5(data));

    assertThat(cli.ok("rm", "s3://" + b + "/dir/hello.txt").out()).isEqualTo("delete: s3://" + b + "/dir/hello.txt\n");
    CliRun notEmpty = cli.run("rb", "s3://" + b);
    assertThat(notEmpty.exitCode()).as(notEmpty.toString()).isEqualTo(ExitCodes.FAILED);
    assertThat(notEmpty.err()).contains("409").contains("BucketNotEmpty");
    assertThat(cli.ok("rb", "s3://" + b, "--force").out()).endsWith("remove_bucket: " + b + "\n");
    assertThat(RgwCli.jsonLines(cli.ok("ls", "--json").out())).noneSatisfy(m -> assertThat(m.get("bucket")).isEqualTo(b));
  }

  @ParameterizedTest
  @EnumSource(Front.class)
  void syncUpDownAndDelete(Front front) throws Exception {
    RgwCli cli = new RgwCli(front, tmp);
    String b = RgwCli.bucket("sync");
    cli.ok("mb", "s3://" + b);
    Path src = Files.createDirectories(tmp.resolve("site"));
    Files.writeString(src.resolve("index.html"), "<h1>rgw</h1>");
    Files.createDirectories(src.resolve("css"));
    Files.writeString(src.resolve("css/site.css"), "h1 { color: red }");
    byte[] blob = new byte[17 * MIB];
    new Random(5).nextBytes(blob);
    Files.write(src.resolve("blob.bin"), blob);

    CliRun first = cli.ok("sync", src.toString(), "s3://" + b + "/site");
    assertThat(first.out().lines()).containsExactlyInAnyOrder(
        "upload: " + src.resolve("blob.bin") + " to s3://" + b + "/site/blob.bin",
        "upload: " + src.resolve("css/site.css") + " to s3://" + b + "/site/css/site.css",
        "upload: " + src.resolve("index.html") + " to s3://" + b + "/site/index.html");
    assertThat(cli.ok("sync", src.toString(), "s3://" + b + "/site").out()).isEmpty();

    Path copy = tmp.resolve("copy");
    cli.ok("sync", "s3://" + b + "/site", copy.toString());
    assertThat(Files.readString(copy.resolve("css/site.css"))).isEqualTo("h1 { color: red }");
    assertThat(md5(Files.readAllBytes(copy.resolve("blob.bin")))).isEqualTo(md5(blob));
    assertThat(cli.ok("sync", "s3://" + b + "/site", copy.toString(), "--checksum").out()).isEmpty();

    Files.delete(src.resolve("index.html"));
    assertThat(cli.ok("sync", src.toString(), "s3://" + b + "/site", "--delete").out())
        .isEqualTo("delete: s3://" + b + "/site/index.html\n");
    cli.ok("rb", "s3://" + b, "--force");
  }

  @ParameterizedTest
  @EnumSource(Front.class)
  void presignedUrlsWorkForPutAndGet(Front front) throws Exception {
    RgwCli cli = new RgwCli(front, tmp);
    String b = RgwCli.bucket("presign");
    cli.ok("mb", "s3://" + b);
    HttpClient http = httpClient(front);
    String putUrl = cli.ok("presign", "s3://" + b + "/up.txt", "--method", "PUT", "--expires", "5m").out().strip();
    HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(putUrl))
        .PUT(HttpRequest.BodyPublishers.ofString("via presigned PUT")).timeout(Duration.ofSeconds(20)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

    Map<String, Object> get = RgwCli.jsonLines(cli.ok("presign", "s3://" + b + "/up.txt", "--json").out()).get(0);
    assertThat(get).containsEntry("method", "GET");
    HttpResponse<String> got = http.send(HttpRequest.newBuilder(URI.create((String) get.get("url")))
        .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(got.statusCode()).isEqualTo(200);
    assertThat(got.body()).isEqualTo("via presigned PUT");
    cli.ok("rb", "s3://" + b, "--force");
  }

  /** probe: plain RGW speaks HTTP/1.1; the front negotiates h2 by ALPN with the CA given by --ca. */
  @ParameterizedTest
  @EnumSource(Front.class)
  void probeShowsTheNegotiatedProtocol(Front front) {
    List<String> args = new ArrayList<>(List.of("probe", front.endpoint() + "/"));
    if (front == Front.TLS) {
      args.addAll(List.of("--ca", RgwCluster.get().ca().toString()));
    }
    CliRun r = CliRun.run(new RgwCli(front, tmp).env(), args.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("protocol: " + (front == Front.TLS ? "HTTP/2" : "HTTP/1.1") + "\n")
        .contains("status:   200\n");
    if (front == Front.TLS) {
      assertThat(r.out()).contains("ALPN:     h2,http/1.1 -> h2\n");
    }
  }

  /** doctor: runs its matrix against RGW, names the endpoint, and leaves none of its objects behind. */
  @ParameterizedTest
  @EnumSource(Front.class)
  void doctorExaminesRgwAndCleansUp(Front front) {
    RgwCli cli = new RgwCli(front, tmp);
    String b = RgwCli.bucket("doctor");
    cli.ok("mb", "s3://" + b);
    CliRun r = cli.ok("doctor", "--bucket", b);
    assertThat(r.out()).startsWith("s3wire doctor: examining " + front.endpoint() + " (from environment variable AWS_ENDPOINT_URL)")
        .contains("\ncleanup: deleted ");
    assertThat(cli.ok("ls", "s3://" + b, "--recursive", "--json").out()).isEmpty();
    cli.ok("rb", "s3://" + b);
  }

  private static HttpClient httpClient(Front front) throws Exception {
    HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
    if (front == Front.TLS) {
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      try (InputStream in = Files.newInputStream(RgwCluster.get().ca())) {
        trust.setCertificateEntry("rgw-front", CertificateFactory.getInstance("X.509").generateCertificate(in));
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(null, tmf.getTrustManagers(), null);
      b.sslContext(ssl);
    } else {
      b.version(HttpClient.Version.HTTP_1_1);
    }
    return b.build();
  }

  private static String md5(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(b));
  }
}
