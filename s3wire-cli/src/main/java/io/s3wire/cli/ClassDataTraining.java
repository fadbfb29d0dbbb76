package io.s3wire.cli;

import io.s3wire.cli.commands.StdStreams;
import io.s3wire.server.S3Server;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The launcher's class-data training run (see {@code ./s3wire}): one JVM that takes the paths the
 * commands take, so the AppCDS archive the JVM writes at its exit holds their classes, parsed and
 * verified. It runs the main job ({@code doctor} against the embedded server), {@code probe --local},
 * and the storage commands against an embedded server in this process, over plain HTTP and over TLS
 * with both providers: a bucket made and removed, a
 * small and a multipart object up (MD5 and CRC32C checks), down, copied on the server, listed,
 * stated, read, presigned and synced. The commands go through {@link Main#run} as typed, with an
 * environment of their own (credentials, and a home without AWS files), into a discarded output.
 *
 * <p>Exit status 0 when every step did what it should; the launcher keeps the archive only then.
 */
public final class ClassDataTraining {
  private static final String ACCESS_KEY = "class-data-training";
  private static final String SECRET_KEY = "class-data-training-secret";
  /** Over the transfer engine's 16 MiB multipart threshold, so uploads and downloads go in parts. */
  private static final int MULTIPART_BYTES = 17 << 20;

  private ClassDataTraining() {}

  public static void main(String[] args) throws IOException, java.security.GeneralSecurityException {
    Main.disableNettyJfrEvents();
    Path dir = Files.createTempDirectory("s3wire-class-data-training");
    List<String> failed = new ArrayList<>();
    try (S3Server server = S3Server.builder().host("127.0.0.1").port(0).credentials(ACCESS_KEY, SECRET_KEY).start()) {
      Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", SECRET_KEY,
          "AWS_REGION", "us-east-1", "HOME", dir.toString());
      Path big = dir.resolve("big.bin");
      byte[] bytes = new byte[MULTIPART_BYTES];
      new Random(7).nextBytes(bytes);
      Files.write(big, bytes);
      Files.writeString(dir.resolve("small.txt"), "class-data training\n");
      Files.createDirectories(dir.resolve("down"));
      String ep = "--endpoint=" + server.endpoint();
      String[][] steps = {
          {"doctor"},
          {"probe", "--local"},
          {"mb", ep, "s3://training"},
          {"cp", ep, "-q", big.toString(), "s3://training/big.bin"},
          {"cp", ep, "-q", "--provider=minio", big.toString(), "s3://training/big-crc.bin"},
          {"cp", ep, "-q", dir.resolve("small.txt").toString(), "s3://training/small.txt"},
          {"ls", ep, "s3://training"},
          {"ls", ep, "-r", "--json", "s3://training/"},
          {"stat", ep, "--checksums", "s3://training/big-crc.bin"},
          {"cat", ep, "s3://training/small.txt"},
          {"cp", ep, "-q", "s3://training/big.bin", dir.resolve("down/big.bin").toString()},
          {"cp", ep, "-q", "--provider=minio", "s3://training/big-crc.bin", dir.resolve("down/big-crc.bin").toString()},
          {"cp", ep, "-q", "s3://training/big.bin", "s3://training/big-copy.bin"},
          {"presign", ep, "s3://training/small.txt"},
          {"sync", ep, "-q", dir.resolve("down").toString(), "s3://training/synced/"},
          {"rm", ep, "-q", "-r", "s3://training/"},
          {"rb", ep, "s3://training"},
      };
      PrintWriter discard = new PrintWriter(OutputStream.nullOutputStream());
      run(env, discard, steps, failed);
      try (S3Server tls = S3Server.builder().host("127.0.0.1").port(0).tls(true).credentials(ACCESS_KEY, SECRET_KEY)
          .start()) {
        // Over TLS with both providers, trusting the server as users do (--ca): the handshake, the trust
        // manager and the record layer are most of a short TLS command's class loading.
        Path ca = dir.resolve("ca.pem");
        Files.writeString(ca, "-----BEGIN CERTIFICATE-----\n"
            + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(tls.certificate().getEncoded())
            + "\n-----END CERTIFICATE-----\n");
        String tep = "--endpoint=" + tls.endpoint();
        String trust = "--ca=" + ca;
        String[][] overTls = {
            {"mb", tep, trust, "s3://training-tls"},
            {"cp", tep, trust, "-q", big.toString(), "s3://training-tls/big.bin"},
            {"cp", tep, trust, "-q", "--tls=openssl", dir.resolve("small.txt").toString(), "s3://training-tls/small.txt"},
            {"cp", tep, trust, "-q", "s3://training-tls/big.bin", dir.resolve("down/tls.bin").toString()},
            {"cp", tep, trust, "-q", "--tls=openssl", "s3://training-tls/small.txt", dir.resolve("down/tls.txt").toString()},
            {"ls", tep, trust, "s3://training-tls"},
            {"rm", tep, trust, "-q", "-r", "s3://training-tls/"},
            {"rb", tep, trust, "s3://training-tls"},
        };
        run(env, discard, overTls, failed);
      }
    } finally {
      deleteTree(dir);
    }
    if (!failed.isEmpty()) {
      System.err.println("s3wire: class-data training: failed: " + String.join("; ", failed));
      System.exit(Main.FAILED);
    }
    System.exit(Main.OK);
  }

  /** Runs each step as typed, adding the ones that did not succeed to {@code failed}. */
  private static void run(Map<String, String> env, PrintWriter discard, String[][] steps, List<String> failed) {
    // cat writes object bytes to the standard streams, not through picocli's writers.
    StdStreams.use(InputStream.nullInputStream(), OutputStream.nullOutputStream());
    for (String[] step : steps) {
      if (Main.run(env, discard, discard, step) != Main.OK) {
        failed.add(String.join(" ", step));
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
