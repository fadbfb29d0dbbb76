package io.s3wire.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ServiceException#explain()} for the common service errors, from answers shaped as AWS S3
 * sends them (element names and headers as documented; values made up). Each explanation uses what
 * the answer carried and stays one paragraph.
 */
class ServiceExplanationsTest {
  private static final HttpHeaders IDS = HttpHeaders.of("x-amz-request-id", "4442587FB7D0A2F9");

  private static ServiceException answer(int status, HttpHeaders headers, String code, String elements) {
    String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>m</Message>"
        + elements + "<RequestId>4442587FB7D0A2F9</RequestId><HostId>h</HostId></Error>";
    ServiceException e = ServiceExceptions.from(status, headers, xml.getBytes(StandardCharsets.UTF_8), "/photos/a.jpg");
    assertThat(e.explain()).as("one paragraph").doesNotContain("\n").startsWith("The server answered " + e.getMessage());
    return e;
  }

  private static ServiceException answer(int status, String code, String elements) {
    return answer(status, IDS, code, elements);
  }

  @Test
  void wrongRegionNamesTheRegionFromTheHeaderOrTheBody() {
    ServiceException redirect = answer(301, HttpHeaders.of("x-amz-bucket-region", "eu-west-1"), "PermanentRedirect",
        "<Bucket>photos</Bucket><Endpoint>photos.s3.eu-west-1.amazonaws.com</Endpoint>");
    assertThat(redirect.bucketRegion()).isEqualTo("eu-west-1");
    assertThat(redirect.explain()).contains("the answer names region eu-west-1: set the client's region to eu-west-1"
        + " and use endpoint photos.s3.eu-west-1.amazonaws.com.");
    ServiceException malformed = answer(400, "AuthorizationHeaderMalformed", "<Region>ap-south-1</Region>");
    assertThat(malformed.bucketRegion()).isEqualTo("ap-south-1");
    assertThat(malformed.explain()).contains("set the client's region to ap-south-1");
    ServiceException location = answer(400, "IllegalLocationConstraintException", "");
    assertThat(location.code()).isEqualTo(ServiceErrorCode.ILLEGAL_LOCATION_CONSTRAINT);
    assertThat(location.explain()).contains("the answer did not name it");
  }

  @Test
  void aHeadWithoutBodyStillNamesTheRegion() {
    ServiceException e = ServiceExceptions.from(301, HttpHeaders.of("x-amz-bucket-region", "us-west-2"), new byte[0])
        .toBuilder().errorCode("PermanentRedirect").build();
    assertThat(e.explain()).contains("set the client's region to us-west-2");
  }

  @Test
  void skewIsMeasuredFromTheDateHeaderOrTheBodysTimes() {
    ServiceException measured = answer(403, "RequestTimeTooSkewed", "").toBuilder()
        .clockSkew(Duration.ofMinutes(-17).minusSeconds(3)).build();
    assertThat(measured.explain()).contains("the server's clock is 17 min 3 s behind this machine's (S3 accepts 15 minutes)");
    ServiceException fromBody = answer(403, "RequestTimeTooSkewed", "<RequestTime>20260101T000000Z</RequestTime>"
        + "<ServerTime>2026-01-01T01:20:00Z</ServerTime><MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds>");
    assertThat(fromBody.explain()).contains("the server's clock is 1 h 20 min ahead of this machine's");
    assertThat(answer(403, "RequestTimeTooSkewed", "").explain()).contains("this machine's clock is off");
  }

  @Test
  void signatureMismatchComparesWhatWasSignedWithTheServersStringToSign() {
    String ours = "AWS4-HMAC-SHA256\n20260101T000000Z\n20260101/us-east-1/s3/aws4_request\n"
        + "1e5e3c5a4f7d9ad2f0e3fbe3f3c4f1ad8ee2f0b0d2f1b7e5d8a6c7b2b3e4d5f6";
    String body = "<AWSAccessKeyId>AKIDEXAMPLE</AWSAccessKeyId><StringToSign>%s</StringToSign>"
        + "<SignatureProvided>aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404</SignatureProvided>"
        + "<CanonicalRequest>GET\n/photos/a.jpg\n</CanonicalRequest>";
    List<String> headers = List.of("host", "x-amz-content-sha256", "x-amz-date");
    ServiceException same = answer(403, "SignatureDoesNotMatch", String.format(body, ours)).toBuilder()
        .signed(ours, headers).build();
    assertThat(same.explain()).contains("We signed the headers host;x-amz-content-sha256;x-amz-date, canonical request"
            + " hash 1e5e3c5a4f7d9ad2f0e3fbe3f3c4f1ad8ee2f0b0d2f1b7e5d8a6c7b2b3e4d5f6.")
        .contains("the secret key does not belong to the access key")
        .doesNotContain("aeeed9bb");
    assertThat(same.details()).containsEntry("AWSAccessKeyId", "AKIDEXAMPLE").doesNotContainKey("SignatureProvided");
    String theirs = ours.substring(0, ours.lastIndexOf('\n') + 1) + "99".repeat(32);
    ServiceException changed = answer(403, "SignatureDoesNotMatch", String.format(body, theirs)).toBuilder()
        .signed(ours, headers).build();
    assertThat(changed.explain()).contains("The server's canonical request hash is " + "99".repeat(32)
        + ": the request changed on its way");
  }

