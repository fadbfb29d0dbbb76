package io.s3wire.bench.compat;

/** A probe's finding that the server did not do what S3 does; its message goes into the table. */
final class ProbeFailure extends Exception {
  private static final long serialVersionUID = 1L;

  ProbeFailure(String finding) {
    super(finding, null, false, false);
  }
}
