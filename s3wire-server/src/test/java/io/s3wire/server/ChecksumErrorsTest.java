package io.s3wire.server;

import static io.s3wire.server.RawS3.bytes;
import static io.s3wire.server.RawS3.chunked;
import static io.s3wire.server.RawS3.text;
import static io.s3wire.server.RawS3.trailing;
import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.checksum.ChecksumAlgorithm;
import io.s3wire.xml.CompleteMultipartUpload;
import io.s3wire.xml.CompletedPart;
import io.s3wire.xml.S3Xml;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What S3 refuses about flexible checksums, and with which code and message (taken from S3's
 * answers as clients and S3-compatible servers quote them: the AWS SDKs' issue trackers, versitygw's
 * integration suite, which runs against S3): malformed values, two checksums, a claimed algorithm
 * that is not the value's, parts that do not carry their upload's algorithm, and
 * CompleteMultipartUpload documents whose part checksums are missing, doubled or of another
 * algorithm. Nothing refused is stored.
 */
@Timeout(60)
class ChecksumErrorsTest {
  static final byte[] BODY = bytes(10_000, 1);
  S3Server server;

  @BeforeEach
  void start() throws Exception {
    server = S3Server.builder().anonymous(true).start();
    server.store().createBucket("bucket");
  }

  @AfterEach
  void stop() throws Exception {
    assertThat(server.store().listObjects("bucket", "", "").hasNext()).as("nothing refused is stored").isFalse();
    server.close();
  }

  private HttpResponse<byte[]> send(String method, String path, byte[] body, String... headers) throws Exception {
    return RawS3.send(server, method, path, body, headers);
  }

  private static String b64(ChecksumAlgorithm a, byte[] data) {
    return a.base64(a.of(data));
  }

  private static void refused(HttpResponse<byte[]> r, String code, String message) {
    assertThat(r.statusCode()).as(text(r)).isEqualTo(400);
    assertThat(text(r)).contains("<Code>" + code + "</Code>").contains("<Message>" + message + "</Message>");
  }

  private static final String MULTIPLE = "Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.";

  @Test
  void twoChecksumsAreRefused() throws Exception {
    refused(send("PUT", "/bucket/k", BODY, "x-amz-checksum-crc32", b64(ChecksumAlgorithm.CRC32, BODY),
        "x-amz-checksum-sha1", b64(ChecksumAlgorithm.SHA1, BODY)), "InvalidRequest", MULTIPLE);
    refused(send("PUT", "/bucket/k", BODY, "x-amz-checksum-crc32", b64(ChecksumAlgorithm.CRC32, BODY),
        "x-amz-checksum-crc32", b64(ChecksumAlgorithm.CRC32, BODY)), "InvalidRequest", MULTIPLE);
    refused(send("PUT", "/bucket/k", chunked(BODY, "x-amz-checksum-crc32:" + b64(ChecksumAlgorithm.CRC32, BODY)),
        trailing(BODY.length, "x-amz-checksum-crc32", "x-amz-checksum-crc32", b64(ChecksumAlgorithm.CRC32, BODY))),
        "InvalidRequest", MULTIPLE);
  }

  @Test
  void malformedValuesAreRefusedForEachAlgorithm() throws Exception {
    for (ChecksumAlgorithm a : ChecksumAlgorithm.values()) {
      String tooShort = a.base64(new byte[a.length() - 1]);
      for (String bad : List.of(tooShort, "not base64!", "")) {
        refused(send("PUT", "/bucket/k", BODY, a.headerName(), bad), "InvalidRequest",
            "Value for " + a.headerName() + " header is invalid.");
      }
      refused(send("PUT", "/bucket/k", chunked(BODY, a.headerName() + ":" + tooShort),
          trailing(BODY.length, a.headerName())), "InvalidRequest",
          "Value for " + a.headerName() + " trailing header is invalid.");
    }
    refused(send("PUT", "/bucket/k", BODY, "x-amz-checksum-md5", "AAAAAAAAAAAAAAAAAAAAAA=="), "InvalidRequest",
        "The algorithm type you specified in x-amz-checksum- header is invalid.");
  }

