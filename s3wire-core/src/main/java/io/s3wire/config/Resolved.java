package io.s3wire.config;

import java.util.Objects;
import java.util.function.Function;

/**
 * A configuration value and where it came from, so {@code s3wire config show} can say why a
 * setting has the value it has.
 *
 * @param value the value
 * @param source where it came from, in words: {@code "--region"}, {@code "environment variable
 *     AWS_REGION"}, {@code "/home/u/.aws/config [profile dev]"}, {@code "default"}
 */
public record Resolved<T>(T value, String source) {
  /**
   * Checks that both are present: a setting that is not set is an empty {@code Optional}, not a
   * {@code Resolved} of {@code null}.
   *
   * @param value the value; not {@code null}
   * @param source where it came from, in words; not {@code null}
   */
  public Resolved {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(source, "source");
  }

  /**
   * A value with its source.
   *
   * @param <T> the value's type
   * @param value the value; not {@code null}
   * @param source where it came from, in words; not {@code null}
   * @return the pair
   */
  public static <T> Resolved<T> of(T value, String source) {
    return new Resolved<>(value, source);
  }

  /**
   * The same source with a transformed value, e.g. a parsed one.
   *
   * @param <R> the new value's type
   * @param f the transformation; what it throws is thrown here
   * @return the new value, still naming this source
   */
  public <R> Resolved<R> map(Function<? super T, ? extends R> f) {
    return new Resolved<>(f.apply(value), source);
  }

  /** {@code value (source)}; do not use for secrets (see {@code Credentials#toString}). */
  @Override
  public String toString() {
    return value + " (" + source + ")";
  }
}
