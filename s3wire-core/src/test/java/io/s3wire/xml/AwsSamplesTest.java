package io.s3wire.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.xml.ListBucketResult.ListVersion;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Documents as S3 sends them, written by hand after the examples in AWS's S3 API reference. */
class AwsSamplesTest {
  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void listObjectsV2WithDelimiter() {
    String xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
          <Name>example-bucket</Name>
          <Prefix></Prefix>
          <KeyCount>2</KeyCount>
          <MaxKeys>1000</MaxKeys>
          <Delimiter>/</Delimiter>
          <IsTruncated>false</IsTruncated>
          <Contents>
            <Key>sample.jpg</Key>
            <LastModified>2011-02-26T01:56:20.000Z</LastModified>
            <ETag>&quot;bf1d737a4d46a19f3bced6905cc8b902&quot;</ETag>
            <Size>142863</Size>
            <StorageClass>STANDARD</StorageClass>
          </Contents>
          <CommonPrefixes>
            <Prefix>photos/</Prefix>
          </CommonPrefixes>
        </ListBucketResult>""";
    ListBucketResult r = S3Xml.readListBucketResult(utf8(xml));
    assertThat(r.version()).isEqualTo(ListVersion.V2);
    assertThat(r.name()).isEqualTo("example-bucket");
    assertThat(r.prefix()).isEmpty();
    assertThat(r.keyCount()).isEqualTo(2);
    assertThat(r.maxKeys()).isEqualTo(1000);
    assertThat(r.delimiter()).isEqualTo("/");
    assertThat(r.truncated()).isFalse();
    assertThat(r.contents()).containsExactly(new ObjectSummary("sample.jpg", Instant.parse("2011-02-26T01:56:20Z"),
        "\"bf1d737a4d46a19f3bced6905cc8b902\"", 142863, "STANDARD", null));
    assertThat(r.commonPrefixes()).containsExactly("photos/");
  }

  @Test
  void listObjectsV2ContinuationWithOwnerAndUrlEncoding() {
    String xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
          <Name>bucket</Name>
          <Prefix>dir%20one/</Prefix>
          <NextContinuationToken>1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=</NextContinuationToken>
          <KeyCount>1</KeyCount>
          <MaxKeys>1</MaxKeys>
          <EncodingType>url</EncodingType>
          <IsTruncated>true</IsTruncated>
          <ContinuationToken>1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=</ContinuationToken>
          <StartAfter>dir+one/a%2Bb</StartAfter>
          <Contents>
            <Key>dir+one/caf%C3%A9+%26+%3C%3E.txt</Key>
            <LastModified>2014-11-21T19:40:05.000Z</LastModified>
            <ETag>"70ee1738b6b21e2c8a43f3a5ab0eee71"</ETag>
            <Size>111</Size>
            <Owner><ID>bcaf161ca5fb16fd081034f</ID><DisplayName>webfile</DisplayName></Owner>
            <StorageClass>STANDARD</StorageClass>
          </Contents>
        </ListBucketResult>""";
    ListBucketResult r = S3Xml.readListBucketResult(utf8(xml));
    assertThat(r.prefix()).isEqualTo("dir one/");
    assertThat(r.startAfter()).isEqualTo("dir one/a+b");
    assertThat(r.continuationToken()).isEqualTo("1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=");
    assertThat(r.nextContinuationToken()).isEqualTo("1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=");
    assertThat(r.truncated()).isTrue();
    assertThat(r.contents().get(0).key()).isEqualTo("dir one/café & <>.txt");
    assertThat(r.contents().get(0).owner()).isEqualTo(new Owner("bcaf161ca5fb16fd081034f", "webfile"));
  }

