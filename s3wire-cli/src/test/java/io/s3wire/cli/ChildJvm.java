package io.s3wire.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code io.s3wire.cli.Main} in a child JVM: with JVM options of the test's choosing, or the way
 * the launcher does for a JDK key log, with the extract-tls-secrets agent the build copies to
 * {@code target/agents}.
 */
public final class ChildJvm {
  private ChildJvm() {}

  public static Path agent() {
    return Path.of("target", "agents", "extract-tls-secrets.jar").toAbsolutePath();
  }

  /** Runs the CLI with the agent writing to {@code keyLog}; returns the exit code and merged output. */
  public static CliRun runWithAgent(Path keyLog, Path workDir, String... args) throws IOException, InterruptedException {
    return run(List.of("-javaagent:" + agent() + "=" + keyLog), workDir, args);
  }

  /** Runs the CLI with the given JVM options; returns the exit code and merged output. */
  public static CliRun run(List<String> jvmOptions, Path workDir, String... args) throws IOException, InterruptedException {
    return run(jvmOptions, java.util.Map.of(), workDir, args);
  }

  /** Like {@link #run(List, Path, String...)}, with {@code env} added to this process's environment. */
  public static CliRun run(List<String> jvmOptions, java.util.Map<String, String> env, Path workDir, String... args)
      throws IOException, InterruptedException {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> cmd = new ArrayList<>();
    cmd.add(java.toString());
    cmd.addAll(jvmOptions);
    cmd.addAll(List.of("-cp", classpath, "io.s3wire.cli.Main"));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile(workDir, "child", ".out");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    try {
      if (!p.waitFor(100, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the child JVM did not finish in 100 s: " + Files.readString(out));
      }
    } finally {
      p.destroyForcibly();
    }
    return new CliRun(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), "");
  }
}
