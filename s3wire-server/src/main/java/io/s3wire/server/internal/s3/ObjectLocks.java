package io.s3wire.server.internal.s3;

import io.s3wire.server.BucketVersioning;
import io.s3wire.server.ObjectAttributes;
import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import io.s3wire.server.VersionEntry;
import io.s3wire.server.internal.bucketconfig.ObjectLockDocuments;
import io.s3wire.server.internal.bucketconfig.ObjectLockDocuments.DefaultRetention;
import io.s3wire.server.internal.bucketconfig.ObjectLockDocuments.Retention;
import io.s3wire.xml.internal.S3Timestamps;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The object lock of single versions: what a write gives a new version (the
 * {@code x-amz-object-lock-*} headers, else the bucket's default retention), how a retention may
 * change, and which versions a delete may not remove.
 *
 * <p>A version's lock lives with it, in its attributes' stored headers under the names S3 answers
 * them with on GET and HEAD ({@link #MODE}, {@link #RETAIN_UNTIL}, {@link #LEGAL_HOLD}), so both
 * stores keep it as durably as the rest of the version's metadata. Times come from the server's clock.
 */
final class ObjectLocks {
  static final String MODE = "x-amz-object-lock-mode";
  static final String RETAIN_UNTIL = "x-amz-object-lock-retain-until-date";
  static final String LEGAL_HOLD = "x-amz-object-lock-legal-hold";
  static final String BYPASS = "x-amz-bypass-governance-retention";
  private static final List<String> LOCK_HEADERS = List.of(MODE, RETAIN_UNTIL, LEGAL_HOLD);

  private ObjectLocks() {}

  /** The bucket's object lock configuration, or {@code null} when object lock is not enabled on it. */
  static byte[] configuration(S3Call call) throws IOException {
    // Object lock implies versioning: an unversioned bucket costs no configuration read per write.
    if (call.store().versioning(call.bucket) != BucketVersioning.ENABLED) {
      return null;
    }
    return call.store().bucketConfig(call.bucket, "object-lock").orElse(null);
  }

  /** The bucket's object lock configuration; InvalidRequest, as S3 answers, when object lock is not enabled. */
  static byte[] requireConfiguration(S3Call call) throws IOException {
    byte[] config = configuration(call);
    if (config == null) {
      throw missingConfiguration();
    }
    return config;
  }

  private static S3ErrorException missingConfiguration() {
    return new S3ErrorException(S3ErrorCode.INVALID_REQUEST, "Bucket is missing Object Lock Configuration");
  }

  static Instant now(S3Call call) {
    return Instant.now(call.ctx.clock());
  }

  /** Whether the request asks to bypass governance-mode retention. */
  static boolean bypass(S3Call call) {
    String v = call.header(BYPASS);
    return v != null && v.trim().equalsIgnoreCase("true");
  }

  /**
   * The attributes of a new version written from {@code base} (a PUT's, an upload's, or a copy's
   * source attributes): the source's lock dropped, the request's lock headers applied, else the
   * bucket's default retention. InvalidRequest for lock headers on a bucket without object lock,
   * InvalidArgument for malformed ones or a date that is not in the future.
   */
  static ObjectAttributes forWrite(S3Call call, ObjectAttributes base) throws IOException {
    String mode = call.header(MODE);
    String until = call.header(RETAIN_UNTIL);
    String hold = call.header(LEGAL_HOLD);
    boolean asked = mode != null || until != null || hold != null;
    boolean inherited = LOCK_HEADERS.stream().anyMatch(h -> base.header(h) != null);
    if (!asked && !inherited && call.store().versioning(call.bucket) != BucketVersioning.ENABLED) {
      return base; // the common case: nothing to drop, no lock possible
    }
    Map<String, String> headers = new TreeMap<>(base.headers());
    headers.keySet().removeAll(LOCK_HEADERS);
    byte[] config = configuration(call);
    if (config == null) {
      if (asked) {
        throw missingConfiguration();
      }
      return base.withHeaders(headers);
    }
    Instant now = now(call);
    if (mode != null || until != null) {
      if (mode == null || until == null) {
        throw invalidHeader("x-amz-object-lock-retain-until-date and x-amz-object-lock-mode must both be supplied",
            mode == null ? MODE : RETAIN_UNTIL, "");
      }
      if (!ObjectLockDocuments.isMode(mode)) {
        throw invalidHeader("Unknown wormMode directive.", MODE, mode);
      }
      Instant date = headerDate(until);
      requireFuture(date, now);
      headers.put(MODE, mode);
      headers.put(RETAIN_UNTIL, S3Timestamps.format(date));
    } else {
      DefaultRetention d = ObjectLockDocuments.defaultRetention(config);
      if (d != null) {
        headers.put(MODE, d.mode());
        headers.put(RETAIN_UNTIL, S3Timestamps.format(retainUntil(d, now)));
      }
    }
    if (hold != null) {
      if (!hold.equals("ON") && !hold.equals("OFF")) {
        throw invalidHeader("Legal Hold must be either of 'ON' or 'OFF'", LEGAL_HOLD, hold);
      }
      headers.put(LEGAL_HOLD, hold);
    }
    return base.withHeaders(headers);
  }

  /**
   * InvalidRequest, as S3 answers, when a PutObject gives its new version a lock (its own
   * {@code x-amz-object-lock-*} headers or the bucket's default retention) while its body carries
   * neither Content-MD5 nor a flexible checksum ({@code claim}): S3 requires one on such uploads.
   */
  static void requireIntegrity(S3Call call, ObjectAttributes written, ChecksumHeaders.Claim claim) {
    boolean locked = LOCK_HEADERS.stream().anyMatch(h -> written.header(h) != null || call.header(h) != null);
    if (locked && claim == null && call.header("content-md5") == null) {
      throw new S3ErrorException(S3ErrorCode.INVALID_REQUEST,
          "Content-MD5 OR x-amz-checksum- HTTP header is required for Put Object requests with Object Lock parameters");
    }
  }

  /** When a default retention that starts {@code now} ends: whole days, or calendar years in UTC. */
  static Instant retainUntil(DefaultRetention d, Instant now) {
    return d.days() > 0 ? now.plus(Duration.ofDays(d.days()))
        : now.atZone(ZoneOffset.UTC).plusYears(d.years()).toInstant();
  }

  private static Instant headerDate(String text) {
    try {
      return S3Timestamps.parse(text);
    } catch (RuntimeException e) {
      throw invalidHeader("The retain until date must be provided in ISO 8601 format", RETAIN_UNTIL, text);
    }
  }

  /** InvalidArgument unless {@code date} is after {@code now}, as S3 answers a retention that would end at once. */
  static void requireFuture(Instant date, Instant now) {
    if (!date.isAfter(now)) {
      throw new S3ErrorException(S3ErrorCode.INVALID_ARGUMENT, "The retain until date must be in the future!");
    }
  }

  private static S3ErrorException invalidHeader(String message, String header, String value) {
    return new S3ErrorException(S3ErrorCode.INVALID_ARGUMENT, message,
        Map.of("ArgumentName", header, "ArgumentValue", value));
  }

  /** The version's retention, or {@code null} when it has none. */
  static Retention retention(ObjectAttributes a) {
    String mode = a.header(MODE);
    String until = a.header(RETAIN_UNTIL);
    return mode == null || until == null ? null : new Retention(mode, S3Timestamps.parse(until));
  }

  /**
   * {@code current} with retention {@code next}, if S3 allows the change at {@code now}: a retention
   * in force may be extended; a COMPLIANCE one never shortened, removed or turned into GOVERNANCE; a
   * GOVERNANCE one shortened or removed only with {@code bypass}. AccessDenied otherwise.
   */
  static ObjectAttributes withRetention(ObjectAttributes current, Retention next, boolean bypass, Instant now) {
    Retention in = retention(current);
    if (in != null && in.retainUntil().isAfter(now)) {
      boolean shortens = next.removes() || next.retainUntil().isBefore(in.retainUntil());
      boolean compliance = ObjectLockDocuments.COMPLIANCE.equals(in.mode());
      if (compliance && (shortens || !ObjectLockDocuments.COMPLIANCE.equals(next.mode()))) {
        throw denied("a COMPLIANCE retention cannot be shortened, removed or changed to GOVERNANCE");
      }
      if (!compliance && shortens && !bypass) {
        throw denied("shortening or removing a GOVERNANCE retention needs " + BYPASS + ": true");
      }
    }
    Map<String, String> headers = new TreeMap<>(current.headers());
    if (next.removes()) {
      headers.remove(MODE);
      headers.remove(RETAIN_UNTIL);
    } else {
      headers.put(MODE, next.mode());
      headers.put(RETAIN_UNTIL, S3Timestamps.format(next.retainUntil()));
    }
    return current.withHeaders(headers);
  }

  /** {@code current} with legal hold {@code status} ({@code ON} or {@code OFF}). */
  static ObjectAttributes withLegalHold(ObjectAttributes current, String status) {
    Map<String, String> headers = new TreeMap<>(current.headers());
    headers.put(LEGAL_HOLD, status);
    return current.withHeaders(headers);
  }

  private static S3ErrorException denied(String why) {
    return new S3ErrorException(S3ErrorCode.ACCESS_DENIED, "Access Denied: " + why + ".");
  }

  /**
   * What may remove versions for one request: DeleteObject, or every key of a DeleteObjects. Built
   * once per request, reading the bucket's configuration once.
   */
  static Guard guard(S3Call call) throws IOException {
    return new Guard(call, configuration(call) != null);
  }

  /** Refuses to remove locked versions; see {@link #check}. */
  static final class Guard {
    private final S3Call call;
    private final boolean enabled;

    private Guard(S3Call call, boolean enabled) {
      this.call = call;
      this.enabled = enabled;
    }

    /**
     * AccessDenied when the delete would remove object version {@code versionId} of {@code key} while
     * it is under legal hold, under a COMPLIANCE retention, or under a GOVERNANCE retention without
     * {@link #BYPASS}. A delete without a version id only adds a delete marker, which S3 allows. The
     * check precedes the store's delete: a lock set between the two does not stop this delete.
     */
    void check(String key, String versionId) throws IOException {
      if (!enabled || versionId == null) {
        return;
      }
      VersionEntry v;
      try {
        v = call.store().version(call.bucket, key, versionId);
      } catch (S3ErrorException e) {
        if (e.code() == S3ErrorCode.NO_SUCH_VERSION || e.code() == S3ErrorCode.NO_SUCH_KEY) {
          return; // nothing to protect; the delete answers as for any absent version
        }
        throw e;
      }
      if (v.deleteMarker()) {
        return;
      }
      ObjectAttributes a = v.object().attributes();
      if ("ON".equals(a.header(LEGAL_HOLD))) {
        throw protectedVersion();
      }
      Retention r = retention(a);
      if (r != null && r.retainUntil().isAfter(now(call))
          && (ObjectLockDocuments.COMPLIANCE.equals(r.mode()) || !bypass(call))) {
        throw protectedVersion();
      }
    }

    private static S3ErrorException protectedVersion() {
      return new S3ErrorException(S3ErrorCode.ACCESS_DENIED, "Access Denied because object protected by object lock.");
    }
  }
}