  @Test
  void listObjectsV1() {
    String xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
          <Name>bucket</Name>
          <Prefix/>
          <Marker/>
          <NextMarker>my-image.jpg</NextMarker>
          <MaxKeys>1000</MaxKeys>
          <Delimiter>/</Delimiter>
          <IsTruncated>true</IsTruncated>
          <Contents>
            <Key>my-image.jpg</Key>
            <LastModified>2009-10-12T17:50:30.000Z</LastModified>
            <ETag>&quot;fba9dede5f27731c9771645a39863328&quot;</ETag>
            <Size>434234</Size>
            <StorageClass>STANDARD</StorageClass>
            <Owner>
              <ID>75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a</ID>
              <DisplayName>mtd@amazon.com</DisplayName>
            </Owner>
          </Contents>
        </ListBucketResult>""";
    ListBucketResult r = S3Xml.readListBucketResult(utf8(xml));
    assertThat(r.version()).isEqualTo(ListVersion.V1);
    assertThat(r.marker()).isEmpty();
    assertThat(r.nextMarker()).isEqualTo("my-image.jpg");
    assertThat(r.keyCount()).isNull();
    assertThat(r.contents().get(0).owner().displayName()).isEqualTo("mtd@amazon.com");
    assertThat(r.contents().get(0).lastModified()).isEqualTo(Instant.parse("2009-10-12T17:50:30Z"));
  }

  @Test
  void listAllMyBuckets() {
    String xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
          <Owner>
            <ID>bcaf1ffd86f461ca5fb16fd081034f</ID>
            <DisplayName>webfile</DisplayName>
          </Owner>
          <Buckets>
            <Bucket>
              <Name>quotes</Name>
              <CreationDate>2006-02-03T16:45:09.000Z</CreationDate>
            </Bucket>
            <Bucket>
              <Name>samples</Name>
              <CreationDate>2006-02-03T16:41:58.000Z</CreationDate>
            </Bucket>
          </Buckets>
        </ListAllMyBucketsResult>""";
    var r = S3Xml.readListAllMyBucketsResult(utf8(xml));
    assertThat(r.owner()).isEqualTo(new Owner("bcaf1ffd86f461ca5fb16fd081034f", "webfile"));
    assertThat(r.buckets()).containsExactly(new BucketSummary("quotes", Instant.parse("2006-02-03T16:45:09Z")),
        new BucketSummary("samples", Instant.parse("2006-02-03T16:41:58Z")));
  }

  @Test
  void noSuchKeyError() {
    String xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Error>
          <Code>NoSuchKey</Code>
          <Message>The resource you requested does not exist</Message>
          <Resource>/mybucket/myfoto.jpg</Resource>
          <RequestId>4442587FB7D0A2F9</RequestId>
        </Error>""";
    assertThat(S3Xml.readError(utf8(xml))).isEqualTo(new ErrorDocument("NoSuchKey",
        "The resource you requested does not exist", "/mybucket/myfoto.jpg", "4442587FB7D0A2F9", null, null, null,
        null));
  }

  @Test
  void signatureDoesNotMatchKeepsServerCanonicalFormsAndExtras() {
    String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>SignatureDoesNotMatch</Code>"
        + "<Message>The request signature we calculated does not match the signature you provided.</Message>"
        + "<AWSAccessKeyId>AKIAIOSFODNN7EXAMPLE</AWSAccessKeyId>"
        + "<StringToSign>AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n7344ae5b</StringToSign>"
        + "<SignatureProvided>aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404</SignatureProvided>"
        + "<StringToSignBytes>41 57 53 34</StringToSignBytes>"
        + "<CanonicalRequest>GET\n/test.txt\n\nhost:examplebucket.s3.amazonaws.com\n</CanonicalRequest>"
        + "<CanonicalRequestBytes>47 45 54</CanonicalRequestBytes>"
        + "<RequestId>TX1</RequestId><HostId>HOST/ID=</HostId></Error>";
    ErrorDocument e = S3Xml.readError(utf8(xml));
    assertThat(e.code()).isEqualTo("SignatureDoesNotMatch");
    assertThat(e.stringToSign()).isEqualTo("AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n7344ae5b");
    assertThat(e.canonicalRequest()).isEqualTo("GET\n/test.txt\n\nhost:examplebucket.s3.amazonaws.com\n");
    assertThat(e.requestId()).isEqualTo("TX1");
    assertThat(e.hostId()).isEqualTo("HOST/ID=");
    assertThat(e.extra()).containsExactly(
        java.util.Map.entry("AWSAccessKeyId", "AKIAIOSFODNN7EXAMPLE"),
        java.util.Map.entry("SignatureProvided", "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404"),
        java.util.Map.entry("StringToSignBytes", "41 57 53 34"),
        java.util.Map.entry("CanonicalRequestBytes", "47 45 54"));
  }

  @Test
  void errorResponseWrapperAndByteOrderMark() {
    String wrapped = "<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>Sender</Type>"
        + "<Code>InvalidClientTokenId</Code><Message>The security token included in the request is invalid.</Message>"
        + "</Error><RequestId>42d4e0a6</RequestId></ErrorResponse>";
    ErrorDocument e = S3Xml.readError(utf8(wrapped));
    assertThat(e.code()).isEqualTo("InvalidClientTokenId");
    assertThat(e.requestId()).isEqualTo("42d4e0a6");
    assertThat(e.extra()).containsExactly(java.util.Map.entry("Type", "Sender"));

    byte[] bom = utf8("\uFEFF<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>AccessDenied</Code></Error>");
    assertThat(S3Xml.readError(bom).code()).isEqualTo("AccessDenied");
  }

  @Test
  void completeMultipartUploadAnsweredWith200AndAnError() {
    String xml = """
        <?xml version="1.0" encoding="UTF-8"?>

        <Error>
          <Code>InternalError</Code>
          <Message>We encountered an internal error. Please try again.</Message>
          <RequestId>656c76696e6727732072657175657374</RequestId>
          <HostId>Uuag1LuByRx9e6j5Onimru9pO4ZVKnJ2Qz7/C1NPcfTWAtRPfTaOFg==</HostId>
        </Error>""";
    assertThatThrownBy(() -> S3Xml.readCompleteMultipartUploadResult(utf8(xml)))
        .isInstanceOfSatisfying(ErrorBodyException.class, e -> {
          assertThat(e.error().code()).isEqualTo("InternalError");
          assertThat(e.error().requestId()).isEqualTo("656c76696e6727732072657175657374");
        })
        .hasMessage("expected a result document but the body is an S3 <Error>: InternalError: "
            + "We encountered an internal error. Please try again.");
    assertThatThrownBy(() -> S3Xml.readCopyObjectResult(utf8(xml))).isInstanceOf(ErrorBodyException.class);
    assertThatThrownBy(() -> S3Xml.readCopyPartResult(utf8(xml))).isInstanceOf(ErrorBodyException.class);
  }

  @Test
  void completeMultipartUploadResult() {
    String xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <CompleteMultipartUploadResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
          <Location>http://Example-Bucket.s3.Region.amazonaws.com/Example-Object</Location>
          <Bucket>Example-Bucket</Bucket>
          <Key>Example-Object</Key>
          <ETag>"3858f62230ac3c915f300c664312c11f-9"</ETag>
        </CompleteMultipartUploadResult>""";
    assertThat(S3Xml.readCompleteMultipartUploadResult(utf8(xml))).isEqualTo(new CompleteMultipartUploadResult(
        "http://Example-Bucket.s3.Region.amazonaws.com/Example-Object", "Example-Bucket", "Example-Object",
        "\"3858f62230ac3c915f300c664312c11f-9\""));
  }

