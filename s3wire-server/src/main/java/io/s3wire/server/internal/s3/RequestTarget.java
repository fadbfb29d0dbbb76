package io.s3wire.server.internal.s3;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A path-style request target split into bucket, key and decoded query parameters. The path is
 * percent-decoded ({@code +} stays a plus sign); query values are form-decoded ({@code +} is a space).
 */
record RequestTarget(String path, String bucket, String key, Map<String, String> query) {

  static RequestTarget parse(String uri) {
    String rawPath = rawPath(uri);
    String path = percentDecode(rawPath, false);
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("request target must start with '/'");
    }
    String rest = path.substring(1);
    String bucket = null;
    String key = null;
    if (!rest.isEmpty()) {
      int slash = rest.indexOf('/');
      if (slash < 0) {
        bucket = rest;
      } else {
        bucket = rest.substring(0, slash);
        key = rest.substring(slash + 1);
        if (key.isEmpty()) {
          key = null;
        }
      }
    }
    Map<String, String> query = new LinkedHashMap<>();
    String raw = rawQuery(uri);
    if (!raw.isEmpty()) {
      for (String pair : raw.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = percentDecode(eq < 0 ? pair : pair.substring(0, eq), true);
        String value = eq < 0 ? "" : percentDecode(pair.substring(eq + 1), true);
        query.putIfAbsent(name, value);
      }
    }
    return new RequestTarget(path, bucket, key, Collections.unmodifiableMap(query));
  }

  static String rawPath(String uri) {
    int q = uri.indexOf('?');
    return q < 0 ? uri : uri.substring(0, q);
  }

  static String rawQuery(String uri) {
    int q = uri.indexOf('?');
    return q < 0 ? "" : uri.substring(q + 1);
  }

  static String percentDecode(String s, boolean plusIsSpace) {
    if (s.indexOf('%') < 0 && (!plusIsSpace || s.indexOf('+') < 0)) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%') {
        if (i + 2 >= s.length()) {
          throw new IllegalArgumentException("incomplete percent-encoding in '" + s + "'");
        }
        int hi = Character.digit(s.charAt(i + 1), 16);
        int lo = Character.digit(s.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          throw new IllegalArgumentException("invalid percent-encoding in '" + s + "'");
        }
        out.write(hi << 4 | lo);
        i += 2;
      } else if (c == '+' && plusIsSpace) {
        out.write(' ');
      } else {
        byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
          b = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
          i++;
        }
        out.write(b, 0, b.length);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
