package io.s3wire.cli.commands;

import io.s3wire.CustomerKey;
import io.s3wire.GetObjectRequest;

/**
 * How a download reads its object: the version and the SSE-C key it was written with, as a value
 * the tests can assert.
 *
 * @param versionId {@code --version-id}, or {@code null} for the current version
 * @param customerKey {@code --sse-c-key-file}, or {@code null}
 */
record ReadFeatures(String versionId, CustomerKey customerKey) {
  static final ReadFeatures NONE = new ReadFeatures(null, null);

  /** {@code g} reading that version with that key. */
  GetObjectRequest onto(GetObjectRequest g) {
    return g.withVersionId(versionId).withCustomerKey(customerKey);
  }
}
