package io.s3wire.server.internal.net;

/**
 * How a response body is sent when fault rules shape it.
 *
 * @param bytesPerSecond bandwidth limit, 0 for none
 * @param cutAfterBytes close the connection after this many body bytes, -1 for never
 */
public record ResponseShaping(long bytesPerSecond, long cutAfterBytes) {
  public static final ResponseShaping NONE = new ResponseShaping(0, -1);

  public boolean isNone() {
    return bytesPerSecond <= 0 && cutAfterBytes < 0;
  }
}
