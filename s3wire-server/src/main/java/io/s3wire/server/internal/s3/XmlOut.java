package io.s3wire.server.internal.s3;

/**
 * Writes the small S3 response documents. Kept behind this one class so that core's S3 XML
 * writers can replace it without touching the operations.
 */
final class XmlOut {
  static final String S3_NS = "http://s3.amazonaws.com/doc/2006-03-01/";

  private final StringBuilder sb = new StringBuilder(256).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");

  /** A document whose root element carries S3's namespace. */
  static XmlOut document(String root) {
    XmlOut x = new XmlOut();
    x.sb.append('<').append(root).append(" xmlns=\"").append(S3_NS).append("\">");
    return x;
  }

  /** A document whose root element has no namespace (S3's error documents). */
  static XmlOut plainDocument(String root) {
    XmlOut x = new XmlOut();
    x.sb.append('<').append(root).append('>');
    return x;
  }

  XmlOut start(String name) {
    sb.append('<').append(name).append('>');
    return this;
  }

  XmlOut end(String name) {
    sb.append("</").append(name).append('>');
    return this;
  }

  XmlOut element(String name, Object value) {
    if (value == null) {
      return this;
    }
    sb.append('<').append(name).append('>');
    escape(value.toString());
    sb.append("</").append(name).append('>');
    return this;
  }

  /** Finishes the document by closing its root element. */
  String finish(String root) {
    return sb.append("</").append(root).append('>').toString();
  }

  private void escape(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\r' -> sb.append("&#13;");
        default -> {
          if (c < 0x20 && c != '\t' && c != '\n') {
            sb.append("&#").append((int) c).append(';');
          } else {
            sb.append(c);
          }
        }
      }
    }
  }
}
