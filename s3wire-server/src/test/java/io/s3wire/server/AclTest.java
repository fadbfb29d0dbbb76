package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.AccessControlPolicy;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectAclResponse;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.Grantee;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.Owner;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Type;

/**
 * ACLs as S3 has them where ACLs are enabled, driven by the AWS SDK v2 at its defaults (and the
 * MinIO client's {@code x-amz-acl} header): canned ACLs and grants on every write and through
 * Get/Put Bucket/Object Acl, S3's errors, ownership controls that disable ACLs, and unsigned reads
 * of what an ACL makes public; both stores, the file store across a reopen, HTTP/2 over TLS.
 */
@Timeout(120)
class AclTest {
  static final String OWNER = "75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a";
  static final String ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
  static final String AUTHENTICATED = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  static TwoStores stores;

  @BeforeAll
  static void start() throws Exception {
    stores = TwoStores.start("s3wire-acl");
  }

  @AfterAll
  static void stop() throws Exception {
    stores.close();
  }

  static Stream<Arguments> servers() {
    return stores.arguments();
  }

  static String bucket() {
    return "acl" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
  }

  static Grant user(String id, Permission p) {
    return Grant.builder().grantee(Grantee.builder().type(Type.CANONICAL_USER).id(id).build()).permission(p).build();
  }

  static Grant group(String uri, Permission p) {
    return Grant.builder().grantee(Grantee.builder().type(Type.GROUP).uri(uri).build()).permission(p).build();
  }

  /** Grants as "type grantee permission" strings, which compare plainly. */
  static List<String> described(List<Grant> grants) {
    return grants.stream().map(g -> g.grantee().typeAsString() + " "
        + (g.grantee().type() == Type.GROUP ? g.grantee().uri() : g.grantee().id()) + " " + g.permissionAsString())
        .toList();
  }

  static List<String> objectAcl(S3Client s3, String b, String k) {
    GetObjectAclResponse acl = s3.getObjectAcl(r -> r.bucket(b).key(k));
    assertThat(acl.owner().id()).isEqualTo(OWNER);
    return described(acl.grants());
  }

  static List<String> bucketAcl(S3Client s3, String b) {
    var acl = s3.getBucketAcl(r -> r.bucket(b));
    assertThat(acl.owner().id()).isEqualTo(OWNER);
    assertThat(acl.owner().displayName()).isEqualTo("s3wire");
    return described(acl.grants());
  }

  static final String OWNER_FC = "CanonicalUser " + OWNER + " FULL_CONTROL";

