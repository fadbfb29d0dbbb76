/** Binds s3wire's call facts ({@link io.s3wire.metrics.CallListener}) to Micrometer meters. */
package io.s3wire.micrometer;
