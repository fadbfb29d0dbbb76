package io.s3wire.xml.internal;

import io.s3wire.xml.S3XmlException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Writes an S3 XML document as UTF-8 bytes.
 *
 * <p>Why not the JDK's {@code XMLStreamWriter}: it writes characters that XML 1.0 cannot carry
 * (U+0001, a lone surrogate) straight into the output, producing a document no parser accepts, and
 * leaves a carriage return raw, which every reader turns into a line feed. S3 keys may hold both.
 * Here text is escaped as S3 documents it: {@code & < > " '} as entities, CR, LF and TAB as
 * character references (so they survive end-of-line and attribute normalisation), and a character
 * that XML 1.0 cannot represent at all (C0 controls other than TAB/LF/CR, U+FFFE, U+FFFF, unpaired
 * surrogates) fails with {@link S3XmlException} naming it: such keys can only travel in listings
 * with {@code encoding-type=url}, which the writers apply when the document asks for it.
 */
public final class XmlOut {
  public static final String NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";

  private final StringBuilder sb = new StringBuilder(256);

  /** Starts a document whose root element carries the S3 namespace. */
  public static XmlOut document(String root) {
    XmlOut out = new XmlOut();
    out.sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<").append(root).append(" xmlns=\"").append(NAMESPACE)
        .append("\">");
    return out;
  }

  /** Starts a document whose root element has no namespace (S3's {@code <Error>}). */
  public static XmlOut documentWithoutNamespace(String root) {
    XmlOut out = new XmlOut();
    out.sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<").append(root).append('>');
    return out;
  }

  /** A whole document that is one root element with text and the S3 namespace. */
  public static byte[] documentWithText(String root, String text) {
    XmlOut out = document(root);
    out.escape(root, text);
    return out.finish(root);
  }

  public XmlOut start(String name) {
    sb.append('<').append(name).append('>');
    return this;
  }

  public XmlOut end(String name) {
    sb.append("</").append(name).append('>');
    return this;
  }

  /** A leaf element; nothing when {@code value} is {@code null}. */
  public XmlOut leaf(String name, String value) {
    if (value != null) {
      sb.append('<').append(name).append('>');
      escape(name, value);
      sb.append("</").append(name).append('>');
    }
    return this;
  }

  /** A leaf element that is always written; {@code null} gives an empty element. */
  public XmlOut leafAlways(String name, String value) {
    return leaf(name, value == null ? "" : value);
  }

  public XmlOut leaf(String name, long value) {
    sb.append('<').append(name).append('>').append(value).append("</").append(name).append('>');
    return this;
  }

  public XmlOut leaf(String name, boolean value) {
    sb.append('<').append(name).append('>').append(value).append("</").append(name).append('>');
    return this;
  }

  /** A timestamp leaf in S3's format; nothing when {@code value} is {@code null}. */
  public XmlOut leaf(String name, Instant value) {
    if (value != null) {
      sb.append('<').append(name).append('>').append(S3Timestamps.format(value)).append("</").append(name)
          .append('>');
    }
    return this;
  }

  /** Ends the root element and returns the document's UTF-8 bytes. */
  public byte[] finish(String root) {
    sb.append("</").append(root).append('>');
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private void escape(String element, String s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&apos;");
        case '\r' -> sb.append("&#13;");
        case '\n' -> sb.append("&#10;");
        case '\t' -> sb.append("&#9;");
        default -> {
          if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
            throw unrepresentable(element, c);
          }
          if (Character.isHighSurrogate(c)) {
            if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
              sb.append(c).append(s.charAt(++i));
            } else {
              throw unrepresentable(element, c);
            }
          } else if (Character.isLowSurrogate(c)) {
            throw unrepresentable(element, c);
          } else {
            sb.append(c);
          }
        }
      }
    }
  }

  private static S3XmlException unrepresentable(String element, char c) {
    return new S3XmlException(String.format(java.util.Locale.ROOT,
        "cannot write <%s>: it contains U+%04X, which XML 1.0 cannot carry; use encoding-type=url", element,
        (int) c));
  }
}
