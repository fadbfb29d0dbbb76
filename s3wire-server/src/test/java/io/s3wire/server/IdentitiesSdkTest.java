package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.errors.ErrorResponseException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Two users of one server through the AWS SDK for Java v2 at its defaults (and the MinIO client
 * once): A's bucket refuses B (AccessDenied, BucketAlreadyExists) until A makes an object
 * public-read or grants B by canonical id, in both stores (and over HTTP/2 with TLS); a file store
 * keeps who owns a bucket across a restart.
 */
@Timeout(120)
class IdentitiesSdkTest {
  static final String A = "AKIDALICE";
  static final String B = "AKIDBOB";
  @TempDir
  Path dir;

  /**
   * On the system clock, not a pinned one: the SDK takes a 403 whose Date is far from its own clock
   * for clock skew and shifts the time of every later client in the JVM (SdkGlobalTime).
   */
  static S3Server.Builder twoUsers() {
    return S3Server.builder().credentials(A, "alice-secret").user(B, "bob-secret");
  }

  /** A client signing as {@code accessKey}: over HTTP/2 on a TLS server ({@link Peers#sync}), else HTTP/1.1. */
  static S3Client as(S3Server server, String accessKey) {
    ServerUser u = server.user(accessKey);
    if (server.isTls()) {
      return SyncOverAsync.of(Peers.nettyHttp2(server,
          StaticCredentialsProvider.create(AwsBasicCredentials.create(u.accessKey(), u.secretKey()))));
    }
    return S3Client.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1).forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(u.accessKey(), u.secretKey())))
        .httpClientBuilder(ApacheHttpClient.builder().socketTimeout(Duration.ofSeconds(30))).build();
  }

  static void assertRefused(Runnable call, int status, String code) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(S3Exception.class, e -> {
      assertThat(e.statusCode()).isEqualTo(status);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
    });
  }

  ObjectStore store(String kind) throws Exception {
    return kind.equals("file") ? ObjectStore.file(dir.resolve("store")) : ObjectStore.memory();
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "file", "memory-h2-tls"})
  void bIsRefusedUntilAMakesTheObjectPublicOrGrantsB(String kind) throws Exception {
    try (ObjectStore store = store(kind);
        S3Server server = twoUsers().store(store).tls(kind.endsWith("-h2-tls")).start();
        S3Client a = as(server, A);
        S3Client b = as(server, B)) {
      a.createBucket(r -> r.bucket("alices"));
      a.putObject(r -> r.bucket("alices").key("k"), RequestBody.fromString("hello"));
      assertRefused(() -> b.createBucket(r -> r.bucket("alices")), 409, "BucketAlreadyExists");
      assertRefused(() -> a.createBucket(r -> r.bucket("alices")), 409, "BucketAlreadyOwnedByYou");
      assertRefused(() -> b.getObjectAsBytes(r -> r.bucket("alices").key("k")), 403, "AccessDenied");
      assertRefused(() -> b.listObjectsV2(r -> r.bucket("alices")), 403, "AccessDenied");
      assertRefused(() -> b.putObject(r -> r.bucket("alices").key("b"), RequestBody.fromString("x")), 403,
          "AccessDenied");
      assertThat(b.listBuckets().buckets()).isEmpty();
      assertThat(a.listBuckets().buckets()).extracting(x -> x.name()).containsExactly("alices");

      a.putObjectAcl(r -> r.bucket("alices").key("k").acl(ObjectCannedACL.PUBLIC_READ));
      assertThat(b.getObjectAsBytes(r -> r.bucket("alices").key("k")).asUtf8String()).isEqualTo("hello");

      a.putObject(r -> r.bucket("alices").key("granted"), RequestBody.fromString("for bob"));
      assertRefused(() -> b.getObjectAsBytes(r -> r.bucket("alices").key("granted")), 403, "AccessDenied");
      String bobId = server.user(B).ownerId();
      a.putObjectAcl(r -> r.bucket("alices").key("granted").grantRead("id=" + bobId));
      assertThat(b.getObjectAsBytes(r -> r.bucket("alices").key("granted")).asUtf8String()).isEqualTo("for bob");
      assertThat(a.getObjectAcl(r -> r.bucket("alices").key("granted")).owner().id())
          .isEqualTo(ServerUser.DEFAULT_OWNER_ID);

      a.putBucketAcl(r -> r.bucket("alices").acl(BucketCannedACL.PUBLIC_READ_WRITE));
      b.putObject(r -> r.bucket("alices").key("by-bob"), RequestBody.fromString("bob's"));
      assertThat(b.getObjectAcl(r -> r.bucket("alices").key("by-bob")).owner().id()).isEqualTo(bobId);
      assertThat(b.listObjectsV2(r -> r.bucket("alices")).keyCount()).isEqualTo(3);
    }
  }

  @Test
  void aPresignedUrlOfBIsCheckedAgainstBsSecretAndRights() throws Exception {
    try (S3Server server = twoUsers().start();
        S3Client a = as(server, A);
        S3Presigner bSigns = S3Presigner.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
            .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder()
                .pathStyleAccessEnabled(true).build())
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(B, "bob-secret")))
            .build()) {
      a.createBucket(r -> r.bucket("alices"));
      a.putObject(r -> r.bucket("alices").key("k"), RequestBody.fromString("hello"));
      URI url = bSigns.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
          .getObjectRequest(g -> g.bucket("alices").key("k"))).url().toURI();
      var get = java.net.http.HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(20)).build();
      var refused = RawS3.HTTP.send(get, java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(refused.statusCode()).isEqualTo(403);
      assertThat(refused.body()).contains("<Code>AccessDenied</Code>");
      a.putObjectAcl(r -> r.bucket("alices").key("k").acl(ObjectCannedACL.AUTHENTICATED_READ));
      var read = RawS3.HTTP.send(get, java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(read.statusCode()).isEqualTo(200);
      assertThat(read.body()).isEqualTo("hello");
    }
  }

  @Test
  void aFileStoreKeepsTheBucketsOwnerAcrossARestart() throws Exception {
    Path root = dir.resolve("kept");
    try (ObjectStore store = ObjectStore.file(root);
        S3Server server = twoUsers().store(store).start();
        S3Client b = as(server, B)) {
      b.createBucket(r -> r.bucket("bobs"));
    }
    try (ObjectStore store = ObjectStore.file(root);
        S3Server server = twoUsers().store(store).start();
        S3Client a = as(server, A);
        S3Client b = as(server, B)) {
      assertThat(b.listBuckets().buckets()).extracting(x -> x.name()).containsExactly("bobs");
      assertThat(a.listBuckets().buckets()).isEmpty();
      assertRefused(() -> a.createBucket(r -> r.bucket("bobs")), 409, "BucketAlreadyExists");
      assertRefused(() -> b.createBucket(r -> r.bucket("bobs")), 409, "BucketAlreadyOwnedByYou");
      assertRefused(() -> a.listObjectsV2(r -> r.bucket("bobs")), 403, "AccessDenied");
    }
  }

  @Test
  void minioClientOfBIsRefusedAsBucket() throws Exception {
    try (S3Server server = twoUsers().start(); S3Client a = as(server, A)) {
      a.createBucket(r -> r.bucket("alices"));
      a.putObject(r -> r.bucket("alices").key("k"), RequestBody.fromString("hello"));
      MinioClient minio = MinioClient.builder().endpoint(server.endpoint().toString())
          .credentials(B, "bob-secret").region("us-east-1").build();
      assertThatThrownBy(() -> minio.getObject(GetObjectArgs.builder().bucket("alices").object("k").build()))
          .isInstanceOfSatisfying(ErrorResponseException.class,
              e -> assertThat(e.errorResponse().code()).isEqualTo("AccessDenied"));
      a.putObjectAcl(r -> r.bucket("alices").key("k").acl(ObjectCannedACL.PUBLIC_READ));
      try (var in = minio.getObject(GetObjectArgs.builder().bucket("alices").object("k").build())) {
        assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("hello");
      }
    }
  }
}
