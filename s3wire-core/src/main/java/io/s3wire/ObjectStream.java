package io.s3wire;

import java.io.FilterInputStream;
import java.io.InputStream;

/**
 * An object's bytes as they arrive, with its head. The caller must close it; closing before the end
 * cancels the transfer (HTTP/2: RST_STREAM(CANCEL); HTTP/1.1: the connection is not reused).
 */
public final class ObjectStream extends FilterInputStream {
  private final ObjectInfo info;

  public ObjectStream(ObjectInfo info, InputStream in) {
    super(in);
    this.info = info;
  }

  public ObjectInfo info() {
    return info;
  }
}
