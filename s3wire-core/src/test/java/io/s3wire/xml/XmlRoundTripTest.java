package io.s3wire.xml;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.checksum.ChecksumAlgorithm;
import io.s3wire.xml.ListBucketResult.ListVersion;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every document written and read back equals what was written, with awkward text in every string. */
class XmlRoundTripTest {
  static final String ODD = "a&b<c>d\"e'f\r\ng\th ünï 日本 😀 //./../%2F+?#";
  static final Instant T1 = Instant.parse("2009-10-12T17:50:30.123Z");
  static final Instant T2 = Instant.parse("2024-02-29T00:00:00Z");
  static final Owner OWNER = new Owner("75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a", "me & you");

  @Test
  void error() {
    Map<String, String> extra = new LinkedHashMap<>();
    extra.put("BucketName", "b");
    extra.put("Key", ODD);
    extra.put("AWSAccessKeyId", "AKIDEXAMPLE");
    ErrorDocument doc = new ErrorDocument("SignatureDoesNotMatch", "The request signature ... " + ODD, "/b/" + ODD,
        "4442587FB7D0A2F9", "host/id+==", "AWS4-HMAC-SHA256\n20150830T123600Z\n...", "GET\n/\n\nhost:x\n", extra);
    byte[] xml = S3Xml.write(doc);
    assertThat(S3Xml.readError(xml)).isEqualTo(doc);
    assertThat(new String(xml, StandardCharsets.UTF_8)).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>");
  }

  @Test
  void listAllMyBuckets() {
    var doc = new ListAllMyBucketsResult(OWNER,
        List.of(new BucketSummary("b1", T1), new BucketSummary("b2", T2, "eu-west-1")), "tok", "b");
    assertThat(S3Xml.readListAllMyBucketsResult(S3Xml.write(doc))).isEqualTo(doc);
    var empty = new ListAllMyBucketsResult(null, List.of());
    assertThat(S3Xml.readListAllMyBucketsResult(S3Xml.write(empty))).isEqualTo(empty);
  }

  @Test
  void listBucketV2() {
    var doc = ListBucketResult.builder(ListVersion.V2, "bucket")
        .prefix("p/" + ODD).delimiter("/").maxKeys(2).truncated(true)
        .continuationToken("c1").nextContinuationToken("c2==").startAfter("a" + ODD)
        .addContents(new ObjectSummary("p/" + ODD + "1", T1, "\"9b2cf535f27731c974343645a3985328\"", 12,
            "STANDARD", OWNER))
        .addContents(new ObjectSummary("p/x", T2, "\"abc-2\"", 0, null, null))
        .addCommonPrefix("p/sub/")
        .build();
    assertThat(doc.keyCount()).isEqualTo(3);
    assertThat(S3Xml.readListBucketResult(S3Xml.write(doc))).isEqualTo(doc);
  }

  @Test
  void listBucketV1() {
    var doc = ListBucketResult.builder(ListVersion.V1, "bucket")
        .prefix("").delimiter("/").maxKeys(1000).marker("m" + ODD).nextMarker("n" + ODD).truncated(true)
        .addContents(new ObjectSummary(ODD, T1, "\"e\"", 5, "STANDARD", OWNER))
        .addCommonPrefix(ODD + "/")
        .build();
    assertThat(doc.keyCount()).isNull();
    ListBucketResult back = S3Xml.readListBucketResult(S3Xml.write(doc));
    assertThat(back).isEqualTo(doc);
    assertThat(back.version()).isEqualTo(ListVersion.V1);
  }

  @Test
  void listBucketUrlEncodedCarriesKeysXmlCannot() {
    String control = "ctl\u0001\u001f\uFFFE key+plus%pct";
    var doc = ListBucketResult.builder(ListVersion.V2, "bucket").encodingType("url")
        .prefix(control).delimiter("\u0002").startAfter(control)
        .addContents(new ObjectSummary(control, T1, "\"e\"", 1, "STANDARD", null))
        .addCommonPrefix(control + "/")
        .build();
    byte[] xml = S3Xml.write(doc);
    String text = new String(xml, StandardCharsets.UTF_8);
    assertThat(text).contains("<Key>ctl%01%1F%EF%BF%BE%20key%2Bplus%25pct</Key>")
        .contains("<Delimiter>%02</Delimiter>")
        .contains("<Prefix>ctl%01%1F%EF%BF%BE%20key%2Bplus%25pct/</Prefix>");
    assertThat(S3Xml.readListBucketResult(xml)).isEqualTo(doc);
  }

