package io.s3wire.xml;

import io.s3wire.xml.internal.AttributesXml;
import io.s3wire.xml.internal.ErrorXml;
import io.s3wire.xml.internal.ListingXml;
import io.s3wire.xml.internal.MultipartXml;
import io.s3wire.xml.internal.ObjectXml;
import io.s3wire.xml.internal.VersionsXml;
import io.s3wire.xml.internal.XmlCursor;
import io.s3wire.xml.internal.XmlOut;
import java.io.InputStream;
import java.util.function.Function;

/**
 * Reads and writes S3's XML documents, for both sides of the wire: the client writes requests and
 * reads responses, the embedded server reads requests and writes responses.
 *
 * <p>Reading uses the JDK's StAX parser with DTDs, external entities and entity replacement off: a
 * document carrying a DOCTYPE fails with {@link S3XmlException} ({@code malformed XML: DTDs are not
 * allowed}) before anything in it takes effect. Elements are matched by local name with or without
 * the S3 namespace; unknown elements are skipped; element order does not matter. A reader that
 * expects a result but finds an {@code <Error>} root throws {@link ErrorBodyException} (S3 answers
 * CompleteMultipartUpload and copies with status 200 and an error body). Any other problem throws
 * {@link S3XmlException}. Readers given an {@link InputStream} do not close it.
 *
 * <p>Writing produces UTF-8 with an XML declaration, the root in namespace {@link #NAMESPACE}
 * ({@code <Error>} without one, as S3 writes it), timestamps as {@code 2009-10-12T17:50:30.000Z},
 * text escaped so that {@code & < > " '} and CR/LF/TAB survive a round trip; a value holding a
 * character XML 1.0 cannot carry (U+0000-U+001F other than TAB/LF/CR, U+FFFE, U+FFFF, a lone
 * surrogate) fails with {@link S3XmlException}: listings can carry such keys only with {@code
 * encoding-type=url}, which the listing writers apply when the document's encoding type is {@code
 * url}.
 *
 * <p>All methods are thread-safe and stateless.
 */
public final class S3Xml {
  /** The S3 namespace, {@code http://s3.amazonaws.com/doc/2006-03-01/}. */
  public static final String NAMESPACE = XmlOut.NAMESPACE;

  private S3Xml() {}

  private static <T> T read(byte[] body, Function<XmlCursor, T> reader) {
    try (XmlCursor c = XmlCursor.open(body)) {
      return reader.apply(c);
    }
  }

  private static <T> T read(InputStream body, Function<XmlCursor, T> reader) {
    try (XmlCursor c = XmlCursor.open(body)) {
      return reader.apply(c);
    }
  }

  /** The local name of the document's root element (e.g. to tell an {@code <Error>} from a result). */
  public static String rootElement(byte[] body) {
    return read(body, XmlCursor::rootName);
  }

  // ---- Error

  public static ErrorDocument readError(byte[] body) { return read(body, ErrorXml::read); }
  public static ErrorDocument readError(InputStream body) { return read(body, ErrorXml::read); }
  public static byte[] write(ErrorDocument doc) { return ErrorXml.write(doc); }

  // ---- Listings

  public static ListAllMyBucketsResult readListAllMyBucketsResult(byte[] body) {
    return read(body, ListingXml::readBuckets);
  }
  public static ListAllMyBucketsResult readListAllMyBucketsResult(InputStream body) {
    return read(body, ListingXml::readBuckets);
  }
  public static byte[] write(ListAllMyBucketsResult doc) { return ListingXml.write(doc); }

  /** ListObjects v1 or v2; names come back url-decoded when the document says {@code EncodingType url}. */
  public static ListBucketResult readListBucketResult(byte[] body) {
    return read(body, ListingXml::readListBucket);
  }
  public static ListBucketResult readListBucketResult(InputStream body) {
    return read(body, ListingXml::readListBucket);
  }
  /** Writes v1 or v2 per {@link ListBucketResult#version()}; url-encodes names when {@code encodingType} is {@code url}. */
  public static byte[] write(ListBucketResult doc) { return ListingXml.write(doc); }

  public static ListVersionsResult readListVersionsResult(byte[] body) {
    return read(body, VersionsXml::read);
  }
  public static ListVersionsResult readListVersionsResult(InputStream body) {
    return read(body, VersionsXml::read);
  }
  public static byte[] write(ListVersionsResult doc) { return VersionsXml.write(doc); }

  // ---- Multipart

  public static InitiateMultipartUploadResult readInitiateMultipartUploadResult(byte[] body) {
    return read(body, MultipartXml::readInitiate);
  }
  public static InitiateMultipartUploadResult readInitiateMultipartUploadResult(InputStream body) {
    return read(body, MultipartXml::readInitiate);
  }
  public static byte[] write(InitiateMultipartUploadResult doc) { return MultipartXml.write(doc); }

