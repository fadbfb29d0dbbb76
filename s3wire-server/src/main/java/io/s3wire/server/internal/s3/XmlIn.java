package io.s3wire.server.internal.s3;

import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import io.s3wire.xml.CompleteMultipartUpload;
import io.s3wire.xml.DeleteRequest;
import io.s3wire.xml.S3Xml;
import io.s3wire.xml.S3XmlException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the request documents with core's hardened S3 XML readers (no DTDs, no external or
 * undeclared entities: XXE and billion laughs are refused) and turns every failure into
 * MalformedXML, with S3's own limits on top.
 */
final class XmlIn {
  static final int MAX_BODY = 4 * 1024 * 1024;

  private XmlIn() {}

  /** Reads a whole small body; MalformedXML when it exceeds {@code max} bytes. */
  static byte[] readBody(InputStream in, int max) throws IOException {
    byte[] b = in.readNBytes(max + 1);
    if (b.length > max) {
      throw new S3ErrorException(S3ErrorCode.MALFORMED_XML);
    }
    return b;
  }

  static CompleteMultipartUpload completeMultipartUpload(byte[] body) {
    try {
      CompleteMultipartUpload doc = S3Xml.readCompleteMultipartUpload(body);
      if (doc.parts().isEmpty()) {
        throw new S3ErrorException(S3ErrorCode.MALFORMED_XML);
      }
      return doc;
    } catch (S3XmlException | IllegalArgumentException e) {
      throw new S3ErrorException(S3ErrorCode.MALFORMED_XML);
    }
  }

  static DeleteRequest delete(byte[] body) {
    try {
      DeleteRequest doc = S3Xml.readDeleteRequest(body);
      if (doc.objects().isEmpty() || doc.objects().size() > 1000) {
        throw new S3ErrorException(S3ErrorCode.MALFORMED_XML);
      }
      return doc;
    } catch (S3XmlException | IllegalArgumentException e) {
      throw new S3ErrorException(S3ErrorCode.MALFORMED_XML);
    }
  }
}