  @Test
  void initiateAndListParts() {
    String init = """
        <?xml version="1.0" encoding="UTF-8"?>
        <InitiateMultipartUploadResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
          <Bucket>example-bucket</Bucket>
          <Key>example-object</Key>
          <UploadId>VXBsb2FkIElEIGZvciA2aWWpbmcncyBteS1tb3ZpZS5tMnRzIHVwbG9hZA</UploadId>
        </InitiateMultipartUploadResult>""";
    assertThat(S3Xml.readInitiateMultipartUploadResult(utf8(init))).isEqualTo(new InitiateMultipartUploadResult(
        "example-bucket", "example-object", "VXBsb2FkIElEIGZvciA2aWWpbmcncyBteS1tb3ZpZS5tMnRzIHVwbG9hZA"));
    String parts = """
        <?xml version="1.0" encoding="UTF-8"?>
        <ListPartsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
          <Bucket>example-bucket</Bucket>
          <Key>example-object</Key>
          <UploadId>XXBsb2FkIElEIGZvciBlbHZpbmcncyVcdS1tb3ZpZS5tMnRzEEEwbG9hZA</UploadId>
          <Initiator>
              <ID>arn:aws:iam::111122223333:user/some-user-11116a31-17b5-4fb7-9df5-b288870f11xx</ID>
              <DisplayName>umat-user-11116a31-17b5-4fb7-9df5-b288870f11xx</DisplayName>
          </Initiator>
          <Owner>
            <ID>75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a</ID>
            <DisplayName>someName</DisplayName>
          </Owner>
          <StorageClass>STANDARD</StorageClass>
          <PartNumberMarker>1</PartNumberMarker>
          <NextPartNumberMarker>3</NextPartNumberMarker>
          <MaxParts>2</MaxParts>
          <IsTruncated>true</IsTruncated>
          <Part>
            <PartNumber>2</PartNumber>
            <LastModified>2010-11-10T20:48:34.000Z</LastModified>
            <ETag>"7778aef83f66abc1fa1e8477f296d394"</ETag>
            <Size>10485760</Size>
          </Part>
          <Part>
            <PartNumber>3</PartNumber>
            <LastModified>2010-11-10T20:48:33.000Z</LastModified>
            <ETag>"aaaa18db4cc2f85cedef654fccc4a4x8"</ETag>
            <Size>10485760</Size>
          </Part>
        </ListPartsResult>""";
    ListPartsResult r = S3Xml.readListPartsResult(utf8(parts));
    assertThat(r.parts()).extracting(PartSummary::partNumber).containsExactly(2, 3);
    assertThat(r.nextPartNumberMarker()).isEqualTo(3);
    assertThat(r.truncated()).isTrue();
    assertThat(r.initiator().displayName()).isEqualTo("umat-user-11116a31-17b5-4fb7-9df5-b288870f11xx");
  }

