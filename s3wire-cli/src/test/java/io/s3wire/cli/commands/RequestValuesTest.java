package io.s3wire.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.auth.Credentials;
import io.s3wire.wire.WireListener;
import io.s3wire.cli.CliRun;
import io.s3wire.http.HttpVersionPolicy;
import io.s3wire.http.TlsProvider;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Each command's arguments become a request value; no network is used here. */
@Timeout(30)
class RequestValuesTest {
  private static final Map<String, String> ENV = Map.of("HOME", "/nonexistent-home");

  @TempDir Path tmp;

  @SuppressWarnings("unchecked")
  private static <T> T parsed(T command, String... args) {
    CommandLine cl = new CommandLine(command);
    cl.parseArgs(args);
    return (T) cl.getCommand();
  }

  @Test
  void addressesParse() {
    assertThat(Location.parse("s3://bucket/a/b.txt")).isEqualTo(new Location.Remote("s3", "bucket", "a/b.txt"));
    assertThat(Location.parse("S3://bucket")).isEqualTo(new Location.Remote("s3", "bucket", ""));
    assertThat(Location.parse("gs://bucket/dir/")).isEqualTo(new Location.Remote("gs", "bucket", "dir/"));
    assertThat(Location.parse("-")).isEqualTo(new Location.Std());
    assertThat(Location.parse("./x/y")).isEqualTo(new Location.Local(Path.of("./x/y")));
    assertThatThrownBy(() -> Location.parse("s3:///key")).hasMessage("'s3:///key' names no bucket: write s3://BUCKET/KEY");
    assertThatThrownBy(() -> Location.parseRemote("bucket/key")).hasMessageContaining("is not an s3://BUCKET/KEY");
  }

  @Test
  void gsAddressMeansGcsProfileAtGoogle() {
    LsCommand ls = parsed(new LsCommand(ENV), "gs://b/p/");
    ClientSettings s = ls.global.settings(ENV).forAddresses(List.of(ls.toRequest().location()));
    assertThat(s.provider()).isEqualTo("gcs");
    assertThat(s.endpoint()).isEqualTo("https://storage.googleapis.com");
    LsCommand mine = parsed(new LsCommand(ENV), "gs://b", "--endpoint", "http://127.0.0.1:1");
    ClientSettings s2 = mine.global.settings(ENV).forAddresses(List.of(mine.toRequest().location()));
    assertThat(s2.endpoint()).isEqualTo("http://127.0.0.1:1");
    assertThatThrownBy(() -> s.forAddresses(List.of(Location.parse("s3://a/b"), Location.parse("gs://c/d"))))
        .hasMessageContaining("s3:// and gs:// addresses in one command");
  }

  @Test
  void globalOptionsBecomeSettings() {
    LsCommand ls = parsed(new LsCommand(ENV), "s3://b", "--endpoint", "https://h:9000", "--provider", "minio",
        "--region", "eu-west-1", "--profile", "dev", "--http", "1.1", "--tls", "openssl", "--alpn", "none",
        "--retries", "0", "--json", "-q", "-v", "--trace");
    ClientSettings s = ls.global.settings(ENV);
    assertThat(s.endpoint()).isEqualTo("https://h:9000");
    assertThat(s.provider()).isEqualTo("minio");
    assertThat(s.region()).isEqualTo("eu-west-1");
    assertThat(s.profile()).isEqualTo("dev");
    assertThat(s.retries()).isZero();
    assertThat(s.transport().policy()).isEqualTo(HttpVersionPolicy.HTTP_1_1);
    assertThat(s.transport().tlsProvider()).isEqualTo(TlsProvider.OPENSSL);
    assertThat(s.transport().alpnOffer().toString()).isEqualTo("none");
    assertThat(s.json()).isTrue();
    assertThat(s.quiet()).isTrue();
    assertThat(s.verbose()).isTrue();
    assertThat(s.trace().trace()).isTrue();
    assertThat(ls.toRequest()).isEqualTo(new LsCommand.Request(new Location.Remote("s3", "b", ""), false, false));
  }

  @Test
  void keyLogComesFromTheEnvironment() {
    LsCommand ls = parsed(new LsCommand(ENV));
    assertThat(ls.global.settings(Map.of("SSLKEYLOGFILE", "/tmp/keys")).transport().keyLog()).isEqualTo(Path.of("/tmp/keys"));
  }