  @Test
  void theSdkAlgorithmHeaderMustNameTheValueSent() throws Exception {
    refused(send("PUT", "/bucket/k", BODY, "x-amz-checksum-crc32c", b64(ChecksumAlgorithm.CRC32C, BODY),
        "x-amz-sdk-checksum-algorithm", "CRC32"), "InvalidRequest", "Value for x-amz-sdk-checksum-algorithm header is invalid.");
    refused(send("PUT", "/bucket/k", chunked(BODY, "x-amz-checksum-crc32c:" + b64(ChecksumAlgorithm.CRC32C, BODY)),
        trailing(BODY.length, "x-amz-checksum-crc32c", "x-amz-sdk-checksum-algorithm", "SHA256")),
        "InvalidRequest", "Value for x-amz-sdk-checksum-algorithm header is invalid.");
    refused(send("PUT", "/bucket/k", BODY, "x-amz-sdk-checksum-algorithm", "CRC32"), "InvalidRequest",
        "x-amz-sdk-checksum-algorithm specified, but no corresponding x-amz-checksum-* or x-amz-trailer headers were found.");
    refused(send("PUT", "/bucket/k", BODY, "x-amz-sdk-checksum-algorithm", "XXHASH64", "x-amz-checksum-crc32",
        b64(ChecksumAlgorithm.CRC32, BODY)), "InvalidRequest", "Checksum algorithm provided is unsupported. Please try"
        + " again with any of the valid types: [CRC32, CRC32C, CRC64NVME, SHA1, SHA256]");
  }

  @Test
  void trailersMustBeKnownAndArrive() throws Exception {
    refused(send("PUT", "/bucket/k", chunked(BODY, "x-amz-checksum-md5:AAAAAAAAAAAAAAAAAAAAAA=="),
        trailing(BODY.length, "x-amz-checksum-md5")), "InvalidRequest",
        "The value specified in the x-amz-trailer header is not supported");
    refused(send("PUT", "/bucket/k", chunked(BODY, null), trailing(BODY.length, "x-amz-checksum-crc32")),
        "MalformedTrailerError", S3ErrorCode.MALFORMED_TRAILER_ERROR.message());
  }

  @Test
  void partsMustCarryTheAlgorithmOfTheirUpload() throws Exception {
    String sha = create("x-amz-checksum-algorithm", "SHA256");
    refused(send("PUT", "/bucket/m?partNumber=1&uploadId=" + sha, BODY), "InvalidRequest",
        "Checksum Type mismatch occurred, expected checksum Type: sha256, actual checksum Type: null");
    String crc = create("x-amz-checksum-algorithm", "CRC32", "x-amz-checksum-type", "FULL_OBJECT");
    refused(send("PUT", "/bucket/m?partNumber=1&uploadId=" + crc, BODY, "x-amz-checksum-crc32c",
        b64(ChecksumAlgorithm.CRC32C, BODY)), "InvalidRequest",
        "Checksum Type mismatch occurred, expected checksum Type: crc32, actual checksum Type: crc32c");
    refused(send("PUT", "/bucket/m?partNumber=1&uploadId=" + crc, BODY, "x-amz-checksum-crc32",
        b64(ChecksumAlgorithm.CRC32, bytes(10, 2))), "BadDigest",
        "The CRC32 you specified did not match the calculated checksum.");
    assertThat(server.store().listParts("bucket", "m", sha)).isEmpty();
    assertThat(server.store().listParts("bucket", "m", crc)).isEmpty();
  }

