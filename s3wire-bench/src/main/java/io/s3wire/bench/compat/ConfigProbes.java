package io.s3wire.bench.compat;

import static io.s3wire.bench.compat.ProbeSupport.bytes;
import static io.s3wire.bench.compat.ProbeSupport.get;
import static io.s3wire.bench.compat.ProbeSupport.put;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/** Rows for bucket configurations (CORS, lifecycle, object lock) and browser-facing access. */
final class ConfigProbes {
  private static final String ORIGIN = "https://app.example.com";

  private ConfigProbes() {}

  static List<Probe> all() {
    return List.of(
        new Probe("Bucket configuration", "CORS configuration (Put/Get/DeleteBucketCors)",
            "rule read back; after delete 404 NoSuchCORSConfiguration", ConfigProbes::corsConfig),
        new Probe("Bucket configuration", "CORS preflight (OPTIONS) and CORS headers",
            "allowed origin and method 200 with Access-Control-Allow-Origin; another origin 403", ConfigProbes::preflight),
        new Probe("Bucket configuration", "Lifecycle configuration", "rule read back; after delete 404 NoSuchLifecycleConfiguration",
            ConfigProbes::lifecycle),
        new Probe("Object lock", "Object lock configuration", "bucket created with lock reports it enabled (and versioned); default retention read back",
            ConfigProbes::lockConfig),
        new Probe("Object lock", "Retention and legal hold", "GOVERNANCE retention and legal hold ON read back",
            ConfigProbes::retention),
        new Probe("Object lock", "Object lock enforced", "deleting a version under legal hold 403 AccessDenied",
            ConfigProbes::lockEnforced),
        new Probe("Browser and presigned", "Presigned GET and PUT URLs (SDK presigner)", "PUT through one URL, GET through the other",
            ConfigProbes::presigned),
        new Probe("Browser and presigned", "Presigned URL expiry", "a URL signed an hour ago for 60 s 403 AccessDenied",
            ConfigProbes::presignExpiry),
        new Probe("Browser and presigned", "Browser-form POST upload (SigV4 policy)",
            "form upload 204 and stored; a key outside the policy 403 AccessDenied", ConfigProbes::postUpload));
  }

  static void corsConfig(ProbeContext c) throws Exception {
    String b = c.bucket();
    c.s3().putBucketCors(r -> r.bucket(b).corsConfiguration(x -> x.corsRules(CORSRule.builder()
        .allowedOrigins(ORIGIN).allowedMethods("GET", "PUT").allowedHeaders("*").maxAgeSeconds(300).build())));
    List<CORSRule> got = c.s3().getBucketCors(r -> r.bucket(b)).corsRules();
    c.expect(got.size() == 1 && got.get(0).allowedOrigins().equals(List.of(ORIGIN)), "read back " + got);
    c.s3().deleteBucketCors(r -> r.bucket(b));
    c.alsoRefused("GetBucketCors after delete", 404, "NoSuchCORSConfiguration", () -> c.s3().getBucketCors(r -> r.bucket(b)));
  }

  static void preflight(ProbeContext c) throws Exception {
    String b = c.bucket();
    c.s3().putBucketCors(r -> r.bucket(b).corsConfiguration(x -> x.corsRules(CORSRule.builder()
        .allowedOrigins(ORIGIN).allowedMethods("GET", "PUT").allowedHeaders("*").maxAgeSeconds(300).build())));
    put(c, b, "k", bytes(5, 80));
    RawHttp.Response ok = c.raw().anonymous(c.raw().request(SdkHttpMethod.OPTIONS, RawHttp.objectPath(b, "k"), Map.of())
        .putHeader("Origin", ORIGIN).putHeader("Access-Control-Request-Method", "PUT")
        .putHeader("Access-Control-Request-Headers", "content-type"), null);
    c.expectAnswer("preflight from the allowed origin", ok, 200, "");
    String allow = ok.header("Access-Control-Allow-Origin");
    c.expect(ORIGIN.equals(allow) || "*".equals(allow), "Access-Control-Allow-Origin " + allow);
    RawHttp.Response no = c.raw().anonymous(c.raw().request(SdkHttpMethod.OPTIONS, RawHttp.objectPath(b, "k"), Map.of())
        .putHeader("Origin", "https://evil.example.net").putHeader("Access-Control-Request-Method", "PUT"), null);
    c.alsoAnswer("preflight from another origin", no, 403, "");
    c.alsoCheck("GET with Origin lacks Access-Control-Allow-Origin", () -> c.raw().signed(c.raw()
        .request(SdkHttpMethod.GET, RawHttp.objectPath(b, "k"), Map.of()).putHeader("Origin", ORIGIN), null, o -> {})
        .header("Access-Control-Allow-Origin") != null);
  }

