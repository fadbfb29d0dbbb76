package io.s3wire.bench.compat;

import java.util.Locale;
import java.util.Objects;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * What one probe found on one server: supported, partly supported (with the shortfall), or not
 * supported (with the error or the wrong answer seen).
 */
public record Verdict(Support support, String detail) {
  private static final int MAX_DETAIL = 160;

  /** The three answers, best first. */
  public enum Support {
    YES,
    PARTIAL,
    NO;

    /** Higher is better: YES 2, PARTIAL 1, NO 0. */
    public int rank() {
      return 2 - ordinal();
    }
  }

  public Verdict {
    Objects.requireNonNull(support, "support");
    detail = detail == null ? "" : oneLine(detail);
  }

  public static Verdict yes() {
    return new Verdict(Support.YES, "");
  }

  public static Verdict partial(String shortfall) {
    return new Verdict(Support.PARTIAL, shortfall);
  }

  public static Verdict no(String why) {
    return new Verdict(Support.NO, why);
  }

  /**
   * The verdict for a probe that ended in {@code failure}: the S3 error a server answered (status
   * and code), the mismatch a probe found, or what the client reported.
   */
  public static Verdict of(Throwable failure) {
    if (failure instanceof ProbeFailure f) {
      return no(f.getMessage());
    }
    if (failure instanceof S3Exception e) {
      return no(describe(e));
    }
    String m = failure.getMessage();
    return no(failure.getClass().getSimpleName() + (m == null ? "" : ": " + m));
  }

  /** An S3 error as a table states it: {@code 501 NotImplemented}, or the status alone. */
  static String describe(S3Exception e) {
    AwsErrorDetails d = e.awsErrorDetails();
    String code = d == null ? null : d.errorCode();
    return e.statusCode() + (code == null || code.isEmpty() ? "" : " " + code);
  }

  /** The table cell: {@code yes}, {@code partial: ...} or {@code no: ...}. */
  public String cell() {
    String word = support.name().toLowerCase(Locale.ROOT);
    return detail.isEmpty() ? word : word + ": " + detail;
  }

  private static String oneLine(String s) {
    String flat = s.replaceAll("\\s+", " ").trim();
    return flat.length() <= MAX_DETAIL ? flat : flat.substring(0, MAX_DETAIL - 3) + "...";
  }
}
