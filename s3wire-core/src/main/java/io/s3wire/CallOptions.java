package io.s3wire;

import io.s3wire.error.ClientException;
import io.s3wire.wire.WireListener;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What one call carries besides its operation's fields: extra headers and query parameters (an
 * escape hatch for what s3wire has no field for; signed like the rest) and a listener for that call's
 * wire events, heard in addition to the client's.
 *
 * <p>Extras may not name what s3wire sets itself: signing and framing headers are refused here,
 * and a header or parameter the operation already sends is refused when the call is made, both with
 * a {@link ClientException} naming it.
 *
 * @param headers extra headers by name (sent as given)
 * @param query extra query parameters by name, raw (encoded when sent); a {@code null} value is a
 *     bare name
 * @param listener hears this call's wire events (every attempt), or {@link WireListener#NONE}
 */
public record CallOptions(Map<String, String> headers, Map<String, String> query, WireListener listener) {
  /** No extras, no listener. */
  public static final CallOptions NONE = new CallOptions(Map.of(), Map.of(), WireListener.NONE);

  /** Headers the pipeline writes (signing, framing, identity): never caller extras. */
  private static final Set<String> RESERVED_HEADERS = Set.of("authorization", "host", "content-length",
      "transfer-encoding", "connection", "expect", "user-agent", "x-amz-date", "x-amz-content-sha256",
      "x-amz-security-token", "x-amz-decoded-content-length", "x-amz-trailer");
  /** Query parameters of presigned requests. */
  private static final Set<String> RESERVED_QUERY = Set.of("x-amz-algorithm", "x-amz-credential", "x-amz-date",
      "x-amz-expires", "x-amz-signedheaders", "x-amz-signature", "x-amz-security-token");

  /**
   * Checks the extras.
   *
   * @throws ClientException naming {@code extra header} or {@code extra query parameter} for a name
   *     that is not an HTTP token, a value that is not printable ASCII, or a reserved name
   * @param headers extra headers by name, or {@code null} for none (copied; names kept as given)
   * @param query extra query parameters by name, or {@code null} for none (copied)
   * @param listener this call's listener, or {@code null} for {@link WireListener#NONE}
   */
  public CallOptions {
    Map<String, String> h = new LinkedHashMap<>();
    if (headers != null) {
      headers.forEach((name, value) -> {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        if (n.isEmpty() || !n.chars().allMatch(ObjectMetadata::isTokenChar)) {
          throw new ClientException("extra header", "name '" + name + "' is not an HTTP token");
        }
        if (RESERVED_HEADERS.contains(n) || n.startsWith(":")) {
          throw new ClientException("extra header", "'" + name + "' is set by s3wire itself and cannot be given");
        }
        if (value == null || !value.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c < 0x7f))) {
          throw new ClientException("extra header", "value of '" + name + "' must be printable ASCII");
        }
        h.put(name, value);
      });
    }
    Map<String, String> q = new LinkedHashMap<>();
    if (query != null) {
      query.forEach((name, value) -> {
        if (name == null || name.isEmpty()) {
          throw new ClientException("extra query parameter", "name must not be empty");
        }
        if (RESERVED_QUERY.contains(name.toLowerCase(Locale.ROOT))) {
          throw new ClientException("extra query parameter", "'" + name + "' is set by s3wire itself and cannot be given");
        }
        q.put(name, value);
      });
    }
    headers = Collections.unmodifiableMap(h);
    query = Collections.unmodifiableMap(q);
    listener = listener == null ? WireListener.NONE : listener;
  }

  /**
   * These options with one more header (replacing one of the same name).
   *
   * @param name the header name, an HTTP token not reserved by the pipeline
   * @param value the value, printable ASCII
   * @return a copy with that change
   */
  public CallOptions withHeader(String name, String value) {
    Map<String, String> m = new LinkedHashMap<>(headers);
    m.put(name, value);
    return new CallOptions(m, query, listener);
  }

  /**
   * These options with one more query parameter ({@code null} value: a bare name).
   *
   * @param name the parameter name, raw; not one of the presigning parameters
   * @param value the raw value, or {@code null} for a bare name
   * @return a copy with that change
   */
  public CallOptions withQueryParameter(String name, String value) {
    Map<String, String> m = new LinkedHashMap<>(query);
    m.put(name, value);
    return new CallOptions(headers, m, listener);
  }

  /**
   * These options with a listener for the call's wire events.
   *
   * @param v the new value
   * @return a copy with that change
   */
  public CallOptions withListener(WireListener v) {
    return new CallOptions(headers, query, v);
  }
}
