package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minio.DeleteBucketLifecycleArgs;
import io.minio.DeleteBucketPolicyArgs;
import io.minio.DeleteBucketTagsArgs;
import io.minio.DeleteObjectLockConfigurationArgs;
import io.minio.GetBucketLifecycleArgs;
import io.minio.GetBucketPolicyArgs;
import io.minio.GetBucketTagsArgs;
import io.minio.GetObjectLockConfigurationArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.SetBucketLifecycleArgs;
import io.minio.SetBucketPolicyArgs;
import io.minio.SetBucketTagsArgs;
import io.minio.SetObjectLockConfigurationArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Expiration;
import io.minio.messages.LifecycleConfiguration;
import io.minio.messages.LifecycleRule;
import io.minio.messages.ObjectLockConfiguration;
import io.minio.messages.RetentionDurationDays;
import io.minio.messages.RetentionDurationYears;
import io.minio.messages.RetentionMode;
import io.minio.messages.RuleFilter;
import io.minio.messages.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Timeout;

/** The MinIO Java client's bucket configuration calls (tags, policy, lifecycle, object lock), both stores. */
@Timeout(120)
class MinioBucketConfigTest {
  static Stream<Arguments> stores() throws Exception {
    Path dir = Files.createTempDirectory("s3wire-minio-cfg");
    return Stream.of(Arguments.of("memory", (StoreFactory) ObjectStore::memory),
        Arguments.of("file", (StoreFactory) () -> ObjectStore.file(dir, Peers.oneDigitDayClock())));
  }

  interface StoreFactory {
    ObjectStore open() throws Exception;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void tagsPolicyLifecycleAndObjectLock(String name, StoreFactory stores) throws Exception {
    ObjectStore store = stores.open();
    try (S3Server server = Peers.onOneDigitDay().store(store).start()) {
      MinioClient minio = MinioClient.builder().endpoint(server.endpoint().toString())
          .credentials(server.accessKey(), server.secretKey()).region("us-east-1").build();
      minio.makeBucket(MakeBucketArgs.builder().bucket("cfg").build());

      assertThat(minio.getBucketTags(GetBucketTagsArgs.builder().bucket("cfg").build()).get()).isEmpty();
      minio.setBucketTags(SetBucketTagsArgs.builder().bucket("cfg").tags(Map.of("team", "storage", "env", "test"))
          .build());
      assertThat(minio.getBucketTags(GetBucketTagsArgs.builder().bucket("cfg").build()).get())
          .isEqualTo(Map.of("team", "storage", "env", "test"));
      assertThatThrownBy(() -> minio.setBucketTags(SetBucketTagsArgs.builder().bucket("cfg")
          .tags(Map.of("aws:owner", "x")).build()))
          .isInstanceOfSatisfying(ErrorResponseException.class,
              e -> assertThat(e.errorResponse().code()).isEqualTo("InvalidTag"));
      minio.deleteBucketTags(DeleteBucketTagsArgs.builder().bucket("cfg").build());
      assertThat(minio.getBucketTags(GetBucketTagsArgs.builder().bucket("cfg").build()).get()).isEmpty();

      String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"*\"]},"
          + "\"Action\":[\"s3:GetObject\"],\"Resource\":[\"arn:aws:s3:::cfg/*\"]}]}";
      minio.setBucketPolicy(SetBucketPolicyArgs.builder().bucket("cfg").config(policy).build());
      assertThat(minio.getBucketPolicy(GetBucketPolicyArgs.builder().bucket("cfg").build())).isEqualTo(policy);
      assertThatThrownBy(() -> minio.setBucketPolicy(SetBucketPolicyArgs.builder().bucket("cfg").config("{oops")
          .build())).isInstanceOfSatisfying(ErrorResponseException.class,
              e -> assertThat(e.errorResponse().code()).isEqualTo("MalformedPolicy"));
      minio.deleteBucketPolicy(DeleteBucketPolicyArgs.builder().bucket("cfg").build());
      assertThat(minio.getBucketPolicy(GetBucketPolicyArgs.builder().bucket("cfg").build())).isEmpty();

      assertThat(minio.getBucketLifecycle(GetBucketLifecycleArgs.builder().bucket("cfg").build())).isNull();
      LifecycleRule rule = new LifecycleRule(Status.ENABLED, null, new Expiration((java.time.ZonedDateTime) null, 30,
          null), new RuleFilter("logs/"), "expire-logs", null, null, null);
      minio.setBucketLifecycle(SetBucketLifecycleArgs.builder().bucket("cfg")
          .config(new LifecycleConfiguration(List.of(rule))).build());
      LifecycleConfiguration got = minio.getBucketLifecycle(GetBucketLifecycleArgs.builder().bucket("cfg").build());
      assertThat(got.rules()).singleElement().satisfies(r -> {
        assertThat(r.id()).isEqualTo("expire-logs");
        assertThat(r.filter().prefix()).isEqualTo("logs/");
        assertThat(r.expiration().days()).isEqualTo(30);
      });
      minio.deleteBucketLifecycle(DeleteBucketLifecycleArgs.builder().bucket("cfg").build());
      assertThat(minio.getBucketLifecycle(GetBucketLifecycleArgs.builder().bucket("cfg").build())).isNull();

      assertThatThrownBy(() -> minio.getObjectLockConfiguration(GetObjectLockConfigurationArgs.builder()
          .bucket("cfg").build())).isInstanceOfSatisfying(ErrorResponseException.class,
              e -> assertThat(e.errorResponse().code()).isEqualTo("ObjectLockConfigurationNotFoundError"));
      minio.makeBucket(MakeBucketArgs.builder().bucket("locked").objectLock(true).build());
      minio.setObjectLockConfiguration(SetObjectLockConfigurationArgs.builder().bucket("locked")
          .config(new ObjectLockConfiguration(RetentionMode.COMPLIANCE, new RetentionDurationYears(1))).build());
      ObjectLockConfiguration lock = minio.getObjectLockConfiguration(GetObjectLockConfigurationArgs.builder()
          .bucket("locked").build());
      assertThat(lock.mode()).isEqualTo(RetentionMode.COMPLIANCE);
      assertThat(lock.duration()).isInstanceOf(RetentionDurationYears.class);
      assertThat(lock.duration().duration()).isEqualTo(1);
      minio.setObjectLockConfiguration(SetObjectLockConfigurationArgs.builder().bucket("locked")
          .config(new ObjectLockConfiguration(RetentionMode.GOVERNANCE, new RetentionDurationDays(5))).build());
      assertThat(minio.getObjectLockConfiguration(GetObjectLockConfigurationArgs.builder().bucket("locked").build())
          .duration().duration()).isEqualTo(5);
      // MinIO's "delete" puts a configuration without a rule: object lock stays enabled, the default goes.
      minio.deleteObjectLockConfiguration(DeleteObjectLockConfigurationArgs.builder().bucket("locked").build());
      assertThat(minio.getObjectLockConfiguration(GetObjectLockConfigurationArgs.builder().bucket("locked").build())
          .mode()).isNull();
    } finally {
      store.close();
    }
  }
}