  static void lifecycle(ProbeContext c) throws Exception {
    String b = c.bucket();
    c.s3().putBucketLifecycleConfiguration(r -> r.bucket(b).lifecycleConfiguration(x -> x.rules(LifecycleRule.builder()
        .id("expire-logs").filter(f -> f.prefix("logs/")).status(ExpirationStatus.ENABLED).expiration(e -> e.days(30)).build())));
    List<LifecycleRule> got = c.s3().getBucketLifecycleConfiguration(r -> r.bucket(b)).rules();
    c.expect(got.size() == 1 && "expire-logs".equals(got.get(0).id()) && got.get(0).expiration() != null
        && Integer.valueOf(30).equals(got.get(0).expiration().days()), "read back " + got);
    c.s3().deleteBucketLifecycle(r -> r.bucket(b));
    c.alsoRefused("GetBucketLifecycleConfiguration after delete", 404, "NoSuchLifecycleConfiguration",
        () -> c.s3().getBucketLifecycleConfiguration(r -> r.bucket(b)));
  }

  private static String lockedBucket(ProbeContext c) {
    return c.bucket(r -> r.objectLockEnabledForBucket(true));
  }

  static void lockConfig(ProbeContext c) throws Exception {
    String b = lockedBucket(c);
    var cfg = c.s3().getObjectLockConfiguration(r -> r.bucket(b)).objectLockConfiguration();
    c.expect(cfg != null && cfg.objectLockEnabled() == ObjectLockEnabled.ENABLED, "new lock bucket reports " + cfg);
    c.alsoCheck("lock bucket not versioned", () -> "Enabled".equals(c.s3().getBucketVersioning(r -> r.bucket(b)).statusAsString()));
    c.alsoCheck("default retention not read back", () -> {
      c.s3().putObjectLockConfiguration(r -> r.bucket(b).objectLockConfiguration(x -> x
          .objectLockEnabled(ObjectLockEnabled.ENABLED)
          .rule(y -> y.defaultRetention(d -> d.mode(ObjectLockRetentionMode.GOVERNANCE).days(1)))));
      var rule = c.s3().getObjectLockConfiguration(r -> r.bucket(b)).objectLockConfiguration().rule();
      return rule != null && rule.defaultRetention() != null && Integer.valueOf(1).equals(rule.defaultRetention().days());
    });
    String plain = c.bucket();
    c.alsoRefused("GetObjectLockConfiguration of a bucket without lock", 404, "ObjectLockConfigurationNotFoundError",
        () -> c.s3().getObjectLockConfiguration(r -> r.bucket(plain)));
  }

  static void retention(ProbeContext c) throws Exception {
    String b = lockedBucket(c);
    put(c, b, "k", bytes(5, 81));
    Instant until = c.clock().instant().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
    c.s3().putObjectRetention(r -> r.bucket(b).key("k").retention(x -> x.mode(ObjectLockRetentionMode.GOVERNANCE)
        .retainUntilDate(until)));
    var ret = c.s3().getObjectRetention(r -> r.bucket(b).key("k")).retention();
    c.expect(ret.mode() == ObjectLockRetentionMode.GOVERNANCE && until.equals(ret.retainUntilDate()), "retention read back " + ret);
    c.alsoCheck("legal hold not read back", () -> {
      c.s3().putObjectLegalHold(r -> r.bucket(b).key("k").legalHold(h -> h.status(ObjectLockLegalHoldStatus.ON)));
      var hold = c.s3().getObjectLegalHold(r -> r.bucket(b).key("k")).legalHold();
      return hold != null && hold.status() == ObjectLockLegalHoldStatus.ON;
    });
  }

