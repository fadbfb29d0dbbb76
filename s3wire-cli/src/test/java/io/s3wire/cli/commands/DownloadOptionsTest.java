package io.s3wire.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.BucketKey;
import io.s3wire.CustomerKey;
import io.s3wire.PutObjectRequest;
import io.s3wire.S3Client;
import io.s3wire.cli.CliRun;
import io.s3wire.config.AwsConfigResolver;
import io.s3wire.http.TransportConfig;
import io.s3wire.server.BucketVersioning;
import io.s3wire.server.S3Server;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code cp}'s download options: {@code --version-id} and {@code --sse-c-key-file} become the read
 * the transfer makes, are refused where they mean nothing, and through the real entry point against
 * the embedded server over TLS (SSE-C needs it) fetch an old version of an SSE-C object to a file and
 * to standard output; a wrong or missing key exits 1 with the server's refusal and leaves no file.
 */
@Timeout(120)
class DownloadOptionsTest {
  private static final Map<String, String> ENV = Map.of("HOME", "/nonexistent-home");
  static final String ACCESS = "cli-download-access";
  static final String SECRET = "cli-download-secret-value-012345";
  static final byte[] KEY = bytes(32, 1);
  static final byte[] OTHER = bytes(32, 2);
  static final byte[] OLD = bytes(700_000, 3);
  static final byte[] NEW = bytes(1000, 4);

  @TempDir static Path home;
  static S3Server server;
  static Map<String, String> env;
  static String oldVersion;
  static Path keyFile;
  static Path otherFile;

  static byte[] bytes(int n, int seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  @BeforeAll
  static void start() throws Exception {
    server = S3Server.builder().credentials(ACCESS, SECRET).tls(true).start();
    Path ca = home.resolve("ca.pem");
    server.writeCertificatePem(ca);
    env = Map.of("HOME", home.toString(), "AWS_ACCESS_KEY_ID", ACCESS, "AWS_SECRET_ACCESS_KEY", SECRET,
        "AWS_REGION", "us-east-1", "AWS_CA_BUNDLE", ca.toString());
    keyFile = Files.write(home.resolve("key.bin"), KEY);
    otherFile = Files.write(home.resolve("other.bin"), OTHER);
    try (S3Client client = S3Client.builder().awsConfig(new AwsConfigResolver(Map.of(), home))
        .endpoint(server.endpoint().toString()).region("us-east-1").credentials(ACCESS, SECRET)
        .transportConfig(TransportConfig.builder().trustedCertificates(ca).build()).build()) {
      client.createBucket("vault");
      server.store().setVersioning("vault", BucketVersioning.ENABLED);
      // What PutBucketEncryption stores: SSE-S3 by default, SSE-C not blocked (new buckets block it).
      server.store().putBucketConfig("vault", "encryption", ("<ServerSideEncryptionConfiguration><Rule>"
          + "<ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256</SSEAlgorithm></ApplyServerSideEncryptionByDefault>"
          + "<BlockedEncryptionTypes><EncryptionType>NONE</EncryptionType></BlockedEncryptionTypes>"
          + "</Rule></ServerSideEncryptionConfiguration>").getBytes(StandardCharsets.UTF_8));
      BucketKey doc = BucketKey.of("vault", "doc.bin");
      oldVersion = client.putObject(PutObjectRequest.of(doc).withCustomerKey(CustomerKey.of(KEY)), OLD).versionId();
      client.putObject(PutObjectRequest.of(doc).withCustomerKey(CustomerKey.of(KEY)), NEW);
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static CopyRequest cp(String... args) {
    CommandLine cl = new CommandLine(new CpCommand(ENV));
    cl.parseArgs(args);
    return ((CpCommand) cl.getCommand()).toRequest();
  }

  private static CliRun run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--endpoint");
    all.add(server.endpoint().toString());
    return CliRun.run(env, all.toArray(String[]::new));
  }

  @Test
  void theOptionsBecomeTheDownloadsRead() throws Exception {
    Path target = home.resolve("out.bin");
    CopyRequest r = cp("s3://vault/doc.bin", target.toString(), "--version-id", "v1", "--sse-c-key-file", keyFile.toString());
    assertThat(r.options().read()).isEqualTo(new ReadFeatures("v1", CustomerKey.of(KEY)));
    assertThat(r.options().features()).isEqualTo(WriteFeatures.NONE);
    assertThat(r.options().read().onto(io.s3wire.GetObjectRequest.of(BucketKey.of("vault", "doc.bin"))))
        .isEqualTo(io.s3wire.GetObjectRequest.of(BucketKey.of("vault", "doc.bin")).withVersionId("v1")
            .withCustomerKey(CustomerKey.of(KEY)));
    // An upload's key still writes; it reads nothing.
    Path file = Files.writeString(home.resolve("up.txt"), "x");
    CopyRequest up = cp(file.toString(), "s3://vault/k", "--sse-c-key-file", keyFile.toString());
    assertThat(up.options().read()).isEqualTo(ReadFeatures.NONE);
    assertThat(up.options().features().customerKey()).isEqualTo(CustomerKey.of(KEY));
  }

  @Test
  void theVersionIdIsRefusedWhereItMeansNothing() throws Exception {
    Path file = Files.writeString(home.resolve("v.txt"), "x");
    assertThatThrownBy(() -> cp(file.toString(), "s3://vault/k", "--version-id", "v1"))
        .hasMessage("--version-id reads one version of one object to a file or '-': it cannot be used with an upload"
            + " or an object-to-object copy");
    assertThatThrownBy(() -> cp("s3://vault/", home.resolve("dir").toString(), "-r", "--version-id", "v1"))
        .hasMessageEndingWith("it cannot be used with --recursive");
    assertThatThrownBy(() -> cp("s3://vault/doc.bin", "out", "--version-id", "has space")).hasMessageStartingWith(
        "--version-id: ");
  }

  @Test
  void anOldVersionOfAnSseCObjectDownloadsToAFileAndToStandardOutput() throws Exception {
    Path target = home.resolve("old.bin");
    CliRun get = run("cp", "s3://vault/doc.bin", target.toString(), "--version-id", oldVersion, "--sse-c-key-file",
        keyFile.toString());
    assertThat(get.exitCode()).as(get.toString()).isZero();
    assertThat(Files.readAllBytes(target)).isEqualTo(OLD);
    assertThat(get.out() + get.err()).doesNotContain(java.util.Base64.getEncoder().encodeToString(KEY));

    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    StdStreams.use(new ByteArrayInputStream(new byte[0]), stdout);
    try {
      CliRun cat = run("cp", "s3://vault/doc.bin", "-", "--sse-c-key-file", keyFile.toString());
      assertThat(cat.exitCode()).as(cat.toString()).isZero();
    } finally {
      StdStreams.reset();
    }
    assertThat(stdout.toByteArray()).isEqualTo(NEW);
  }

  @Test
  void aWrongOrMissingKeyExitsOneWithTheServersRefusalAndNoFile() throws Exception {
    Path target = home.resolve("refused.bin");
    CliRun wrong = run("cp", "s3://vault/doc.bin", target.toString(), "--sse-c-key-file", otherFile.toString());
    assertThat(wrong.exitCode()).as(wrong.toString()).isEqualTo(ExitCodes.FAILED);
    assertThat(wrong.err()).contains("403");
    CliRun missing = run("cp", "s3://vault/doc.bin", target.toString());
    assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(ExitCodes.FAILED);
    assertThat(missing.err()).contains("400");
    assertThat(target).doesNotExist();
    try (var left = Files.list(home)) {
      assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".s3wire-download"));
    }
  }
}
