package io.s3wire.cli.systemtools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The AWS CLI at its defaults against {@code s3wire serve}: the one pip installs (v1, botocore with flexible
 * checksums on by default; the CI image has it under pyenv) and Debian's awscli package (v2), on plain HTTP and
 * on TLS with the server's CA given the CLI's normal way ({@code AWS_CA_BUNDLE}). Both speak HTTP/1.1 only.
 */
@Tag("system-tools")
@Timeout(600)
class AwsCliPeerTest {
  private static final Path DEBIAN_AWS = Path.of("/usr/bin/aws");

  @TempDir Path tmp;

  static Stream<Arguments> sessions() {
    List<Arguments> cases = new ArrayList<>();
    for (String cli : List.of("pip", "debian")) {
      cases.add(Arguments.of(cli, false));
      cases.add(Arguments.of(cli, true));
    }
    return cases.stream();
  }

  private static Path cli(String which) {
    if (which.equals("debian")) {
      return SystemTool.require("aws (Debian awscli, v2)", Files.isExecutable(DEBIAN_AWS) ? DEBIAN_AWS : null,
          "apt-get install awscli");
    }
    return SystemTool.require("aws (pip awscli, v1)", SystemTool.find("aws", DEBIAN_AWS),
        "pip install awscli; the CI image has it under pyenv");
  }

  @ParameterizedTest(name = "{0} aws, tls={1}")
  @MethodSource("sessions")
  void realisticSession(String which, boolean tls) throws Exception {
    String aws = cli(which).toString();
    Path src = PeerFiles.tree(Files.createDirectories(tmp.resolve("src")));
    Path big = src.resolve("big.bin");
    Path small = src.resolve(PeerFiles.SMALL_NAME);
    try (PeerSession s = PeerSession.start("aws-cli " + which, tls, Files.createDirectories(tmp.resolve("session")))) {
      if (tls) {
        s.env("AWS_CA_BUNDLE", s.ca().toString());
      }
      String ep = "--endpoint-url=" + s.endpoint();
      boolean v1 = s.version(aws, "--version").startsWith("aws-cli/1.");
      assertThat(v1).as("which CLI").isEqualTo(which.equals("pip"));

      s.ok("make a bucket", aws, ep, "s3", "mb", "s3://peers");
      s.ok("upload a small file, space and unicode in the key", aws, ep, "s3", "cp", "--no-progress", small.toString(),
          "s3://peers/dir x/smäll ü.txt");
      s.ok("upload a multipart-size file", aws, ep, "s3", "cp", "--no-progress", big.toString(), "s3://peers/big.bin");
      assertThat(s.requests("UploadPart")).as("parts of 8 MiB").isEqualTo(3);
      assertThat(s.ok("list recursively", aws, ep, "s3", "ls", "--recursive", "s3://peers"))
          .contains("dir x/smäll ü.txt", " big.bin");
      assertThat(s.ok("list a prefix with a space", aws, ep, "s3", "ls", "s3://peers/dir x/"))
          .contains("1000 smäll ü.txt");
      assertThat(s.ok("list objects (api, prefix and delimiter)", aws, ep, "s3api", "list-objects-v2", "--bucket",
          "peers", "--prefix", "dir x/", "--delimiter", "/")).contains("\"Key\": \"dir x/smäll ü.txt\"");

      Path down = tmp.resolve("down.bin");
      s.ok("download the multipart object", aws, ep, "s3", "cp", "--no-progress", "s3://peers/big.bin", down.toString());
      PeerFiles.assertSameBytes(big, down);
      s.ok("sync a directory up", aws, ep, "s3", "sync", "--no-progress", src.toString(), "s3://peers/tree");
      Path back = tmp.resolve("back");
      s.ok("sync it back down", aws, ep, "s3", "sync", "--no-progress", "s3://peers/tree", back.toString());
      PeerFiles.assertSameTree(src, back);
      assertThat(s.ok("sync again: nothing to do", aws, ep, "s3", "sync", "--no-progress", src.toString(),
          "s3://peers/tree")).isBlank();

      s.ok("server-side copy", aws, ep, "s3", "cp", "--no-progress", "s3://peers/dir x/smäll ü.txt",
          "s3://peers/copy ü.txt");
      // AWS CLI v2 also copies the tags (--copy-props default): GetObjectTagging, then the parts.
      s.ok("server-side copy of a multipart-size object", aws, ep, "s3", "cp", "--no-progress",
          "s3://peers/big.bin", "s3://peers/big-copy.bin");
      assertThat(s.requests("UploadPartCopy")).as("parts copied").isEqualTo(3);
      if (!v1) {
        assertThat(s.requests("GetObjectTagging")).as("tags read for the copy").isPositive();
      }

      s.ok("put an object with metadata", aws, ep, "s3api", "put-object", "--bucket", "peers", "--key", "meta.txt",
          "--body", small.toString(), "--metadata", "purpose=peer-test", "--content-type", "text/x-peer");
      assertThat(s.ok("head it", aws, ep, "s3api", "head-object", "--bucket", "peers", "--key", "meta.txt"))
          .contains("\"purpose\": \"peer-test\"", "\"ContentType\": \"text/x-peer\"", "\"ContentLength\": 1000");
      String url = s.ok("presign a URL", aws, ep, "s3", "presign", "s3://peers/big.bin").strip();
      s.curlGet("fetch the presigned URL", url, big);
      s.ok("move an object", aws, ep, "s3", "mv", "--no-progress", "s3://peers/meta.txt", "s3://peers/moved.txt");
      s.ok("delete a prefix", aws, ep, "s3", "rm", "--recursive", "s3://peers/tree");
      assertThat(s.ok("list after the delete", aws, ep, "s3", "ls", "--recursive", "s3://peers"))
          .contains(" big.bin", " moved.txt").doesNotContain("tree/");
      s.ok("remove the bucket and what is left in it", aws, ep, "s3", "rb", "--force", "s3://peers");
      assertThat(s.ok("list buckets", aws, ep, "s3", "ls")).doesNotContain("peers");
      s.assertNotImplemented(0, "none");
    }
  }
}