  @Test
  void completeRefusesPartChecksumsMissingDoubledMalformedOrOfAnotherAlgorithm() throws Exception {
    String id = create("x-amz-checksum-algorithm", "CRC32");
    String etag = send("PUT", "/bucket/m?partNumber=1&uploadId=" + id, BODY, "x-amz-checksum-crc32",
        b64(ChecksumAlgorithm.CRC32, BODY)).headers().firstValue("etag").orElseThrow();
    String crc32 = b64(ChecksumAlgorithm.CRC32, BODY);
    String crc32c = b64(ChecksumAlgorithm.CRC32C, BODY);

    refused(complete(id, new CompletedPart(1, etag)), "InvalidRequest", "The upload was created using a crc32"
        + " checksum. The complete request must include the checksum for each part. It was missing for part 1 in"
        + " the request.");
    HttpResponse<byte[]> doubled = complete(id, new CompletedPart(1, etag,
        Map.of(ChecksumAlgorithm.CRC32, crc32, ChecksumAlgorithm.CRC32C, crc32c)));
    refused(doubled, "InvalidArgument", "Invalid Base64 or multiple checksums present in request");
    assertThat(text(doubled)).contains("<ArgumentName>Checksum</ArgumentName>")
        .contains("<ArgumentValue>CRC32:" + crc32 + ";CRC32C:" + crc32c + ";</ArgumentValue>");
    refused(complete(id, new CompletedPart(1, etag, ChecksumAlgorithm.CRC32, "AAAA")), "InvalidArgument",
        "Invalid Base64 or multiple checksums present in request");
    refused(complete(id, new CompletedPart(1, etag, ChecksumAlgorithm.CRC32C, crc32c)), "BadDigest",
        "The crc32c you specified for part 1 did not match what we received.");
    HttpResponse<byte[]> otherValue = complete(id, new CompletedPart(1, etag, ChecksumAlgorithm.CRC32,
        b64(ChecksumAlgorithm.CRC32, bytes(3, 3))));
    assertThat(otherValue.statusCode()).isEqualTo(400);
    assertThat(text(otherValue)).contains("<Code>InvalidPart</Code>").contains("<PartNumber>1</PartNumber>");

    refused(complete(id, List.of(new CompletedPart(1, etag, ChecksumAlgorithm.CRC32, crc32)), "x-amz-checksum-type",
        "FULL_OBJECT"), "InvalidRequest", "The upload was created using the COMPOSITE checksum mode. The complete"
        + " request must use the same checksum mode.");
    refused(complete(id, List.of(new CompletedPart(1, etag, ChecksumAlgorithm.CRC32, crc32)), "x-amz-checksum-crc32",
        "ImIEBA==-x"), "InvalidRequest", "Value for x-amz-checksum-crc32 header is invalid.");
    String composite = ChecksumAlgorithm.CRC32.composite(List.of(ChecksumAlgorithm.CRC32.of(BODY)));
    refused(complete(id, List.of(new CompletedPart(1, etag, ChecksumAlgorithm.CRC32, crc32)), "x-amz-checksum-crc32",
        composite.replace("-1", "-2")), "BadDigest", "The CRC32 you specified did not match the calculated checksum.");
    refused(complete(id, List.of(new CompletedPart(1, etag, ChecksumAlgorithm.CRC32, crc32)), "x-amz-checksum-crc32",
        crc32, "x-amz-checksum-sha1", b64(ChecksumAlgorithm.SHA1, BODY)), "InvalidRequest", MULTIPLE);
    assertThat(server.store().listMultipartUploads("bucket")).singleElement()
        .extracting(StoredUpload::uploadId).isEqualTo(id);
  }

  private String create(String... headers) throws Exception {
    HttpResponse<byte[]> r = send("POST", "/bucket/m?uploads", null, headers);
    assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
    return S3Xml.readInitiateMultipartUploadResult(r.body()).uploadId();
  }

  private HttpResponse<byte[]> complete(String id, CompletedPart part) throws Exception {
    return complete(id, List.of(part));
  }

  private HttpResponse<byte[]> complete(String id, List<CompletedPart> parts, String... headers) throws Exception {
    return send("POST", "/bucket/m?uploadId=" + id, S3Xml.write(new CompleteMultipartUpload(parts)), headers);
  }
}
