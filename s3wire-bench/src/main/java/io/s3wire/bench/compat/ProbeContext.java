package io.s3wire.bench.compat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * What a probe works with on one server: the clients, fresh buckets of its own, and the record of
 * shortfalls that turn a "yes" into a "partial". A finding that the feature is missing is thrown
 * ({@link #expect}); one that it is incomplete is noted ({@link #also}).
 */
public final class ProbeContext {
  private final Target target;
  private final String bucketPrefix;
  private final List<String> shortfalls = new ArrayList<>();
  private int buckets;

  ProbeContext(Target target, int row) {
    this.target = target;
    this.bucketPrefix = String.format(Locale.ROOT, "compat-%03d-", row);
  }

  /** A call expected to be refused. */
  @FunctionalInterface
  public interface Call {
    void run() throws Exception;
  }

  S3Client s3() {
    return target.s3();
  }

  S3Presigner presigner() {
    return target.presigner();
  }

  RawHttp raw() {
    return target.raw();
  }

  Clock clock() {
    return target.clock();
  }

  String accessKey() {
    return target.accessKey();
  }

  String secretKey() {
    return target.secretKey();
  }

  /** A new, empty bucket of this probe's own. */
  String bucket() {
    return bucket(b -> {});
  }

  /** A new bucket created with {@code options} (object lock, ownership, ...). */
  String bucket(Consumer<CreateBucketRequest.Builder> options) {
    String name = bucketPrefix + (++buckets);
    s3().createBucket(b -> {
      b.bucket(name);
      options.accept(b);
    });
    return name;
  }

  /** Fails the probe with {@code finding} unless {@code ok}. */
  void expect(boolean ok, String finding) throws ProbeFailure {
    if (!ok) {
      throw new ProbeFailure(finding);
    }
  }

  /** Notes {@code shortfall} unless {@code ok}; the probe goes on. */
  void also(boolean ok, String shortfall) {
    if (!ok) {
      shortfalls.add(shortfall);
    }
  }

  /** A secondary check: true when the server did as S3 does. */
  @FunctionalInterface
  public interface Check {
    boolean passes() throws Exception;
  }

  /**
   * Notes {@code shortfall} unless {@code check} passes; a check that throws (an S3 error) is a
   * shortfall too, named with the error, so a secondary step never turns a "partial" into a "no".
   */
  void alsoCheck(String shortfall, Check check) {
    try {
      also(check.passes(), shortfall);
    } catch (Exception e) {
      shortfalls.add(shortfall + " (" + Verdict.of(e).detail() + ")");
    }
  }

  /** Fails the probe unless {@code call} is refused with S3's {@code status} and {@code code}. */
  void expectRefused(String what, int status, String code, Call call) throws Exception {
    String m = refusalMismatch(what, status, code, call);
    expect(m == null, m);
  }

  /** Notes a shortfall unless {@code call} is refused with S3's {@code status} and {@code code}. */
  void alsoRefused(String what, int status, String code, Call call) {
    String m;
    try {
      m = refusalMismatch(what, status, code, call);
    } catch (Exception e) {
      m = what + ": " + Verdict.of(e).detail();
    }
    also(m == null, m);
  }

  /** Fails the probe unless a raw response carries S3's {@code status} and {@code code}. */
  void expectAnswer(String what, RawHttp.Response r, int status, String code) throws ProbeFailure {
    String m = mismatch(what, r.status(), r.errorCode(), status, code);
    expect(m == null, m);
  }

  /** Notes a shortfall unless a raw response carries S3's {@code status} and {@code code}. */
  void alsoAnswer(String what, RawHttp.Response r, int status, String code) {
    String m = mismatch(what, r.status(), r.errorCode(), status, code);
    also(m == null, m);
  }

  private static String refusalMismatch(String what, int status, String code, Call call) throws Exception {
    try {
      call.run();
    } catch (S3Exception e) {
      String got = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
      return mismatch(what, e.statusCode(), got == null ? "" : got, status, code);
    }
    return what + " accepted (S3: " + status + " " + code + ")";
  }

  /** Null when the answer is S3's; else a sentence saying what came instead. */
  static String mismatch(String what, int gotStatus, String gotCode, int status, String code) {
    if (gotStatus == status && (code.isEmpty() || code.equals(gotCode))) {
      return null;
    }
    String got = gotStatus + (gotCode.isEmpty() ? "" : " " + gotCode);
    if (gotStatus < 300) {
      return what + " accepted (" + got + "; S3: " + status + (code.isEmpty() ? "" : " " + code) + ")";
    }
    return what + ": " + got + " (S3: " + status + (code.isEmpty() ? "" : " " + code) + ")";
  }

  /** The verdict once the probe has run to its end without throwing. */
  Verdict verdict() {
    return shortfalls.isEmpty() ? Verdict.yes() : Verdict.partial(String.join("; ", shortfalls));
  }
}