  @Test
  void deleteRequestAndResult() {
    String req = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Delete>
            <Object>
                 <Key>sample1.txt</Key>
            </Object>
            <Object>
                 <Key>sample2.txt</Key>
                 <VersionId>OYcLXagmS.WaD..oyH4KRguB95_YhLs7</VersionId>
            </Object>
            <Quiet>true</Quiet>
        </Delete>""";
    assertThat(S3Xml.readDeleteRequest(utf8(req))).isEqualTo(new DeleteRequest(true,
        List.of(ObjectIdentifier.of("sample1.txt"), new ObjectIdentifier("sample2.txt", "OYcLXagmS.WaD..oyH4KRguB95_YhLs7"))));
    String res = """
        <?xml version="1.0" encoding="UTF-8"?>
        <DeleteResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
          <Deleted>
            <Key>sample1.txt</Key>
          </Deleted>
          <Error>
            <Key>sample2.txt</Key>
            <Code>AccessDenied</Code>
            <Message>Access Denied</Message>
          </Error>
        </DeleteResult>""";
    assertThat(S3Xml.readDeleteResult(utf8(res))).isEqualTo(new DeleteResult(List.of(DeletedObject.of("sample1.txt")),
        List.of(new DeleteError("sample2.txt", null, "AccessDenied", "Access Denied"))));
  }

  @Test
  void copyObjectResultAndLocation() {
    String copy = """
        <CopyObjectResult>
           <LastModified>2009-10-28T22:32:00</LastModified>
           <ETag>"9b2cf535f27731c974343645a3985328"</ETag>
        </CopyObjectResult>""";
    assertThat(S3Xml.readCopyObjectResult(utf8(copy))).isEqualTo(
        new CopyObjectResult("\"9b2cf535f27731c974343645a3985328\"", Instant.parse("2009-10-28T22:32:00Z")));
    String loc = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<LocationConstraint xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">Europe</LocationConstraint>";
    assertThat(S3Xml.readLocationConstraint(utf8(loc)).region()).isEqualTo("Europe");
    String east = "<LocationConstraint xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"/>";
    assertThat(S3Xml.readLocationConstraint(utf8(east)).region()).isEqualTo("us-east-1");
    String create = """
        <CreateBucketConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
          <LocationConstraint>eu-west-1</LocationConstraint>
        </CreateBucketConfiguration>""";
    assertThat(S3Xml.readCreateBucketConfiguration(utf8(create)).locationConstraint()).isEqualTo("eu-west-1");
    String versioning = "<VersioningConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"/>";
    assertThat(S3Xml.readVersioningConfiguration(utf8(versioning))).isEqualTo(VersioningConfiguration.unversioned());
  }

  @Test
  void listMultipartUploads() {
    String xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <ListMultipartUploadsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
          <Bucket>bucket</Bucket>
          <KeyMarker></KeyMarker>
          <UploadIdMarker></UploadIdMarker>
          <NextKeyMarker>my-movie.m2ts</NextKeyMarker>
          <NextUploadIdMarker>YW55IGlkZWEgd2h5IGVsdmluZydzIHVwbG9hZCBmYWlsZWQ</NextUploadIdMarker>
          <MaxUploads>3</MaxUploads>
          <IsTruncated>true</IsTruncated>
          <Upload>
            <Key>my-divisor</Key>
            <UploadId>XMgbGlrZSBlbHZpbmcncyBub3QgaGF2aW5nIG11Y2ggbHVjaw</UploadId>
            <Initiator>
              <ID>arn:aws:iam::111122223333:user/user1-11111a31-17b5-4fb7-9df5-b111111f13de</ID>
              <DisplayName>user1-11111a31-17b5-4fb7-9df5-b111111f13de</DisplayName>
            </Initiator>
            <Owner>
              <ID>75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a</ID>
              <DisplayName>OwnerDisplayName</DisplayName>
            </Owner>
            <StorageClass>STANDARD</StorageClass>
            <Initiated>2010-11-10T20:48:33.000Z</Initiated>
          </Upload>
        </ListMultipartUploadsResult>""";
    var r = S3Xml.readListMultipartUploadsResult(utf8(xml));
    assertThat(r.keyMarker()).isEmpty();
    assertThat(r.nextKeyMarker()).isEqualTo("my-movie.m2ts");
    assertThat(r.maxUploads()).isEqualTo(3);
    assertThat(r.uploads()).singleElement().satisfies(u -> {
      assertThat(u.key()).isEqualTo("my-divisor");
      assertThat(u.initiated()).isEqualTo(Instant.parse("2010-11-10T20:48:33Z"));
    });
  }
}
