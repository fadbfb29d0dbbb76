package io.s3wire.server.internal.s3;

import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A single byte range resolved against an object's size. S3 serves one range; a header it cannot
 * parse, or one with several ranges, is ignored (the whole object is sent); a range that selects
 * no byte is 416 InvalidRange.
 */
record ByteRange(long first, long last) {
  long length() {
    return last - first + 1;
  }

  String contentRange(long size) {
    return "bytes " + first + "-" + last + "/" + size;
  }

  /** The range the header selects, or {@code null} for the whole object. */
  static ByteRange parse(String header, long size) {
    if (header == null) {
      return null;
    }
    String h = header.trim();
    if (!h.startsWith("bytes=") || h.indexOf(',') >= 0) {
      return null;
    }
    String spec = h.substring(6).trim();
    int dash = spec.indexOf('-');
    if (dash < 0) {
      return null;
    }
    String a = spec.substring(0, dash).trim();
    String b = spec.substring(dash + 1).trim();
    try {
      if (a.isEmpty()) {
        if (b.isEmpty()) {
          return null;
        }
        long suffix = Long.parseLong(b);
        if (suffix < 0) {
          return null; // "bytes=--5": not a range (it made first > last)
        }
        if (suffix == 0 || size == 0) {
          throw unsatisfiable(header, size);
        }
        return new ByteRange(Math.max(0, size - suffix), size - 1);
      }
      long first = Long.parseLong(a);
      if (!b.isEmpty() && Long.parseLong(b) < first) {
        return null;
      }
      long last = b.isEmpty() ? size - 1 : Long.parseLong(b);
      if (first >= size) {
        throw unsatisfiable(header, size);
      }
      return new ByteRange(first, Math.min(last, size - 1));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static S3ErrorException unsatisfiable(String header, long size) {
    Map<String, String> extra = new LinkedHashMap<>();
    extra.put("RangeRequested", header);
    extra.put("ActualObjectSize", Long.toString(size));
    extra.put("header:content-range", "bytes */" + size);
    return new S3ErrorException(S3ErrorCode.INVALID_RANGE, S3ErrorCode.INVALID_RANGE.message(), extra);
  }
}
