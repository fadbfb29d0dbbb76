package io.s3wire.bench.report;

/**
 * One figure of one subject in a measure.
 *
 * @param subject who was measured, e.g. {@code s3wire} or {@code AWS SDK v2}
 * @param value the figure, higher is better (a rate or a throughput)
 * @param error the half-width of its 99.9% confidence interval (JMH) or the spread of repeats; 0
 *     when one sample
 * @param unit e.g. {@code ops/s}, {@code MiB/s}
 * @param note what else a reader needs (samples, bytes moved), or {@code ""}
 */
public record Figure(String subject, double value, double error, String unit, String note) {}
