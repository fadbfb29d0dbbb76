package io.s3wire.cli.systemtools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.s3wire.server.ObjectContent;
import io.s3wire.server.StoredObject;
import io.s3wire.server.S3Server;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Browser-form POST uploads to the embedded server from two real peers: boto3's {@code
 * generate_presigned_post} posted with python requests, and curl {@code -F} (a 2 MiB file, so curl
 * waits for 100-continue), plain HTTP/1.1 and h2 over TLS.
 */
@Tag("system-tools")
@Timeout(120)
class PostFormToolsTest {
  private static final String ACCESS = "postform-access";
  private static final String SECRET = "postform-secret-0123456789abcdef";
  private static final String BOTO3 = """
      import sys, boto3, requests
      from botocore.config import Config
      endpoint, bucket, path, ca = sys.argv[1:5]
      s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1",
                        config=Config(s3={"addressing_style": "path"}))
      post = s3.generate_presigned_post(
          bucket, "uploads/${filename}",
          Fields={"Content-Type": "text/plain", "x-amz-meta-tool": "boto3", "success_action_status": "201"},
          Conditions=[{"Content-Type": "text/plain"}, {"x-amz-meta-tool": "boto3"},
                      {"success_action_status": "201"}, ["content-length-range", 1, 1048576]],
          ExpiresIn=600)
      with open(path, "rb") as f:
          r = requests.post(post["url"], data=post["fields"], files={"file": ("boto3 note.txt", f)},
                            verify=ca if ca != "-" else True, timeout=30)
      print(r.status_code)
      print(r.text)
      """;

  @TempDir Path tmp;

  @ParameterizedTest(name = "tls={0}")
  @ValueSource(booleans = {false, true})
  void boto3PresignedPostWithRequests(boolean tls) throws Exception {
    Path python = SystemTool.require("python3");
    assumeModules(python);
    try (S3Server server = S3Server.builder().credentials(ACCESS, SECRET).tls(tls).start()) {
      server.store().createBucket("forms");
      Path ca = tmp.resolve("ca.pem");
      if (tls) {
        server.writeCertificatePem(ca);
      }
      Path script = Files.writeString(tmp.resolve("post.py"), BOTO3);
      Path file = Files.writeString(tmp.resolve("note.txt"), "posted by boto3\n");
      List<String> out = run(List.of(python.toString(), script.toString(), server.endpoint().toString(), "forms",
          file.toString(), tls ? ca.toString() : "-"));
      assertThat(out.get(0)).as(String.join("\n", out)).isEqualTo("201");
      assertThat(String.join("\n", out)).contains("<Bucket>forms</Bucket><Key>uploads/boto3 note.txt</Key>");
      StoredObject info = server.store().headObject("forms", "uploads/boto3 note.txt");
      assertThat(info.attributes().header("content-type")).isEqualTo("text/plain");
      assertThat(info.attributes().userMetadata()).containsEntry("tool", "boto3");
      assertThat(read(server, "forms", "uploads/boto3 note.txt", info.size())).isEqualTo("posted by boto3\n");
    }
  }

  @ParameterizedTest(name = "tls={0}")
  @ValueSource(booleans = {false, true})
  void curlFormWithASignedPolicy(boolean tls) throws Exception {
    Path curl = SystemTool.require("curl");
    try (S3Server server = S3Server.builder().credentials(ACCESS, SECRET).tls(tls).start()) {
      server.store().createBucket("forms");
      Instant now = Instant.now();
      String day = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC).format(now);
      String credential = ACCESS + "/" + day + "/us-east-1/s3/aws4_request";
      String amzDate = day + "T000000Z";
      String policyJson = "{\"expiration\": \"" + now.plus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS)
          + "\", \"conditions\": [{\"bucket\": \"forms\"}, [\"starts-with\", \"$key\", \"curl/\"],"
          + " {\"x-amz-algorithm\": \"AWS4-HMAC-SHA256\"}, {\"x-amz-credential\": \"" + credential + "\"},"
          + " {\"x-amz-date\": \"" + amzDate + "\"}, [\"content-length-range\", 0, 4194304]]}";
      String policy = Base64.getEncoder().encodeToString(policyJson.getBytes(StandardCharsets.UTF_8));
      byte[] key = hmac(("AWS4" + SECRET).getBytes(StandardCharsets.UTF_8), day);
      for (String part : new String[] {"us-east-1", "s3", "aws4_request"}) {
        key = hmac(key, part);
      }
      String signature = HexFormat.of().formatHex(hmac(key, policy));
      byte[] data = new byte[2 * 1024 * 1024 + 3];
      new Random(11).nextBytes(data);
      Path file = tmp.resolve("blob.bin");
      Files.write(file, data);

