/** Binds the s3wire client's call facts ({@code io.s3wire.metrics.CallListener}) to Micrometer meters. */
module io.s3wire.micrometer {
  requires transitive io.s3wire;
  requires transitive micrometer.core;

  exports io.s3wire.micrometer;
}
