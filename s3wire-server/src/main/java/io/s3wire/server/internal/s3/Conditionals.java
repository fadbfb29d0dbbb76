package io.s3wire.server.internal.s3;

import io.s3wire.http.HttpDate;
import io.s3wire.server.StoredObject;
import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import io.s3wire.server.WriteCondition;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * S3's conditional requests (RFC 9110 section 13.2.2 order): If-Match, else If-Unmodified-Since
 * (412); then If-None-Match, else If-Modified-Since (304 for GET/HEAD). A date that does not parse
 * is ignored, as S3 ignores it.
 */
final class Conditionals {
  private Conditionals() {}

  /** Checks the conditions; {@code prefix} is {@code ""} or {@code x-amz-copy-source-} for copies. */
  static void check(S3Call call, StoredObject info, String prefix, boolean notModifiedAllowed) {
    String ifMatch = call.header(prefix + "if-match");
    String ifUnmodified = call.header(prefix + "if-unmodified-since");
    String ifNoneMatch = call.header(prefix + "if-none-match");
    String ifModified = call.header(prefix + "if-modified-since");
    if (ifMatch != null) {
      if (!etagMatches(ifMatch, info.etag())) {
        throw failed(prefix.isEmpty() ? "If-Match" : "x-amz-copy-source-If-Match");
      }
    } else if (ifUnmodified != null) {
      Instant t = date(ifUnmodified);
      if (t != null && info.lastModified().isAfter(t)) {
        throw failed(prefix.isEmpty() ? "If-Unmodified-Since" : "x-amz-copy-source-If-Unmodified-Since");
      }
    }
    if (ifNoneMatch != null) {
      if (etagMatches(ifNoneMatch, info.etag())) {
        if (notModifiedAllowed) {
          throw notModified(info);
        }
        throw failed(prefix.isEmpty() ? "If-None-Match" : "x-amz-copy-source-If-None-Match");
      }
    } else if (ifModified != null) {
      Instant t = date(ifModified);
      if (t != null && !info.lastModified().isAfter(t)) {
        if (notModifiedAllowed) {
          throw notModified(info);
        }
        throw failed(prefix.isEmpty() ? "If-Modified-Since" : "x-amz-copy-source-If-Modified-Since");
      }
    }
  }

  /**
   * The precondition of a write (PutObject, CopyObject's destination, CompleteMultipartUpload):
   * S3 takes {@code If-None-Match: *} or {@code If-Match: etag}. Another If-None-Match value, or
   * both headers together, S3 answers 501 NotImplemented.
   */
  static WriteCondition forWrite(S3Call call) {
    String ifMatch = call.header("if-match");
    String ifNoneMatch = call.header("if-none-match");
    if (ifNoneMatch != null) {
      if (ifMatch != null || !ifNoneMatch.trim().equals("*")) {
        throw new S3ErrorException(S3ErrorCode.NOT_IMPLEMENTED, S3ErrorCode.NOT_IMPLEMENTED.message(),
            Map.of("Header", "If-None-Match"));
      }
      return WriteCondition.ifAbsent();
    }
    return ifMatch == null ? WriteCondition.NONE : WriteCondition.ifMatch(ifMatch);
  }

  /**
   * Fails a conditional write early, before its body is read, when the condition already does not
   * hold; the store checks again, atomically, when it commits.
   */
  static void precheck(S3Call call, WriteCondition condition, String bucket, String key) throws java.io.IOException {
    if (condition.isNone()) {
      return;
    }
    StoredObject current;
    try {
      current = call.store().headObject(bucket, key);
    } catch (S3ErrorException e) {
      if (e.code() != S3ErrorCode.NO_SUCH_KEY) {
        throw e;
      }
      current = null;
    }
    condition.check(current);
  }

  private static S3ErrorException failed(String condition) {
    return new S3ErrorException(S3ErrorCode.PRECONDITION_FAILED, S3ErrorCode.PRECONDITION_FAILED.message(),
        Map.of("Condition", condition));
  }

  private static S3ErrorException notModified(StoredObject info) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("header:etag", info.etag());
    h.put("header:last-modified", HttpDate.format(info.lastModified()));
    return new S3ErrorException(S3ErrorCode.NOT_MODIFIED, S3ErrorCode.NOT_MODIFIED.message(), h);
  }

  static boolean etagMatches(String header, String etag) {
    String bare = unquote(etag);
    for (String candidate : header.split(",")) {
      String c = candidate.trim();
      if (c.equals("*")) {
        return true;
      }
      if (c.startsWith("W/")) {
        c = c.substring(2);
      }
      if (unquote(c).equals(bare)) {
        return true;
      }
    }
    return false;
  }

  static String unquote(String s) {
    return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
  }

  /** An HTTP date in any of its three forms, or an ISO-8601 instant; {@code null} (ignored) when neither. */
  static Instant date(String text) {
    Optional<Instant> http = HttpDate.parse(text);
    if (http.isPresent()) {
      return http.get();
    }
    try {
      return Instant.parse(text.trim());
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