      List<String> cmd = new ArrayList<>(List.of(curl.toString(), "-sS", "--max-time", "60", "-o", "/dev/null",
          "-w", "%{http_code} %{http_version}"));
      if (tls) {
        Path ca = tmp.resolve("ca.pem");
        server.writeCertificatePem(ca);
        cmd.addAll(List.of("--cacert", ca.toString(), "--http2"));
      }
      cmd.addAll(List.of("-F", "key=curl/${filename}", "-F", "x-amz-algorithm=AWS4-HMAC-SHA256",
          "-F", "x-amz-credential=" + credential, "-F", "x-amz-date=" + amzDate, "-F", "policy=" + policy,
          "-F", "x-amz-signature=" + signature, "-F", "file=@" + file + ";type=application/octet-stream",
          server.endpoint() + "/forms"));
      List<String> out = run(cmd);
      assertThat(out.get(0)).isEqualTo(tls ? "204 2" : "204 1.1");
      assertThat(server.store().headObject("forms", "curl/blob.bin").size()).isEqualTo(data.length);
      try (ObjectContent c = server.store().getObject("forms", "curl/blob.bin", 0, data.length);
          InputStream in = c.newInputStream()) {
        assertThat(in.readAllBytes()).isEqualTo(data);
      }
    }
  }

  /** Skips, loudly, unless python3 can import boto3 and requests. */
  private void assumeModules(Path python) throws Exception {
    Process p = new ProcessBuilder(python.toString(), "-c", "import boto3, requests").redirectErrorStream(true)
        .redirectOutput(tmp.resolve("import.log").toFile()).start();
    boolean ok;
    try {
      ok = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } finally {
      SystemTool.stop(p);
    }
    if (!ok) {
      String msg = "SKIPPED (system-tools): python3 cannot import boto3 and requests (apt-get install python3-boto3"
          + " python3-requests); .ci/run installs them";
      System.err.println(msg);
      System.out.println(msg);
    }
    assumeTrue(ok, "python3 lacks boto3 or requests");
  }

  /** Runs a command with no AWS settings of the machine; returns its output lines. */
  private List<String> run(List<String> cmd) throws IOException, InterruptedException {
    Path out = Files.createTempFile(tmp, "run", ".out");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
    pb.environment().put("HOME", tmp.toString());
    pb.environment().put("AWS_ACCESS_KEY_ID", ACCESS);
    pb.environment().put("AWS_SECRET_ACCESS_KEY", SECRET);
    pb.environment().put("AWS_CONFIG_FILE", tmp.resolve("none").toString());
    pb.environment().put("AWS_SHARED_CREDENTIALS_FILE", tmp.resolve("none").toString());
    Process p = pb.start();
    try {
      assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("%s finished", cmd.get(0)).isTrue();
    } finally {
      SystemTool.stop(p);
    }
    return Files.readAllLines(out, StandardCharsets.UTF_8);
  }

  private static String read(S3Server server, String bucket, String key, long size) throws IOException {
    try (ObjectContent c = server.store().getObject(bucket, key, 0, size); InputStream in = c.newInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
