package io.s3wire.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Compares a javadoc run's counts with a module's ceilings; shared by the modules' ratchet tests. */
public final class Ratchet {
  private Ratchet() {}

  /**
   * Fails when a package has more warnings than its ceiling (zero when absent), naming the first
   * messages; also fails when a package went below its ceiling, so the ceiling is lowered with the fix.
   */
  public static void check(JavadocWarnings.Report report, Map<String, Integer> ceiling) {
    assertThat(report.succeeded()).as("javadoc failed:%n%s", report.log()).isTrue();
    List<String> problems = new ArrayList<>();
    report.counts().forEach((pkg, n) -> {
      int max = ceiling.getOrDefault(pkg, 0);
      if (n > max) {
        problems.add(pkg + ": " + n + " javadoc warnings, at most " + max + " allowed; first: "
            + report.samples(pkg));
      }
    });
    ceiling.forEach((pkg, max) -> {
      int n = report.counts().getOrDefault(pkg, 0);
      if (n < max) {
        problems.add(pkg + ": " + n + " javadoc warnings, below its ceiling " + max
            + ": lower the ceiling to " + n + " (" + (n == 0 ? "remove the entry" : "keep it there") + ")");
      }
    });
    assertThat(problems).isEmpty();
  }
}
