package io.s3wire.server.internal.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streaming form parser on its own, fed by a body that arrives a few bytes at a time (as the
 * network delivers it), with content full of near-boundaries: every byte of every part comes out
 * exactly, and every malformed body is MalformedPOSTRequest.
 */
class MultipartFormReaderTest {
  private static final String B = "xYz-boundary";

  @ParameterizedTest(name = "reads of at most {0} bytes")
  @ValueSource(ints = {1, 3, 17, 65_536})
  void partsComeOutExactlyWhateverTheReadSizes(int readSize) throws IOException {
    byte[] file = new byte[200_000];
    new Random(3).nextBytes(file);
    byte[] near = ("\r\n--" + B.substring(0, B.length() - 1)).getBytes(StandardCharsets.US_ASCII);
    for (int at = 0; at + near.length < file.length; at += 9_973) {
      System.arraycopy(near, 0, file, at, near.length);
    }
    file[file.length - 2] = '\r';
    file[file.length - 1] = '\n';
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("preamble to ignore\r\n--" + B + "\r\nContent-Disposition: form-data; name=\"Key\"\r\n\r\n"
        + "a/${filename}\r\n--" + B + "  \r\ncontent-disposition: form-data; name=\"empty\"\r\n\r\n\r\n--" + B
        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"C:\\dir\\f.bin\"\r\nContent-Type: image/png"
        + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(file);
    body.writeBytes(("\r\n--" + B + "\r\nContent-Disposition: form-data; name=\"after\"\r\n\r\nz\r\n--" + B + "--")
        .getBytes(StandardCharsets.UTF_8));
    MultipartFormReader r = new MultipartFormReader(trickle(body.toByteArray(), readSize), B);

    assertThat(r.nextPart()).isEqualTo(new MultipartFormReader.Part("Key", null, null));
    assertThat(r.readValue(100, new S3ErrorException(S3ErrorCode.INTERNAL_ERROR))).isEqualTo("a/${filename}");
    assertThat(r.nextPart()).isEqualTo(new MultipartFormReader.Part("empty", null, null));
    assertThat(r.readValue(100, new S3ErrorException(S3ErrorCode.INTERNAL_ERROR))).isEmpty();
    MultipartFormReader.Part part = r.nextPart();
    // Backslashes are a Windows path, as browsers send it, not escapes.
    assertThat(part).isEqualTo(new MultipartFormReader.Part("file", "C:\\dir\\f.bin", "image/png"));
    long before = r.position();
    assertThat(r.content().readAllBytes()).isEqualTo(file);
    assertThat(r.position() - before).isEqualTo(file.length + ("\r\n--" + B + "\r\n").length());
    assertThat(r.nextPart()).isEqualTo(new MultipartFormReader.Part("after", null, null));
    assertThat(r.nextPart()).isNull();
  }

  @Test
  void aValueLongerThanAllowedThrowsTheGivenError() {
    MultipartFormReader r = new MultipartFormReader(new ByteArrayInputStream(("--" + B
        + "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n" + "v".repeat(5000) + "\r\n--" + B + "--")
        .getBytes(StandardCharsets.UTF_8)), B);
    S3ErrorException tooLong = new S3ErrorException(S3ErrorCode.MAX_POST_PRE_DATA_LENGTH_EXCEEDED);
    assertThatThrownBy(() -> {
      r.nextPart();
      r.readValue(4096, tooLong);
    }).isSameAs(tooLong);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "--" + B + "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno closing boundary",
      "--" + B + "\r\nContent-Type: text/plain\r\n\r\nno disposition\r\n--" + B + "--",
      "--" + B + "\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nv\r\n--" + B + "--",
      "--" + B + "\r\nContent-Disposition: form-data; filename=\"f\"\r\n\r\nno name\r\n--" + B + "--",
      "--" + B + "\r\nno colon here\r\n\r\nv\r\n--" + B + "--",
      "--" + B + "junk after the delimiter\r\n",
      "no boundary at all"})
  void malformedBodiesAreMalformedPostRequest(String body) {
    MultipartFormReader r = new MultipartFormReader(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), B);
    assertThatThrownBy(() -> {
      for (MultipartFormReader.Part p = r.nextPart(); p != null; p = r.nextPart()) {
        r.content().readAllBytes();
      }
    }).isInstanceOfSatisfying(S3ErrorException.class,
        e -> assertThat(e.code()).isEqualTo(S3ErrorCode.MALFORMED_POST_REQUEST));
  }

  @Test
  void boundaryComesFromTheContentType() {
    assertThat(MultipartFormReader.boundary("multipart/form-data; boundary=abc")).isEqualTo("abc");
    assertThat(MultipartFormReader.boundary("Multipart/Form-Data; charset=utf-8; BOUNDARY=\"a b\"")).isEqualTo("a b");
    assertThat(MultipartFormReader.boundary("application/x-www-form-urlencoded")).isNull();
    assertThat(MultipartFormReader.boundary(null)).isNull();
    for (String bad : new String[] {"multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data;"
        + " boundary=" + "b".repeat(71)}) {
      assertThatThrownBy(() -> MultipartFormReader.boundary(bad)).isInstanceOfSatisfying(S3ErrorException.class,
          e -> assertThat(e.code()).isEqualTo(S3ErrorCode.MALFORMED_POST_REQUEST));
    }
  }

  /** {@code bytes} read at most {@code max} at a time. */
  private static InputStream trickle(byte[] bytes, int max) {
    return new FilterInputStream(new ByteArrayInputStream(bytes)) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return super.read(b, off, Math.min(len, max));
      }
    };
  }
}
