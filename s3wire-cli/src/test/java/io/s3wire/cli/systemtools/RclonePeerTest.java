package io.s3wire.cli.systemtools;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.http.HttpProtocol;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * rclone at its defaults against {@code s3wire serve}: an S3 remote of provider {@code Other} (rclone's choice for
 * an S3-compatible endpoint, which signs path-style), configured through rclone's environment variables, the
 * server's CA through {@code --ca-cert}. Over TLS rclone speaks HTTP/2.
 */
@Tag("system-tools")
@Timeout(600)
class RclonePeerTest {
  @TempDir Path tmp;

  @ParameterizedTest(name = "tls={0}")
  @ValueSource(booleans = {false, true})
  void realisticSession(boolean tls) throws Exception {
    Path rclone = SystemTool.require("rclone");
    Path src = PeerFiles.tree(Files.createDirectories(tmp.resolve("src")));
    Path big = src.resolve("big.bin");
    try (PeerSession s = PeerSession.start("rclone", tls, Files.createDirectories(tmp.resolve("session")))) {
      s.env("RCLONE_CONFIG_S3W_TYPE", "s3").env("RCLONE_CONFIG_S3W_PROVIDER", "Other")
          .env("RCLONE_CONFIG_S3W_ACCESS_KEY_ID", PeerSession.ACCESS_KEY)
          .env("RCLONE_CONFIG_S3W_SECRET_ACCESS_KEY", PeerSession.SECRET_KEY)
          .env("RCLONE_CONFIG_S3W_ENDPOINT", s.endpoint());
      s.version(rclone.toString(), "version");

      s.ok("make a bucket", r(rclone, s, "mkdir", "s3w:peers"));
      s.ok("copy a directory up", r(rclone, s, "copy", src.toString(), "s3w:peers/tree"));
      s.okFrom("stream a multipart-size file from stdin (rcat)", big, r(rclone, s, "rcat", "s3w:peers/streamed.bin"));
      assertThat(s.requests("UploadPart")).as("parts of 5 MiB").isEqualTo(4);
      assertThat(s.ok("list recursively", r(rclone, s, "lsf", "-R", "s3w:peers")).lines())
          .contains("streamed.bin", "tree/dir x/a b.txt", "tree/ünïcödé/z.txt", "tree/" + PeerFiles.SMALL_NAME);
      assertThat(s.ok("list a prefix with a space", r(rclone, s, "lsf", "s3w:peers/tree/dir x")).lines())
          .containsExactly("a b.txt");
      assertThat(s.ok("list directories", r(rclone, s, "lsd", "s3w:peers/tree"))).contains("dir x", "ünïcödé");

      Path down = tmp.resolve("down.bin");
      s.ok("download the multipart object", r(rclone, s, "copyto", "s3w:peers/streamed.bin", down.toString()));
      PeerFiles.assertSameBytes(big, down);
      s.ok("check the remote tree against the local one (sizes and MD5s)", r(rclone, s, "check", src.toString(),
          "s3w:peers/tree"));
      Path back = tmp.resolve("back");
      s.ok("sync the remote tree back down", r(rclone, s, "sync", "s3w:peers/tree", back.toString()));
      PeerFiles.assertSameTree(src, back);
      s.ok("sync it up again (modification times kept as metadata)", r(rclone, s, "sync", back.toString(),
          "s3w:peers/tree"));

      long copies = s.requests("CopyObject");
      s.ok("server-side copy", r(rclone, s, "copyto", "s3w:peers/tree/big.bin", "s3w:peers/copy.bin"));
      assertThat(s.requests("CopyObject")).as("copied on the server").isGreaterThan(copies);
      assertThat(s.ok("read metadata", r(rclone, s, "lsjson", "--metadata", "s3w:peers/tree/dir x/a b.txt")))
          .contains("\"mtime\"", "\"Size\":3");
      String url = s.ok("presign a URL (link)", r(rclone, s, "link", "s3w:peers/copy.bin")).strip();
      s.curlGet("fetch the presigned URL", url, big);
      s.ok("move an object", r(rclone, s, "moveto", "s3w:peers/copy.bin", "s3w:peers/moved.bin"));
      s.ok("delete a prefix", r(rclone, s, "delete", "s3w:peers/tree"));
      assertThat(s.ok("list after the delete", r(rclone, s, "lsf", "-R", "s3w:peers")).lines())
          .containsExactlyInAnyOrder("moved.bin", "streamed.bin");
      s.ok("remove the bucket and what is left in it", r(rclone, s, "purge", "s3w:peers"));
      assertThat(s.ok("list buckets", r(rclone, s, "lsd", "s3w:"))).doesNotContain("peers");
      s.assertNotImplemented(0, "none");
      if (tls) {
        assertThat(s.protocols()).as("rclone negotiates h2 over TLS").containsExactly(HttpProtocol.HTTP_2);
      }
    }
  }

  /** An rclone command line; on TLS with the server's CA, rclone's way ({@code --ca-cert}). */
  private static String[] r(Path rclone, PeerSession s, String... args) {
    List<String> cmd = new ArrayList<>(List.of(rclone.toString()));
    if (s.tls()) {
      cmd.addAll(List.of("--ca-cert", s.ca().toString()));
    }
    cmd.addAll(List.of(args));
    return cmd.toArray(String[]::new);
  }
}
