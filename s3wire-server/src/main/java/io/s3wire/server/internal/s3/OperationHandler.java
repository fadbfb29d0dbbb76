package io.s3wire.server.internal.s3;

import java.io.IOException;

/** Handles one S3 operation on a worker thread; answers through the call or throws an S3 error. */
@FunctionalInterface
interface OperationHandler {
  void handle(S3Call call) throws IOException;
}
