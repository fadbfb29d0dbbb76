package io.s3wire.server;

import java.util.Map;

/**
 * A precondition on the object a write replaces, as S3's conditional writes state it:
 * {@code If-None-Match: *} (no object may exist under the key) or {@code If-Match: "etag"} (the
 * current object must have that ETag).
 *
 * <p>A store checks it at its commit point, after the body was read and atomically with making the
 * new object visible, so that of several writers racing on one key with {@code If-None-Match: *}
 * exactly one succeeds. {@link #check} throws what S3 answers when it does not hold.
 *
 * @param ifMatch the ETag the current object must have (quotes optional, {@code *} for any object),
 *     or {@code null}
 * @param ifNoneMatch whether no object may exist under the key
 */
public record WriteCondition(String ifMatch, boolean ifNoneMatch) {
  /** No precondition: the write replaces whatever is there. */
  public static final WriteCondition NONE = new WriteCondition(null, false);

  /**
   * Checks that at most one precondition is given, as S3 takes either header but not both.
   *
   * @param ifMatch the ETag the current object must have, or {@code null}
   * @param ifNoneMatch whether no object may exist under the key
   * @throws IllegalArgumentException when both are given
   */
  public WriteCondition {
    if (ifMatch != null && ifNoneMatch) {
      throw new IllegalArgumentException("a write condition is If-Match or If-None-Match, not both");
    }
  }

  /** {@return the condition to write only if no object exists under the key} ({@code If-None-Match: *}) */
  public static WriteCondition ifAbsent() {
    return new WriteCondition(null, true);
  }

  /**
   * {@return the condition to write only if the current object's ETag is {@code etag}} ({@code If-Match})
   *
   * @param etag the expected ETag, quotes optional, {@code *} for any existing object; not {@code null}
   */
  public static WriteCondition ifMatch(String etag) {
    return new WriteCondition(java.util.Objects.requireNonNull(etag, "etag"), false);
  }

  /** {@return whether this is {@link #NONE}, constraining nothing} Stores then need not read the current object. */
  public boolean isNone() {
    return ifMatch == null && !ifNoneMatch;
  }

  /**
   * Checks the condition against the object currently under the key.
   *
   * @param current the current object, or {@code null} when there is none
   * @throws S3ErrorException PreconditionFailed when an object exists despite {@code If-None-Match}
   *     or has another ETag than {@code If-Match} names; NoSuchKey for {@code If-Match} when there
   *     is no object (S3 answers 404 there, not 412)
   */
  public void check(StoredObject current) {
    if (ifNoneMatch && current != null) {
      throw failed("If-None-Match");
    }
    if (ifMatch != null) {
      if (current == null) {
        throw new S3ErrorException(S3ErrorCode.NO_SUCH_KEY);
      }
      if (!matches(ifMatch, current.etag())) {
        throw failed("If-Match");
      }
    }
  }

  private static boolean matches(String wanted, String etag) {
    String w = wanted.trim();
    return w.equals("*") || unquote(w).equals(unquote(etag));
  }

  private static String unquote(String s) {
    return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
  }

  private static S3ErrorException failed(String condition) {
    return new S3ErrorException(S3ErrorCode.PRECONDITION_FAILED, S3ErrorCode.PRECONDITION_FAILED.message(),
        Map.of("Condition", condition));
  }
}
