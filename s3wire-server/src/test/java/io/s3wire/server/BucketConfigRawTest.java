package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Bucket configuration documents as raw requests: malformed and hostile XML and JSON, the
 * integrity headers S3 requires, methods S3 does not offer, and the exact documents returned.
 */
@Timeout(60)
class BucketConfigRawTest {
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  S3Server server;

  @BeforeEach
  void start() throws Exception {
    server = S3Server.builder().anonymous(true).start();
    server.store().createBucket("b");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> send(String method, String path, String body, boolean md5) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(Peers.uri(server, path)).timeout(Duration.ofSeconds(20))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (md5 && body != null) {
      b.header("Content-MD5", Base64.getEncoder().encodeToString(
          MessageDigest.getInstance("MD5").digest(body.getBytes(StandardCharsets.UTF_8))));
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> put(String path, String body) throws Exception {
    return send("PUT", path, body, true);
  }

  private static void assertError(HttpResponse<String> r, int status, String code) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.body()).contains("<Code>" + code + "</Code>");
  }

  @Test
  void taggingIsReturnedAsS3WritesIt() throws Exception {
    assertThat(put("/b?tagging", "<Tagging xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><TagSet>\n  <Tag><Value>x=y+z @</Value>"
        + "<Key>team/a:b</Key></Tag></TagSet></Tagging>").statusCode()).isEqualTo(204);
    HttpResponse<String> got = send("GET", "/b?tagging", null, false);
    assertThat(got.statusCode()).isEqualTo(200);
    assertThat(got.headers().firstValue("content-type")).hasValue("application/xml");
    assertThat(got.body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<Tagging xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><TagSet><Tag><Key>team/a:b</Key>"
        + "<Value>x=y+z @</Value></Tag></TagSet></Tagging>");
    assertError(put("/b?tagging", "<Tagging><TagSet><Tag><Key>a &amp; b</Key><Value>1</Value></Tag></TagSet>"
        + "</Tagging>"), 400, "InvalidTag");
    HttpResponse<String> absent = send("GET", "/b?cors", null, false);
    assertThat(absent.body()).contains("<Code>NoSuchCORSConfiguration</Code>",
        "<Message>The CORS configuration does not exist</Message>", "<BucketName>b</BucketName>");
  }

  @Test
  void documentsThatAreNotWellFormedOrOfTheWrongShapeAreMalformedXml() throws Exception {
    assertError(put("/b?tagging", "<Tagging><TagSet>"), 400, "MalformedXML");
    assertError(put("/b?tagging", "<Tagging/>"), 400, "MalformedXML");
    assertError(put("/b?tagging", "<Tagging><TagSet><Tag><Value>v</Value></Tag></TagSet></Tagging>"), 400,
        "MalformedXML");
    assertError(put("/b?cors", "<Wrong><CORSRule/></Wrong>"), 400, "MalformedXML");
    assertError(put("/b?cors", "<CORSConfiguration></CORSConfiguration>"), 400, "MalformedXML");
    assertError(put("/b?cors", "<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>GET"
        + "</AllowedMethod><MaxAgeSeconds>soon</MaxAgeSeconds></CORSRule></CORSConfiguration>"), 400, "MalformedXML");
    assertError(put("/b?publicAccessBlock", "<PublicAccessBlockConfiguration><BlockPublicAcls>yes</BlockPublicAcls>"
        + "</PublicAccessBlockConfiguration>"), 400, "MalformedXML");
    assertError(put("/b?ownershipControls", "<OwnershipControls></OwnershipControls>"), 400, "MalformedXML");
    // Found by fuzzing: a rule or transition without its value was a NullPointerException (500), not MalformedXML.
    assertError(put("/b?ownershipControls", "<OwnershipControls><Rule></Rule></OwnershipControls>"), 400, "MalformedXML");
    assertError(put("/b?lifecycle", "<LifecycleConfiguration><Rule><ID>r</ID><Filter/><Status>Enabled</Status>"
        + "<Transition><Days>30</Days></Transition></Rule></LifecycleConfiguration>"), 400, "MalformedXML");
    assertError(put("/b?lifecycle", "<LifecycleConfiguration><Rule><ID>r</ID><Filter/><Status>Enabled</Status>"
        + "<NoncurrentVersionTransition><NoncurrentDays>30</NoncurrentDays></NoncurrentVersionTransition></Rule>"
        + "</LifecycleConfiguration>"), 400, "MalformedXML");
    assertError(put("/b?cors", ""), 400, "MalformedXML");
  }