  @ParameterizedTest(name = "{0}", autoCloseArguments = false)
  @MethodSource("servers")
  void aclsThroughEveryWrite(String name, S3Server server) throws Exception {
    try (S3Client s3 = Peers.apache(server)) {
      String b = bucket();
      s3.createBucket(r -> r.bucket(b));
      assertThat(bucketAcl(s3, b)).containsExactly(OWNER_FC);
      s3.putBucketAcl(r -> r.bucket(b).acl(BucketCannedACL.PUBLIC_READ));
      assertThat(bucketAcl(s3, b)).containsExactly(OWNER_FC, "Group " + ALL_USERS + " READ");
      s3.putBucketAcl(r -> r.bucket(b).accessControlPolicy(AccessControlPolicy.builder()
          .owner(Owner.builder().id(OWNER).build())
          .grants(user(OWNER, Permission.FULL_CONTROL), group(AUTHENTICATED, Permission.READ_ACP)).build()));
      assertThat(bucketAcl(s3, b)).containsExactly(OWNER_FC, "Group " + AUTHENTICATED + " READ_ACP");
      s3.putBucketAcl(r -> r.bucket(b).grantWrite("uri=\"http://acs.amazonaws.com/groups/s3/LogDelivery\""));
      assertThat(bucketAcl(s3, b)).containsExactly("Group http://acs.amazonaws.com/groups/s3/LogDelivery WRITE");

      // An object without an ACL has S3's default; a put's canned ACL sticks; PutObjectAcl changes it in place.
      var put = s3.putObject(r -> r.bucket(b).key("plain"), RequestBody.fromString("plain"));
      assertThat(objectAcl(s3, b, "plain")).containsExactly(OWNER_FC);
      s3.putObject(r -> r.bucket(b).key("pub").acl(ObjectCannedACL.PUBLIC_READ), RequestBody.fromString("pub"));
      assertThat(objectAcl(s3, b, "pub")).containsExactly(OWNER_FC, "Group " + ALL_USERS + " READ");
      var before = s3.headObject(r -> r.bucket(b).key("plain"));
      s3.putObjectAcl(r -> r.bucket(b).key("plain").acl(ObjectCannedACL.AUTHENTICATED_READ));
      assertThat(objectAcl(s3, b, "plain")).containsExactly(OWNER_FC, "Group " + AUTHENTICATED + " READ");
      var after = s3.headObject(r -> r.bucket(b).key("plain"));
      assertThat(after.eTag()).isEqualTo(put.eTag());
      assertThat(after.lastModified()).isEqualTo(before.lastModified());
      s3.putObjectAcl(r -> r.bucket(b).key("plain").accessControlPolicy(AccessControlPolicy.builder()
          .owner(Owner.builder().id(OWNER).build())
          .grants(user(OWNER, Permission.READ), group(ALL_USERS, Permission.READ_ACP)).build()));
      assertThat(objectAcl(s3, b, "plain")).containsExactly("CanonicalUser " + OWNER + " READ",
          "Group " + ALL_USERS + " READ_ACP");

      // Grant headers, several grantees in one header.
      s3.putObject(r -> r.bucket(b).key("granted").grantFullControl("id=\"" + OWNER + "\"")
          .grantRead("uri=\"" + ALL_USERS + "\", uri=\"" + AUTHENTICATED + "\""), RequestBody.fromString("g"));
      assertThat(objectAcl(s3, b, "granted")).containsExactly(OWNER_FC, "Group " + ALL_USERS + " READ",
          "Group " + AUTHENTICATED + " READ");

      // CopyObject does not copy the source's ACL: the target gets the request's, else the default.
      s3.copyObject(r -> r.sourceBucket(b).sourceKey("pub").destinationBucket(b).destinationKey("copied"));
      assertThat(objectAcl(s3, b, "copied")).containsExactly(OWNER_FC);
      s3.copyObject(r -> r.sourceBucket(b).sourceKey("plain").destinationBucket(b).destinationKey("rw")
          .acl(ObjectCannedACL.PUBLIC_READ_WRITE));
      assertThat(objectAcl(s3, b, "rw")).containsExactly(OWNER_FC, "Group " + ALL_USERS + " READ",
          "Group " + ALL_USERS + " WRITE");

      // CreateMultipartUpload's ACL becomes the object's at completion.
      String id = s3.createMultipartUpload(r -> r.bucket(b).key("mp").acl(ObjectCannedACL.PUBLIC_READ)).uploadId();
      String etag = s3.uploadPart(r -> r.bucket(b).key("mp").uploadId(id).partNumber(1), RequestBody.fromString("p"))
          .eTag();
      s3.completeMultipartUpload(r -> r.bucket(b).key("mp").uploadId(id)
          .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(etag).build())));
      assertThat(objectAcl(s3, b, "mp")).containsExactly(OWNER_FC, "Group " + ALL_USERS + " READ");

      String created = bucket();
      s3.createBucket(r -> r.bucket(created).acl(BucketCannedACL.PUBLIC_READ_WRITE));
      assertThat(bucketAcl(s3, created)).containsExactly(OWNER_FC, "Group " + ALL_USERS + " READ",
          "Group " + ALL_USERS + " WRITE");

