package io.s3wire.server.internal.net;

/** Receives each request once its head is complete, on the event loop; must not block. */
public interface RequestHandler {
  void onRequest(Exchange exchange);
}
