package io.s3wire.retry;

import java.util.Locale;

/**
 * What a request's retry depends on besides the failure.
 *
 * @param replayableBody whether the body can be sent again ({@code RequestBody#isReplayable()});
 *     a request whose body cannot be replayed is never retried
 * @param idempotent whether applying the operation twice has the effect of applying it once (GET,
 *     HEAD, a whole-object PUT, DELETE); one that is not (CompleteMultipartUpload, a POST) is retried
 *     only when the failure proves the server did not process it
 */
public record RequestTraits(boolean replayableBody, boolean idempotent) {
  /**
   * The traits of a request with this HTTP method: GET, HEAD, PUT, DELETE and OPTIONS are
   * idempotent, POST and the rest not.
   *
   * @param method the HTTP method, any case
   * @param replayableBody whether the body can be sent again
   * @return the traits
   */
  public static RequestTraits forMethod(String method, boolean replayableBody) {
    boolean idempotent = switch (method.toUpperCase(Locale.ROOT)) {
      case "GET", "HEAD", "PUT", "DELETE", "OPTIONS" -> true;
      default -> false;
    };
    return new RequestTraits(replayableBody, idempotent);
  }
}
