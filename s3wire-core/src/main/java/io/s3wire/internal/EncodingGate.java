package io.s3wire.internal;

import io.s3wire.error.ServiceException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that decides whether a failed upload shows that the server refuses the form its
 * checksum travelled in (ARCHITECTURE.md, "Fallback, gated on evidence", applied to upload
 * encodings). Only a service error answering that form counts, and only where the error can mean
 * nothing else:
 *
 * <ul>
 *   <li>aws-chunked with a trailer: {@code XAmzContentSHA256Mismatch} (no payload hash was signed,
 *       {@code STREAMING-UNSIGNED-PAYLOAD-TRAILER} names none, so the server read the body as
 *       something else: Ceph RGW 16.2 answers so); {@code NotImplemented}; {@code InvalidArgument}
 *       or {@code InvalidRequest} naming {@code x-amz-content-sha256}, {@code x-amz-trailer},
 *       {@code x-amz-decoded-content-length}, aws-chunked or a STREAMING payload.
 *   <li>the checksum header: {@code NotImplemented}; {@code InvalidArgument}, {@code
 *       InvalidRequest} or {@code ExcessHeaderValues} naming an {@code x-amz-checksum-*} header,
 *       unless it calls the value invalid (that is a bad value, not a refused form).
 * </ul>
 *
 * Never {@code BadDigest} or {@code InvalidDigest} (the bytes or the digest are wrong, which the next
 * form would hide), never a transport failure, never another status. Stateless.
 */
final class EncodingGate {
  private static final Set<String> NEVER = Set.of("BadDigest", "InvalidDigest");
  private static final Pattern DETAIL = Pattern.compile(
      "<(ArgumentName|ArgumentValue|HeaderName|Details)>([^<]{0,200})</\\1>");

  private EncodingGate() {}

  /**
   * The evidence that {@code failure} refuses {@code used}, in words, or {@code null} when it shows
   * no such thing (the failure then stands as it is).
   */
  static String evidence(UploadEncoding used, Throwable failure) {
    if (!(failure instanceof ServiceException e) || e.errorCode() == null || NEVER.contains(e.errorCode())) {
      return null;
    }
    String code = e.errorCode();
    String answer = e.status() + " " + code;
    if (e.status() == 501 && code.equals("NotImplemented") && used != UploadEncoding.CONTENT_MD5) {
      return answer + " to " + used.words();
    }
    if (e.status() != 400) {
      return null;
    }
    String text = text(e);
    if (used == UploadEncoding.TRAILER) {
      if (code.equals("XAmzContentSHA256Mismatch")) {
        return answer + " to an upload that signed no payload hash (STREAMING-UNSIGNED-PAYLOAD-TRAILER):"
            + " the server does not take aws-chunked with a trailing checksum";
      }
      if ((code.equals("InvalidArgument") || code.equals("InvalidRequest")) && mentionsChunked(text)) {
        return answer + " about the aws-chunked encoding (" + quote(e) + ")";
      }
      return null;
    }
    if (used == UploadEncoding.HEADER
        && (code.equals("InvalidArgument") || code.equals("InvalidRequest") || code.equals("ExcessHeaderValues"))
        && (text.contains("x-amz-checksum-") || text.contains("x-amz-sdk-checksum-algorithm"))
        && !text.contains("invalid") && !text.contains("does not match") && !text.contains("mismatch")) {
      return answer + " about the checksum header (" + quote(e) + ")";
    }
    return null;
  }

  private static boolean mentionsChunked(String text) {
    return text.contains("x-amz-content-sha256") || text.contains("x-amz-trailer") || text.contains("aws-chunked")
        || text.contains("x-amz-decoded-content-length") || text.contains("streaming-") || text.contains("trailer");
  }

  /** The error's message and the arguments it names, lower-case; never the whole body (a key may say anything). */
  private static String text(ServiceException e) {
    StringBuilder b = new StringBuilder(e.errorMessage() == null ? "" : e.errorMessage());
    if (e.rawBody() != null) {
      Matcher m = DETAIL.matcher(e.rawBody());
      while (m.find()) {
        b.append(' ').append(m.group(2));
      }
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }

  private static String quote(ServiceException e) {
    String m = e.errorMessage() == null || e.errorMessage().isBlank() ? "no message" : e.errorMessage().strip();
    return m.length() > 160 ? m.substring(0, 160) + "..." : m;
  }
}
