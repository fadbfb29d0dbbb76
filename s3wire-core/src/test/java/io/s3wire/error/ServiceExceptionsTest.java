package io.s3wire.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.http.HttpHeaders;
import io.s3wire.xml.ErrorBodyException;
import io.s3wire.xml.S3Xml;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class ServiceExceptionsTest {
  private static final HttpHeaders IDS = HttpHeaders.of("x-amz-request-id", "HDRID", "x-amz-id-2", "HDRHOST");

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void s3ErrorXmlFillsTheFields() {
    byte[] body = utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchKey</Code>"
        + "<Message>The specified key does not exist.</Message><Key>a/b</Key><Resource>/bucket/a/b</Resource>"
        + "<RequestId>XMLID</RequestId><HostId>XMLHOST</HostId></Error>");
    ServiceException e = ServiceExceptions.from(404, IDS, body);
    assertThat(e.status()).isEqualTo(404);
    assertThat(e.errorCode()).isEqualTo("NoSuchKey");
    assertThat(e.errorMessage()).isEqualTo("The specified key does not exist.");
    assertThat(e.resource()).isEqualTo("/bucket/a/b");
    assertThat(e.requestId()).isEqualTo("XMLID");
    assertThat(e.hostId()).isEqualTo("XMLHOST");
    assertThat(e.rawBody()).isNull();
    assertThat(e.getMessage()).isEqualTo("404 NoSuchKey: The specified key does not exist. (/bucket/a/b) [request id XMLID]");
    assertThat(e.retrySafety()).isEqualTo(RetrySafety.PROCESSED);
  }

  @Test
  void anEmptyMessageAndNoResourceStillMakeAWholeSentence() {
    // What Ceph RGW 16.2 sends: an empty <Message>, the bucket in <BucketName>, no <Resource>.
    byte[] body = utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>BucketNotEmpty</Code><Message></Message>"
        + "<BucketName>photos</BucketName><RequestId>tx0001</RequestId><HostId>h1</HostId></Error>");
    ServiceException e = ServiceExceptions.from(409, IDS, body, "/photos");
    assertThat(e.errorMessage()).as("what the server sent").isNull();
    assertThat(e.resource()).isEqualTo("/photos");
    assertThat(e.getMessage()).isEqualTo("409 BucketNotEmpty: The bucket is not empty (/photos) [request id tx0001]");
    assertThat(e.explain()).startsWith("The server answered 409 BucketNotEmpty: The bucket is not empty (/photos)")
        .contains("To fix: delete every object in photos");
    // A resource the body names wins over the request's; an unknown code keeps the bare code.
    ServiceException named = ServiceExceptions.from(404, IDS,
        utf8("<Error><Code>NoSuchKey</Code><Message> </Message><Resource>/b/k</Resource></Error>"), "/other");
    assertThat(named.getMessage()).isEqualTo("404 NoSuchKey: The object does not exist (/b/k) [request id HDRID]");
    ServiceException unknown = ServiceExceptions.from(400, IDS, utf8("<Error><Code>Weird</Code><Message/></Error>"), "/b");
    assertThat(unknown.getMessage()).isEqualTo("400 Weird (/b) [request id HDRID]");
  }

  @Test
  void signatureDoesNotMatchCarriesServerCanonicalFormsButNotOurSignature() {
    byte[] body = utf8("<Error><Code>SignatureDoesNotMatch</Code><Message>m</Message>"
        + "<StringToSign>AWS4-HMAC-SHA256\n20130524T000000Z</StringToSign>"
        + "<SignatureProvided>aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404</SignatureProvided>"
        + "<CanonicalRequest>GET\n/\n</CanonicalRequest></Error>");
    ServiceException e = ServiceExceptions.from(403, IDS, body);
    assertThat(e.serverStringToSign()).isEqualTo("AWS4-HMAC-SHA256\n20130524T000000Z");
    assertThat(e.serverCanonicalRequest()).isEqualTo("GET\n/\n");
    assertThat(e.requestId()).isEqualTo("HDRID");
    assertThat(e.hostId()).isEqualTo("HDRHOST");
    assertThat(e.getMessage() + e.explain()).doesNotContain("aeeed9bb");
  }

  @Test
  void htmlFromAProxyGoesToRawBody() {
    String html = "<html>\r\n<head><title>400 Bad Request</title></head>\r\n<body>\r\n<center><h1>400 Bad Request</h1>"
        + "</center>\r\n<hr><center>nginx/1.22.1</center>\r\n</body>\r\n</html>\r\n";
    ServiceException e = ServiceExceptions.from(400, HttpHeaders.of("Server", "nginx/1.22.1"), utf8(html));
    assertThat(e.errorCode()).isNull();
    assertThat(e.requestId()).isNull();
    assertThat(e.rawBody()).isEqualTo(html);
    assertThat(e.getMessage()).isEqualTo("400");
    assertThat(e.explain()).contains("something in front of the S3 service")
        .contains("HTTP/1.1 400 Bad Request: the server considers the request malformed");
  }

  @Test
  void a400WithAnS3CodeIsARefusedRequestNotAProtocolError() {
    // Ceph RGW 16.2 refusing an unsigned-trailer upload.
    ServiceException e = ServiceExceptions.from(400, IDS,
        utf8("<Error><Code>XAmzContentSHA256Mismatch</Code><Message></Message></Error>"), "/b/k");
    assertThat(e.explain()).contains("HTTP/1.1 400 Bad Request with S3 error XML: the S3 service refused the request's"
            + " content (XAmzContentSHA256Mismatch), which is not an HTTP protocol error")
        .doesNotContain("malformed").doesNotContain("RST_STREAM");
  }

  @Test
  void htmlWithDoctypeAndPlainTextGoToRawBody() {
    String html = "<!DOCTYPE html><html><body>Bad Gateway</body></html>";
    assertThat(ServiceExceptions.from(502, IDS, utf8(html)).rawBody()).isEqualTo(html);
    assertThat(ServiceExceptions.from(503, IDS, utf8("upstream connect error")).rawBody())
        .isEqualTo("upstream connect error");
    assertThat(ServiceExceptions.from(500, IDS, utf8("<Error><Code>Internal")).rawBody())
        .isEqualTo("<Error><Code>Internal");
  }

  @Test
  void longBodiesAreTruncatedAndSignaturesMasked() {
    String big = "X-Amz-Signature=deadbeefcafe&X-Amz-Security-Token=FQoGZXIvYXdz " + "y".repeat(5000);
    String raw = ServiceExceptions.from(400, IDS, utf8(big)).rawBody();
    assertThat(raw).startsWith("X-Amz-Signature=<redacted>&X-Amz-Security-Token=<redacted> yyy")
        .endsWith("... (" + (big.length() - ServiceExceptions.MAX_RAW_BODY_CHARS) + " more characters)")
        .doesNotContain("deadbeef").doesNotContain("FQoGZXIvYXdz");
  }

  @Test
  void noBodyKeepsHeaderIds() {
    ServiceException e = ServiceExceptions.from(404, IDS, new byte[0]);
    assertThat(e.errorCode()).isNull();
    assertThat(e.rawBody()).isNull();
    assertThat(e.requestId()).isEqualTo("HDRID");
    assertThat(e.hostId()).isEqualTo("HDRHOST");
    assertThat(ServiceExceptions.from(403, null, null).requestId()).isNull();
  }

  @Test
  void errorInsideA200Body() {
    byte[] body = utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\n<Error><Code>InternalError</Code>"
        + "<Message>We encountered an internal error. Please try again.</Message><RequestId>R</RequestId></Error>");
    Assertions.assertThatThrownBy(() -> S3Xml.readCompleteMultipartUploadResult(body))
        .isInstanceOfSatisfying(ErrorBodyException.class, x -> {
          ServiceException e = ServiceExceptions.from(200, IDS, body);
          assertThat(e.status()).isEqualTo(200);
          assertThat(e.errorCode()).isEqualTo("InternalError");
          assertThat(e.requestId()).isEqualTo("R");
          assertThat(e.isRetryable()).isTrue();
        });
  }
}
