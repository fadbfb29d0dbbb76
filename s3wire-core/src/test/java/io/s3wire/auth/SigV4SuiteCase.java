package io.s3wire.auth;

import io.s3wire.auth.internal.UriEncoding;
import io.s3wire.http.HttpHeaders;
import io.s3wire.http.HttpRequest;
import io.s3wire.http.RequestBody;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One case of AWS's SigV4 test suite (test resources {@code sigv4/v4/<name>}; format in
 * {@code sigv4/README.md}).
 */
record SigV4SuiteCase(
    String name,
    Path dir,
    Credentials credentials,
    String region,
    String service,
    Instant time,
    Duration expires,
    boolean normalize,
    boolean signBody,
    boolean omitSessionToken,
    String method,
    String rawTarget,
    String host,
    HttpHeaders headers,
    byte[] body) {

  static final int EXPECTED_CASES = 38;

  static Path root() {
    try {
      return Path.of(SigV4SuiteCase.class.getResource("/sigv4/v4").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<SigV4SuiteCase> all() {
    try (Stream<Path> dirs = Files.list(root())) {
      return dirs.filter(Files::isDirectory).sorted().map(SigV4SuiteCase::load).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static SigV4SuiteCase load(Path dir) {
    Map<String, Object> ctx = MiniJson.parseObject(read(dir, "context.json"));
    @SuppressWarnings("unchecked")
    Map<String, Object> c = (Map<String, Object>) ctx.get("credentials");
    Credentials creds = new Credentials((String) c.get("access_key_id"), (String) c.get("secret_access_key"),
        (String) c.get("token"));

    byte[] raw = readBytes(dir, "request.txt");
    String text = new String(raw, StandardCharsets.UTF_8);
    int headEnd = text.indexOf("\n\n");
    String head = headEnd < 0 ? text : text.substring(0, headEnd);
    String[] lines = head.split("\n");
    String requestLine = lines[0];
    String method = requestLine.substring(0, requestLine.indexOf(' '));
    String target = requestLine.substring(method.length() + 1, requestLine.lastIndexOf(' '));
    String host = null;
    List<String[]> fields = new ArrayList<>();
    for (String line : Arrays.asList(lines).subList(1, lines.length)) {
      if (line.isEmpty()) {
        continue;
      }
      if (Character.isWhitespace(line.charAt(0))) {
        // obs-fold: a continuation line joins the previous value with a space (RFC 7230 3.2.4).
        String[] last = fields.get(fields.size() - 1);
        last[1] = last[1] + " " + line.strip();
        continue;
      }
      int colon = line.indexOf(':');
      String name = line.substring(0, colon);
      String value = line.substring(colon + 1);
      if (name.equalsIgnoreCase("host")) {
        host = value.strip();
      } else {
        fields.add(new String[] {name, value});
      }
    }
    HttpHeaders.Builder hb = HttpHeaders.builder();
    for (String[] f : fields) {
      hb.add(f[0], f[1]);
    }
    byte[] body = new byte[0];
    if (headEnd >= 0) {
      body = text.substring(headEnd + 2).getBytes(StandardCharsets.UTF_8);
    }
    return new SigV4SuiteCase(dir.getFileName().toString(), dir, creds, (String) ctx.get("region"),
        (String) ctx.get("service"), Instant.parse((String) ctx.get("timestamp")),
        Duration.ofSeconds((Long) ctx.get("expiration_in_seconds")), (Boolean) ctx.get("normalize"),
        (Boolean) ctx.get("sign_body"), Boolean.TRUE.equals(ctx.get("omit_session_token")), method, target, host,
        hb.build(), body);
  }

  /** The path of the request line as the suite gives it (unencoded). */
  String rawPath() {
    int q = rawTarget.indexOf('?');
    return q < 0 ? rawTarget : rawTarget.substring(0, q);
  }

  /** The query of the request line as the suite gives it, or null. */
  String rawQuery() {
    int q = rawTarget.indexOf('?');
    return q < 0 ? null : rawTarget.substring(q + 1);
  }

  /**
   * The path as it goes on the wire: every byte but unreserved characters, '/' and existing
   * escapes percent-encoded once (the suite's paths are unencoded).
   */
  String wirePath() {
    return toWire(rawPath(), "/");
  }

  String wireQuery() {
    return rawQuery() == null ? null : toWire(rawQuery(), "=&");
  }

  private static String toWire(String s, String keep) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' || keep.indexOf(c) >= 0 || UriEncoding.isUnreserved(c)) {
        sb.append(c);
      } else {
        int end = i + 1;
        if (Character.isHighSurrogate(c)) {
          end++;
        }
        UriEncoding.encodeBytes(sb, s.substring(i, end).getBytes(StandardCharsets.UTF_8), false);
        i = end - 1;
      }
    }
    return sb.toString();
  }

  HttpRequest httpRequest() {
    String q = wireQuery();
    URI uri = URI.create("https://" + host + wirePath() + (q == null ? "" : "?" + q));
    return new HttpRequest(method, uri, headers, RequestBody.ofBytes(body));
  }

  PayloadHash payloadHash() {
    return PayloadHash.ofBytes(body);
  }

  String expected(String file) {
    return read(dir, file);
  }

  static String read(Path dir, String file) {
    return new String(readBytes(dir, file), StandardCharsets.UTF_8);
  }

  private static byte[] readBytes(Path dir, String file) {
    try {
      return Files.readAllBytes(dir.resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