  @Test
  void cpResolvesTargetsLikeAwsCli() throws Exception {
    Path file = Files.writeString(tmp.resolve("photo.jpg"), "x");
    CpCommand up = parsed(new CpCommand(ENV), file.toString(), "s3://b/2024/", "--content-type", "image/jpeg",
        "--metadata", "owner=ops", "--metadata", "k=v=w", "--storage-class", "STANDARD_IA");
    assertThat(up.toRequest()).isEqualTo(new CopyRequest(new Location.Local(file),
        new Location.Remote("s3", "b", "2024/photo.jpg"), false, Filters.ALL, 16,
        new CopyOptions("image/jpeg", Map.of("owner", "ops", "k", "v=w"), "STANDARD_IA"), TransferSettings.DEFAULTS));

    CpCommand down = parsed(new CpCommand(ENV), "s3://b/dir/report.pdf", tmp.toString());
    assertThat(down.toRequest().target()).isEqualTo(new Location.Local(tmp.resolve("report.pdf")));

    CpCommand toStdout = parsed(new CpCommand(ENV), "s3://b/k", "-");
    assertThat(toStdout.toRequest().target()).isEqualTo(new Location.Std());

    CpCommand stdin = parsed(new CpCommand(ENV), "-", "s3://b/");
    assertThatThrownBy(stdin::toRequest).hasMessageContaining("give the object key to write");
  }

  @Test
  void transferOptionsBecomeTheTransferManagersConfig() throws Exception {
    Path file = Files.writeString(tmp.resolve("big.bin"), "x");
    CpCommand cp = parsed(new CpCommand(ENV), file.toString(), "s3://b/k", "--part-size", "64MiB", "--concurrency", "3",
        "--checksum-algorithm", "md5", "--resume");
    TransferSettings t = cp.toRequest().transfer();
    assertThat(t).isEqualTo(new TransferSettings(64L << 20, 3, io.s3wire.transfer.TransferChecksum.MD5, true));
    assertThat(t.config().partSize()).isEqualTo(64L << 20);
    assertThat(t.config().maxConcurrency()).isEqualTo(3);
    assertThat(t.config().checksum()).isEqualTo(io.s3wire.transfer.TransferChecksum.MD5);
    assertThat(TransferSettings.DEFAULTS.config()).isEqualTo(io.s3wire.transfer.TransferConfig.defaults());

    SyncCommand sync = parsed(new SyncCommand(ENV), tmp.toString(), "s3://b/p", "--checksum-algorithm", "CRC32C");
    assertThat(sync.toRequest().transfer().checksum()).isEqualTo(io.s3wire.transfer.TransferChecksum.CRC32C);
  }

  @Test
  void badTransferOptionsAreNamed() throws Exception {
    Path file = Files.writeString(tmp.resolve("f.bin"), "x");
    String f = file.toString();
    assertThatThrownBy(() -> parsed(new CpCommand(ENV), f, "s3://b/k", "--part-size", "4MiB").toRequest())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("--part-size must be 5MiB to 5GiB, not 4MiB");
    assertThatThrownBy(() -> parsed(new CpCommand(ENV), f, "s3://b/k", "--part-size", "lots").toRequest())
        .hasMessageStartingWith("--part-size: not a size: 'lots'");
    assertThatThrownBy(() -> parsed(new CpCommand(ENV), f, "s3://b/k", "--concurrency", "0").toRequest())
        .hasMessage("--concurrency must be 1 to 256, not 0");
    assertThatThrownBy(() -> parsed(new CpCommand(ENV), f, "s3://b/k", "--checksum-algorithm", "xxhash64").toRequest())
        .hasMessage("--checksum-algorithm takes auto, md5, crc32, crc32c, crc64nvme, sha1 or sha256, not 'xxhash64'");
    assertThat(parsed(new CpCommand(ENV), f, "s3://b/k", "--checksum-algorithm", "crc64nvme").toRequest().transfer()
        .checksum()).isEqualTo(io.s3wire.transfer.TransferChecksum.CRC64NVME);
    assertThatThrownBy(() -> parsed(new CpCommand(ENV), "s3://b/k", f, "--resume").toRequest())
        .hasMessageStartingWith("--resume resumes uploads of files");
    assertThatThrownBy(() -> parsed(new CpCommand(ENV), "-", "s3://b/k", "--resume").toRequest())
        .hasMessageStartingWith("--resume resumes uploads of files");
    assertThatThrownBy(() -> parsed(new SyncCommand(ENV), "s3://b/p", tmp.toString(), "--resume").toRequest())
        .hasMessageStartingWith("--resume resumes uploads of files");
  }