  public static CompleteMultipartUpload readCompleteMultipartUpload(byte[] body) {
    return read(body, MultipartXml::readComplete);
  }
  public static CompleteMultipartUpload readCompleteMultipartUpload(InputStream body) {
    return read(body, MultipartXml::readComplete);
  }
  public static byte[] write(CompleteMultipartUpload doc) { return MultipartXml.write(doc); }

  /** @throws ErrorBodyException when the (status 200) body is an {@code <Error>} */
  public static CompleteMultipartUploadResult readCompleteMultipartUploadResult(byte[] body) {
    return read(body, MultipartXml::readCompleteResult);
  }
  /** @throws ErrorBodyException when the (status 200) body is an {@code <Error>} */
  public static CompleteMultipartUploadResult readCompleteMultipartUploadResult(InputStream body) {
    return read(body, MultipartXml::readCompleteResult);
  }
  public static byte[] write(CompleteMultipartUploadResult doc) { return MultipartXml.write(doc); }

  public static ListPartsResult readListPartsResult(byte[] body) {
    return read(body, MultipartXml::readListParts);
  }
  public static ListPartsResult readListPartsResult(InputStream body) {
    return read(body, MultipartXml::readListParts);
  }
  public static byte[] write(ListPartsResult doc) { return MultipartXml.write(doc); }

  public static ListMultipartUploadsResult readListMultipartUploadsResult(byte[] body) {
    return read(body, MultipartXml::readListUploads);
  }
  public static ListMultipartUploadsResult readListMultipartUploadsResult(InputStream body) {
    return read(body, MultipartXml::readListUploads);
  }
  public static byte[] write(ListMultipartUploadsResult doc) { return MultipartXml.write(doc); }

  // ---- Copy

  /** @throws ErrorBodyException when the (status 200) body is an {@code <Error>} */
  public static CopyObjectResult readCopyObjectResult(byte[] body) {
    return read(body, ObjectXml::readCopyObject);
  }
  public static CopyObjectResult readCopyObjectResult(InputStream body) {
    return read(body, ObjectXml::readCopyObject);
  }
  public static byte[] write(CopyObjectResult doc) { return ObjectXml.write(doc); }

  /** @throws ErrorBodyException when the (status 200) body is an {@code <Error>} */
  public static CopyPartResult readCopyPartResult(byte[] body) {
    return read(body, ObjectXml::readCopyPart);
  }
  public static CopyPartResult readCopyPartResult(InputStream body) {
    return read(body, ObjectXml::readCopyPart);
  }
  public static byte[] write(CopyPartResult doc) { return ObjectXml.write(doc); }

  // ---- GetObjectAttributes

  public static GetObjectAttributesResult readGetObjectAttributesResult(byte[] body) {
    return read(body, AttributesXml::read);
  }
  public static GetObjectAttributesResult readGetObjectAttributesResult(InputStream body) {
    return read(body, AttributesXml::read);
  }
  public static byte[] write(GetObjectAttributesResult doc) { return AttributesXml.write(doc); }

  // ---- DeleteObjects

  public static DeleteRequest readDeleteRequest(byte[] body) {
    return read(body, ObjectXml::readDelete);
  }
  public static DeleteRequest readDeleteRequest(InputStream body) {
    return read(body, ObjectXml::readDelete);
  }
  public static byte[] write(DeleteRequest doc) { return ObjectXml.write(doc); }

  public static DeleteResult readDeleteResult(byte[] body) {
    return read(body, ObjectXml::readDeleteResult);
  }
  public static DeleteResult readDeleteResult(InputStream body) {
    return read(body, ObjectXml::readDeleteResult);
  }
  public static byte[] write(DeleteResult doc) { return ObjectXml.write(doc); }

  // ---- Bucket configuration

  public static CreateBucketConfiguration readCreateBucketConfiguration(byte[] body) {
    return read(body, ObjectXml::readCreateBucket);
  }
  public static CreateBucketConfiguration readCreateBucketConfiguration(InputStream body) {
    return read(body, ObjectXml::readCreateBucket);
  }
  public static byte[] write(CreateBucketConfiguration doc) { return ObjectXml.write(doc); }

  public static LocationConstraint readLocationConstraint(byte[] body) {
    return read(body, ObjectXml::readLocation);
  }
  public static LocationConstraint readLocationConstraint(InputStream body) {
    return read(body, ObjectXml::readLocation);
  }
  /** Writes an empty element for us-east-1 ({@code value} empty), as S3 does. */
  public static byte[] write(LocationConstraint doc) { return ObjectXml.write(doc); }

  public static VersioningConfiguration readVersioningConfiguration(byte[] body) {
    return read(body, ObjectXml::readVersioning);
  }
  public static VersioningConfiguration readVersioningConfiguration(InputStream body) {
    return read(body, ObjectXml::readVersioning);
  }
  public static byte[] write(VersioningConfiguration doc) { return ObjectXml.write(doc); }
}