  @Test
  void listVersions() {
    var doc = new ListVersionsResult("bucket", "", "km" + ODD, "vm", "nkm", "nvm", 1000, "/", null, true,
        List.of(new ObjectVersion(false, ODD, "null", true, T1, "\"e\"", 3, "STANDARD", OWNER),
            new ObjectVersion(true, "gone", "v2", false, T2, null, 0, null, OWNER)),
        List.of("d/"));
    assertThat(S3Xml.readListVersionsResult(S3Xml.write(doc))).isEqualTo(doc);
    var url = new ListVersionsResult("bucket", "p\u0001", null, null, null, null, 10, null, "url", false,
        List.of(new ObjectVersion(false, "k\u0003", "null", true, T1, "\"e\"", 3, "STANDARD", null)), List.of());
    assertThat(S3Xml.readListVersionsResult(S3Xml.write(url))).isEqualTo(url);
  }

  @Test
  void initiateMultipartUpload() {
    var doc = new InitiateMultipartUploadResult("bucket", ODD, "VXBsb2FkIElE&=");
    assertThat(S3Xml.readInitiateMultipartUploadResult(S3Xml.write(doc))).isEqualTo(doc);
  }

  @Test
  void completeMultipartUploadRequestAndResult() {
    var req = new CompleteMultipartUpload(List.of(new CompletedPart(1, "\"a54357aff0632cce46d942af68356b38\""),
        new CompletedPart(2, "\"0c78aef83f66abc1fa1e8477f296d394\""), new CompletedPart(10000, "\"x\"")));
    assertThat(S3Xml.readCompleteMultipartUpload(S3Xml.write(req))).isEqualTo(req);
    var res = new CompleteMultipartUploadResult("http://h/b/" + ODD, "b", ODD, "\"3858f62230ac3c915f300c664312c11f-9\"");
    assertThat(S3Xml.readCompleteMultipartUploadResult(S3Xml.write(res))).isEqualTo(res);
  }

  @Test
  void listParts() {
    var doc = new ListPartsResult("b", ODD, "up", 1, 3, 2, true,
        List.of(new PartSummary(2, T1, "\"7778aef83f66abc1fa1e8477f296d394\"", 10485760),
            new PartSummary(3, T2, "\"aaaa18db4cc2f85cedef654fccc4a4x8\"", 10485760)),
        OWNER, OWNER, "STANDARD");
    assertThat(S3Xml.readListPartsResult(S3Xml.write(doc))).isEqualTo(doc);
  }

  @Test
  void listMultipartUploads() {
    var doc = new ListMultipartUploadsResult("b", "k", "u", "nk" + ODD, "nu", "p", "/", 3, null, true,
        List.of(new MultipartUploadSummary(ODD, "u1", OWNER, OWNER, "STANDARD", T1)), List.of("p/a/"));
    assertThat(S3Xml.readListMultipartUploadsResult(S3Xml.write(doc))).isEqualTo(doc);
    var url = new ListMultipartUploadsResult("b", null, null, null, null, "p\u0001", null, 1000, "url", false,
        List.of(new MultipartUploadSummary("k\u0001 +", "u1", null, null, null, T1)), List.of("x\u0002/"));
    assertThat(S3Xml.readListMultipartUploadsResult(S3Xml.write(url))).isEqualTo(url);
  }

  @Test
  void copyResults() {
    var obj = new CopyObjectResult("\"9b2cf535f27731c974343645a3985328\"", T1);
    assertThat(S3Xml.readCopyObjectResult(S3Xml.write(obj))).isEqualTo(obj);
    var part = new CopyPartResult("\"b0c6f0e7e054ab8fa2536a2677c8734b\"", T2);
    assertThat(S3Xml.readCopyPartResult(S3Xml.write(part))).isEqualTo(part);
  }

