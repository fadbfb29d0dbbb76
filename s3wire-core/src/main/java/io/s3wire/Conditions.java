package io.s3wire;

import java.time.Instant;

/**
 * Preconditions on an object's current state (RFC 9110 section 13): {@code If-Match}, {@code
 * If-None-Match}, {@code If-Modified-Since}, {@code If-Unmodified-Since}. A {@code null} component
 * is not sent. A failed precondition comes back as a {@code ServiceException} with status 412 (or 304
 * for a GET whose If-None-Match / If-Modified-Since matched).
 *
 * <p>ETags are given as the server sent them, with or without quotes; they are sent quoted.
 *
 * @param ifMatch the ETag the object must have, or {@code null}
 * @param ifNoneMatch an ETag the object must not have ({@code *}: the object must not exist), or {@code null}
 * @param ifModifiedSince the object must have changed after this instant, or {@code null}
 * @param ifUnmodifiedSince the object must not have changed after this instant, or {@code null}
 */
public record Conditions(String ifMatch, String ifNoneMatch, Instant ifModifiedSince, Instant ifUnmodifiedSince) {
  /**
   * No preconditions: nothing is sent.
   */
  public static final Conditions NONE = new Conditions(null, null, null, null);

  /**
   * Only if the object's ETag is {@code etag}: guards against overwriting or reading a changed object.
   *
   * @param etag the expected ETag
   * @return the condition alone
   */
  public static Conditions ifMatch(String etag) {
    return NONE.withIfMatch(etag);
  }

  /**
   * Only if the object's ETag is not {@code etag}; {@code *} means only if the object does not exist.
   *
   * @param etag the ETag to refuse, or {@code *}
   * @return the condition alone
   */
  public static Conditions ifNoneMatch(String etag) {
    return NONE.withIfNoneMatch(etag);
  }

  /**
   * Only if the object changed after {@code t}.
   *
   * @param t the instant; HTTP dates have whole seconds, so sub-second parts are dropped on the wire
   * @return the condition alone
   */
  public static Conditions ifModifiedSince(Instant t) {
    return NONE.withIfModifiedSince(t);
  }

  /**
   * Only if the object did not change after {@code t}.
   *
   * @param t the instant; HTTP dates have whole seconds, so sub-second parts are dropped on the wire
   * @return the condition alone
   */
  public static Conditions ifUnmodifiedSince(Instant t) {
    return NONE.withIfUnmodifiedSince(t);
  }

  /**
   * These conditions with {@code If-Match} set.
   *
   * @param etag the expected ETag, or {@code null} to drop the condition
   * @return a new value; this one is unchanged
   */
  public Conditions withIfMatch(String etag) {
    return new Conditions(etag, ifNoneMatch, ifModifiedSince, ifUnmodifiedSince);
  }

  /**
   * These conditions with {@code If-None-Match} set.
   *
   * @param etag the ETag to refuse, {@code *}, or {@code null} to drop the condition
   * @return a new value; this one is unchanged
   */
  public Conditions withIfNoneMatch(String etag) {
    return new Conditions(ifMatch, etag, ifModifiedSince, ifUnmodifiedSince);
  }

  /**
   * These conditions with {@code If-Modified-Since} set.
   *
   * @param t the instant, or {@code null} to drop the condition
   * @return a new value; this one is unchanged
   */
  public Conditions withIfModifiedSince(Instant t) {
    return new Conditions(ifMatch, ifNoneMatch, t, ifUnmodifiedSince);
  }

  /**
   * These conditions with {@code If-Unmodified-Since} set.
   *
   * @param t the instant, or {@code null} to drop the condition
   * @return a new value; this one is unchanged
   */
  public Conditions withIfUnmodifiedSince(Instant t) {
    return new Conditions(ifMatch, ifNoneMatch, ifModifiedSince, t);
  }

  /**
   * Whether no condition is set.
   *
   * @return {@code true} when nothing would be sent
   */
  public boolean isEmpty() {
    return ifMatch == null && ifNoneMatch == null && ifModifiedSince == null && ifUnmodifiedSince == null;
  }
}