  @Test
  void cpRecursiveKeepsFilterOrder() throws Exception {
    CpCommand cp = parsed(new CpCommand(ENV), tmp.toString(), "s3://b/p", "--recursive", "--exclude", "*",
        "--include=*.txt", "--exclude", "skip/*", "--parallel", "4");
    CopyRequest r = cp.toRequest();
    assertThat(r.recursive()).isTrue();
    assertThat(r.parallel()).isEqualTo(4);
    assertThat(r.filters().rules()).containsExactly(new Filters.Rule(false, "*"), new Filters.Rule(true, "*.txt"),
        new Filters.Rule(false, "skip/*"));
    assertThat(r.filters().includes("a/b.txt")).isTrue();
    assertThat(r.filters().includes("skip/b.txt")).isFalse();
    assertThat(r.filters().includes("a.bin")).isFalse();
  }

  @Test
  void globsMatchLikeAwsCli() {
    assertThat(Filters.regex("*.txt").matcher("a/b/c.txt").matches()).isTrue();
    assertThat(Filters.regex("a?c").matcher("abc").matches()).isTrue();
    assertThat(Filters.regex("a?c").matcher("abbc").matches()).isFalse();
    assertThat(Filters.regex("[ab]*.log").matcher("b1.log").matches()).isTrue();
    assertThat(Filters.regex("[!ab]*.log").matcher("b1.log").matches()).isFalse();
    assertThat(Filters.regex("a.b+(c)").matcher("a.b+(c)").matches()).isTrue();
    assertThat(Filters.regex("a.b").matcher("axb").matches()).isFalse();
  }

