package io.s3wire.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.error.RetrySafety;
import io.s3wire.error.ServiceException;
import io.s3wire.error.TransportException;
import org.junit.jupiter.api.Test;

/** Which refusals step an upload down to a simpler encoding, and which never do. */
class EncodingGateTest {
  private static ServiceException error(int status, String code, String message, String body) {
    return ServiceException.builder(status).errorCode(code).errorMessage(message).rawBody(body).build();
  }

  /** Ceph RGW 16.2's answer to an unsigned trailer, byte for byte but the ids. */
  private static final String RGW_BODY = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>XAmzContentSHA256Mismatch</Code>"
      + "<Message></Message><BucketName>b</BucketName><RequestId>tx1</RequestId><HostId>h</HostId></Error>";

  @Test
  void rgwsAnswerToAnUnsignedTrailerIsEvidenceAgainstTheTrailerOnly() {
    ServiceException rgw = error(400, "XAmzContentSHA256Mismatch", "", RGW_BODY);
    assertThat(EncodingGate.evidence(UploadEncoding.TRAILER, rgw)).isEqualTo("400 XAmzContentSHA256Mismatch to an upload"
        + " that signed no payload hash (STREAMING-UNSIGNED-PAYLOAD-TRAILER): the server does not take aws-chunked with a"
        + " trailing checksum");
    // With the checksum in a header the payload hash is a real one: a mismatch there is about the bytes.
    assertThat(EncodingGate.evidence(UploadEncoding.HEADER, rgw)).isNull();
    assertThat(EncodingGate.evidence(UploadEncoding.CONTENT_MD5, rgw)).isNull();
  }

  @Test
  void invalidArgumentNamingTheChunkedEncodingIsEvidenceAgainstTheTrailer() {
    ServiceException gcsLike = error(400, "InvalidArgument",
        "aws-chunked request bodies (x-amz-content-sha256: STREAMING-*) are not supported",
        "<Error><Code>InvalidArgument</Code><ArgumentName>x-amz-content-sha256</ArgumentName></Error>");
    assertThat(EncodingGate.evidence(UploadEncoding.TRAILER, gcsLike)).startsWith("400 InvalidArgument about the aws-chunked");
    ServiceException byName = error(400, "InvalidRequest", "", "<Error><ArgumentName>x-amz-trailer</ArgumentName></Error>");
    assertThat(EncodingGate.evidence(UploadEncoding.TRAILER, byName)).isNotNull();
    // The same code about something else is not evidence; nor is a key that happens to say "trailer".
    ServiceException other = error(400, "InvalidArgument", "Invalid part number", "<Error><Key>trailer/aws-chunked</Key></Error>");
    assertThat(EncodingGate.evidence(UploadEncoding.TRAILER, other)).isNull();
  }

  @Test
  void notImplementedIsEvidenceAgainstTheTrailerAndTheHeader() {
    ServiceException e = error(501, "NotImplemented", "A header you provided implies functionality that is not implemented",
        null);
    assertThat(EncodingGate.evidence(UploadEncoding.TRAILER, e)).isEqualTo("501 NotImplemented to aws-chunked with a"
        + " trailing checksum");
    assertThat(EncodingGate.evidence(UploadEncoding.HEADER, e)).isEqualTo("501 NotImplemented to the checksum in a header");
    assertThat(EncodingGate.evidence(UploadEncoding.CONTENT_MD5, e)).isNull();
  }

  @Test
  void aRefusedChecksumHeaderIsEvidenceButAnInvalidValueIsNot() {
    ServiceException excess = error(400, "ExcessHeaderValues", "Multiple HTTP header values where one was expected.",
        "<Error><Code>ExcessHeaderValues</Code><Details>x-amz-checksum-crc32c</Details></Error>");
    assertThat(EncodingGate.evidence(UploadEncoding.HEADER, excess)).startsWith("400 ExcessHeaderValues about the checksum header");
    ServiceException invalid = error(400, "InvalidRequest", "Value for x-amz-checksum-crc32c header is invalid.", null);
    assertThat(EncodingGate.evidence(UploadEncoding.HEADER, invalid)).isNull();
  }

  @Test
  void corruptedDataNeverStepsDown() {
    for (UploadEncoding used : UploadEncoding.values()) {
      assertThat(EncodingGate.evidence(used, error(400, "BadDigest",
          "The CRC32C you specified did not match the calculated checksum.", null))).isNull();
      assertThat(EncodingGate.evidence(used, error(400, "InvalidDigest", "The Content-MD5 you specified is not valid.",
          null))).isNull();
      assertThat(EncodingGate.evidence(used, error(403, "SignatureDoesNotMatch", "", null))).isNull();
      assertThat(EncodingGate.evidence(used, error(400, null, null, "<html>Bad Request</html>"))).isNull();
      assertThat(EncodingGate.evidence(used, new TransportException(TransportException.Kind.IO, "reset",
          RetrySafety.UNKNOWN, null))).isNull();
    }
  }
}
