package io.s3wire.config.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the INI dialect of {@code ~/.aws/config} and {@code ~/.aws/credentials} as the AWS CLI and
 * SDKs do:
 *
 * <ul>
 *   <li>{@code [section]} headers, the name trimmed; a comment may follow the {@code ]};
 *   <li>{@code key = value}, key lower-cased and trimmed, value trimmed; a {@code #} or {@code ;}
 *       preceded by whitespace starts a comment (the SDKs' rule), so {@code a=b#c} keeps {@code
 *       b#c};
 *   <li>whole-line comments start with {@code #} or {@code ;}; blank lines are ignored;
 *   <li>an indented line continues the property above it: when that property's value is empty the
 *       continuation lines are a nested section ({@code s3 =} then {@code   addressing_style =
 *       path}), otherwise they are appended to the value with a newline;
 *   <li>a section that appears twice is merged, later keys winning.
 * </ul>
 *
 * Lines that fit none of these are errors naming the file and line.
 */
public final class IniParser {
  private IniParser() {}

  /** One section: its plain properties and its nested sections. */
  public record Section(String name, Map<String, String> properties, Map<String, Map<String, String>> nested) {}

  /** A line the parser could not read. */
  public static final class IniException extends Exception {
    IniException(String message) {
      super(message);
    }
  }

  /**
   * Parses a file; sections in order of first appearance.
   *
   * @throws IOException when the file cannot be read
   * @throws IniException when a line is not valid
   */
  public static Map<String, Section> parse(Path file) throws IOException, IniException {
    return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
  }

  /** Parses lines; {@code origin} names them in errors. */
  public static Map<String, Section> parse(List<String> lines, String origin) throws IniException {
    Map<String, Section> sections = new LinkedHashMap<>();
    Section current = null;
    String lastKey = null;
    boolean lastNested = false;
    for (int i = 0; i < lines.size(); i++) {
      String raw = lines.get(i);
      if (i == 0 && raw.startsWith("\uFEFF")) {
        raw = raw.substring(1);
      }
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      boolean indented = Character.isWhitespace(raw.charAt(0));
      if (indented && current != null && lastKey != null) {
        String content = stripComment(line);
        if (lastNested) {
          int eq = content.indexOf('=');
          if (eq <= 0) {
            throw new IniException(origin + ":" + (i + 1) + ": expected 'key = value' in nested section '"
                + lastKey + "'");
          }
          current.nested().get(lastKey)
              .put(content.substring(0, eq).strip().toLowerCase(Locale.ROOT), content.substring(eq + 1).strip());
        } else {
          current.properties().merge(lastKey, line, (a, b) -> a + "\n" + b);
        }
        continue;
      }
      if (line.startsWith("[")) {
        int close = line.indexOf(']');
        String rest = close < 0 ? "" : line.substring(close + 1).strip();
        if (close < 0 || !(rest.isEmpty() || rest.startsWith("#") || rest.startsWith(";"))) {
          throw new IniException(origin + ":" + (i + 1) + ": a section header must be '[name]'");
        }
        String name = line.substring(1, close).strip().replaceAll("\\s+", " ");
        if (name.isEmpty()) {
          throw new IniException(origin + ":" + (i + 1) + ": empty section name");
        }
        current = sections.computeIfAbsent(name,
            n -> new Section(n, new LinkedHashMap<>(), new LinkedHashMap<>()));
        lastKey = null;
        continue;
      }
      if (current == null) {
        throw new IniException(origin + ":" + (i + 1) + ": a property before any [section]");
      }
      String content = stripComment(line);
      int eq = content.indexOf('=');
      if (eq <= 0) {
        throw new IniException(origin + ":" + (i + 1) + ": expected 'key = value' or '[section]'");
      }
      String key = content.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      String value = content.substring(eq + 1).strip();
      lastKey = key;
      lastNested = value.isEmpty();
      if (lastNested) {
        current.properties().remove(key);
        current.nested().put(key, new LinkedHashMap<>());
      } else {
        current.nested().remove(key);
        current.properties().put(key, value);
      }
    }
    return sections;
  }

  /** Removes a trailing comment: {@code #} or {@code ;} preceded by a space or tab. */
  static String stripComment(String line) {
    for (int i = 1; i < line.length(); i++) {
      char c = line.charAt(i);
      if ((c == '#' || c == ';') && (line.charAt(i - 1) == ' ' || line.charAt(i - 1) == '\t')) {
        return line.substring(0, i).strip();
      }
    }
    return line;
  }
}