  @Test
  void entitiesAndDtdsAreRefused() throws Exception {
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE t [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + "<Tagging><TagSet><Tag><Key>&x;</Key><Value>v</Value></Tag></TagSet></Tagging>";
    assertError(put("/b?tagging", xxe), 400, "MalformedXML");
    assertError(put("/b?tagging", "<Tagging><TagSet><Tag><Key>&undeclared;</Key><Value>v</Value></Tag></TagSet>"
        + "</Tagging>"), 400, "MalformedXML");
    assertError(send("GET", "/b?tagging", null, false), 404, "NoSuchTagSet");
  }

  @Test
  void integrityIsRequiredWhereS3RequiresIt() throws Exception {
    String cors = "<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>GET</AllowedMethod>"
        + "</CORSRule></CORSConfiguration>";
    HttpResponse<String> noMd5 = send("PUT", "/b?cors", cors, false);
    assertError(noMd5, 400, "InvalidRequest");
    assertThat(noMd5.body()).contains("<Message>Missing required header for this request: Content-Md5</Message>");
    HttpResponse<String> wrong = HTTP.send(HttpRequest.newBuilder(Peers.uri(server, "/b?cors"))
        .header("Content-MD5", "1B2M2Y8AsgTpgAmY7PhCfg==").PUT(HttpRequest.BodyPublishers.ofString(cors)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertError(wrong, 400, "BadDigest");
    assertError(send("GET", "/b?cors", null, false), 404, "NoSuchCORSConfiguration");
    assertThat(put("/b?cors", cors).statusCode()).isEqualTo(200);
    // A policy needs no Content-MD5 (the SDKs send a checksum anyway).
    assertThat(send("PUT", "/b?policy", "{\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\","
        + "\"Resource\":\"arn:aws:s3:::b\"}]}", false).statusCode()).isEqualTo(204);
  }

  @Test
  void lifecycleFilterForms() throws Exception {
    String legacy = "<LifecycleConfiguration><Rule><ID>old</ID><Prefix>tmp/</Prefix><Status>Enabled</Status>"
        + "<Expiration><Days>1</Days></Expiration></Rule></LifecycleConfiguration>";
    HttpResponse<String> ok = put("/b?lifecycle", legacy);
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.headers().firstValue("x-amz-transition-default-minimum-object-size"))
        .hasValue("all_storage_classes_128K");
    assertThat(send("GET", "/b?lifecycle", null, false).body()).isEqualTo(legacy);
    String both = legacy.replace("<Prefix>tmp/</Prefix>", "<Prefix>tmp/</Prefix><Filter><Prefix>x</Prefix></Filter>");
    assertError(put("/b?lifecycle", both), 400, "MalformedXML");
    assertError(put("/b?lifecycle", legacy.replace("<Prefix>tmp/</Prefix>", "")), 400, "MalformedXML");
    String twoPredicates = legacy.replace("<Prefix>tmp/</Prefix>", "<Filter><Prefix>x</Prefix>"
        + "<ObjectSizeGreaterThan>10</ObjectSizeGreaterThan></Filter>");
    assertError(put("/b?lifecycle", twoPredicates), 400, "MalformedXML");
    assertThat(put("/b?lifecycle", legacy.replace("<Prefix>tmp/</Prefix>", "<Filter></Filter>")).statusCode())
        .isEqualTo(200);
    assertError(put("/b?lifecycle", legacy.replace("<Days>1</Days>", "<Days>1</Days><Date>2027-01-01T00:00:00Z"
        + "</Date>")), 400, "MalformedXML");
    assertError(put("/b?lifecycle", legacy.replace("<Expiration><Days>1</Days></Expiration>",
        "<AbortIncompleteMultipartUpload><DaysAfterInitiation>0</DaysAfterInitiation>"
            + "</AbortIncompleteMultipartUpload>")), 400, "InvalidArgument");
    assertThat(send("DELETE", "/b?lifecycle", null, false).statusCode()).isEqualTo(204);
    assertError(send("GET", "/b?lifecycle", null, false), 404, "NoSuchLifecycleConfiguration");
  }

  @Test
  void policiesMustBeJsonObjects() throws Exception {
    HttpResponse<String> r = put("/b?policy", "not json");
    assertError(r, 400, "MalformedPolicy");
    assertThat(r.body()).contains("<Message>Policies must be valid JSON and the first byte must be &apos;{&apos;"
        + "</Message>");
    assertError(put("/b?policy", "\"{}\""), 400, "MalformedPolicy");
    assertError(put("/b?policy", "{\"Statement\":[]}"), 400, "MalformedPolicy");
    assertError(put("/b?policy", "{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:*\"}}"),
        400, "MalformedPolicy");
    assertError(put("/b?policy", "{\"Statement\":[{}]} trailing"), 400, "MalformedPolicy");
    String policy = "{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"*\"]},\"Action\":\"s3:*\","
        + "\"Resource\":\"arn:aws:s3:::b/*\"}}";
    assertThat(put("/b?policy", policy).statusCode()).isEqualTo(204);
    HttpResponse<String> got = send("GET", "/b?policy", null, false);
    assertThat(got.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(got.body()).isEqualTo(policy);
    assertThat(send("GET", "/b?policyStatus", null, false).body())
        .endsWith("<PolicyStatus xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><IsPublic>true</IsPublic>"
            + "</PolicyStatus>");
  }

  @Test
  void objectLockDocuments() throws Exception {
    assertError(put("/b?object-lock", "<ObjectLockConfiguration><ObjectLockEnabled>Enabled</ObjectLockEnabled>"
        + "</ObjectLockConfiguration>"), 409, "InvalidBucketState");
    HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(Peers.uri(server, "/locked"))
        .header("x-amz-bucket-object-lock-enabled", "true").PUT(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).isEqualTo(200);
    assertThat(send("GET", "/locked?object-lock", null, false).body()).endsWith(
        "<ObjectLockConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><ObjectLockEnabled>Enabled"
            + "</ObjectLockEnabled></ObjectLockConfiguration>");
    assertError(put("/locked?object-lock", "<ObjectLockConfiguration><ObjectLockEnabled>Disabled</ObjectLockEnabled>"
        + "</ObjectLockConfiguration>"), 400, "MalformedXML");
    assertError(put("/locked?object-lock", "<ObjectLockConfiguration><ObjectLockEnabled>Enabled</ObjectLockEnabled>"
        + "<Rule><DefaultRetention><Mode>GOVERNANCE</Mode><Years>-1</Years></DefaultRetention></Rule>"
        + "</ObjectLockConfiguration>"), 400, "InvalidArgument");
    assertThat(put("/locked?object-lock", "<ObjectLockConfiguration><ObjectLockEnabled>Enabled</ObjectLockEnabled>"
        + "<Rule><DefaultRetention><Mode>COMPLIANCE</Mode><Years>2</Years></DefaultRetention></Rule>"
        + "</ObjectLockConfiguration>").statusCode()).isEqualTo(200);
    assertThat(send("GET", "/locked?object-lock", null, false).body()).endsWith(
        "<ObjectLockConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><ObjectLockEnabled>Enabled"
            + "</ObjectLockEnabled><Rule><DefaultRetention><Mode>COMPLIANCE</Mode><Years>2</Years></DefaultRetention>"
            + "</Rule></ObjectLockConfiguration>");
  }

  @Test
  void methodsS3DoesNotOfferAreNotAllowed() throws Exception {
    assertError(send("DELETE", "/b?object-lock", null, false), 405, "MethodNotAllowed");
    assertError(send("POST", "/b?cors", "", false), 405, "MethodNotAllowed");
    assertError(send("PUT", "/b?policyStatus", "", false), 405, "MethodNotAllowed");
    assertError(send("GET", "/nobucket?tagging", null, false), 404, "NoSuchBucket");
    assertError(send("DELETE", "/nobucket?cors", null, false), 404, "NoSuchBucket");
  }
}
