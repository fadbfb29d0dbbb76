package io.s3wire.server;

import static io.s3wire.server.RawS3.MIB;
import static io.s3wire.server.RawS3.bytes;
import static io.s3wire.server.RawS3.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.checksum.ChecksumAlgorithm;
import io.s3wire.xml.CompleteMultipartUpload;
import io.s3wire.xml.CompletedPart;
import io.s3wire.xml.S3Xml;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * GetObjectAttributes on the wire: the exact documents (element order as S3 writes them), the
 * header list in any form a client sends it, and what S3 answers to a missing or unknown attribute
 * name (codes and messages as versitygw's suite, run against S3, quotes them), to an object or
 * bucket that is not there, to conditional headers and to pagination headers it ignores.
 */
@Timeout(60)
class GetObjectAttributesRawTest {
  static final String ALL = "ETag,Checksum,ObjectParts,StorageClass,ObjectSize";
  static final String NS = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      + "<GetObjectAttributesResponse xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">";
  /** Friday 7 November 2031, 09:08:07 UTC: a one-digit day. */
  static final Instant NOW = Instant.parse("2031-11-07T09:08:07Z");
  static final String NOW_HTTP = "Fri, 07 Nov 2031 09:08:07 GMT";
  static final byte[] HELLO = "hello".getBytes(StandardCharsets.UTF_8);

  S3Server server;

  @BeforeEach
  void start() throws Exception {
    server = S3Server.builder().anonymous(true).clock(Clock.fixed(NOW, ZoneOffset.UTC)).start();
    server.store().createBucket("bucket");
    assertThat(send("PUT", "/bucket/hello", HELLO).statusCode()).isEqualTo(200);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<byte[]> send(String method, String path, byte[] body, String... headers) throws Exception {
    return RawS3.send(server, method, path, body, headers);
  }

  private HttpResponse<byte[]> attributes(String key, String... headers) throws Exception {
    return send("GET", "/bucket/" + key + "?attributes", null, headers);
  }

  private static String b64(ChecksumAlgorithm a, byte[] data) {
    return a.base64(a.of(data));
  }

  private static void refused(HttpResponse<byte[]> r, int status, String code, String message) {
    assertThat(r.statusCode()).as(text(r)).isEqualTo(status);
    assertThat(text(r)).contains("<Code>" + code + "</Code>").contains("<Message>" + message + "</Message>");
  }

  @Test
  void theDocumentOfAnObjectStoredWholeExactly() throws Exception {
    HttpResponse<byte[]> r = attributes("hello", "x-amz-object-attributes", ALL);
    assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type")).hasValue("application/xml");
    assertThat(r.headers().firstValue("last-modified")).hasValue(NOW_HTTP);
    assertThat(r.headers().firstValue("etag")).isEmpty();
    assertThat(text(r)).isEqualTo(NS + "<ETag>5d41402abc4b2a76b9719d911017c592</ETag>"
        + "<Checksum><ChecksumCRC64NVME>" + b64(ChecksumAlgorithm.CRC64NVME, HELLO) + "</ChecksumCRC64NVME>"
        + "<ChecksumType>FULL_OBJECT</ChecksumType></Checksum>"
        + "<StorageClass>STANDARD</StorageClass><ObjectSize>5</ObjectSize></GetObjectAttributesResponse>");
  }

  @Test
  void theDocumentOfACompositeMultipartObjectExactly() throws Exception {
    byte[] one = bytes(5 * MIB, 1);
    byte[] two = bytes(10, 2);
    ChecksumAlgorithm a = ChecksumAlgorithm.SHA1;
    String id = S3Xml.readInitiateMultipartUploadResult(send("POST", "/bucket/mp?uploads", null,
        "x-amz-checksum-algorithm", "SHA1").body()).uploadId();
    List<byte[]> parts = List.of(one, two);
    java.util.List<CompletedPart> completed = new java.util.ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      HttpResponse<byte[]> up = send("PUT", "/bucket/mp?partNumber=" + (i + 1) + "&uploadId=" + id, parts.get(i),
          a.headerName(), b64(a, parts.get(i)));
      assertThat(up.statusCode()).as(text(up)).isEqualTo(200);
      completed.add(new CompletedPart(i + 1, up.headers().firstValue("etag").orElseThrow(), a, b64(a, parts.get(i))));
    }
    HttpResponse<byte[]> done = send("POST", "/bucket/mp?uploadId=" + id,
        S3Xml.write(new CompleteMultipartUpload(completed)));
    assertThat(done.statusCode()).as(text(done)).isEqualTo(200);
    String etag = server.store().headObject("bucket", "mp").etag().replace("\"", "");
    String composite = a.composite(List.of(a.of(one), a.of(two)));
    assertThat(composite).endsWith("-2");

    HttpResponse<byte[]> r = attributes("mp", "x-amz-object-attributes", ALL);
    assertThat(text(r)).isEqualTo(NS + "<ETag>" + etag + "</ETag>"
        + "<Checksum><ChecksumSHA1>" + composite.replace("-2", "") + "</ChecksumSHA1>"
        + "<ChecksumType>COMPOSITE</ChecksumType></Checksum>"
        + "<ObjectParts><PartsCount>2</PartsCount><PartNumberMarker>0</PartNumberMarker>"
        + "<NextPartNumberMarker>2</NextPartNumberMarker><MaxParts>1000</MaxParts><IsTruncated>false</IsTruncated>"
        + "<Part><PartNumber>1</PartNumber><Size>" + one.length + "</Size><ChecksumSHA1>" + b64(a, one)
        + "</ChecksumSHA1></Part>"
        + "<Part><PartNumber>2</PartNumber><Size>10</Size><ChecksumSHA1>" + b64(a, two) + "</ChecksumSHA1></Part>"
        + "</ObjectParts><StorageClass>STANDARD</StorageClass><ObjectSize>" + (one.length + 10) + "</ObjectSize>"
        + "</GetObjectAttributesResponse>");

    HttpResponse<byte[]> first = attributes("mp", "x-amz-object-attributes", "ObjectParts", "x-amz-max-parts", "1");
    assertThat(text(first)).isEqualTo(NS
        + "<ObjectParts><PartsCount>2</PartsCount><PartNumberMarker>0</PartNumberMarker>"
        + "<NextPartNumberMarker>1</NextPartNumberMarker><MaxParts>1</MaxParts><IsTruncated>true</IsTruncated>"
        + "<Part><PartNumber>1</PartNumber><Size>" + one.length + "</Size><ChecksumSHA1>" + b64(a, one)
        + "</ChecksumSHA1></Part></ObjectParts></GetObjectAttributesResponse>");
    // Past the last part: an empty page.
    HttpResponse<byte[]> past = attributes("mp", "x-amz-object-attributes", "ObjectParts",
        "x-amz-part-number-marker", "2");
    assertThat(text(past)).isEqualTo(NS
        + "<ObjectParts><PartsCount>2</PartsCount><PartNumberMarker>2</PartNumberMarker>"
        + "<NextPartNumberMarker>0</NextPartNumberMarker><MaxParts>1000</MaxParts><IsTruncated>false</IsTruncated>"
        + "</ObjectParts></GetObjectAttributesResponse>");
  }

  @Test
  void theNamesMayComeInAnyOrderSpacedOrInRepeatedHeaders() throws Exception {
    String expected = text(attributes("hello", "x-amz-object-attributes", ALL));
    assertThat(text(attributes("hello", "x-amz-object-attributes",
        "ObjectSize, StorageClass , ObjectParts,Checksum,ETag")))
        .isEqualTo(expected);
    assertThat(text(attributes("hello", "x-amz-object-attributes", "ObjectSize", "x-amz-object-attributes", "ETag",
        "x-amz-object-attributes", "Checksum,StorageClass", "x-amz-object-attributes", "ETag")))
        .isEqualTo(expected);
  }

  @Test
  void aMissingOrEmptyListIsInvalidRequest() throws Exception {
    String message = "The x-amz-object-attributes header specifying the attributes to be retrieved is either missing"
        + " or empty";
    refused(attributes("hello"), 400, "InvalidRequest", message);
    refused(attributes("hello", "x-amz-object-attributes", ""), 400, "InvalidRequest", message);
    refused(attributes("hello", "x-amz-object-attributes", " , "), 400, "InvalidRequest", message);
  }

  @Test
  void anUnknownNameIsInvalidArgumentEvenForAnAbsentKey() throws Exception {
    for (String bad : List.of("Bogus", "etag", "ObjectParts;")) {
      HttpResponse<byte[]> r = attributes("hello", "x-amz-object-attributes", "ETag," + bad);
      refused(r, 400, "InvalidArgument", "Invalid attribute name specified.");
      assertThat(text(r)).contains("<ArgumentName>x-amz-object-attributes</ArgumentName>")
          .contains("<ArgumentValue>" + bad + "</ArgumentValue>");
    }
    refused(attributes("absent", "x-amz-object-attributes", "Bogus"), 400, "InvalidArgument",
        "Invalid attribute name specified.");
  }

  @Test
  void anAbsentKeyOrBucket() throws Exception {
    refused(attributes("absent", "x-amz-object-attributes", "ETag"), 404, "NoSuchKey",
        "The specified key does not exist.");
    refused(send("GET", "/nobucket/k?attributes", null), 404, "NoSuchBucket", "The specified bucket does not exist");
  }

  @Test
  void conditionalHeadersAsGetObjectHonoursThem() throws Exception {
    String etag = "\"5d41402abc4b2a76b9719d911017c592\"";
    HttpResponse<byte[]> notModified = attributes("hello", "x-amz-object-attributes", "ETag", "if-none-match", etag);
    assertThat(notModified.statusCode()).isEqualTo(304);
    assertThat(notModified.body()).isEmpty();
    assertThat(attributes("hello", "x-amz-object-attributes", "ETag", "if-modified-since", NOW_HTTP).statusCode())
        .isEqualTo(304);
    refused(attributes("hello", "x-amz-object-attributes", "ETag", "if-match", "\"other\""), 412,
        "PreconditionFailed", "At least one of the pre-conditions you specified did not hold");
    refused(attributes("hello", "x-amz-object-attributes", "ETag", "if-unmodified-since",
        "Thu, 06 Nov 2031 09:08:07 GMT"), 412, "PreconditionFailed",
        "At least one of the pre-conditions you specified did not hold");
    assertThat(attributes("hello", "x-amz-object-attributes", "ETag", "if-match", etag).statusCode()).isEqualTo(200);
  }

  @Test
  void paginationValuesThatAreNotNonNegativeIntegersAreIgnored() throws Exception {
    assertThat(text(attributes("hello", "x-amz-object-attributes", "ObjectSize", "x-amz-max-parts", "many",
        "x-amz-part-number-marker", "x"))).isEqualTo(NS + "<ObjectSize>5</ObjectSize></GetObjectAttributesResponse>");
  }

  @Test
  void attributesIsStillUnimplementedOnOtherMethodsAndOnBuckets() throws Exception {
    refused(send("PUT", "/bucket/new?attributes", HELLO), 501, "NotImplemented",
        "A header you provided implies functionality that is not implemented");
    assertThat(server.store().listObjects("bucket", "new", "").hasNext()).isFalse();
    assertThat(send("GET", "/bucket?attributes", null, "x-amz-object-attributes", "ETag").statusCode()).isEqualTo(501);
  }
}
