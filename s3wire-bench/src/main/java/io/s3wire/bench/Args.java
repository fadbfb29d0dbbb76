package io.s3wire.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The harnesses' command line: {@code --name value} pairs, nothing else. Unknown names are refused
 * so a typo in {@code bench/run.sh} fails loudly instead of silently running defaults.
 */
public final class Args {
  private final Map<String, String> values = new HashMap<>();

  private Args() {}

  /**
   * Parses {@code args} against the allowed names.
   *
   * @throws IllegalArgumentException for an unknown name or a name without a value
   */
  public static Args parse(String[] args, String... allowed) {
    Args a = new Args();
    java.util.Set<String> ok = java.util.Set.of(allowed);
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (!name.startsWith("--") || !ok.contains(name.substring(2))) {
        throw new IllegalArgumentException("unknown option " + name + "; allowed: --" + String.join(", --", allowed));
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(name + " needs a value");
      }
      a.values.put(name.substring(2), args[++i]);
    }
    return a;
  }

  public String get(String name, String dflt) {
    return values.getOrDefault(name, dflt);
  }

  public int getInt(String name, int dflt) {
    return values.containsKey(name) ? Integer.parseInt(values.get(name)) : dflt;
  }

  public long getLong(String name, long dflt) {
    return values.containsKey(name) ? Long.parseLong(values.get(name)) : dflt;
  }

  /** A size like {@code 1g}, {@code 256m}, {@code 4k} or a plain byte count. */
  public long getSize(String name, long dflt) {
    return values.containsKey(name) ? parseSize(values.get(name)) : dflt;
  }

  public Path getPath(String name) {
    return values.containsKey(name) ? Path.of(values.get(name)) : null;
  }

  static long parseSize(String s) {
    String t = s.trim().toLowerCase(java.util.Locale.ROOT);
    long mult = 1;
    char last = t.charAt(t.length() - 1);
    if (last == 'k' || last == 'm' || last == 'g') {
      mult = last == 'k' ? 1L << 10 : last == 'm' ? 1L << 20 : 1L << 30;
      t = t.substring(0, t.length() - 1);
    }
    return Long.parseLong(t) * mult;
  }
}