  @Test
  void credentialsAndPermissions() {
    assertThat(answer(403, "AccessDenied", "").explain())
        .contains("the credentials were accepted but may not do this on /photos/a.jpg");
    assertThat(answer(403, "InvalidAccessKeyId", "<AWSAccessKeyId>AKIAWRONG</AWSAccessKeyId>").explain())
        .contains("the server does not know the access key AKIAWRONG; check AWS_ACCESS_KEY_ID");
    ServiceException expired = answer(400, "ExpiredToken", "<Token-0>FQoGZXIvYXdzEXAMPLETOKEN</Token-0>");
    assertThat(expired.explain()).contains("get fresh ones").doesNotContain("FQoGZXIvYXdz");
    assertThat(expired.details()).isEmpty();
  }

  @Test
  void missingThingsNameWhatIsMissing() {
    assertThat(answer(404, "NoSuchBucket", "<BucketName>photos</BucketName>").explain())
        .contains("no bucket named photos exists at this endpoint");
    assertThat(answer(404, "NoSuchKey", "<Key>a.jpg</Key>").explain())
        .contains("no object a.jpg exists; keys are case-sensitive");
    assertThat(answer(404, "NoSuchUpload", "<UploadId>VXBsb2FkSUQ</UploadId>").explain())
        .contains("the upload VXBsb2FkSUQ was completed, aborted");
  }

  @Test
  void bucketLifecycle() {
    assertThat(answer(409, "BucketAlreadyExists", "<BucketName>photos</BucketName>").explain())
        .contains("photos belongs to another account; choose another name.");
    assertThat(answer(409, "BucketAlreadyOwnedByYou", "<BucketName>photos</BucketName>").explain())
        .contains("photos exists and is yours");
    assertThat(answer(409, "BucketNotEmpty", "<BucketName>photos</BucketName>").explain())
        .contains("delete every object in photos (every version, if versioning was ever on)");
  }

  @Test
  void sizesAndParts() {
    assertThat(answer(400, "EntityTooLarge", "<ProposedSize>6000000000</ProposedSize>"
            + "<MaxSizeAllowed>5368709120</MaxSizeAllowed>").explain())
        .contains("the body (6,000,000,000 bytes) is over the limit (5,368,709,120 bytes) for one request");
    assertThat(answer(400, "EntityTooSmall", "<ProposedSize>1024</ProposedSize><MinSizeAllowed>5242880</MinSizeAllowed>"
            + "<PartNumber>1</PartNumber>").explain())
        .contains("a part (1,024 bytes) is under the minimum (5,242,880 bytes)");
    assertThat(answer(400, "InvalidPart", "<UploadId>u</UploadId><PartNumber>3</PartNumber><ETag>\"abc\"</ETag>").explain())
        .contains("part 3 with ETag \"abc\" is not in the upload");
    assertThat(answer(400, "InvalidPartOrder", "").explain()).contains("ascending order of part number");
    assertThat(answer(411, "MissingContentLength", "").explain()).contains("upload a stream of unknown length in parts");
  }

  @Test
  void conditionsRangesAndDigests() {
    assertThat(answer(412, "PreconditionFailed", "<Condition>If-Match</Condition>").explain())
        .contains("the condition If-Match did not hold");
    assertThat(answer(416, "InvalidRange", "<RangeRequested>bytes=100-200</RangeRequested>"
            + "<ActualObjectSize>10</ActualObjectSize>").explain())
        .contains("the range bytes=100-200 starts past the end of the object (10 bytes)");
    assertThat(answer(400, "XAmzContentSHA256Mismatch", "<ClientComputedContentSHA256>aa</ClientComputedContentSHA256>"
            + "<S3ComputedContentSHA256>bb</S3ComputedContentSHA256>").explain())
        .contains("the body's SHA-256 (bb) differs from the x-amz-content-sha256 the request signed (aa)");
    assertThat(answer(400, "BadDigest", "<ExpectedDigest>e</ExpectedDigest><CalculatedDigest>c</CalculatedDigest>").explain())
        .contains("the Content-MD5 sent (e) is not the MD5 of the bytes that arrived (c)");
  }

  @Test
  void serverSideTrouble() {
    assertThat(answer(503, "SlowDown", "").explain()).contains("the server asks for fewer requests");
    assertThat(ServiceExceptions.from(503, IDS, new byte[0]).explain()).contains("the server asks for fewer requests");
    assertThat(answer(500, "InternalError", "").explain()).contains("report it with the request id 4442587FB7D0A2F9");
  }

  @Test
  void toBuilderKeepsEveryField() {
    ServiceException e = answer(301, HttpHeaders.of("x-amz-bucket-region", "eu-west-1"), "PermanentRedirect",
        "<Endpoint>x</Endpoint>");
    ServiceException copy = e.toBuilder().build();
    assertThat(copy).usingRecursiveComparison().ignoringFields("stackTrace", "attempts").isEqualTo(e);
  }
}
