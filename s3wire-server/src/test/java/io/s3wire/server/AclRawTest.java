package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * ACL requests as raw HTTP against a server in anonymous mode: the AccessControlPolicy document S3
 * writes, and S3's answers to documents and header combinations no SDK sends (MalformedACLError,
 * MissingSecurityHeader, UnexpectedContent).
 */
@Timeout(60)
class AclRawTest {
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  static final String OWNER = AclTest.OWNER;
  S3Server server;

  @BeforeEach
  void start() throws Exception {
    server = S3Server.builder().anonymous(true).start();
    server.store().createBucket("b");
    server.store().putObject("b", "k", ObjectAttributes.empty(), new java.io.ByteArrayInputStream(new byte[] {1}));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(Peers.uri(server, path)).timeout(Duration.ofSeconds(20))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void assertError(HttpResponse<String> r, int status, String code) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.body()).contains("<Code>" + code + "</Code>");
  }

  static String policy(String grants) {
    return "<AccessControlPolicy xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Owner><ID>" + OWNER
        + "</ID></Owner><AccessControlList>" + grants + "</AccessControlList></AccessControlPolicy>";
  }

  static String grant(String type, String inner, String permission) {
    return "<Grant><Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"" + type + "\">"
        + inner + "</Grantee><Permission>" + permission + "</Permission></Grant>";
  }

  @Test
  void documentAsS3WritesIt() throws Exception {
    HttpResponse<String> r = send("GET", "/b/k?acl", null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type")).hasValue("application/xml");
    assertThat(r.body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<AccessControlPolicy xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Owner><ID>" + OWNER
        + "</ID><DisplayName>s3wire</DisplayName></Owner><AccessControlList>"
        + grant("CanonicalUser", "<ID>" + OWNER + "</ID><DisplayName>s3wire</DisplayName>", "FULL_CONTROL")
        + "</AccessControlList></AccessControlPolicy>");
    assertThat(send("PUT", "/b?acl", null, "x-amz-acl", "public-read").statusCode()).isEqualTo(200);
    assertThat(send("GET", "/b?acl", null).body()).contains(grant("Group",
        "<URI>http://acs.amazonaws.com/groups/global/AllUsers</URI>", "READ"));
    // A document without the S3 namespace and with white space reads the same.
    String plain = "<AccessControlPolicy>\n <AccessControlList>\n  "
        + grant("Group", "<URI> http://acs.amazonaws.com/groups/global/AuthenticatedUsers </URI>", "WRITE_ACP")
        + "\n </AccessControlList>\n</AccessControlPolicy>";
    assertThat(send("PUT", "/b/k?acl", plain).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/b/k?acl", null).body()).contains(grant("Group",
        "<URI>http://acs.amazonaws.com/groups/global/AuthenticatedUsers</URI>", "WRITE_ACP"));
    assertError(send("POST", "/b?acl", null), 405, "MethodNotAllowed");
  }

  @Test
  void malformedDocumentsAreMalformedAclError() throws Exception {
    String[] bad = {
        "not xml",
        "<AccessControlPolicy><AccessControlList>",
        "<Tagging><TagSet/></Tagging>",
        "<AccessControlPolicy><Owner><ID>" + OWNER + "</ID></Owner></AccessControlPolicy>",
        policy(grant("CanonicalUser", "<ID>" + OWNER + "</ID>", "EVERYTHING")),
        policy("<Grant><Grantee><ID>" + OWNER + "</ID></Grantee><Permission>READ</Permission></Grant>"),
        policy(grant("Robot", "<ID>" + OWNER + "</ID>", "READ")),
        policy(grant("Group", "<ID>" + OWNER + "</ID>", "READ")),
        policy(grant("CanonicalUser", "<ID>" + OWNER + "</ID>", "READ") + "<Extra/>"),
        policy("") + "<AccessControlPolicy/>",
    };
    for (String body : bad) {
      assertError(send("PUT", "/b?acl", body), 400, "MalformedACLError");
      assertError(send("PUT", "/b/k?acl", body), 400, "MalformedACLError");
    }
    assertError(send("PUT", "/b?acl", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><AccessControlPolicy>"
        + "<AccessControlList/></AccessControlPolicy>"), 400, "MalformedACLError");
    assertError(send("PUT", "/b?acl", policy(grant("AmazonCustomerByEmail",
        "<EmailAddress>a@example.com</EmailAddress>", "READ"))), 400, "UnresolvableGrantByEmailAddress");
    assertError(send("PUT", "/b?acl", policy(grant("CanonicalUser", "<ID>123</ID>", "READ"))), 400,
        "InvalidArgument");
    // Nothing changed.
    assertThat(send("GET", "/b?acl", null).body()).doesNotContain("Group");
  }

  @Test
  void headersAndBodyAsS3() throws Exception {
    HttpResponse<String> missing = send("PUT", "/b?acl", null);
    assertError(missing, 400, "MissingSecurityHeader");
    assertThat(missing.body()).contains("<MissingHeaderName>x-amz-acl</MissingHeaderName>");
    assertError(send("PUT", "/b/k?acl", policy(""), "x-amz-acl", "private"), 400, "UnexpectedContent");
    HttpResponse<String> unknown = send("PUT", "/b/k?acl", null, "x-amz-acl", "world-readable");
    assertError(unknown, 400, "InvalidArgument");
    assertThat(unknown.body()).contains("<ArgumentName>x-amz-acl</ArgumentName>",
        "<ArgumentValue>world-readable</ArgumentValue>");
    assertError(send("PUT", "/b/k?acl", null, "x-amz-acl", "private", "x-amz-grant-read", "id=\"" + OWNER + "\""),
        400, "InvalidRequest");
    assertError(send("PUT", "/b/k2", "x", "x-amz-grant-write", "emailAddress=\"x@example.com\""), 400,
        "UnresolvableGrantByEmailAddress");
    assertError(send("PUT", "/b/absent?acl", null, "x-amz-acl", "private"), 404, "NoSuchKey");
    assertError(send("GET", "/nobucket?acl", null), 404, "NoSuchBucket");
  }
}
