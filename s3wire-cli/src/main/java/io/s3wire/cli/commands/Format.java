package io.s3wire.cli.commands;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Text formats shared by the commands: sizes, times, rates, durations. Locale-independent. */
final class Format {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
      .withZone(ZoneOffset.UTC);
  private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};

  private Format() {}

  /** {@code 1536} -> {@code 1.5 KiB}; bytes under 1 KiB as {@code 512 B}. */
  static String human(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    double v = bytes;
    int unit = 0;
    while (v >= 1024 && unit < UNITS.length - 1) {
      v /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, UNITS[unit]);
  }

  /**
   * Parses a size: a whole number of bytes, optionally followed by {@code K}, {@code M}, {@code G},
   * {@code T} or {@code KiB}, {@code MiB}, {@code GiB}, {@code TiB} (all powers of 1024), or {@code B}.
   *
   * @throws IllegalArgumentException when {@code text} is not such a size
   */
  static long parseSize(String text) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,19})\\s*([KMGT](?:iB)?|B)?").matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("not a size: '" + text + "' (e.g. 5GiB, 64MiB, 1048576)");
    }
    int shift = m.group(2) == null ? 0 : switch (m.group(2).charAt(0)) {
      case 'K' -> 10;
      case 'M' -> 20;
      case 'G' -> 30;
      case 'T' -> 40;
      default -> 0;
    };
    long n = Long.parseLong(m.group(1));
    if (n > (Long.MAX_VALUE >> shift)) {
      throw new IllegalArgumentException("size too large: '" + text + "'");
    }
    return n << shift;
  }

  /** UTC, {@code 2026-11-27 12:00:00}; {@code -} when unknown. */
  static String time(Instant t) {
    return t == null ? "-" : TIME.format(t);
  }

  /** ISO-8601 or {@code null}, for JSON. */
  static String iso(Instant t) {
    return t == null ? null : t.toString();
  }

  /** {@code 75s} -> {@code 1m15s}. */
  static String duration(long seconds) {
    if (seconds < 60) {
      return seconds + "s";
    }
    if (seconds < 3600) {
      return (seconds / 60) + "m" + String.format(Locale.ROOT, "%02d", seconds % 60) + "s";
    }
    return (seconds / 3600) + "h" + String.format(Locale.ROOT, "%02d", (seconds % 3600) / 60) + "m";
  }
}
