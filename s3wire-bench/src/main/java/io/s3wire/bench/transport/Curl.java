package io.s3wire.bench.transport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code curl} command line against the bench server and checks what it reports (status,
 * bytes, HTTP version). Timed from process start to exit, so curl pays its own start-up and TLS
 * handshake, as s3wire pays a fresh connection per timed transfer.
 */
final class Curl {
  /** How the PUT body is given to curl. */
  enum Upload {
    /** {@code -T FILE}: streams the file. */
    UPLOAD_FILE("-T"),
    /**
     * {@code --data-binary @FILE}: curl reads the whole file into memory first, then sends it; curl
     * 7.88 gives up with "out of memory" on 1 GiB, so it runs only up to {@link #DATA_BINARY_MAX}.
     */
    DATA_BINARY("--data-binary");

    final String flag;

    Upload(String flag) {
      this.flag = flag;
    }
  }

  /** The largest PUT also measured with {@code --data-binary}. */
  static final long DATA_BINARY_MAX = 256L << 20;

  private final String curl;
  private final Path ca;

  Curl(String curl, Path ca) {
    this.curl = curl;
    this.ca = ca;
  }

  /** {@code curl --version}'s first line, or null when curl cannot run. */
  static String version(String curl) {
    try {
      Process p = new ProcessBuilder(curl, "--version").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? out.lines().findFirst().orElse("") : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** Times a GET of {@code size} bytes to /dev/null; returns nanoseconds. */
  long get(String base, long size, boolean http2) throws IOException, InterruptedException {
    List<String> cmd = base(http2);
    cmd.addAll(List.of("-o", "/dev/null", "-w", "%{http_code} %{size_download} %{http_version}", base + "/bytes/" + size));
    return run(cmd, size, http2, "GET");
  }

  /** Times a PUT of {@code file}; returns nanoseconds. */
  long put(String base, Path file, long size, boolean http2, Upload how) throws IOException, InterruptedException {
    List<String> cmd = base(http2);
    cmd.addAll(List.of("-X", "PUT", "-H", "content-type: application/octet-stream", how.flag,
        how == Upload.DATA_BINARY ? "@" + file : file.toString(),
        "-o", "/dev/null", "-w", "%{http_code} %{size_upload} %{http_version}", base + "/upload"));
    return run(cmd, size, http2, "PUT");
  }

  private List<String> base(boolean http2) {
    List<String> cmd = new ArrayList<>(List.of(curl, "-sS", "--fail", "--cacert", ca.toString(),
        http2 ? "--http2" : "--http1.1"));
    return cmd;
  }

  private static long run(List<String> cmd, long size, boolean http2, String what)
      throws IOException, InterruptedException {
    long start = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (!p.waitFor(600, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("curl " + what + " did not finish in 600 s");
    }
    long elapsed = System.nanoTime() - start;
    String expected = "200 " + size + " " + (http2 ? "2" : "1.1");
    if (p.exitValue() != 0 || !out.endsWith(expected)) {
      throw new IOException("curl " + what + " exited " + p.exitValue() + " reporting '" + out + "', expected '"
          + expected + "'");
    }
    return elapsed;
  }
}
