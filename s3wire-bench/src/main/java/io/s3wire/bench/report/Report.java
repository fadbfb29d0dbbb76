package io.s3wire.bench.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Renders measures as Markdown: one figures table and one ratios table per measure, with the load
 * average around it. Each harness prints its section and appends it to the results file that
 * {@code bench/run.sh} names with {@code --out}.
 */
public final class Report {
  private Report() {}

  /** The Markdown section of one measure. */
  public static String markdown(Measure m) {
    StringBuilder sb = new StringBuilder();
    sb.append("### ").append(m.title()).append("\n\n");
    sb.append(m.method()).append("\n\n");
    sb.append("Load average (1/5/15 min): ").append(m.loadBefore()).append(" before, ")
        .append(m.loadAfter() == null ? "n/a" : m.loadAfter().toString()).append(" after.")
        .append(loaded(m) ? " **Taken under load: absolute figures are noisy; read the ratios.**" : "")
        .append("\n\n");
    if (!m.figures().isEmpty()) {
      sb.append("| subject | figure | ± | unit | note |\n|---|---:|---:|---|---|\n");
      for (Figure f : m.figures()) {
        sb.append("| ").append(f.subject()).append(" | ").append(Measure.format(f.value())).append(" | ")
            .append(f.error() == 0 ? "" : Measure.format(f.error())).append(" | ").append(f.unit()).append(" | ")
            .append(f.note()).append(" |\n");
      }
      sb.append('\n');
    }
    if (!m.ratios().isEmpty()) {
      sb.append("| ratio | value |\n|---|---:|\n");
      for (Measure.Ratio r : m.ratios()) {
        Optional<Double> v = m.value(r);
        sb.append("| ").append(r.numerator()).append(" ÷ ").append(r.denominator()).append(" | ")
            .append(v.map(x -> String.format(Locale.ROOT, "%.2fx", x)).orElse("n/a (missing figure)"))
            .append(" |\n");
      }
      sb.append('\n');
    }
    for (String f : m.failures()) {
      sb.append("- FAILED: ").append(f).append('\n');
    }
    if (!m.failures().isEmpty()) {
      sb.append('\n');
    }
    return sb.toString();
  }

  /** Whether the machine was busier than its cores during the measure. */
  public static boolean loaded(Measure m) {
    int cores = Runtime.getRuntime().availableProcessors();
    return Stream.of(m.loadBefore(), m.loadAfter())
        .filter(l -> l != null)
        .anyMatch(l -> !(l.oneMinute() < cores * 0.5));
  }

  /**
   * Prints the measures to {@code out} and appends them to {@code file} (when not null).
   *
   * @return whether every measure ran without a failure
   */
  public static boolean publish(List<Measure> measures, PrintStream out, Path file) throws IOException {
    StringBuilder all = new StringBuilder();
    boolean ok = true;
    for (Measure m : measures) {
      all.append(markdown(m));
      ok &= m.failures().isEmpty();
    }
    out.print(all);
    out.flush();
    if (file != null) {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, all, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
    return ok;
  }

  /** Cores, CPU model, memory, JDK and OS, as one Markdown list. */
  public static String machineFacts() {
    Runtime rt = Runtime.getRuntime();
    return "- cores: " + rt.availableProcessors() + "\n"
        + "- CPU: " + cpuModel() + "\n"
        + "- memory: " + memTotal() + "\n"
        + "- JDK: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + "\n"
        + "- OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch") + "\n"
        + "- load average at start (1/5/15 min): " + LoadAverage.now() + "\n";
  }

  private static String cpuModel() {
    return procLine(Path.of("/proc/cpuinfo"), "model name");
  }

  private static String memTotal() {
    return procLine(Path.of("/proc/meminfo"), "MemTotal");
  }

  private static String procLine(Path p, String key) {
    try (Stream<String> lines = Files.lines(p, StandardCharsets.US_ASCII)) {
      return lines.filter(l -> l.startsWith(key)).findFirst()
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
