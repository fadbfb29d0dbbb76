package io.s3wire.cli.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code --include}/{@code --exclude} globs, as the AWS CLI applies them: everything is included,
 * then each rule in command-line order re-includes or excludes what it matches; the last matching
 * rule wins. Patterns match the path relative to the source directory or prefix, with {@code /}
 * separators; {@code *} matches any run of characters including {@code /}, {@code ?} one
 * character, {@code [...]} a class.
 */
public record Filters(List<Rule> rules) {
  public Filters {
    rules = List.copyOf(rules);
  }

  /** No rules: everything is included. */
  public static final Filters ALL = new Filters(List.of());

  /** One rule: include or exclude what {@code glob} matches. */
  public record Rule(boolean include, String glob) {
    boolean matches(String relative) {
      return regex(glob).matcher(relative).matches();
    }
  }

  /** Whether {@code relative} survives the rules. */
  public boolean includes(String relative) {
    boolean in = true;
    for (Rule r : rules) {
      if (r.matches(relative)) {
        in = r.include();
      }
    }
    return in;
  }

  /** Rules in command-line order from the parsed arguments (picocli keeps the order within each option only). */
  static Filters fromArgs(List<String> args) {
    List<Rule> rules = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--")) {
        break;
      }
      if ((a.equals("--include") || a.equals("--exclude")) && i + 1 < args.size()) {
        rules.add(new Rule(a.equals("--include"), args.get(++i)));
      } else if (a.startsWith("--include=") || a.startsWith("--exclude=")) {
        rules.add(new Rule(a.startsWith("--include="), a.substring("--include=".length())));
      }
    }
    return new Filters(rules);
  }

  /** The regular expression a glob means. */
  static Pattern regex(String glob) {
    StringBuilder re = new StringBuilder(glob.length() + 8);
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> re.append(".*");
        case '?' -> re.append('.');
        case '[' -> {
          int end = glob.indexOf(']', i + 1);
          if (end < 0) {
            re.append("\\[");
          } else {
            String body = glob.substring(i + 1, end);
            re.append('[').append(body.startsWith("!") ? "^" + quoteClass(body.substring(1)) : quoteClass(body)).append(']');
            i = end;
          }
        }
        default -> {
          if ("\\.^$+{}()|".indexOf(c) >= 0) {
            re.append('\\');
          }
          re.append(c);
        }
      }
    }
    return Pattern.compile(re.toString(), Pattern.DOTALL);
  }

  private static String quoteClass(String body) {
    return body.replace("\\", "\\\\").replace("[", "\\[").replace("&", "\\&");
  }
}
