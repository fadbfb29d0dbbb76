package io.s3wire.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request as a test server received it.
 *
 * @param headers every header field in arrival order, names exactly as received (on HTTP/2 the
 *     pseudo-headers too)
 * @param headersEndStream HTTP/2: whether the HEADERS frame carried END_STREAM
 * @param dataFrames DATA frames (HTTP/2) or non-empty content chunks (HTTP/1.1)
 */
public record ReceivedRequest(
    String protocol, String method, String path, List<Map.Entry<String, String>> headers, boolean headersEndStream,
    int dataFrames, long bodyBytes) {

  /** Every value of a header, compared case-insensitively. */
  public List<String> all(String name) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, String> e : headers) {
      if (e.getKey().equalsIgnoreCase(name)) {
        out.add(e.getValue());
      }
    }
    return out;
  }

  /** The names as received. */
  public List<String> names() {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, String> e : headers) {
      out.add(e.getKey());
    }
    return out;
  }

  public String first(String name) {
    List<String> v = all(name);
    return v.isEmpty() ? null : v.get(0);
  }

  static final class Builder {
    final String protocol;
    final String method;
    final String path;
    final List<Map.Entry<String, String>> headers = new ArrayList<>();
    boolean headersEndStream;
    int dataFrames;
    long bodyBytes;

    Builder(String protocol, String method, String path) {
      this.protocol = protocol;
      this.method = method;
      this.path = path;
    }

    void header(String name, String value) {
      headers.add(Map.entry(name, value));
    }

    ReceivedRequest build() {
      return new ReceivedRequest(protocol, method, path, List.copyOf(headers), headersEndStream, dataFrames, bodyBytes);
    }

    String lower(String s) {
      return s.toLowerCase(Locale.ROOT);
    }
  }
}
