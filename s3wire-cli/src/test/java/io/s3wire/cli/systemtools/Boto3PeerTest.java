package io.s3wire.cli.systemtools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * boto3 at its defaults against {@code s3wire serve}: {@code boto3_session.py} (next to this class) makes a client
 * with only the endpoint and region, credentials and the CA bundle from the environment as boto3's users set them,
 * and runs put/get/head, the list_objects_v2 paginator, delete_objects, copy_object, the transfer manager's
 * upload_file, download_file and copy (multipart), and a presigned URL. boto3 speaks HTTP/1.1.
 */
@Tag("system-tools")
@Timeout(600)
class Boto3PeerTest {
  private static final List<String> STEPS = List.of("create_bucket",
      "put_object with metadata, a space and unicode in the key", "get_object", "head_object",
      "put_object 1005 keys under many/", "list_objects_v2 paginator (two pages of at most 1000)",
      "list_objects_v2 with a delimiter", "delete_objects (1005 keys in two batches)",
      "upload_file (transfer manager, multipart)", "download_file (transfer manager, ranged parts)", "copy_object",
      "copy (transfer manager, multipart copy)", "generate_presigned_url, fetched with urllib",
      "delete_object and delete_bucket");

  @TempDir Path tmp;

  /** A python3 that imports boto3 (the CI image's pyenv Python has it), or a skip (a failure under CI). */
  private static Path python() throws IOException, InterruptedException {
    Path python = SystemTool.find("python3");
    if (python != null) {
      Process p = new ProcessBuilder(python.toString(), "-c", "import boto3")
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      try {
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
          python = null;
        }
      } finally {
        SystemTool.stop(p);
      }
    }
    return SystemTool.require("python3 with boto3", python, "pip install boto3; the CI image has it under pyenv");
  }

  @ParameterizedTest(name = "tls={0}")
  @ValueSource(booleans = {false, true})
  void realisticSession(boolean tls) throws Exception {
    Path python = python();
    Path script = tmp.resolve("boto3_session.py");
    try (InputStream in = Boto3PeerTest.class.getResourceAsStream("boto3_session.py")) {
      Files.copy(in, script);
    }
    Path work = Files.createDirectories(tmp.resolve("work"));
    try (PeerSession s = PeerSession.start("boto3", tls, Files.createDirectories(tmp.resolve("session")))) {
      if (tls) {
        s.env("AWS_CA_BUNDLE", s.ca().toString());
      }
      s.version(python.toString(), "-c", "import boto3, botocore; print('boto3', boto3.__version__, 'botocore',"
          + " botocore.__version__)");
      String out = s.ok("the boto3 session script", python.toString(), script.toString(), s.endpoint(), "peers",
          work.toString(), Integer.toString(PeerFiles.BIG));
      System.out.print(out.lines().map(l -> "    " + l + "\n").reduce("", String::concat));
      assertThat(out.lines().filter(l -> l.startsWith("ok ")).map(l -> l.substring(3)))
          .as("steps passed").containsExactlyElementsOf(STEPS);
      assertThat(s.requests("UploadPart")).as("upload_file's parts of 8 MiB").isEqualTo(3);
      assertThat(s.requests("UploadPartCopy")).as("copy's parts of 8 MiB").isEqualTo(3);
      s.assertNotImplemented(0, "none");
    }
  }
}
