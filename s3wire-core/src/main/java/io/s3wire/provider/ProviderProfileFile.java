package io.s3wire.provider;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes a provider profile as a small properties-style text file ({@code --provider-file},
 * {@code doctor --write-profile}):
 *
 * <pre>
 * # comment
 * base=gcs                   optional: start from this built-in profile (default: generic)
 * name=my-gcs              optional: default the base's name
 * acceptsAwsChunked=false    any {@link Capability#key()}, in any order
 * </pre>
 *
 * <p>One {@code key=value} per line, blank lines and lines starting with {@code #} or {@code !}
 * ignored, whitespace around keys and values trimmed; no escapes are needed because no value holds
 * a line break. Unknown keys and bad values fail with the line number. UTF-8. The writer writes
 * every capability, so a file read back gives the same profile whatever the built-ins become.
 */
public final class ProviderProfileFile {
  private ProviderProfileFile() {}

  /**
   * Reads a profile file: {@code key=value} lines over the built-in profile its {@code base=} line
   * names ({@code generic} without one); {@code #} and {@code !} comments and blank lines ignored.
   *
   * @param file the file, UTF-8
   * @return the profile it describes
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException naming the line when the content is wrong
   */
  public static ProviderProfile read(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
  }

  /**
   * Parses profile text.
   *
   * @param text the file's content
   * @param source where the text came from, for messages
   * @return the profile it describes
   * @throws IllegalArgumentException naming the line when the content is wrong
   */
  public static ProviderProfile parse(String text, String source) {
    String[] lines = text.split("\r\n|\r|\n", -1);
    ProviderProfile base = ProviderProfiles.generic();
    for (int i = 0; i < lines.length; i++) {
      String line = strip(lines[i]);
      if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq > 0 && line.substring(0, eq).trim().equalsIgnoreCase("base")) {
        base = at(source, i, () -> ProviderProfiles.named(line.substring(eq + 1).trim()));
      }
    }
    ProviderProfile.Builder b = base.toBuilder();
    for (int i = 0; i < lines.length; i++) {
      String line = strip(lines[i]);
      if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(source + ":" + (i + 1) + ": expected key=value, got '" + line + "'");
      }
      String key = line.substring(0, eq).trim();
      String value = line.substring(eq + 1).trim();
      if (key.equalsIgnoreCase("base")) {
        continue;
      }
      at(source, i, () -> b.set(key, value));
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }

  /**
   * The text of a profile file holding every capability, with a comment line for each.
   *
   * @param profile the profile to write out
   * @return text that {@link #parse} reads back to an equal profile
   */
  public static String format(ProviderProfile profile) {
    StringBuilder sb = new StringBuilder("# s3wire provider profile\n");
    for (Capability c : Capability.values()) {
      sb.append("# ").append(c.description()).append('\n');
      sb.append(c.key()).append('=').append(c.valueOf(profile)).append('\n');
    }
    return sb.toString();
  }

  /**
   * Writes {@link #format(ProviderProfile)} to {@code file}, replacing it.
   *
   * @param file where to write, UTF-8
   * @param profile the profile to write out
   * @throws IOException when the file cannot be written
   */
  public static void write(Path file, ProviderProfile profile) throws IOException {
    Files.writeString(file, format(profile), StandardCharsets.UTF_8);
  }

  private static String strip(String line) {
    String s = line.strip();
    return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1).strip() : s;
  }

  private static <T> T at(String source, int line, java.util.function.Supplier<T> step) {
    try {
      return step.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ":" + (line + 1) + ": " + e.getMessage(), e);
    }
  }
}
