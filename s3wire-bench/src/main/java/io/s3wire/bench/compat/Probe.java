package io.s3wire.bench.compat;

/**
 * One row of the compatibility table: an S3 feature or operation and the probe that decides, from
 * the server's behaviour alone, whether it is supported.
 *
 * @param area the table's grouping (Objects, Checksums, ...)
 * @param feature what the row is about, as a reader looks it up
 * @param checks what the probe does and expects, in a few words
 * @param body the probe; it throws (an S3 error, a {@link ProbeFailure}) when the feature is missing
 *     and records shortfalls on its {@link ProbeContext} when it is partly there
 */
public record Probe(String area, String feature, String checks, Body body) {
  /** The probe's code, run once per server with a fresh context. */
  @FunctionalInterface
  public interface Body {
    void run(ProbeContext c) throws Exception;
  }
}
