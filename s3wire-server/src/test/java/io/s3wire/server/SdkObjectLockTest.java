package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The AWS SDK for Java v2, at its defaults, with object lock on both stores (and on the memory store
 * over HTTP/2 with TLS): lock headers on PUT
 * and HEAD, retention and legal hold APIs, a delete of a locked version refused, a governance
 * retention bypassed. Dates are relative to the server's pinned day ({@link Peers#ONE_DIGIT_DAY}).
 */
@Timeout(120)
class SdkObjectLockTest {
  static TwoStores stores;

  @BeforeAll
  static void start() throws Exception {
    stores = TwoStores.startWithHttp2("s3wire-sdk-lock");
  }

  @AfterAll
  static void stop() throws Exception {
    stores.close();
  }

  static Stream<Arguments> servers() {
    return stores.arguments();
  }

  private static void assertRefused(Runnable call, String code) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(S3Exception.class, e -> {
      assertThat(e.statusCode()).isEqualTo(403);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
    });
  }

  @ParameterizedTest(name = "{0}", autoCloseArguments = false)
  @MethodSource("servers")
  void retentionLegalHoldAndEnforcedDeletes(String name, S3Server server) {
    Instant day = Peers.ONE_DIGIT_DAY.plus(Duration.ofDays(1));
    Instant week = Peers.ONE_DIGIT_DAY.plus(Duration.ofDays(7));
    try (S3Client s3 = Peers.sync(server)) {
      String b = SdkOperationsTest.bucket();
      s3.createBucket(r -> r.bucket(b).objectLockEnabledForBucket(true));

      String governed = s3.putObject(r -> r.bucket(b).key("k").objectLockMode(ObjectLockMode.GOVERNANCE)
          .objectLockRetainUntilDate(week).objectLockLegalHoldStatus(ObjectLockLegalHoldStatus.ON),
          RequestBody.fromString("governed")).versionId();
      HeadObjectResponse head = s3.headObject(r -> r.bucket(b).key("k"));
      assertThat(head.objectLockMode()).isEqualTo(ObjectLockMode.GOVERNANCE);
      assertThat(head.objectLockRetainUntilDate()).isEqualTo(week);
      assertThat(head.objectLockLegalHoldStatus()).isEqualTo(ObjectLockLegalHoldStatus.ON);
      assertThat(s3.getObjectLegalHold(r -> r.bucket(b).key("k")).legalHold().status())
          .isEqualTo(ObjectLockLegalHoldStatus.ON);

      String complied = s3.putObject(r -> r.bucket(b).key("k"), RequestBody.fromString("complied")).versionId();
      s3.putObjectRetention(r -> r.bucket(b).key("k").versionId(complied)
          .retention(t -> t.mode(ObjectLockRetentionMode.COMPLIANCE).retainUntilDate(day)));
      assertThat(s3.getObjectRetention(r -> r.bucket(b).key("k")).retention().mode())
          .isEqualTo(ObjectLockRetentionMode.COMPLIANCE);
      assertThat(s3.getObjectRetention(r -> r.bucket(b).key("k").versionId(governed)).retention().retainUntilDate())
          .isEqualTo(week);

      // COMPLIANCE: no delete of the version, bypass or not; a plain delete only adds a marker.
      assertRefused(() -> s3.deleteObject(r -> r.bucket(b).key("k").versionId(complied)
          .bypassGovernanceRetention(true)), "AccessDenied");
      assertThat(s3.deleteObject(r -> r.bucket(b).key("k")).deleteMarker()).isTrue();

      // GOVERNANCE under legal hold: refused until the hold is off, then only with the bypass.
      assertRefused(() -> s3.deleteObject(r -> r.bucket(b).key("k").versionId(governed)
          .bypassGovernanceRetention(true)), "AccessDenied");
      s3.putObjectLegalHold(r -> r.bucket(b).key("k").versionId(governed)
          .legalHold(h -> h.status(ObjectLockLegalHoldStatus.OFF)));
      assertRefused(() -> s3.putObjectRetention(r -> r.bucket(b).key("k").versionId(governed)
          .retention(t -> t.mode(ObjectLockRetentionMode.GOVERNANCE).retainUntilDate(day))), "AccessDenied");
      DeleteObjectsResponse batch = s3.deleteObjects(r -> r.bucket(b).delete(d -> d.objects(
          ObjectIdentifier.builder().key("k").versionId(governed).build())));
      assertThat(batch.errors()).extracting(S3Error::code, S3Error::versionId)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("AccessDenied", governed));
      assertThat(s3.deleteObject(r -> r.bucket(b).key("k").versionId(governed).bypassGovernanceRetention(true))
          .versionId()).isEqualTo(governed);
      assertThat(s3.listObjectVersions(r -> r.bucket(b)).versions()).extracting(v -> v.versionId())
          .containsExactly(complied);
    }
  }
}
