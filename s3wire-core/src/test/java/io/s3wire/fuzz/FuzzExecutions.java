package io.s3wire.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Counts the inputs a fuzz target ran and, when the run was a fuzzing run ({@code JAZZER_FUZZ} set,
 * as under {@code -Pfuzz}), writes {@code target/fuzz-executions/<TestClass>.txt} holding {@code
 * <TestClass> <executions>} for {@code .ci/run} to print. Register it as a static
 * {@code @RegisterExtension} field and call {@link #ran()} once per input.
 */
public final class FuzzExecutions implements AfterAllCallback {
  private final LongAdder executions = new LongAdder();

  /** Counts one input. */
  public void ran() {
    executions.increment();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    String fuzz = System.getenv("JAZZER_FUZZ");
    if (fuzz == null || fuzz.isEmpty()) {
      return;
    }
    String name = context.getRequiredTestClass().getSimpleName();
    Path dir = Path.of("target", "fuzz-executions");
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(name + ".txt"), name + " " + executions.sum() + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record the executions of " + name, e);
    }
  }
}