  static void lockEnforced(ProbeContext c) throws Exception {
    String b = lockedBucket(c);
    String v = c.s3().putObject(r -> r.bucket(b).key("k").objectLockLegalHoldStatus(ObjectLockLegalHoldStatus.ON),
        RequestBody.fromBytes(bytes(5, 82))).versionId();
    c.expect(v != null, "no version id in a lock bucket");
    c.expectRefused("DELETE of a version under legal hold", 403, "AccessDenied",
        () -> c.s3().deleteObject(r -> r.bucket(b).key("k").versionId(v)));
  }

  static void presigned(ProbeContext c) throws Exception {
    String b = c.bucket();
    byte[] body = bytes(300, 83);
    PresignedPutObjectRequest put = c.presigner().presignPutObject(p -> p.signatureDuration(Duration.ofMinutes(10))
        .putObjectRequest(r -> r.bucket(b).key("p")));
    RawHttp.Response pr = c.raw().url(SdkHttpMethod.PUT, put.url().toURI(), Map.of(), body);
    c.expectAnswer("presigned PUT", pr, 200, "");
    c.expect(Arrays.equals(get(c.s3(), b, "p"), body), "presigned PUT stored other bytes");
    PresignedGetObjectRequest getUrl = c.presigner().presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(10))
        .getObjectRequest(r -> r.bucket(b).key("p")));
    RawHttp.Response gr = c.raw().url(SdkHttpMethod.GET, getUrl.url().toURI(), Map.of(), null);
    c.expectAnswer("presigned GET", gr, 200, "");
    c.expect(Arrays.equals(gr.body(), body), "presigned GET returned other bytes");
  }

  static void presignExpiry(ProbeContext c) throws Exception {
    String b = c.bucket();
    put(c, b, "p", bytes(10, 84));
    java.time.Clock hourAgo = java.time.Clock.offset(c.clock(), Duration.ofHours(-1));
    java.net.URI url = c.raw().presign(c.raw().request(SdkHttpMethod.GET, RawHttp.objectPath(b, "p"), Map.of()),
        hourAgo, Duration.ofSeconds(60));
    RawHttp.Response r = c.raw().url(SdkHttpMethod.GET, url, Map.of(), null);
    c.expectAnswer("expired presigned GET", r, 403, "AccessDenied");
    java.net.URI fresh = c.raw().presign(c.raw().request(SdkHttpMethod.GET, RawHttp.objectPath(b, "p"), Map.of()),
        c.clock(), Duration.ofSeconds(600));
    c.expectAnswer("valid presigned GET", c.raw().url(SdkHttpMethod.GET, fresh, Map.of(), null), 200, "");
  }

  static void postUpload(ProbeContext c) throws Exception {
    String b = c.bucket();
    PostForm form = new PostForm(c.accessKey(), c.secretKey(), RawHttp.REGION, c.clock().instant());
    byte[] body = bytes(200, 85);
    PostForm.Encoded ok = form.encode(b, "uploads/", "uploads/form.bin", body);
    RawHttp.Response r = c.raw().anonymous(c.raw().request(SdkHttpMethod.POST, "/" + b, Map.of())
        .putHeader("Content-Type", ok.contentType()), ok.body());
    c.expectAnswer("form POST", r, 204, "");
    c.expect(Arrays.equals(get(c.s3(), b, "uploads/form.bin"), body), "form upload stored other bytes");
    PostForm.Encoded outside = form.encode(b, "uploads/", "elsewhere/form.bin", body);
    RawHttp.Response bad = c.raw().anonymous(c.raw().request(SdkHttpMethod.POST, "/" + b, Map.of())
        .putHeader("Content-Type", outside.contentType()), outside.body());
    c.alsoAnswer("form POST of a key outside the policy", bad, 403, "AccessDenied");
  }
}
