package io.s3wire.xml;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.checksum.ChecksumAlgorithm;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GetObjectAttributes' answer: read back as written, written in S3's element order, read in S3's spellings. */
class AttributesXmlTest {
  static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      + "<GetObjectAttributesResponse xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">";

  @Test
  void aPageOfPartsRoundTripsInS3sOrder() {
    var doc = new GetObjectAttributesResult("0df68495b5ef53a8ce2a9d4076cc6252-2",
        Map.of(ChecksumAlgorithm.SHA256, "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="), "COMPOSITE",
        new GetObjectAttributesParts(2, 0, 1, 1, true, List.of(new ObjectPart(1, 5242880,
            Map.of(ChecksumAlgorithm.SHA256, "ypeBEsobvcr6wjGzmiPcTaeG7/gUfE5yuYB3ha/uSLs=")))), "STANDARD", 5242890L);
    byte[] xml = S3Xml.write(doc);
    assertThat(new String(xml, StandardCharsets.UTF_8)).isEqualTo(HEAD
        + "<ETag>0df68495b5ef53a8ce2a9d4076cc6252-2</ETag>"
        + "<Checksum><ChecksumSHA256>47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=</ChecksumSHA256>"
        + "<ChecksumType>COMPOSITE</ChecksumType></Checksum>"
        + "<ObjectParts><PartsCount>2</PartsCount><PartNumberMarker>0</PartNumberMarker>"
        + "<NextPartNumberMarker>1</NextPartNumberMarker><MaxParts>1</MaxParts><IsTruncated>true</IsTruncated>"
        + "<Part><PartNumber>1</PartNumber><Size>5242880</Size>"
        + "<ChecksumSHA256>ypeBEsobvcr6wjGzmiPcTaeG7/gUfE5yuYB3ha/uSLs=</ChecksumSHA256></Part></ObjectParts>"
        + "<StorageClass>STANDARD</StorageClass><ObjectSize>5242890</ObjectSize></GetObjectAttributesResponse>");
    assertThat(S3Xml.readGetObjectAttributesResult(xml)).isEqualTo(doc);
  }

  @Test
  void absentAttributesAreLeftOutAndTheCountMayComeAlone() {
    var doc = new GetObjectAttributesResult(null, Map.of(), null, GetObjectAttributesParts.countOnly(3), null, null);
    byte[] xml = S3Xml.write(doc);
    assertThat(new String(xml, StandardCharsets.UTF_8))
        .isEqualTo(HEAD + "<ObjectParts><PartsCount>3</PartsCount></ObjectParts></GetObjectAttributesResponse>");
    assertThat(S3Xml.readGetObjectAttributesResult(xml)).isEqualTo(doc);
  }

  @Test
  void readsTheCountUnderEitherNameTheDocumentationGivesIt() {
    String body = HEAD + "<ObjectParts><TotalPartsCount>4</TotalPartsCount><Part><PartNumber>2</PartNumber>"
        + "<Size>7</Size></Part></ObjectParts><ObjectSize>9</ObjectSize></GetObjectAttributesResponse>";
    GetObjectAttributesResult r = S3Xml.readGetObjectAttributesResult(body.getBytes(StandardCharsets.UTF_8));
    assertThat(r.objectParts().partsCount()).isEqualTo(4);
    assertThat(r.objectParts().parts()).containsExactly(new ObjectPart(2, 7, Map.of()));
    assertThat(r.objectSize()).isEqualTo(9L);
  }
}
