package io.s3wire.server;

import io.s3wire.error.Http2ErrorCode;
import io.s3wire.http.HttpProtocol;
import io.s3wire.server.internal.fault.MiniJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads fault rules from JSON. The document is an array of rules (or {@code {"rules": [...]}}):
 * <pre>
 * [ {"method": "PUT", "path": "/bucket/**", "header": "x-amz-meta-fail", "protocol": "h2",
 *    "nth": 2,                                   (or "everyNth": 3, or "firstN": 1; default all)
 *    "action": "rst_stream", "code": "PROTOCOL_ERROR"} ]
 * </pre>
 * Actions and their fields: {@code rst_stream} (code), {@code goaway} (code, lastStreamId),
 * {@code http_1_1_required}, {@code error} (code: an S3 code like {@code SlowDown}, optional status),
 * {@code delay} (millis), {@code bandwidth} (bytesPerSecond), {@code cut_request} (bytes),
 * {@code cut_response} (bytes).
 */
public final class FaultRules {
  private FaultRules() {}

  /**
   * Reads fault rules from a JSON file in the format the class comment describes.
   *
   * @param file a UTF-8 JSON file
   * @return the rules, in file order
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException when the JSON is not valid fault rules, saying what is wrong
   */
  public static List<FaultRule> load(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8));
  }

  /**
   * Parses fault rules in the JSON format the class comment describes.
   *
   * @param json a JSON array of rules, or an object with a {@code rules} array
   * @return the rules, in order
   * @throws IllegalArgumentException when the JSON is not valid fault rules, saying what is wrong
   */
  @SuppressWarnings("unchecked")
  public static List<FaultRule> parse(String json) {
    Object doc;
    try {
      doc = MiniJson.parse(json);
    } catch (StackOverflowError e) {
      // A recursive-descent parser on thousands of nested '[' (found by fuzzing); a bad rule file
      // must be a clear error, not a crash of the serve command.
      throw new IllegalArgumentException("fault rules nest too deeply to be read");
    }
    if (doc instanceof Map<?, ?> m && m.get("rules") instanceof List<?> l) {
      doc = l;
    }
    if (!(doc instanceof List<?> list)) {
      throw new IllegalArgumentException("fault rules must be a JSON array of rules or {\"rules\": [...]}");
    }
    List<FaultRule> out = new ArrayList<>();
    for (Object o : list) {
      if (!(o instanceof Map<?, ?>)) {
        throw new IllegalArgumentException("each fault rule must be a JSON object: " + o);
      }
      out.add(rule((Map<String, Object>) o));
    }
    return out;
  }

  private static FaultRule rule(Map<String, Object> r) {
    FaultRule.Builder b = FaultRule.when();
    if (r.get("method") != null) {
      b.method(text(r, "method").toUpperCase(Locale.ROOT));
    }
    if (r.get("path") != null) {
      b.path(text(r, "path"));
    }
    if (r.get("header") != null) {
      b.header(text(r, "header"));
    }
    if (r.get("protocol") != null) {
      String p = text(r, "protocol").toLowerCase(Locale.ROOT);
      b.protocol(switch (p) {
        case "h2", "http/2", "http2" -> HttpProtocol.HTTP_2;
        case "http/1.1", "h1", "http1" -> HttpProtocol.HTTP_1_1;
        case "h3", "http/3", "http3" -> HttpProtocol.HTTP_3;
        default -> throw new IllegalArgumentException("unknown protocol '" + p + "' (h3, h2 or http/1.1)");
      });
    }
    if (r.get("nth") != null) {
      b.nth((int) number(r, "nth"));
    } else if (r.get("everyNth") != null) {
      b.everyNth((int) number(r, "everyNth"));
    } else if (r.get("firstN") != null) {
      b.firstN((int) number(r, "firstN"));
    }
    String action = text(r, "action").toLowerCase(Locale.ROOT);
    return switch (action) {
      case "rst_stream", "reset" -> b.resetStream(code(r));
      case "goaway" -> b.goAway(code(r), r.get("lastStreamId") == null ? -1 : (int) number(r, "lastStreamId"));
      case "http_1_1_required" -> b.http11Required();
      case "error" -> b.error(r.get("status") == null ? 0 : (int) number(r, "status"),
          S3ErrorCode.fromCode(text(r, "code")));
      case "delay" -> b.delay(Duration.ofMillis(number(r, "millis")));
      case "bandwidth" -> b.bandwidth(number(r, "bytesPerSecond"));
      case "cut_request" -> b.cutRequestBodyAfter(number(r, "bytes"));
      case "cut_response" -> b.cutResponseBodyAfter(number(r, "bytes"));
      default -> throw new IllegalArgumentException("unknown fault action '" + action + "'");
    };
  }

  private static Http2ErrorCode code(Map<String, Object> r) {
    return Http2ErrorCode.valueOf(text(r, "code").toUpperCase(Locale.ROOT));
  }

  private static String text(Map<String, Object> r, String name) {
    Object v = r.get(name);
    if (!(v instanceof String s)) {
      throw new IllegalArgumentException("fault rule field '" + name + "' must be a string: " + r);
    }
    return s;
  }

  private static long number(Map<String, Object> r, String name) {
    Object v = r.get(name);
    if (!(v instanceof Long l)) {
      throw new IllegalArgumentException("fault rule field '" + name + "' must be an integer: " + r);
    }
    return l;
  }
}
