package io.s3wire.credentials.internal;

import io.s3wire.credentials.CredentialsLoader;
import io.s3wire.credentials.ProvidedCredentials;
import io.s3wire.error.ClientException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code credential_process}: runs the command through the platform shell (as the AWS SDKs do),
 * reads its standard output as the documented JSON ({@code Version} 1, {@code AccessKeyId}, {@code
 * SecretAccessKey}, optional {@code SessionToken} and {@code Expiration}). A non-zero exit is reported
 * with the first line of standard error; standard output is never quoted (it holds the secret).
 */
public final class ProcessLoader implements CredentialsLoader {
  private static final Duration TIMEOUT = Duration.ofMinutes(1);
  private static final int MAX_OUTPUT = 64 * 1024;

  private final String command;
  private final String origin;

  /**
   * A loader running {@code command}.
   *
   * @param command the command line
   * @param origin where it was configured, e.g. {@code "~/.aws/config [profile dev]"}
   */
  public ProcessLoader(String command, String origin) {
    this.command = command;
    this.origin = origin;
  }

  @Override
  public Optional<ProvidedCredentials> load() {
    String what = "credential_process (from " + origin + ")";
    boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    List<String> argv = windows ? List.of("cmd.exe", "/C", command) : List.of("sh", "-c", command);
    Process p;
    try {
      p = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.PIPE).start();
    } catch (IOException e) {
      throw new ClientException("credentials", what + " could not be started: " + e.getMessage());
    }
    try {
      p.getOutputStream().close();
      // Both pipes drain on threads of their own so a chatty or hung process cannot stall the wait.
      CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readQuietly(p.getErrorStream()),
          CredentialsThreads.pipes());
      CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> readQuietly(p.getInputStream()),
          CredentialsThreads.pipes());
      if (!p.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new ClientException("credentials", what + " did not finish within " + TIMEOUT.toSeconds() + " s");
      }
      byte[] out = stdout.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      String stderr = new String(err.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS), StandardCharsets.UTF_8);
      if (p.exitValue() != 0) {
        String first = stderr.strip().lines().findFirst().orElse("(no output on standard error)");
        throw new ClientException("credentials", what + " exited " + p.exitValue() + ": " + first);
      }
      Map<String, Object> doc = Json.object(new String(out, StandardCharsets.UTF_8), what + "'s output");
      Object version = doc.get("Version");
      if (version == null || !version.toString().equals("1")) {
        throw new ClientException("credentials", what + " printed Version " + version + "; only Version 1 is known");
      }
      return Optional.of(JsonCredentials.read(doc, JsonCredentials.PROCESS, what));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClientException("credentials", what + ": interrupted");
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException | IOException e) {
      throw new ClientException("credentials", what + " failed: " + e.getClass().getSimpleName());
    } finally {
      p.destroyForcibly();
    }
  }

  private static byte[] readQuietly(InputStream in) {
    try (in) {
      byte[] b = in.readNBytes(MAX_OUTPUT);
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return b;
    } catch (IOException e) {
      return new byte[0];
    }
  }
}
