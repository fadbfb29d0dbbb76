package io.s3wire.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.BucketKey;
import io.s3wire.CustomerKey;
import io.s3wire.ObjectAcl;
import io.s3wire.ObjectInfo;
import io.s3wire.PutObjectRequest;
import io.s3wire.S3Client;
import io.s3wire.ServerSideEncryption;
import io.s3wire.cli.CliRun;
import io.s3wire.config.AwsConfigResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code cp}'s request-feature options and {@code --version-id} of cat, stat and rm: the request values
 * they make, their one-line errors naming the option, and an upload through the real entry point
 * whose features the embedded server stored.
 */
@Timeout(60)
class WriteOptionsTest {
  private static final Map<String, String> ENV = Map.of("HOME", "/nonexistent-home");
  @TempDir static Path home;
  static LocalS3 s3;

  @BeforeAll
  static void start() throws Exception {
    s3 = new LocalS3(home);
  }

  @AfterAll
  static void stop() {
    s3.close();
  }

  @SuppressWarnings("unchecked")
  private static <T> T parsed(T command, String... args) {
    CommandLine cl = new CommandLine(command);
    cl.parseArgs(args);
    return (T) cl.getCommand();
  }

  private static CopyRequest cp(String... args) {
    return parsed(new CpCommand(ENV), args).toRequest();
  }

  @Test
  void optionsBecomeTheRequestsFeatures() throws Exception {
    Path file = Files.writeString(home.resolve("up.txt"), "x");
    byte[] raw = new byte[32];
    raw[5] = 7;
    Path keyFile = Files.write(home.resolve("key.bin"), raw);

    CopyRequest r = cp(file.toString(), "s3://b1b/k", "--sse", "aws:kms", "--sse-kms-key-id", "key-1", "--tag", "a=1",
        "--tag", "b=two", "--acl", "bucket-owner-full-control", "--content-type", "text/plain", "--cache-control",
        "no-cache", "--content-disposition", "inline", "--content-encoding", "gzip", "--storage-class", "STANDARD_IA");
    PutObjectRequest put = Transfers.put((Location.Remote) r.target(), r.options());
    assertThat(put.encryption()).isEqualTo(ServerSideEncryption.kms("key-1"));
    assertThat(put.tags()).containsExactlyInAnyOrderEntriesOf(Map.of("a", "1", "b", "two"));
    assertThat(put.acl()).isEqualTo(ObjectAcl.canned("bucket-owner-full-control"));
    assertThat(put.metadata().contentType()).isEqualTo("text/plain");
    assertThat(put.metadata().cacheControl()).isEqualTo("no-cache");
    assertThat(put.metadata().contentDisposition()).isEqualTo("inline");
    assertThat(put.metadata().contentEncoding()).isEqualTo("gzip");
    assertThat(put.metadata().storageClass()).isEqualTo("STANDARD_IA");

    CopyRequest withKey = cp(file.toString(), "s3://b1b/k", "--sse-c-key-file", keyFile.toString());
    assertThat(withKey.options().features().customerKey()).isEqualTo(CustomerKey.of(raw));
    assertThat(withKey.toString()).doesNotContain(Base64.getEncoder().encodeToString(raw));
    assertThat(cp(file.toString(), "s3://b1b/k").options().features()).isEqualTo(WriteFeatures.NONE);

    assertThat(parsed(new CatCommand(ENV), "s3://b1b/k", "--version-id", "v1").getRequest().versionId()).isEqualTo("v1");
    assertThat(parsed(new StatCommand(ENV), "s3://b1b/k", "--version-id", "v2").headRequest().versionId()).isEqualTo("v2");
    assertThat(parsed(new RmCommand(ENV), "s3://b1b/k", "--version-id", "v3").deleteRequest().versionId()).isEqualTo("v3");
  }

  @Test
  void badInputNamesTheOption() throws Exception {
    Path file = Files.writeString(home.resolve("bad.txt"), "x");
    Path shortKey = Files.write(home.resolve("short.key"), "SECRETKEYBYTES".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    assertThatThrownBy(() -> cp(file.toString(), "s3://b1b/k", "--sse", "aes")).hasMessage(
        "--sse must be AES256 or aws:kms, not 'aes'");
    assertThatThrownBy(() -> cp(file.toString(), "s3://b1b/k", "--sse-kms-key-id", "k")).hasMessage(
        "--sse-kms-key-id needs --sse aws:kms");
    assertThatThrownBy(() -> cp(file.toString(), "s3://b1b/k", "--sse", "AES256", "--sse-c-key-file", shortKey.toString()))
        .hasMessageStartingWith("--sse-c-key-file must hold exactly 32 bytes").hasMessageNotContaining("SECRETKEYBYTES");
    assertThatThrownBy(() -> cp(file.toString(), "s3://b1b/k", "--tag", "novalue")).hasMessage(
        "--tag takes NAME=VALUE, not 'novalue'");
    assertThatThrownBy(() -> cp(file.toString(), "s3://b1b/k", "--tag", "a=b&c")).hasMessageStartingWith("--tag: ");
    assertThatThrownBy(() -> cp(file.toString(), "s3://b1b/k", "--acl", "world")).hasMessageStartingWith(
        "--acl: 'world' is not a canned ACL");
    assertThatThrownBy(() -> cp("s3://b1b/k", file.toString(), "--tag", "a=b")).hasMessageContaining("not to a download");
    assertThatThrownBy(() -> parsed(new RmCommand(ENV), "s3://b1b/k", "--version-id", "").deleteRequest())
        .hasMessageStartingWith("--version-id: ");
    assertThatThrownBy(() -> parsed(new RmCommand(ENV), "s3://b1b/", "-r", "--version-id", "v").toRequest())
        .hasMessageContaining("cannot be used with --recursive");

    CliRun run = s3.run("cp", file.toString(), "s3://b1b/k", "--sse", "aes");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().lines().findFirst().orElse("")).contains("--sse must be AES256 or aws:kms, not 'aes'");
  }

  @Test
  void anUploadCarriesItsFeaturesToTheServer() throws Exception {
    Path file = Files.writeString(home.resolve("doc.txt"), "document");
    assertThat(s3.run("mb", "s3://cli-features").exitCode()).isZero();
    CliRun up = s3.run("cp", file.toString(), "s3://cli-features/doc.txt", "--sse", "AES256", "--tag", "team=cli",
        "--tag", "n=2", "--acl", "private", "--content-disposition", "attachment", "--cache-control", "max-age=5");
    assertThat(up.exitCode()).as(up.toString()).isZero();

    try (S3Client client = S3Client.builder().awsConfig(new AwsConfigResolver(Map.of(), home))
        .endpoint(s3.server.endpoint().toString()).region("us-east-1")
        .credentials(LocalS3.ACCESS_KEY, LocalS3.SECRET_KEY).build()) {
      ObjectInfo info = client.headObject(BucketKey.of("cli-features", "doc.txt"));
      assertThat(info.encryption()).isEqualTo(ServerSideEncryption.s3());
      assertThat(info.tagCount()).isEqualTo(2);
      assertThat(info.metadata().contentDisposition()).isEqualTo("attachment");
      assertThat(info.metadata().cacheControl()).isEqualTo("max-age=5");
    }
    CliRun rm = s3.run("rm", "s3://cli-features/doc.txt");
    assertThat(rm.exitCode()).as(rm.toString()).isZero();
    assertThat(rm.out().strip()).isEqualTo("delete: s3://cli-features/doc.txt");
  }
}
