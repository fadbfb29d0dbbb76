package io.s3wire;

import java.time.Instant;

/**
 * Preconditions on an object's current state (RFC 9110 section 13): {@code If-Match}, {@code
 * If-None-Match}, {@code If-Modified-Since}, {@code If-Unmodified-Since}. A {@code null} component
 * is not sent. A failed precondition comes back as a {@code ServiceException} with status 412 (or 304
 * for a GET whose If-None-Match / If-Modified-Since matched).
 *
 * <p>ETags are given as the server sent them, with or without quotes; they are sent quoted.
 */
public record Conditions(String ifMatch, String ifNoneMatch, Instant ifModifiedSince, Instant ifUnmodifiedSince) {
  public static final Conditions NONE = new Conditions(null, null, null, null);

  public static Conditions ifMatch(String etag) {
    return NONE.withIfMatch(etag);
  }

  public static Conditions ifNoneMatch(String etag) {
    return NONE.withIfNoneMatch(etag);
  }

  public static Conditions ifModifiedSince(Instant t) {
    return NONE.withIfModifiedSince(t);
  }

  public static Conditions ifUnmodifiedSince(Instant t) {
    return NONE.withIfUnmodifiedSince(t);
  }

  public Conditions withIfMatch(String etag) {
    return new Conditions(etag, ifNoneMatch, ifModifiedSince, ifUnmodifiedSince);
  }

  public Conditions withIfNoneMatch(String etag) {
    return new Conditions(ifMatch, etag, ifModifiedSince, ifUnmodifiedSince);
  }

  public Conditions withIfModifiedSince(Instant t) {
    return new Conditions(ifMatch, ifNoneMatch, t, ifUnmodifiedSince);
  }

  public Conditions withIfUnmodifiedSince(Instant t) {
    return new Conditions(ifMatch, ifNoneMatch, ifModifiedSince, t);
  }

  public boolean isEmpty() {
    return ifMatch == null && ifNoneMatch == null && ifModifiedSince == null && ifUnmodifiedSince == null;
  }
}
