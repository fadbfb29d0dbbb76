package io.s3wire.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One measure of one run: the figures of s3wire and its peers, taken one after another in the same
 * process run, the load average before and after, and the ratios that are the result.
 *
 * <p>A ratio is {@code numerator / denominator} of two subjects' figures; with rates and
 * throughputs above 1 means the numerator (s3wire) is faster. Not thread-safe: one harness fills it.
 */
public final class Measure {
  /** A ratio to report: {@code numerator}'s figure over {@code denominator}'s. */
  public record Ratio(String numerator, String denominator) {}

  private final String title;
  private final String method;
  private final List<Figure> figures = new ArrayList<>();
  private final List<Ratio> ratios = new ArrayList<>();
  private final List<String> failures = new ArrayList<>();
  private LoadAverage loadBefore = LoadAverage.now();
  private LoadAverage loadAfter;

  public Measure(String title, String method) {
    this.title = title;
    this.method = method;
  }

  public String title() { return title; }
  public String method() { return method; }
  public List<Figure> figures() { return List.copyOf(figures); }
  public List<Ratio> ratios() { return List.copyOf(ratios); }
  /** What failed to run (a harness error, not a slow result). */
  public List<String> failures() { return List.copyOf(failures); }
  public LoadAverage loadBefore() { return loadBefore; }
  public LoadAverage loadAfter() { return loadAfter; }

  /** Restarts the load record: call just before the first figure is taken. */
  public Measure started() {
    loadBefore = LoadAverage.now();
    return this;
  }

  public Measure add(Figure f) {
    figures.add(f);
    return this;
  }

  public Measure add(String subject, double value, double error, String unit, String note) {
    return add(new Figure(subject, value, error, unit, note));
  }

  public Measure ratio(String numerator, String denominator) {
    ratios.add(new Ratio(numerator, denominator));
    return this;
  }

  public Measure failed(String subject, Throwable e) {
    String msg = e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("");
    failures.add(subject + " did not run: " + e.getClass().getSimpleName() + msg);
    return this;
  }

  public Measure failed(String what) {
    failures.add(what);
    return this;
  }

  /** Records the load average after the last figure. */
  public Measure finished() {
    loadAfter = LoadAverage.now();
    return this;
  }

  public Optional<Figure> figure(String subject) {
    return figures.stream().filter(f -> f.subject().equals(subject)).findFirst();
  }

  /** The ratio's value, or empty when either figure is missing or the denominator is zero. */
  public Optional<Double> value(Ratio r) {
    Optional<Figure> n = figure(r.numerator());
    Optional<Figure> d = figure(r.denominator());
    if (n.isEmpty() || d.isEmpty() || d.get().value() == 0) {
      return Optional.empty();
    }
    return Optional.of(n.get().value() / d.get().value());
  }

  static String format(double v) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    double a = Math.abs(v);
    String pattern = a >= 100 ? "%,.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f";
    return String.format(Locale.ROOT, pattern, v);
  }
}
