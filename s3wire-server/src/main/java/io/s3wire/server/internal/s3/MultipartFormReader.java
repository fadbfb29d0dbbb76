package io.s3wire.server.internal.s3;

import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import io.s3wire.server.internal.net.SingleByteRead;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A streaming reader of a {@code multipart/form-data} body (RFC 7578, RFC 2046 section 5.1) for S3's
 * browser-form POST: part after part, each part's content read as a stream that ends at the next
 * boundary, so a file part goes to the store without being held in memory.
 *
 * <p>Memory: one buffer of 64 KiB plus the delimiter; a part's content is handed out up to the last
 * {@code delimiter.length - 1} bytes of the buffer, which may be the start of the delimiter and are
 * kept until more bytes decide. Header lines are bounded ({@link #MAX_HEADER_LINE}). Anything not
 * well-formed is MalformedPOSTRequest. Single-threaded, like the body stream it reads.
 */
final class MultipartFormReader {
  /** The longest part header line accepted. */
  static final int MAX_HEADER_LINE = 8 * 1024;
  private static final int BUFFER = 64 * 1024;

  /** A part's headers: the field name, the file name (for a file part) and its content type; null when absent. */
  record Part(String name, String filename, String contentType) {}

  private final InputStream in;
  /** {@code CRLF--boundary}: what ends a part's content. */
  private final byte[] delimiter;
  private final byte[] buf;
  private int pos;
  private int lim;
  private boolean eof;
  /** Bytes taken from {@link #in} and consumed so far (not counting the CRLF put before the first delimiter). */
  private long consumed;
  /** Whether the reader is inside a part's content (or the preamble, at first). */
  private boolean inContent = true;
  /** Whether the close delimiter ({@code --boundary--}) was read. */
  private boolean finished;

  MultipartFormReader(InputStream in, String boundary) {
    this.in = in;
    this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    this.buf = new byte[BUFFER + delimiter.length];
    // The first delimiter may open the body, without the CRLF a delimiter starts with: put one before it.
    buf[0] = '\r';
    buf[1] = '\n';
    lim = 2;
    consumed = -2;
  }

  /**
   * The boundary of a {@code multipart/form-data} content type; {@code null} when the type is
   * another, MalformedPOSTRequest when the boundary parameter is missing or not one RFC 2046 allows.
   */
  static String boundary(String contentType) {
    if (contentType == null) {
      return null;
    }
    String[] params = contentType.split(";");
    if (!params[0].trim().toLowerCase(Locale.ROOT).equals("multipart/form-data")) {
      return null;
    }
    for (int i = 1; i < params.length; i++) {
      String p = params[i].trim();
      int eq = p.indexOf('=');
      if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase("boundary")) {
        String b = p.substring(eq + 1).trim();
        if (b.length() >= 2 && b.startsWith("\"") && b.endsWith("\"")) {
          b = b.substring(1, b.length() - 1);
        }
        if (b.isEmpty() || b.length() > 70 || !b.chars().allMatch(c -> c > 0x20 && c < 0x7f || c == ' ')) {
          throw malformed();
        }
        return b;
      }
    }
    throw malformed();
  }

  /** Bytes of the body consumed so far: what S3 counts against the fields before the file. */
  long position() {
    return Math.max(0, consumed);
  }

  /**
   * Skips what is left of the current part and reads the next part's headers; {@code null} after
   * the last part.
   */
  Part nextPart() throws IOException {
    if (finished) {
      return null;
    }
    if (inContent) {
      byte[] skip = new byte[8192];
      while (readContent(skip, 0, skip.length) >= 0) {
        // The rest of a part no one asked for.
      }
      if (finished) {
        return null;
      }
    }
    String name = null;
    String filename = null;
    String contentType = null;
    boolean disposition = false;
    for (String line = readLine(); !line.isEmpty(); line = readLine()) {
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw malformed();
      }
      String header = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).trim();
      if (header.equals("content-disposition")) {
        disposition = true;
        HeaderParams params = new HeaderParams(value);
        if (!params.type.equalsIgnoreCase("form-data")) {
          throw malformed();
        }
        name = params.get("name");
        filename = params.get("filename");
      } else if (header.equals("content-type")) {
        contentType = value;
      }
    }
    if (!disposition || name == null) {
      throw malformed();
    }
    inContent = true;
    return new Part(name, filename, contentType);
  }

  /**
   * Reads the current part's content; -1 at its end (the next boundary). Holds back the bytes that
   * may begin the delimiter until more bytes decide.
   */
  int readContent(byte[] b, int off, int len) throws IOException {
    if (!inContent) {
      return -1;
    }
    if (len == 0) {
      return 0;
    }
    fill(delimiter.length);
    int found = indexOfDelimiter();
    if (found == pos) {
      consume(delimiter.length);
      afterDelimiter();
      inContent = false;
      return -1;
    }
    int safe;
    if (found > 0) {
      safe = found - pos;
    } else if (eof) {
      // The body ended inside a part: no closing boundary.
      throw malformed();
    } else {
      safe = lim - pos - (delimiter.length - 1);
    }
    int n = Math.min(len, safe);
    System.arraycopy(buf, pos, b, off, n);
    consume(n);
    return n;
  }

  /** The current part's content as text (UTF-8), at most {@code max} bytes; {@code onTooLong} otherwise. */
  String readValue(long max, S3ErrorException onTooLong) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] chunk = new byte[4096];
    for (int n; (n = readContent(chunk, 0, chunk.length)) >= 0; ) {
      out.write(chunk, 0, n);
      if (out.size() > max) {
        throw onTooLong;
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The current part's content as a stream that ends at its boundary; reading it is reading this reader. */
  InputStream content() {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        return SingleByteRead.of(this);
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return readContent(b, off, len);
      }
    };
  }

  /**
   * Skips up to {@code max} more bytes of the current part; the bytes skipped when the part ended
   * within them, else -1.
   */
  long skipContent(long max) throws IOException {
    byte[] skip = new byte[8192];
    long total = 0;
    for (int n; (n = readContent(skip, 0, skip.length)) >= 0; ) {
      total += n;
      if (total > max) {
        return -1;
      }
    }
    return total;
  }

  /** After a delimiter: {@code --} closes the body, else optional padding and CRLF open the next part. */
  private void afterDelimiter() throws IOException {
    fill(2);
    if (lim - pos >= 2 && buf[pos] == '-' && buf[pos + 1] == '-') {
      consume(2);
      finished = true;
      return;
    }
    while (true) {
      fill(2);
      if (lim - pos < 2) {
        throw malformed();
      }
      if (buf[pos] == ' ' || buf[pos] == '\t') {
        consume(1);
      } else if (buf[pos] == '\r' && buf[pos + 1] == '\n') {
        consume(2);
        return;
      } else {
        throw malformed();
      }
    }
  }

  private String readLine() throws IOException {
    int scanned = 0;
    while (true) {
      for (int i = pos + scanned; i + 1 < lim; i++) {
        if (buf[i] == '\r' && buf[i + 1] == '\n') {
          String line = new String(buf, pos, i - pos, StandardCharsets.UTF_8);
          consume(i - pos + 2);
          return line;
        }
      }
      scanned = Math.max(0, lim - pos - 1);
      if (scanned > MAX_HEADER_LINE || eof) {
        throw malformed();
      }
      fill(lim - pos + 1);
    }
  }

  private int indexOfDelimiter() {
    byte first = delimiter[0];
    for (int i = pos, last = lim - delimiter.length; i <= last; i++) {
      if (buf[i] != first) {
        continue;
      }
      int j = 1;
      while (j < delimiter.length && buf[i + j] == delimiter[j]) {
        j++;
      }
      if (j == delimiter.length) {
        return i;
      }
    }
    return -1;
  }

  private void consume(int n) {
    pos += n;
    consumed += n;
  }

  /** Reads until {@code need} bytes are buffered or the body ended. */
  private void fill(int need) throws IOException {
    if (lim - pos >= need || eof) {
      return;
    }
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, lim - pos);
      lim -= pos;
      pos = 0;
    }
    while (lim - pos < need) {
      int n = in.read(buf, lim, buf.length - lim);
      if (n < 0) {
        eof = true;
        return;
      }
      lim += n;
    }
  }

  static S3ErrorException malformed() {
    return new S3ErrorException(S3ErrorCode.MALFORMED_POST_REQUEST);
  }

  /** A {@code Content-Disposition} value: its type and its parameters (quotes removed). */
  private static final class HeaderParams {
    final String type;
    private final java.util.Map<String, String> params = new java.util.HashMap<>();

    HeaderParams(String value) {
      int i = value.indexOf(';');
      type = (i < 0 ? value : value.substring(0, i)).trim();
      while (i >= 0 && i < value.length()) {
        i++;
        int eq = value.indexOf('=', i);
        if (eq < 0) {
          break;
        }
        String name = value.substring(i, eq).trim().toLowerCase(Locale.ROOT);
        i = eq + 1;
        while (i < value.length() && value.charAt(i) == ' ') {
          i++;
        }
        StringBuilder v = new StringBuilder();
        if (i < value.length() && value.charAt(i) == '"') {
          i++;
          while (i < value.length() && value.charAt(i) != '"') {
            // Browsers percent-encode a quote in a name (HTML's form encoding) and send backslashes as
            // they are (a Windows path), so a backslash escapes nothing here.
            v.append(value.charAt(i));
            i++;
          }
          if (i >= value.length()) {
            throw malformed();
          }
          i = value.indexOf(';', i + 1);
        } else {
          int end = value.indexOf(';', i);
          v.append(value, i, end < 0 ? value.length() : end);
          i = end;
        }
        params.putIfAbsent(name, v.toString().trim());
      }
    }

    String get(String name) {
      return params.get(name);
    }
  }
}
