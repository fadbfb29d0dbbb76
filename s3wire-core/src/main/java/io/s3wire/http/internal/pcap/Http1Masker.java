package io.s3wire.http.internal.pcap;

import io.s3wire.wire.Redaction;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Masks secrets in one direction of an HTTP/1.1 byte stream, in place and length for length (see
 * {@link SameLengthMask}), so message framing is untouched and nothing needs parsing but lines.
 *
 * <p>Every line that reads as a header ({@code name: value}) has its value masked as the trace
 * would, and every line that reads as a request line has the secret query values of its target
 * masked. Bodies are scanned too: a body line that looks like a secret header is masked in the
 * capture only, never on the wire. A secret header whose line is split between two reads stays
 * masked up to its end; one thread per instance (the connection's event loop).
 */
final class Http1Masker {
  /** Longest header name looked at: longer tokens are not headers we redact. */
  private static final int MAX_NAME = 64;

  private final Supplier<Redaction> redaction;
  private boolean atLineStart = true;
  private boolean maskToLineEnd;

  Http1Masker(Supplier<Redaction> redaction) {
    this.redaction = redaction;
  }

  /** Masks {@code bytes[from, to)}, which follow the bytes of the previous call on the stream. */
  void mask(byte[] bytes, int from, int to) {
    int i = from;
    while (i < to) {
      int eol = indexOf(bytes, (byte) '\n', i, to);
      int lineEnd = eol < 0 ? to : eol;
      if (maskToLineEnd) {
        fill(bytes, i, contentEnd(bytes, i, lineEnd));
        maskToLineEnd = eol < 0;
      } else if (atLineStart) {
        maskLine(bytes, i, lineEnd, eol < 0);
      }
      atLineStart = eol >= 0;
      i = eol < 0 ? to : eol + 1;
    }
  }

  private void maskLine(byte[] b, int start, int end, boolean unfinished) {
    int colon = -1;
    for (int i = start; i < end && i - start <= MAX_NAME; i++) {
      if (b[i] == ':') {
        colon = i;
        break;
      }
      if (!isTokenChar(b[i])) {
        break;
      }
    }
    Redaction r = redaction.get();
    int contentEnd = contentEnd(b, start, end);
    if (colon > start) {
      String name = new String(b, start, colon - start, StandardCharsets.ISO_8859_1);
      int valueStart = colon + 1;
      while (valueStart < contentEnd && (b[valueStart] == ' ' || b[valueStart] == '\t')) {
        valueStart++;
      }
      String value = new String(b, valueStart, contentEnd - valueStart, StandardCharsets.ISO_8859_1);
      String masked = SameLengthMask.headerValue(r, name, value);
      if (!masked.equals(value)) {
        System.arraycopy(masked.getBytes(StandardCharsets.ISO_8859_1), 0, b, valueStart, masked.length());
      }
      maskToLineEnd = unfinished && r.isSensitive(name);
      return;
    }
    int sp = indexOf(b, (byte) ' ', start, contentEnd);
    if (sp > start && isMethod(b, start, sp)) {
      int targetEnd = indexOf(b, (byte) ' ', sp + 1, contentEnd);
      int te = targetEnd < 0 ? contentEnd : targetEnd;
      String target = new String(b, sp + 1, te - sp - 1, StandardCharsets.ISO_8859_1);
      String masked = SameLengthMask.url(r, target);
      if (!masked.equals(target)) {
        System.arraycopy(masked.getBytes(StandardCharsets.ISO_8859_1), 0, b, sp + 1, masked.length());
      }
    }
  }

  private static boolean isMethod(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] < 'A' || b[i] > 'Z') {
        return false;
      }
    }
    return to - from <= 16;
  }

  private static boolean isTokenChar(byte c) {
    return c > ' ' && c < 127 && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
  }

  /** Where a line's content ends: before its {@code \r}, if the line ends with one. */
  private static int contentEnd(byte[] b, int start, int end) {
    return end > start && b[end - 1] == '\r' ? end - 1 : end;
  }

  private static void fill(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      b[i] = (byte) SameLengthMask.MASK;
    }
  }

  private static int indexOf(byte[] b, byte c, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] == c) {
        return i;
      }
    }
    return -1;
  }
}