  @Test
  void badArgumentsAreUsageErrors() {
    assertThat(CliRun.run(ENV, "cp", "a", "b").exitCode()).isEqualTo(ExitCodes.USAGE);
    CliRun localOnly = CliRun.run(ENV, "cp", "a", "b");
    assertThat(localOnly.err()).contains("one side must be an s3:// or gs:// address");
    assertThat(CliRun.run(ENV, "cp", "-", "-").exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(CliRun.run(ENV, "mv", "-", "s3://b/k").exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(CliRun.run(ENV, "rm", "s3://b/prefix/").err()).contains("add --recursive");
    assertThat(CliRun.run(ENV, "cat", "s3://b").exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(CliRun.run(ENV, "ls", "--retries", "-1").exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(CliRun.run(ENV, "sync", "s3://a/x", "s3://b/y", "--size-only", "--checksum").exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(CliRun.run(ENV, "presign", "s3://b/k", "--expires", "8d").err()).contains("--expires must be 1 second to 7 days");
    assertThat(CliRun.run(ENV, "presign", "s3://b/k", "--method", "POST").exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(CliRun.run(ENV, "serve", "--no-alpn").err()).contains("--no-alpn needs --tls");
    assertThat(CliRun.run(ENV, "serve", "--http3").err()).contains("--http3 needs --tls: QUIC always runs over TLS 1.3");
    assertThat(CliRun.run(ENV, "ls", "s3://b", "--insecure", "--ca", "x.pem").err()).contains("--insecure and --ca clash");
    assertThat(CliRun.run(ENV, "config").exitCode()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void syncRequestAndCompareModes() {
    SyncCommand sync = parsed(new SyncCommand(ENV), "s3://a/x", "s3://b/y", "--delete", "--dry-run", "--checksum");
    SyncCommand.Request r = sync.toRequest();
    assertThat(r.compare()).isEqualTo(Plans.Compare.CHECKSUM);
    assertThat(r.delete()).isTrue();
    assertThat(r.dryRun()).isTrue();
    assertThat(parsed(new SyncCommand(ENV), "s3://a/x", "s3://b/y").toRequest().compare()).isEqualTo(Plans.Compare.SIZE_AND_TIME);
  }

  @Test
  void presignParsesAndSigns() {
    PresignCommand p = parsed(new PresignCommand(ENV), "s3://bucket/dir/a b.txt", "--expires", "10m", "--method", "put");
    PresignCommand.Request r = p.toRequest();
    assertThat(r).isEqualTo(new PresignCommand.Request(new Location.Remote("s3", "bucket", "dir/a b.txt"), "PUT", Duration.ofMinutes(10)));
    assertThat(PresignCommand.parseDuration("7d")).isEqualTo(Duration.ofDays(7));
    assertThat(PresignCommand.parseDuration("90")).isEqualTo(Duration.ofSeconds(90));
    assertThatThrownBy(() -> PresignCommand.parseDuration("1w")).hasMessageContaining("--expires takes");

    ClientSettings s = p.global.settings(ENV);
    ClientSettings local = new ClientSettings("http://127.0.0.1:9000", null, null, "us-east-1", null, null,
        false, s.transport(), s.trace(), false, false);
    URI url = PresignCommand.presign(r, Session.builder(local, Map.of("HOME", tmp.toString()), WireListener.NONE)
        .credentials(Credentials.of("AKIDEXAMPLE", "secretsecret"))
        .clock(java.time.Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), java.time.ZoneOffset.UTC)));
    assertThat(url.getRawPath()).isEqualTo("/bucket/dir/a%20b.txt");
    assertThat(url.getRawQuery()).startsWith("X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20260102%2Fus-east-1%2Fs3%2Faws4_request"
        + "&X-Amz-Date=20260102T030405Z&X-Amz-Expires=600&X-Amz-SignedHeaders=host&X-Amz-Signature=");
    assertThat(url.getRawQuery()).doesNotContain("secretsecret");
  }

  @Test
  void serveRequest() {
    ServeCommand serve = parsed(new ServeCommand(), "--dir", "/data", "--port", "0", "--tls", "--http2-only",
        "--profile", "gcs", "--access-key", "ak", "--secret-key", "sk");
    io.s3wire.server.ServeOptions r = serve.toRequest();
    assertThat(r.dir()).isEqualTo(Path.of("/data"));
    assertThat(r.alpn()).containsExactly("h2");
    assertThat(r.profile()).isEqualTo("gcs");
    assertThat(r.tls()).isTrue();
    assertThat(r.port()).isZero();
    assertThat(r.accessKey()).isEqualTo("ak");
    assertThat(r.caFile()).isNotNull();
    assertThat(parsed(new ServeCommand()).toRequest()).isEqualTo(io.s3wire.server.ServeOptions.defaults());
    assertThat(parsed(new ServeCommand()).toRequest().alpn()).containsExactly("h2", "http/1.1");
    assertThat(parsed(new ServeCommand(), "--tls", "--no-alpn").toRequest().alpn()).isEmpty();
    assertThat(r.http3()).isFalse();
    assertThat(parsed(new ServeCommand(), "--tls", "--http3").toRequest().http3()).isTrue();
  }

  @Test
  void serveWithFurtherUsers() {
    assertThat(parsed(new ServeCommand(), "--user", "bob:bobsecret", "--user", "carol").toRequest().users())
        .containsExactly("bob:bobsecret", "carol");
    assertThat(parsed(new ServeCommand()).toRequest().users()).isEmpty();
    assertThat(CliRun.run(ENV, "serve", "--anonymous", "--user", "bob").err()).contains("--anonymous and --user clash");
  }

  @Test
  void formats() {
    assertThat(Format.human(512)).isEqualTo("512 B");
    assertThat(Format.human(1536)).isEqualTo("1.5 KiB");
    assertThat(Format.human(5L * 1024 * 1024 * 1024)).isEqualTo("5.0 GiB");
    assertThat(Format.duration(75)).isEqualTo("1m15s");
    assertThat(Progress.line(10L << 20, 40L << 20, 3, 10, 5.0))
        .isEqualTo("10.0 MiB / 40.0 MiB  2.0 MiB/s  ETA 15s  (3/10 objects)");
    assertThat(Progress.line(0, 100, 0, 1, 0.0)).isEqualTo("0 B / 100 B  0 B/s");
  }
}
