package io.s3wire.credentials.internal;

import io.s3wire.error.ClientException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough JSON for credential documents (container and instance metadata answers, {@code
 * credential_process} output, the SSO token cache and portal): objects, arrays, strings, numbers
 * (kept as their text), booleans, null. Error messages never quote the input, which holds secrets.
 */
public final class Json {
  private final String s;
  private final String what;
  private int i;

  private Json(String s, String what) {
    this.s = s;
    this.what = what;
  }

  /**
   * Parses a JSON object.
   *
   * @param what the document's origin, for the error message
   * @throws ClientException naming {@code what} and the offset when it is not one JSON object
   */
  public static Map<String, Object> object(String text, String what) {
    Json p = new Json(text, what);
    p.ws();
    Object v = p.value();
    p.ws();
    if (!(v instanceof Map) || p.i != text.length()) {
      throw p.error("is not a single JSON object");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) v;
    return m;
  }

  /** A string member, or {@code null} when absent or not a string. */
  public static String string(Map<String, Object> m, String key) {
    Object v = m.get(key);
    return v instanceof String str ? str : null;
  }

  private Object value() {
    ws();
    if (i >= s.length()) {
      throw error("ends early");
    }
    char c = s.charAt(i);
    switch (c) {
      case '{': return obj();
      case '[': return arr();
      case '"': return str();
      default:
        int start = i;
        while (i < s.length() && "{}[],: \t\r\n\"".indexOf(s.charAt(i)) < 0) {
          i++;
        }
        String word = s.substring(start, i);
        if (word.equals("true") || word.equals("false")) {
          return Boolean.valueOf(word);
        }
        if (word.equals("null")) {
          return null;
        }
        if (word.matches("-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
          return word;
        }
        throw error("has an unexpected token at offset " + start);
    }
  }

  private Map<String, Object> obj() {
    Map<String, Object> m = new LinkedHashMap<>();
    i++;
    ws();
    if (peek() == '}') {
      i++;
      return m;
    }
    while (true) {
      ws();
      if (peek() != '"') {
        throw error("expects a member name at offset " + i);
      }
      String k = str();
      ws();
      expect(':');
      m.put(k, value());
      ws();
      if (peek() == ',') {
        i++;
      } else {
        expect('}');
        return m;
      }
    }
  }

  private List<Object> arr() {
    List<Object> l = new ArrayList<>();
    i++;
    ws();
    if (peek() == ']') {
      i++;
      return l;
    }
    while (true) {
      l.add(value());
      ws();
      if (peek() == ',') {
        i++;
      } else {
        expect(']');
        return l;
      }
    }
  }

  private String str() {
    StringBuilder b = new StringBuilder();
    i++;
    while (i < s.length()) {
      char c = s.charAt(i++);
      if (c == '"') {
        return b.toString();
      }
      if (c != '\\') {
        b.append(c);
        continue;
      }
      if (i >= s.length()) {
        break;
      }
      char e = s.charAt(i++);
      switch (e) {
        case 'n' -> b.append('\n');
        case 't' -> b.append('\t');
        case 'r' -> b.append('\r');
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'u' -> {
          if (i + 4 > s.length()) {
            throw error("has a bad \\u escape at offset " + i);
          }
          b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
          i += 4;
        }
        default -> b.append(e);
      }
    }
    throw error("has an unterminated string");
  }

  private char peek() {
    return i < s.length() ? s.charAt(i) : '\0';
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("expects '" + c + "' at offset " + i);
    }
    i++;
  }

  private void ws() {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
  }

  private ClientException error(String problem) {
    return new ClientException("credentials", what + " " + problem);
  }
}
