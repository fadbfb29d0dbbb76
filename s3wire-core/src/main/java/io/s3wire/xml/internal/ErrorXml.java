package io.s3wire.xml.internal;

import io.s3wire.xml.ErrorDocument;
import io.s3wire.xml.S3XmlException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads and writes S3's {@code <Error>} document. */
public final class ErrorXml {
  private ErrorXml() {}

  static boolean isErrorRoot(String root) {
    return root.equals("Error") || root.equals("ErrorResponse");
  }

  public static ErrorDocument read(XmlCursor c) {
    if (!isErrorRoot(c.rootName())) {
      throw new S3XmlException("unexpected XML document: root element <" + c.rootName() + ">, expected <Error>");
    }
    return readBody(c);
  }

  /** Reads the error with the cursor on its root ({@code Error}, or {@code ErrorResponse} wrapping one). */
  static ErrorDocument readBody(XmlCursor c) {
    if (c.rootName().equals("ErrorResponse")) {
      ErrorDocument found = null;
      String requestId = null;
      while (c.nextChild()) {
        if (c.name().equals("Error") && found == null) {
          found = fields(c);
        } else if (c.name().equals("RequestId")) {
          requestId = c.text();
        } else {
          c.skip();
        }
      }
      if (found == null) {
        throw new S3XmlException("malformed XML: <ErrorResponse> without <Error>");
      }
      if (found.requestId() == null && requestId != null) {
        found = new ErrorDocument(found.code(), found.message(), found.resource(), requestId, found.hostId(),
            found.stringToSign(), found.canonicalRequest(), found.extra());
      }
      return found;
    }
    return fields(c);
  }

  private static ErrorDocument fields(XmlCursor c) {
    String code = null;
    String message = null;
    String resource = null;
    String requestId = null;
    String hostId = null;
    String stringToSign = null;
    String canonicalRequest = null;
    Map<String, String> extra = null;
    while (c.nextChild()) {
      switch (c.name()) {
        case "Code" -> code = c.text();
        case "Message" -> message = c.text();
        case "Resource" -> resource = c.text();
        case "RequestId" -> requestId = c.text();
        case "HostId" -> hostId = c.text();
        case "StringToSign" -> stringToSign = c.text();
        case "CanonicalRequest" -> canonicalRequest = c.text();
        default -> {
          String name = c.name();
          String value = c.leafTextOrNull();
          if (value != null) {
            if (extra == null) {
              extra = new LinkedHashMap<>();
            }
            extra.putIfAbsent(name, value);
          }
        }
      }
    }
    return new ErrorDocument(code, message, resource, requestId, hostId, stringToSign, canonicalRequest, extra);
  }

  private static void requireSimpleName(String name) {
    boolean ok = !name.isEmpty() && Character.isLetter(name.charAt(0));
    for (int i = 1; ok && i < name.length(); i++) {
      char c = name.charAt(i);
      ok = c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.');
    }
    if (!ok || name.regionMatches(true, 0, "xml", 0, 3)) {
      throw new S3XmlException("cannot write <Error>: '" + XmlCursor.excerpt(name) + "' is not a simple element name");
    }
  }

  /** Writes the error without a namespace, as S3 does: Code, Message, extras, Resource, then ids. */
  public static byte[] write(ErrorDocument e) {
    XmlOut out = XmlOut.documentWithoutNamespace("Error");
    out.leaf("Code", e.code()).leaf("Message", e.message());
    for (Map.Entry<String, String> x : e.extra().entrySet()) {
      requireSimpleName(x.getKey());
      out.leaf(x.getKey(), x.getValue());
    }
    out.leaf("Resource", e.resource())
        .leaf("StringToSign", e.stringToSign())
        .leaf("CanonicalRequest", e.canonicalRequest())
        .leaf("RequestId", e.requestId())
        .leaf("HostId", e.hostId());
    return out.finish("Error");
  }
}
