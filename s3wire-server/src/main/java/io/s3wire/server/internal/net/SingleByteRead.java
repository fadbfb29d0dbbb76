package io.s3wire.server.internal.net;

import java.io.IOException;
import java.io.InputStream;

/** {@link InputStream#read()} for the server's streams whose work is all in their array read. */
public final class SingleByteRead {
  private SingleByteRead() {}

  /**
   * Reads one byte of {@code in} through its {@code read(byte[], int, int)}.
   *
   * @param in the stream, whose array read does the work
   * @return the byte, 0 to 255, or -1 at the end of the stream
   * @throws IOException what the array read throws
   */
  public static int of(InputStream in) throws IOException {
    byte[] one = new byte[1];
    int n = in.read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }
}