  @Test
  void checksumsOfPartsUploadsObjectsAndCopies() {
    Map<ChecksumAlgorithm, String> crc32 = Map.of(ChecksumAlgorithm.CRC32, "yZRlqg==");
    var req = new CompleteMultipartUpload(List.of(new CompletedPart(1, "\"a\"", ChecksumAlgorithm.SHA256,
        "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="), new CompletedPart(2, "\"b\"",
        Map.of(ChecksumAlgorithm.CRC64NVME, "AAAAAAAAAAA=", ChecksumAlgorithm.CRC32C, "AAAAAA=="))));
    assertThat(S3Xml.readCompleteMultipartUpload(S3Xml.write(req))).isEqualTo(req);
    assertThat(new String(S3Xml.write(req), StandardCharsets.UTF_8))
        .contains("<ChecksumCRC32C>AAAAAA==</ChecksumCRC32C><ChecksumCRC64NVME>AAAAAAAAAAA=</ChecksumCRC64NVME>");
    var res = new CompleteMultipartUploadResult("l", "b", "k", "\"e-2\"", Map.of(ChecksumAlgorithm.SHA1,
        "2jmj7l5rSw0yVb/vlWAYkK/YBwk=-2"), "COMPOSITE");
    assertThat(S3Xml.readCompleteMultipartUploadResult(S3Xml.write(res))).isEqualTo(res);
    var parts = new ListPartsResult("b", "k", "up", 0, 1, 1000, false,
        List.of(new PartSummary(1, T1, "\"e\"", 5, crc32)), OWNER, OWNER, "STANDARD", "CRC32", "FULL_OBJECT");
    assertThat(S3Xml.readListPartsResult(S3Xml.write(parts))).isEqualTo(parts);
    var uploads = new ListMultipartUploadsResult("b", null, null, null, null, null, null, 1000, null, false,
        List.of(new MultipartUploadSummary("k", "u1", OWNER, OWNER, "STANDARD", T1, "CRC64NVME", "FULL_OBJECT")),
        List.of());
    assertThat(S3Xml.readListMultipartUploadsResult(S3Xml.write(uploads))).isEqualTo(uploads);
    var copy = new CopyObjectResult("\"e\"", T1, crc32, "FULL_OBJECT");
    assertThat(S3Xml.readCopyObjectResult(S3Xml.write(copy))).isEqualTo(copy);
    var partCopy = new CopyPartResult("\"e\"", T2, crc32);
    assertThat(S3Xml.readCopyPartResult(S3Xml.write(partCopy))).isEqualTo(partCopy);
  }

  @Test
  void deleteRequestAndResult() {
    var req = new DeleteRequest(true, List.of(ObjectIdentifier.of(ODD), new ObjectIdentifier("k", "v1")));
    assertThat(S3Xml.readDeleteRequest(S3Xml.write(req))).isEqualTo(req);
    var loud = new DeleteRequest(false, List.of(ObjectIdentifier.of("a")));
    assertThat(S3Xml.readDeleteRequest(S3Xml.write(loud))).isEqualTo(loud);
    var res = new DeleteResult(
        List.of(DeletedObject.of(ODD), new DeletedObject("k", "v1", true, "dm1")),
        List.of(new DeleteError("x" + ODD, null, "AccessDenied", "Access Denied")));
    assertThat(S3Xml.readDeleteResult(S3Xml.write(res))).isEqualTo(res);
  }

  @Test
  void locationAndBucketConfiguration() {
    var create = new CreateBucketConfiguration("eu-west-1");
    assertThat(S3Xml.readCreateBucketConfiguration(S3Xml.write(create))).isEqualTo(create);
    var east = LocationConstraint.forRegion("us-east-1");
    byte[] eastXml = S3Xml.write(east);
    assertThat(new String(eastXml, StandardCharsets.UTF_8)).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<LocationConstraint xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"></LocationConstraint>");
    assertThat(S3Xml.readLocationConstraint(eastXml).region()).isEqualTo("us-east-1");
    var west = LocationConstraint.forRegion("eu-west-1");
    assertThat(S3Xml.readLocationConstraint(S3Xml.write(west))).isEqualTo(west);
    assertThat(new LocationConstraint("EU").region()).isEqualTo("eu-west-1");
  }

  @Test
  void versioning() {
    for (var doc : List.of(VersioningConfiguration.unversioned(), new VersioningConfiguration("Enabled", null),
        new VersioningConfiguration("Suspended", "Disabled"))) {
      assertThat(S3Xml.readVersioningConfiguration(S3Xml.write(doc))).isEqualTo(doc);
    }
  }
}
