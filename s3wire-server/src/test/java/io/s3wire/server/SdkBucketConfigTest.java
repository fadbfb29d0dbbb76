package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.GetBucketLifecycleConfigurationResponse;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * Every bucket configuration operation through the AWS SDK v2 at its defaults, with both stores:
 * put, get, delete, and the error codes AWS documents for absent and invalid configurations.
 */
@Timeout(120)
class SdkBucketConfigTest {
  static TwoStores stores;

  @BeforeAll
  static void start() throws Exception {
    stores = TwoStores.start("s3wire-bucketcfg");
  }

  @AfterAll
  static void stop() throws Exception {
    stores.close();
  }

  static Stream<Arguments> servers() {
    return stores.arguments();
  }

  static String bucket() {
    return "c" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
  }

  static void assertS3Error(ThrowingCallable call, int status, String code) {
    assertThatThrownBy(call).isInstanceOfSatisfying(S3Exception.class, e -> {
      assertThat(e.awsErrorDetails().errorCode()).as(e.getMessage()).isEqualTo(code);
      assertThat(e.statusCode()).isEqualTo(status);
    });
  }

  static final String POLICY = """
      {"Version":"2012-10-17","Statement":[{"Sid":"PublicRead","Effect":"Allow","Principal":"*",\
      "Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}""";

