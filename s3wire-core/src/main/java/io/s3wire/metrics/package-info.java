/**
 * Facts about calls for metrics: {@link io.s3wire.metrics.CallListener} hears when each S3 request
 * starts, each of its attempts ends, and it ends. The same facts are JFR events ({@code
 * io.s3wire.Call}, {@code io.s3wire.Attempt}) without any listener; the {@code s3wire-micrometer}
 * module binds them to Micrometer.
 */
package io.s3wire.metrics;
