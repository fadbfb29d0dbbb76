package io.s3wire.server;

/**
 * Sees every request once its operation is known, before it is handled; tests use it to count
 * requests by operation. Called on an event loop: must be fast, must not throw, must not block.
 */
@FunctionalInterface
public interface RequestObserver {
  /**
   * Sees one request.
   *
   * @param request its operation, method, path and protocol, as routed
   */
  void onRequest(ObservedRequest request);
}