  @ParameterizedTest(name = "{0}", autoCloseArguments = false)
  @MethodSource("servers")
  void tagging(String name, S3Server server) {
    try (S3Client s3 = Peers.apache(server)) {
      String b = bucket();
      s3.createBucket(r -> r.bucket(b));
      assertS3Error(() -> s3.getBucketTagging(r -> r.bucket(b)), 404, "NoSuchTagSet");
      s3.putBucketTagging(r -> r.bucket(b).tagging(t -> t.tagSet(tag("team", "storage"), tag("cost center", "a+b=c"))));
      assertThat(s3.getBucketTagging(r -> r.bucket(b)).tagSet())
          .containsExactly(tag("team", "storage"), tag("cost center", "a+b=c"));
      s3.putBucketTagging(r -> r.bucket(b).tagging(t -> t.tagSet(tag("only", ""))));
      assertThat(s3.getBucketTagging(r -> r.bucket(b)).tagSet()).containsExactly(tag("only", ""));
      s3.deleteBucketTagging(r -> r.bucket(b));
      assertS3Error(() -> s3.getBucketTagging(r -> r.bucket(b)), 404, "NoSuchTagSet");

      assertInvalidTag(s3, b, List.of(tag("aws:system", "x")));
      assertInvalidTag(s3, b, List.of(tag("k", "1"), tag("k", "2")));
      assertInvalidTag(s3, b, List.of(tag("k".repeat(129), "v")));
      assertInvalidTag(s3, b, List.of(tag("k", "v".repeat(257))));
      assertInvalidTag(s3, b, List.of(tag("bad<chars>", "v")));
      List<Tag> fifty = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        fifty.add(tag("k" + i, "v"));
      }
      s3.putBucketTagging(r -> r.bucket(b).tagging(t -> t.tagSet(fifty)));
      s3.putBucketTagging(r -> r.bucket(b).tagging(t -> t.tagSet(tag("k".repeat(128), "v".repeat(256)))));
      List<Tag> fiftyOne = new ArrayList<>(fifty);
      fiftyOne.add(tag("k50", "v"));
      assertInvalidTag(s3, b, fiftyOne);
      assertThat(s3.getBucketTagging(r -> r.bucket(b)).tagSet()).containsExactly(tag("k".repeat(128), "v".repeat(256)));
      assertS3Error(() -> s3.getBucketTagging(r -> r.bucket(b + "-none")), 404, "NoSuchBucket");
    }
  }

  private static Tag tag(String k, String v) {
    return Tag.builder().key(k).value(v).build();
  }

  private static void assertInvalidTag(S3Client s3, String b, List<Tag> tags) {
    assertS3Error(() -> s3.putBucketTagging(r -> r.bucket(b).tagging(t -> t.tagSet(tags))), 400, "InvalidTag");
  }

  @ParameterizedTest(name = "{0}", autoCloseArguments = false)
  @MethodSource("servers")
  void cors(String name, S3Server server) {
    try (S3Client s3 = Peers.apache(server)) {
      String b = bucket();
      s3.createBucket(r -> r.bucket(b));
      assertS3Error(() -> s3.getBucketCors(r -> r.bucket(b)), 404, "NoSuchCORSConfiguration");
      CORSRule app = CORSRule.builder().id("app").allowedOrigins("https://app.example", "https://*.example.org")
          .allowedMethods("GET", "PUT").allowedHeaders("*").exposeHeaders("ETag", "x-amz-request-id")
          .maxAgeSeconds(3000).build();
      CORSRule any = CORSRule.builder().allowedOrigins("*").allowedMethods("HEAD").build();
      s3.putBucketCors(r -> r.bucket(b).corsConfiguration(c -> c.corsRules(app, any)));
      assertThat(s3.getBucketCors(r -> r.bucket(b)).corsRules()).containsExactly(app, any);
      s3.deleteBucketCors(r -> r.bucket(b));
      assertS3Error(() -> s3.getBucketCors(r -> r.bucket(b)), 404, "NoSuchCORSConfiguration");

      assertS3Error(() -> s3.putBucketCors(r -> r.bucket(b).corsConfiguration(c -> c.corsRules(
          CORSRule.builder().allowedOrigins("*").allowedMethods("PATCH").build()))), 400, "InvalidRequest");
      assertS3Error(() -> s3.putBucketCors(r -> r.bucket(b).corsConfiguration(c -> c.corsRules(
          CORSRule.builder().allowedOrigins("https://*.*.example").allowedMethods("GET").build()))), 400,
          "InvalidRequest");
      assertS3Error(() -> s3.putBucketCors(r -> r.bucket(b).corsConfiguration(c -> c.corsRules(
          CORSRule.builder().allowedMethods("GET").build()))), 400, "MalformedXML");
      List<CORSRule> many = new ArrayList<>();
      for (int i = 0; i < 101; i++) {
        many.add(CORSRule.builder().allowedOrigins("https://" + i + ".example").allowedMethods("GET").build());
      }
      assertS3Error(() -> s3.putBucketCors(r -> r.bucket(b).corsConfiguration(c -> c.corsRules(many))), 400,
          "MalformedXML");
      s3.putBucketCors(r -> r.bucket(b).corsConfiguration(c -> c.corsRules(many.subList(0, 100))));
      assertThat(s3.getBucketCors(r -> r.bucket(b)).corsRules()).hasSize(100);
    }
  }

  @ParameterizedTest(name = "{0}", autoCloseArguments = false)
  @MethodSource("servers")
  void lifecycle(String name, S3Server server) {
    try (S3Client s3 = Peers.apache(server)) {
      String b = bucket();
      s3.createBucket(r -> r.bucket(b));
      assertS3Error(() -> s3.getBucketLifecycleConfiguration(r -> r.bucket(b)), 404, "NoSuchLifecycleConfiguration");
      LifecycleRule logs = LifecycleRule.builder().id("expire-logs").filter(f -> f.prefix("logs/"))
          .status(ExpirationStatus.ENABLED).expiration(e -> e.days(30))
          .abortIncompleteMultipartUpload(a -> a.daysAfterInitiation(7)).build();
      LifecycleRule archive = LifecycleRule.builder().id("archive")
          .filter(f -> f.and(a -> a.prefix("data/").tags(tag("class", "cold")))).status(ExpirationStatus.DISABLED)
          .transitions(t -> t.days(90).storageClass("GLACIER")).build();
      s3.putBucketLifecycleConfiguration(r -> r.bucket(b).lifecycleConfiguration(c -> c.rules(logs, archive)));
      GetBucketLifecycleConfigurationResponse got = s3.getBucketLifecycleConfiguration(r -> r.bucket(b));
      assertThat(got.rules()).containsExactly(logs, archive);
      s3.deleteBucketLifecycle(r -> r.bucket(b));
      assertS3Error(() -> s3.getBucketLifecycleConfiguration(r -> r.bucket(b)), 404, "NoSuchLifecycleConfiguration");

      assertInvalidLifecycle(s3, b, r -> r.expiration(e -> e.days(0)), "InvalidArgument");
      assertInvalidLifecycle(s3, b, r -> r.expiration(e -> e.days(-1)), "InvalidArgument");
      assertInvalidLifecycle(s3, b, r -> r.expiration(e -> e.date(java.time.Instant.parse("2027-01-01T10:00:00Z"))),
          "InvalidArgument");
      assertInvalidLifecycle(s3, b, r -> r.id("i".repeat(256)).expiration(e -> e.days(1)), "InvalidArgument");
      assertInvalidLifecycle(s3, b, r -> r.expiration((software.amazon.awssdk.services.s3.model.LifecycleExpiration)
          null), "InvalidRequest");
      assertInvalidLifecycle(s3, b, r -> r.status("Paused").expiration(e -> e.days(1)), "MalformedXML");
      assertInvalidLifecycle(s3, b, r -> r.expiration(e -> e.days(1)).transitions(t -> t.days(10)
          .storageClass("STANDARD_IA")), "InvalidArgument");
      assertInvalidLifecycle(s3, b, r -> r.filter(f -> f.tag(tag("k", "v"))).abortIncompleteMultipartUpload(
          a -> a.daysAfterInitiation(1)), "InvalidRequest");
      assertS3Error(() -> s3.putBucketLifecycleConfiguration(r -> r.bucket(b).lifecycleConfiguration(c -> c.rules(
          LifecycleRule.builder().id("same").filter(f -> f.prefix("")).status(ExpirationStatus.ENABLED)
              .expiration(e -> e.days(1)).build(),
          LifecycleRule.builder().id("same").filter(f -> f.prefix("x")).status(ExpirationStatus.ENABLED)
              .expiration(e -> e.days(2)).build()))), 400, "InvalidArgument");
      s3.putBucketLifecycleConfiguration(r -> r.bucket(b).lifecycleConfiguration(c -> c.rules(
          LifecycleRule.builder().id("midnight").filter(f -> f.prefix("")).status(ExpirationStatus.ENABLED)
              .expiration(e -> e.date(java.time.Instant.parse("2027-01-01T00:00:00Z"))).build())));
      assertThat(s3.getBucketLifecycleConfiguration(r -> r.bucket(b)).rules().get(0).expiration().date())
          .isEqualTo(java.time.Instant.parse("2027-01-01T00:00:00Z"));
    }
  }

  private static void assertInvalidLifecycle(S3Client s3, String b, Consumer<LifecycleRule.Builder> rule,
      String code) {
    LifecycleRule.Builder builder = LifecycleRule.builder().id("r").filter(f -> f.prefix("p/"))
        .status(ExpirationStatus.ENABLED);
    rule.accept(builder);
    LifecycleRule built = builder.build();
    assertS3Error(() -> s3.putBucketLifecycleConfiguration(r -> r.bucket(b).lifecycleConfiguration(
        c -> c.rules(built))), 400, code);
  }

  @ParameterizedTest(name = "{0}", autoCloseArguments = false)
  @MethodSource("servers")
  void publicAccessBlock(String name, S3Server server) {
    try (S3Client s3 = Peers.apache(server)) {
      String b = bucket();
      s3.createBucket(r -> r.bucket(b));
      assertS3Error(() -> s3.getPublicAccessBlock(r -> r.bucket(b)), 404, "NoSuchPublicAccessBlockConfiguration");
      s3.putPublicAccessBlock(r -> r.bucket(b).publicAccessBlockConfiguration(p -> p.blockPublicAcls(true)
          .restrictPublicBuckets(true)));
      assertThat(s3.getPublicAccessBlock(r -> r.bucket(b)).publicAccessBlockConfiguration())
          .isEqualTo(PublicAccessBlockConfiguration.builder().blockPublicAcls(true).ignorePublicAcls(false)
              .blockPublicPolicy(false).restrictPublicBuckets(true).build());
      s3.deletePublicAccessBlock(r -> r.bucket(b));
      assertS3Error(() -> s3.getPublicAccessBlock(r -> r.bucket(b)), 404, "NoSuchPublicAccessBlockConfiguration");
    }
  }

  @ParameterizedTest(name = "{0}", autoCloseArguments = false)
  @MethodSource("servers")
  void policy(String name, S3Server server) {
    try (S3Client s3 = Peers.apache(server)) {
      String b = bucket();
      s3.createBucket(r -> r.bucket(b));
      assertS3Error(() -> s3.getBucketPolicy(r -> r.bucket(b)), 404, "NoSuchBucketPolicy");
      assertS3Error(() -> s3.getBucketPolicyStatus(r -> r.bucket(b)), 404, "NoSuchBucketPolicy");
      s3.putBucketPolicy(r -> r.bucket(b).policy(POLICY));
      assertThat(s3.getBucketPolicy(r -> r.bucket(b)).policy()).isEqualTo(POLICY);
      assertThat(s3.getBucketPolicyStatus(r -> r.bucket(b)).policyStatus().isPublic()).isTrue();
      String conditional = POLICY.replace("\"Resource\"", "\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":"
          + "\"10.0.0.0/8\"}},\"Resource\"");
      s3.putBucketPolicy(r -> r.bucket(b).policy(conditional));
      assertThat(s3.getBucketPolicyStatus(r -> r.bucket(b)).policyStatus().isPublic()).isFalse();
      s3.deleteBucketPolicy(r -> r.bucket(b));
      assertS3Error(() -> s3.getBucketPolicy(r -> r.bucket(b)), 404, "NoSuchBucketPolicy");

      assertS3Error(() -> s3.putBucketPolicy(r -> r.bucket(b).policy("{\"Version\": ")), 400, "MalformedPolicy");
      assertS3Error(() -> s3.putBucketPolicy(r -> r.bucket(b).policy("[1]")), 400, "MalformedPolicy");
      assertS3Error(() -> s3.putBucketPolicy(r -> r.bucket(b).policy("{\"Version\":\"2012-10-17\"}")), 400,
          "MalformedPolicy");
      assertS3Error(() -> s3.putBucketPolicy(r -> r.bucket(b).policy(POLICY.replace("Allow", "Permit"))), 400,
          "MalformedPolicy");
      assertS3Error(() -> s3.putBucketPolicy(r -> r.bucket(b).policy(POLICY.replace("2012-10-17", "2020-01-01"))),
          400, "MalformedPolicy");
    }
  }

  @ParameterizedTest(name = "{0}", autoCloseArguments = false)
  @MethodSource("servers")
  void ownershipControls(String name, S3Server server) {
    try (S3Client s3 = Peers.apache(server)) {
      String b = bucket();
      s3.createBucket(r -> r.bucket(b).objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED));
      assertThat(s3.getBucketOwnershipControls(r -> r.bucket(b)).ownershipControls().rules())
          .singleElement().satisfies(rule -> assertThat(rule.objectOwnership())
              .isEqualTo(ObjectOwnership.BUCKET_OWNER_ENFORCED));
      s3.putBucketOwnershipControls(r -> r.bucket(b).ownershipControls(o -> o.rules(
          x -> x.objectOwnership(ObjectOwnership.OBJECT_WRITER))));
      assertThat(s3.getBucketOwnershipControls(r -> r.bucket(b)).ownershipControls().rules().get(0).objectOwnership())
          .isEqualTo(ObjectOwnership.OBJECT_WRITER);
      s3.deleteBucketOwnershipControls(r -> r.bucket(b));
      assertS3Error(() -> s3.getBucketOwnershipControls(r -> r.bucket(b)), 404, "OwnershipControlsNotFoundError");
      assertS3Error(() -> s3.putBucketOwnershipControls(r -> r.bucket(b).ownershipControls(o -> o.rules(
          x -> x.objectOwnership("Nobody")))), 400, "MalformedXML");

      String plain = bucket();
      s3.createBucket(r -> r.bucket(plain));
      assertS3Error(() -> s3.getBucketOwnershipControls(r -> r.bucket(plain)), 404, "OwnershipControlsNotFoundError");
      String bad = bucket();
      assertS3Error(() -> s3.createBucket(r -> r.bucket(bad).objectOwnership("Nobody")), 400, "InvalidArgument");
      assertS3Error(() -> s3.headBucket(r -> r.bucket(bad)), 404, "NoSuchBucket");
    }
  }

  @ParameterizedTest(name = "{0}", autoCloseArguments = false)
  @MethodSource("servers")
  void objectLockConfiguration(String name, S3Server server) {
    try (S3Client s3 = Peers.apache(server)) {
      String plain = bucket();
      s3.createBucket(r -> r.bucket(plain));
      assertS3Error(() -> s3.getObjectLockConfiguration(r -> r.bucket(plain)), 404,
          "ObjectLockConfigurationNotFoundError");
      assertS3Error(() -> s3.putObjectLockConfiguration(r -> r.bucket(plain).objectLockConfiguration(
          c -> c.objectLockEnabled(ObjectLockEnabled.ENABLED))), 409, "InvalidBucketState");

      String b = bucket();
      s3.createBucket(r -> r.bucket(b).objectLockEnabledForBucket(true));
      assertThat(s3.getObjectLockConfiguration(r -> r.bucket(b)).objectLockConfiguration().objectLockEnabled())
          .isEqualTo(ObjectLockEnabled.ENABLED);
      s3.putObjectLockConfiguration(r -> r.bucket(b).objectLockConfiguration(c -> c
          .objectLockEnabled(ObjectLockEnabled.ENABLED)
          .rule(x -> x.defaultRetention(d -> d.mode(ObjectLockRetentionMode.GOVERNANCE).days(30)))));
      var rule = s3.getObjectLockConfiguration(r -> r.bucket(b)).objectLockConfiguration().rule();
      assertThat(rule.defaultRetention().mode()).isEqualTo(ObjectLockRetentionMode.GOVERNANCE);
      assertThat(rule.defaultRetention().days()).isEqualTo(30);
      assertThat(rule.defaultRetention().years()).isNull();

      assertS3Error(() -> s3.putObjectLockConfiguration(r -> r.bucket(b).objectLockConfiguration(c -> c
          .objectLockEnabled(ObjectLockEnabled.ENABLED)
          .rule(x -> x.defaultRetention(d -> d.mode(ObjectLockRetentionMode.COMPLIANCE).days(0))))), 400,
          "InvalidArgument");
      assertS3Error(() -> s3.putObjectLockConfiguration(r -> r.bucket(b).objectLockConfiguration(c -> c
          .objectLockEnabled(ObjectLockEnabled.ENABLED)
          .rule(x -> x.defaultRetention(d -> d.mode(ObjectLockRetentionMode.COMPLIANCE).days(1).years(1))))), 400,
          "MalformedXML");
      assertS3Error(() -> s3.putObjectLockConfiguration(r -> r.bucket(b).objectLockConfiguration(c -> c
          .objectLockEnabled(ObjectLockEnabled.ENABLED)
          .rule(x -> x.defaultRetention(d -> d.mode("FOREVER").years(1))))), 400, "MalformedXML");
      assertS3Error(() -> s3.putObjectLockConfiguration(r -> r.bucket(b).objectLockConfiguration(c -> c
          .objectLockEnabled(ObjectLockEnabled.ENABLED)
          .rule(x -> x.defaultRetention(d -> d.mode(ObjectLockRetentionMode.GOVERNANCE))))), 400, "MalformedXML");
      // The failed attempts left the stored configuration alone.
      assertThat(s3.getObjectLockConfiguration(r -> r.bucket(b)).objectLockConfiguration().rule().defaultRetention()
          .days()).isEqualTo(30);
    }
  }

  @ParameterizedTest(name = "{0}", autoCloseArguments = false)
  @MethodSource("servers")
  void configurationGoesWithItsBucket(String name, S3Server server) {
    try (S3Client s3 = Peers.apache(server)) {
      String b = bucket();
      s3.createBucket(r -> r.bucket(b));
      s3.putBucketTagging(r -> r.bucket(b).tagging(t -> t.tagSet(tag("k", "v"))));
      s3.putBucketPolicy(r -> r.bucket(b).policy(POLICY));
      s3.deleteBucket(r -> r.bucket(b));
      assertS3Error(() -> s3.getBucketTagging(r -> r.bucket(b)), 404, "NoSuchBucket");
      assertS3Error(() -> s3.putBucketCors(r -> r.bucket(b).corsConfiguration(c -> c.corsRules(
          CORSRule.builder().allowedOrigins("*").allowedMethods("GET").build()))), 404, "NoSuchBucket");
      s3.createBucket(r -> r.bucket(b));
      assertS3Error(() -> s3.getBucketTagging(r -> r.bucket(b)), 404, "NoSuchTagSet");
      assertS3Error(() -> s3.getBucketPolicy(r -> r.bucket(b)), 404, "NoSuchBucketPolicy");
    }
  }

  @Test
  void fileStoreKeepsConfigurationAcrossReopen(@TempDir Path data) throws Exception {
    String b = bucket();
    CORSRule rule = CORSRule.builder().allowedOrigins("https://app.example").allowedMethods("GET").build();
    try (S3Server first = Peers.onOneDigitDay().store(ObjectStore.file(data, Peers.oneDigitDayClock())).start();
        S3Client s3 = Peers.apache(first)) {
      s3.createBucket(r -> r.bucket(b).objectLockEnabledForBucket(true).objectOwnership(ObjectOwnership.OBJECT_WRITER));
      s3.putBucketTagging(r -> r.bucket(b).tagging(t -> t.tagSet(tag("k", "v"))));
      s3.putBucketCors(r -> r.bucket(b).corsConfiguration(c -> c.corsRules(rule)));
      s3.putBucketPolicy(r -> r.bucket(b).policy(POLICY));
      s3.putPublicAccessBlock(r -> r.bucket(b).publicAccessBlockConfiguration(p -> p.blockPublicPolicy(true)));
      s3.putBucketLifecycleConfiguration(r -> r.bucket(b).lifecycleConfiguration(c -> c.rules(
          LifecycleRule.builder().id("x").filter(f -> f.prefix("")).status(ExpirationStatus.ENABLED)
              .expiration(e -> e.days(3)).build())));
      first.store().close();
    }
    try (S3Server second = Peers.onOneDigitDay().store(ObjectStore.file(data, Peers.oneDigitDayClock())).start();
        S3Client s3 = Peers.apache(second)) {
      assertThat(s3.getBucketTagging(r -> r.bucket(b)).tagSet()).containsExactly(tag("k", "v"));
      assertThat(s3.getBucketCors(r -> r.bucket(b)).corsRules()).containsExactly(rule);
      assertThat(s3.getBucketPolicy(r -> r.bucket(b)).policy()).isEqualTo(POLICY);
      assertThat(s3.getPublicAccessBlock(r -> r.bucket(b)).publicAccessBlockConfiguration().blockPublicPolicy())
          .isTrue();
      assertThat(s3.getBucketLifecycleConfiguration(r -> r.bucket(b)).rules().get(0).expiration().days()).isEqualTo(3);
      assertThat(s3.getObjectLockConfiguration(r -> r.bucket(b)).objectLockConfiguration().objectLockEnabled())
          .isEqualTo(ObjectLockEnabled.ENABLED);
      assertThat(s3.getBucketOwnershipControls(r -> r.bucket(b)).ownershipControls().rules().get(0).objectOwnership())
          .isEqualTo(ObjectOwnership.OBJECT_WRITER);
      second.store().close();
    }
  }
}
