package io.s3wire;

import java.io.FilterInputStream;
import java.io.InputStream;

/**
 * An object's bytes as they arrive, with its head. The caller must close it; closing before the end
 * cancels the transfer (HTTP/2: RST_STREAM(CANCEL); HTTP/1.1: the connection is not reused).
 */
public final class ObjectStream extends FilterInputStream {
  private final ObjectInfo info;

  /**
   * Wraps the bytes of a response with the object's head; the client makes these.
   *
   * @param info the object's head
   * @param in the response's bytes; closed by {@link #close()}
   */
  public ObjectStream(ObjectInfo info, InputStream in) {
    super(in);
    this.info = info;
  }

  /**
   * The object's head, known before the first byte is read.
   *
   * @return size, ETag, dates and metadata
   */
  public ObjectInfo info() {
    return info;
  }
}