      assertError(() -> s3.getObjectAcl(r -> r.bucket(b).key("absent")), 404, "NoSuchKey", null);
      assertError(() -> s3.putObjectAcl(r -> r.bucket(b).key("absent").acl(ObjectCannedACL.PRIVATE)), 404,
          "NoSuchKey", null);
      assertError(() -> s3.getBucketAcl(r -> r.bucket("no-such-acl-bucket")), 404, "NoSuchBucket", null);
    }
  }

  @Test
  void fileStoreKeepsAclsAcrossReopen() throws Exception {
    Path d = Files.createTempDirectory("s3wire-acl-reopen");
    String b = bucket();
    try (S3Server first = Peers.onOneDigitDay().store(ObjectStore.file(d, Peers.oneDigitDayClock())).start();
        S3Client s3 = Peers.apache(first)) {
      s3.createBucket(r -> r.bucket(b).acl(BucketCannedACL.AUTHENTICATED_READ));
      s3.putObject(r -> r.bucket(b).key("k").acl(ObjectCannedACL.PUBLIC_READ).tagging("a=1"),
          RequestBody.fromString("kept"));
      first.store().close();
    }
    try (S3Server second = Peers.onOneDigitDay().store(ObjectStore.file(d, Peers.oneDigitDayClock())).start();
        S3Client s3 = Peers.apache(second)) {
      assertThat(bucketAcl(s3, b)).containsExactly(OWNER_FC, "Group " + AUTHENTICATED + " READ");
      assertThat(objectAcl(s3, b, "k")).containsExactly(OWNER_FC, "Group " + ALL_USERS + " READ");
      assertThat(s3.getObjectTagging(r -> r.bucket(b).key("k")).tagSet()).hasSize(1);
      assertThat(unsigned(second, "GET", "/" + b + "/k").body()).isEqualTo("kept");
      second.store().close();
    }
  }

  @Test
  void errorsAsS3() throws Exception {
    try (S3Client s3 = Peers.apache(stores.memory)) {
      String b = bucket();
      s3.createBucket(r -> r.bucket(b));
      assertError(() -> s3.putObject(r -> r.bucket(b).key("k").acl("public-everything"), RequestBody.fromString("x")),
          400, "InvalidArgument", null);
      assertError(() -> s3.putBucketAcl(r -> r.bucket(b).acl("nope")), 400, "InvalidArgument", null);
      assertError(() -> s3.putObject(r -> r.bucket(b).key("k").acl(ObjectCannedACL.PRIVATE)
          .grantRead("uri=\"" + ALL_USERS + "\""), RequestBody.fromString("x")), 400, "InvalidRequest",
          "Specifying both Canned ACLs and Header Grants is not allowed");
      assertError(() -> s3.putObject(r -> r.bucket(b).key("k").grantRead("emailAddress=\"someone@example.com\""),
          RequestBody.fromString("x")), 400, "UnresolvableGrantByEmailAddress",
          "The email address you provided does not match any account on record.");
      assertError(() -> s3.putObject(r -> r.bucket(b).key("k").grantRead("id=\"not-an-id\""),
          RequestBody.fromString("x")), 400, "InvalidArgument", "Invalid id");
      assertError(() -> s3.putObject(r -> r.bucket(b).key("k").grantRead("uri=\"http://example.com/group\""),
          RequestBody.fromString("x")), 400, "InvalidArgument", "Invalid group uri");
      assertError(() -> s3.putObject(r -> r.bucket(b).key("k").grantRead("everyone"),
          RequestBody.fromString("x")), 400, "InvalidArgument", "Argument format not recognized");
      assertError(() -> s3.putBucketAcl(r -> r.bucket(b).accessControlPolicy(AccessControlPolicy.builder()
          .owner(Owner.builder().id(OWNER).build()).grants(Grant.builder().grantee(Grantee.builder()
              .type(Type.AMAZON_CUSTOMER_BY_EMAIL).emailAddress("someone@example.com").build())
              .permission(Permission.READ).build()).build())), 400, "UnresolvableGrantByEmailAddress", null);
      // Nothing was stored by the refused writes.
      assertError(() -> s3.headObject(r -> r.bucket(b).key("k")), 404, null, null);
      assertThat(bucketAcl(s3, b)).containsExactly(OWNER_FC);
    }
  }

  @Test
  void bucketOwnerEnforcedDisablesAcls() throws Exception {
    try (S3Client s3 = Peers.apache(stores.memory)) {
      String b = bucket();
      s3.createBucket(r -> r.bucket(b).objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED));
      String refused = "The bucket does not allow ACLs";
      assertError(() -> s3.putObject(r -> r.bucket(b).key("k").acl(ObjectCannedACL.PUBLIC_READ),
          RequestBody.fromString("x")), 400, "AccessControlListNotSupported", refused);
      assertError(() -> s3.putObject(r -> r.bucket(b).key("k").grantRead("uri=\"" + AUTHENTICATED + "\""),
          RequestBody.fromString("x")), 400, "AccessControlListNotSupported", refused);
      assertError(() -> s3.createMultipartUpload(r -> r.bucket(b).key("k").acl(ObjectCannedACL.AUTHENTICATED_READ)),
          400, "AccessControlListNotSupported", refused);
      assertError(() -> s3.putBucketAcl(r -> r.bucket(b).acl(BucketCannedACL.PUBLIC_READ)), 400,
          "AccessControlListNotSupported", refused);
      // What S3 still accepts: bucket-owner-full-control, private, and reading the ACLs.
      s3.putObject(r -> r.bucket(b).key("k").acl(ObjectCannedACL.BUCKET_OWNER_FULL_CONTROL),
          RequestBody.fromString("x"));
      s3.putObject(r -> r.bucket(b).key("p").acl(ObjectCannedACL.PRIVATE), RequestBody.fromString("x"));
      s3.putBucketAcl(r -> r.bucket(b).acl(BucketCannedACL.PRIVATE));
      assertError(() -> s3.putObjectAcl(r -> r.bucket(b).key("k").acl(ObjectCannedACL.PUBLIC_READ)), 400,
          "AccessControlListNotSupported", refused);
      assertThat(objectAcl(s3, b, "k")).containsExactly(OWNER_FC);
      assertThat(bucketAcl(s3, b)).containsExactly(OWNER_FC);

      // A bucket made public first is no longer public once its ownership controls disable ACLs.
      String later = bucket();
      s3.createBucket(r -> r.bucket(later));
      s3.putObject(r -> r.bucket(later).key("k").acl(ObjectCannedACL.PUBLIC_READ), RequestBody.fromString("x"));
      assertThat(unsigned(stores.memory, "GET", "/" + later + "/k").statusCode()).isEqualTo(200);
      s3.putBucketOwnershipControls(r -> r.bucket(later).ownershipControls(o -> o.rules(
          rule -> rule.objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED))));
      assertThat(unsigned(stores.memory, "GET", "/" + later + "/k").statusCode()).isEqualTo(403);
      assertError(() -> s3.putObjectAcl(r -> r.bucket(later).key("k").acl(ObjectCannedACL.PUBLIC_READ)), 400,
          "AccessControlListNotSupported", refused);

      // CreateBucket refuses a public ACL together with BucketOwnerEnforced; other settings take ACLs.
      assertError(() -> s3.createBucket(r -> r.bucket(bucket()).acl(BucketCannedACL.PUBLIC_READ)
          .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)), 400, "InvalidBucketAclWithObjectOwnership", null);
      String writer = bucket();
      s3.createBucket(r -> r.bucket(writer).objectOwnership(ObjectOwnership.OBJECT_WRITER));
      s3.putObject(r -> r.bucket(writer).key("k").acl(ObjectCannedACL.PUBLIC_READ), RequestBody.fromString("x"));
      assertThat(objectAcl(s3, writer, "k")).contains("Group " + ALL_USERS + " READ");
    }
  }

  @ParameterizedTest(name = "{0}", autoCloseArguments = false)
  @MethodSource("servers")
  void unsignedReadsOfWhatAnAclMakesPublic(String name, S3Server server) throws Exception {
    try (S3Client s3 = Peers.apache(server)) {
      String b = bucket();
      s3.createBucket(r -> r.bucket(b));
      s3.putObject(r -> r.bucket(b).key("public key").acl(ObjectCannedACL.PUBLIC_READ), RequestBody.fromString("open"));
      s3.putObject(r -> r.bucket(b).key("private"), RequestBody.fromString("closed"));
      s3.putObject(r -> r.bucket(b).key("authenticated").acl(ObjectCannedACL.AUTHENTICATED_READ),
          RequestBody.fromString("closed"));

      HttpResponse<String> got = unsigned(server, "GET", "/" + b + "/public%20key");
      assertThat(got.statusCode()).isEqualTo(200);
      assertThat(got.body()).isEqualTo("open");
      HttpResponse<String> head = unsigned(server, "HEAD", "/" + b + "/public%20key");
      assertThat(head.statusCode()).isEqualTo(200);
      assertThat(head.headers().firstValue("content-length")).hasValue("4");
      assertDenied(unsigned(server, "GET", "/" + b + "/private"));
      assertDenied(unsigned(server, "GET", "/" + b + "/authenticated"));
      assertDenied(unsigned(server, "GET", "/" + b + "/absent"));
      assertDenied(unsigned(server, "GET", "/" + b + "/public%20key?acl"));
      assertDenied(unsigned(server, "DELETE", "/" + b + "/public%20key"));
      assertDenied(unsigned(server, "GET", "/" + b + "?list-type=2"));
      // A request that presents credentials is judged by them, not by the ACL.
      HttpResponse<String> forged = unsigned(server, "GET", "/" + b + "/public%20key?X-Amz-Algorithm=AWS4-HMAC-SHA256");
      assertThat(forged.statusCode()).isNotEqualTo(200);

      // A public-read-write bucket is listed unsigned, but not written unsigned (writes need an identity here).
      s3.putBucketAcl(r -> r.bucket(b).acl(BucketCannedACL.PUBLIC_READ_WRITE));
      HttpResponse<String> listed = unsigned(server, "GET", "/" + b + "?list-type=2");
      assertThat(listed.statusCode()).isEqualTo(200);
      assertThat(listed.body()).contains("<Key>public key</Key>", "<Key>private</Key>");
      assertDenied(unsigned(server, "PUT", "/" + b + "/new"));

      // The public access block's IgnorePublicAcls turns the public ACLs off, BlockPublicAcls refuses new ones.
      s3.putPublicAccessBlock(r -> r.bucket(b).publicAccessBlockConfiguration(c -> c.ignorePublicAcls(true)
          .blockPublicAcls(true)));
      assertDenied(unsigned(server, "GET", "/" + b + "/public%20key"));
      assertDenied(unsigned(server, "GET", "/" + b + "?list-type=2"));
      assertError(() -> s3.putObjectAcl(r -> r.bucket(b).key("private").acl(ObjectCannedACL.PUBLIC_READ)), 403,
          "AccessDenied", null);
      s3.deletePublicAccessBlock(r -> r.bucket(b));
      assertThat(unsigned(server, "GET", "/" + b + "/public%20key").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aclsOverHttp2WithTls() throws Exception {
    try (S3Server tls = Peers.onOneDigitDay().tls(true).start();
        S3AsyncClient s3 = Peers.nettyHttp2(tls)) {
      String b = bucket();
      s3.createBucket(r -> r.bucket(b).acl(BucketCannedACL.PUBLIC_READ)).get(30, TimeUnit.SECONDS);
      s3.putObject(r -> r.bucket(b).key("k").grantRead("uri=\"" + AUTHENTICATED + "\""),
          AsyncRequestBody.fromString("h2")).get(30, TimeUnit.SECONDS);
      s3.putObjectAcl(r -> r.bucket(b).key("k").accessControlPolicy(AccessControlPolicy.builder()
          .owner(Owner.builder().id(OWNER).build()).grants(user(OWNER, Permission.FULL_CONTROL),
              group(ALL_USERS, Permission.READ)).build())).get(30, TimeUnit.SECONDS);
      assertThat(described(s3.getObjectAcl(r -> r.bucket(b).key("k")).get(30, TimeUnit.SECONDS)
          .grants())).containsExactly(OWNER_FC, "Group " + ALL_USERS + " READ");
      assertThat(described(s3.getBucketAcl(r -> r.bucket(b)).get(30, TimeUnit.SECONDS).grants()))
          .containsExactly(OWNER_FC, "Group " + ALL_USERS + " READ");
    }
  }

  @Test
  void minioClientSetsACannedAclByHeader() throws Exception {
    MinioClient minio = MinioClient.builder().endpoint(stores.memory.endpoint().toString())
        .credentials(stores.memory.accessKey(), stores.memory.secretKey()).region("us-east-1").build();
    String b = bucket();
    try (S3Client s3 = Peers.apache(stores.memory)) {
      s3.createBucket(r -> r.bucket(b));
      byte[] data = "minio".getBytes(StandardCharsets.UTF_8);
      minio.putObject(PutObjectArgs.builder().bucket(b).object("m")
          .stream(new ByteArrayInputStream(data), data.length, -1)
          .extraHeaders(Map.of("x-amz-acl", "public-read")).build());
      assertThat(objectAcl(s3, b, "m")).containsExactly(OWNER_FC, "Group " + ALL_USERS + " READ");
      assertThat(unsigned(stores.memory, "GET", "/" + b + "/m").body()).isEqualTo("minio");
    }
  }

  @Test
  void browserFormAclFieldSetsACannedAcl() throws Exception {
    try (S3Server anonymous = S3Server.builder().anonymous(true).start()) {
      anonymous.store().createBucket("forms");
      HttpClient http = PostForms.client(anonymous, HttpClient.Version.HTTP_1_1);
      HttpResponse<String> ok = PostForms.post(http, anonymous, "/forms", PostForms.form().field("key", "f")
          .field("acl", "public-read").file("file", "text/plain", "form".getBytes(StandardCharsets.UTF_8)).body());
      assertThat(ok.statusCode()).as(ok.body()).isEqualTo(204);
      assertThat(anonymous.store().headObject("forms", "f").attributes().acl())
          .containsExactly(new AclGrant("CanonicalUser", OWNER, "FULL_CONTROL"),
              new AclGrant("Group", ALL_USERS, "READ"));
      HttpResponse<String> bad = PostForms.post(http, anonymous, "/forms", PostForms.form().field("key", "g")
          .field("acl", "everyone").file("file", "text/plain", new byte[1]).body());
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(bad.body()).contains("<Code>InvalidArgument</Code>");
    }
  }

  static HttpResponse<String> unsigned(S3Server server, String method, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(Peers.uri(server, path)).timeout(Duration.ofSeconds(30))
        .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
  }

  static void assertDenied(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
    if (!r.request().method().equals("HEAD")) {
      assertThat(r.body()).contains("<Code>AccessDenied</Code>");
    }
  }

  static void assertError(Runnable call, int status, String code, String message) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(S3Exception.class, e -> {
      assertThat(e.statusCode()).isEqualTo(status);
      if (code != null) {
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
      }
      if (message != null) {
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
      }
    });
  }
}
