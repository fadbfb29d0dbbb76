package io.s3wire.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.xml.ListBucketResult.ListVersion;
import io.s3wire.xml.internal.S3Timestamps;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exact output of the writers, escaping, and timestamps. */
class XmlWriterTest {
  @Test
  void listObjectsV2IsWrittenExactlyAsS3DoesWithEscapes() {
    var doc = ListBucketResult.builder(ListVersion.V2, "b")
        .delimiter("/")
        .addContents(new ObjectSummary("a&b<c>\r\n", Instant.parse("2011-02-26T01:56:20Z"), "\"bf1d\"", 7,
            "STANDARD", null))
        .addCommonPrefix("p/")
        .build();
    assertThat(new String(S3Xml.write(doc), StandardCharsets.UTF_8)).isEqualTo(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
            + "<Name>b</Name><Prefix></Prefix><KeyCount>2</KeyCount><MaxKeys>1000</MaxKeys>"
            + "<Delimiter>/</Delimiter><IsTruncated>false</IsTruncated>"
            + "<Contents><Key>a&amp;b&lt;c&gt;&#13;&#10;</Key><LastModified>2011-02-26T01:56:20.000Z</LastModified>"
            + "<ETag>&quot;bf1d&quot;</ETag><Size>7</Size><StorageClass>STANDARD</StorageClass></Contents>"
            + "<CommonPrefixes><Prefix>p/</Prefix></CommonPrefixes></ListBucketResult>");
  }

