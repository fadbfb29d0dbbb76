package io.s3wire.http.internal;

import io.s3wire.http.HttpHeaders;
import java.util.Map;

/**
 * The regular fields of an HTTP/2 or HTTP/3 response header section, pseudo-headers dropped, and the
 * content length they announce (-1 when none or unparsable).
 */
record ResponseHead(HttpHeaders headers, long contentLength) {
  static ResponseHead of(Iterable<Map.Entry<CharSequence, CharSequence>> fields) {
    HttpHeaders.Builder hb = HttpHeaders.builder();
    long length = -1;
    for (Map.Entry<CharSequence, CharSequence> e : fields) {
      String name = e.getKey().toString();
      if (name.startsWith(":")) {
        continue;
      }
      hb.add(name, e.getValue().toString());
      if (name.equals("content-length")) {
        try {
          length = Long.parseLong(e.getValue().toString().trim());
        } catch (NumberFormatException ignored) {
          length = -1;
        }
      }
    }
    return new ResponseHead(hb.build(), length);
  }
}
