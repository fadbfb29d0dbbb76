package io.s3wire.http;

import java.util.List;

/**
 * A response head and its body. The caller owns the body and must consume or close it; closing the
 * response closes the body.
 *
 * @param protocol the HTTP version the exchange travelled on
 * @param attempts the attempts made for this call, oldest first (more than one after a fallback)
 */
public record HttpResponse(
    int status, HttpHeaders headers, HttpProtocol protocol, ResponseBody body, List<io.s3wire.error.Attempt> attempts)
    implements AutoCloseable {

  @Override
  public void close() {
    body.close();
  }
}
