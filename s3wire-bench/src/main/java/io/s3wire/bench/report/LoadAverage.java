package io.s3wire.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The 1, 5 and 15 minute load averages from {@code /proc/loadavg}: recorded next to every figure,
 * because on a 2-core machine a load of 10 makes figures noisy and ratios the only usable output.
 */
public record LoadAverage(String oneFiveFifteen) {
  public static LoadAverage now() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).trim().split("\\s+");
      return new LoadAverage(f[0] + " " + f[1] + " " + f[2]);
    } catch (IOException | RuntimeException e) {
      return new LoadAverage("unknown (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** The one-minute figure, or NaN when unknown. */
  public double oneMinute() {
    try {
      return Double.parseDouble(oneFiveFifteen.split(" ")[0]);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  @Override
  public String toString() {
    return oneFiveFifteen;
  }
}