  @Test
  void anIndependentDomParserReadsTheSameTextBack() throws Exception {
    String key = "a&b<c>\"'\r\n\r\t x \u00e9\ud83d\ude00";
    byte[] xml = S3Xml.write(new DeleteRequest(false, List.of(ObjectIdentifier.of(key))));
    var f = javax.xml.parsers.DocumentBuilderFactory.newDefaultInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setNamespaceAware(true);
    var doc = f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(xml));
    assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo(S3Xml.NAMESPACE);
    assertThat(doc.getElementsByTagNameNS(S3Xml.NAMESPACE, "Key").item(0).getTextContent()).isEqualTo(key);
  }

  @Test
  void errorIsWrittenWithoutNamespace() {
    assertThat(new String(S3Xml.write(new ErrorDocument("NoSuchKey", "The specified key does not exist.",
        "/b/k", "RID", null, null, null, java.util.Map.of("Key", "k"))), StandardCharsets.UTF_8)).isEqualTo(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchKey</Code>"
            + "<Message>The specified key does not exist.</Message><Key>k</Key><Resource>/b/k</Resource>"
            + "<RequestId>RID</RequestId></Error>");
  }

  @Test
  void charactersXml10CannotCarryAreRefusedWithoutUrlEncoding() {
    var doc = ListBucketResult.builder(ListVersion.V2, "b")
        .addContents(new ObjectSummary("bad\u0001key", Instant.EPOCH, "\"e\"", 1, null, null))
        .build();
    assertThatThrownBy(() -> S3Xml.write(doc))
        .isInstanceOf(S3XmlException.class)
        .hasMessage("cannot write <Key>: it contains U+0001, which XML 1.0 cannot carry; use encoding-type=url");
    assertThatThrownBy(() -> S3Xml.write(new DeleteRequest(false, List.of(ObjectIdentifier.of("x\uD800")))))
        .isInstanceOf(S3XmlException.class)
        .hasMessage("cannot write <Key>: it contains U+D800, which XML 1.0 cannot carry; use encoding-type=url");
    assertThatThrownBy(() -> S3Xml.write(new DeleteRequest(false, List.of(ObjectIdentifier.of("x\uFFFF")))))
        .isInstanceOf(S3XmlException.class)
        .hasMessageContaining("U+FFFF");
  }

  @Test
  void supplementaryCharactersPassThrough() {
    var req = new DeleteRequest(false, List.of(ObjectIdentifier.of("emoji-😀-𝄞")));
    assertThat(new String(S3Xml.write(req), StandardCharsets.UTF_8)).contains("<Key>emoji-😀-𝄞</Key>");
    assertThat(S3Xml.readDeleteRequest(S3Xml.write(req))).isEqualTo(req);
  }

  @Test
  void timestampsAreWrittenWithMillisAndReadLeniently() {
    assertThat(S3Timestamps.format(Instant.parse("2009-10-12T17:50:30Z"))).isEqualTo("2009-10-12T17:50:30.000Z");
    assertThat(S3Timestamps.format(Instant.parse("2009-10-12T17:50:30.123456789Z"))).isEqualTo("2009-10-12T17:50:30.123Z");
    Instant t = Instant.parse("2009-10-12T17:50:30Z");
    assertThat(S3Timestamps.parse("2009-10-12T17:50:30.000Z")).isEqualTo(t);
    assertThat(S3Timestamps.parse("2009-10-12T17:50:30Z")).isEqualTo(t);
    assertThat(S3Timestamps.parse(" 2009-10-12T17:50:30.5Z ")).isEqualTo(t.plusMillis(500));
    // Kept to the millisecond, as S3 writes them, so what is read is written back the same (a fuzzing
    // finding: 30.000500Z read, 30.000Z written).
    assertThat(S3Timestamps.parse("2009-10-12T17:50:30.123456Z")).isEqualTo(t.plusMillis(123));
    assertThat(S3Timestamps.parse("2009-10-12T17:50:30.000500Z")).isEqualTo(t);
    assertThat(S3Timestamps.parse("2009-10-12T19:50:30.999999+02:00")).isEqualTo(t.plusMillis(999));
    Instant before1970 = Instant.parse("1969-12-31T23:59:59.123Z");
    assertThat(S3Timestamps.parse("1969-12-31T23:59:59.123999Z")).isEqualTo(before1970);
    assertThat(S3Timestamps.parse(S3Timestamps.format(before1970))).isEqualTo(before1970);
    assertThat(S3Timestamps.parse("2009-10-12T19:50:30+02:00")).isEqualTo(t);
    assertThat(S3Timestamps.parse("2009-10-12T17:50:30")).isEqualTo(t);
    assertThatThrownBy(() -> S3Timestamps.parse("yesterday"))
        .isInstanceOf(S3XmlException.class)
        .hasMessage("malformed XML: not an ISO-8601 timestamp: 'yesterday'");
    assertThatThrownBy(() -> S3Timestamps.parse("2009-13-12T17:50:30Z")).isInstanceOf(S3XmlException.class);
  }

  @Test
  void badNumbersAndBooleansAreNamed() {
    assertThatThrownBy(() -> S3Xml.readListBucketResult("<ListBucketResult><MaxKeys>many</MaxKeys></ListBucketResult>"
        .getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(S3XmlException.class)
        .hasMessage("malformed XML: <MaxKeys> is not a number: 'many'");
    assertThatThrownBy(() -> S3Xml.readListBucketResult(
        "<ListBucketResult><IsTruncated>yes</IsTruncated></ListBucketResult>".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(S3XmlException.class)
        .hasMessage("malformed XML: <IsTruncated> is not true or false: 'yes'");
  }

  @Test
  void readsFromStreamAndIgnoresUnknownElementsAndComments() {
    String xml = "<?xml version=\"1.0\"?><!-- hi --><CopyPartResult><Extra><Nested>1</Nested></Extra>"
        + "<ETag>\"a<![CDATA[b]]>c\"</ETag><?pi x?><LastModified>2020-01-01T00:00:00.000Z</LastModified>"
        + "</CopyPartResult>";
    var r = S3Xml.readCopyPartResult(new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    assertThat(r).isEqualTo(new CopyPartResult("\"abc\"", Instant.parse("2020-01-01T00:00:00Z")));
    assertThat(S3Xml.rootElement(xml.getBytes(StandardCharsets.UTF_8))).isEqualTo("CopyPartResult");
  }
}
