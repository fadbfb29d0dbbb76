package io.s3wire.xml.internal;

import io.s3wire.xml.S3XmlException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A forward-only walk over an S3 XML document with the JDK's StAX reader, shaped for the flat
 * element-per-field documents S3 uses: {@link #nextChild()} moves to the next child of the current
 * element, {@link #text()} reads a leaf, {@link #skip()} passes over an unknown subtree.
 *
 * <p>Security: the factory refuses DTDs and external entities, and entity references are not
 * replaced; a document that carries a DOCTYPE is rejected as soon as it is seen, before any
 * declaration in it can take effect (no XXE, no entity expansion bombs). Element names are matched
 * by local name, so documents with and without the S3 namespace read the same.
 *
 * <p>Not thread-safe; one cursor per document. The shared factory is thread-safe once configured.
 */
public final class XmlCursor implements AutoCloseable {
  private static final XMLInputFactory FACTORY = newFactory();

  private final XMLStreamReader reader;
  private final String rootName;

  private XmlCursor(XMLStreamReader reader) {
    this.reader = reader;
    this.rootName = reader.getLocalName();
  }

  private static XMLInputFactory newFactory() {
    // newDefaultFactory: the JDK's own implementation even when another StAX provider (Woodstox,
    // pulled in by some dependency) is on the class path, so the hardening below is known to apply.
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    f.setProperty(XMLInputFactory.IS_COALESCING, false);
    f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
      throw new XMLStreamException("external entities are not allowed");
    });
    return f;
  }

  /**
   * A reader over {@code body} from a StAX factory hardened against hostile documents (no DTDs, no
   * entities, no external resolution), shared by every XML reader of the project, the server's
   * included (the JDK's factory is safe to share once configured). The body is decoded
   * as strict UTF-8 (the only encoding S3 documents use; a UTF-8 byte order mark is skipped, an
   * encoding declaration is not followed). Bytes that are not UTF-8 make the reader throw an {@link
   * XMLStreamException} naming the malformed input. Why not hand the parser the bytes: the JDK's own
   * UTF-8 decoder prints {@code [Fatal Error] ... Invalid byte 1 of 1-byte UTF-8 sequence} to
   * standard error before it throws, so each malformed body a client sent would write a line there.
   */
  public static XMLStreamReader newReader(byte[] body) throws XMLStreamException {
    int start = hasUtf8Bom(body) ? 3 : 0;
    if (declaresDoctype(body, start)) {
      // Refused before the parser sees it: the JDK 17 parser prints a stack trace to standard
      // error when a DOCTYPE's internal subset is cut short, before it reports the DTD.
      throw new XMLStreamException("DTDs are not allowed");
    }
    return FACTORY.createXMLStreamReader(strictUtf8(new ByteArrayInputStream(body, start, body.length - start)));
  }

  private static boolean hasUtf8Bom(byte[] b) {
    return b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF;
  }

  // Whether the prolog (what precedes the root element: white space, the XML declaration,
  // processing instructions and comments) holds a DOCTYPE, the only place XML allows one.
  static boolean declaresDoctype(byte[] b, int from) {
    int i = from;
    while (i < b.length) {
      byte c = b[i];
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        i++;
      } else if (startsWith(b, i, "<?")) {
        i = after(b, i + 2, "?>");
      } else if (startsWith(b, i, "<!--")) {
        i = after(b, i + 4, "-->");
      } else {
        return startsWith(b, i, "<!DOCTYPE");
      }
    }
    return false;
  }

  private static boolean startsWith(byte[] b, int at, String ascii) {
    if (b.length - at < ascii.length()) {
      return false;
    }
    for (int k = 0; k < ascii.length(); k++) {
      if (b[at + k] != ascii.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static int after(byte[] b, int from, String end) {
    for (int i = from; i < b.length; i++) {
      if (startsWith(b, i, end)) {
        return i + end.length();
      }
    }
    return b.length;
  }

  private static Reader strictUtf8(InputStream in) {
    return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT));
  }

  /** Opens a cursor positioned on the root element. */
  public static XmlCursor open(byte[] body) {
    if (body == null || body.length == 0) {
      throw new S3XmlException("malformed XML: the body is empty");
    }
    XMLStreamReader r;
    try {
      r = newReader(body);
    } catch (XMLStreamException e) {
      throw malformed(e);
    } catch (RuntimeException e) {
      throw parserFailed(e);
    }
    try {
      while (true) {
        int event = r.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          return new XmlCursor(r);
        }
        if (event == XMLStreamConstants.DTD) {
          throw new S3XmlException("malformed XML: DTDs are not allowed");
        }
        if (event == XMLStreamConstants.END_DOCUMENT) {
          throw new S3XmlException("malformed XML: no root element");
        }
      }
    } catch (XMLStreamException e) {
      closeQuietly(r);
      throw malformed(e);
    } catch (RuntimeException e) {
      closeQuietly(r);
      throw e instanceof S3XmlException s ? s : parserFailed(e);
    }
  }

  /**
   * Opens a cursor over the whole of {@code in}, positioned on the root element; the caller closes
   * {@code in}. S3 documents are small: the stream is read into memory first, so the DOCTYPE check
   * of {@link #newReader(byte[])} sees the whole prolog.
   */
  public static XmlCursor open(InputStream in) {
    byte[] body;
    try {
      body = in.readAllBytes();
    } catch (IOException e) {
      throw new S3XmlException("malformed XML: reading the body failed: " + e.getMessage(), e);
    }
    return open(body);
  }

  /** The root element's local name. */
  public String rootName() {
    return rootName;
  }

  /** Fails unless the root element is {@code expected}. */
  public void requireRoot(String expected) {
    if (!expected.equals(rootName)) {
      throw new S3XmlException("unexpected XML document: root element <" + rootName + ">, expected <" + expected + ">");
    }
  }

  /**
   * Moves to the next child element of the element whose children are being walked. Returns
   * {@code false} when that element ends; the caller must have consumed each child it was given
   * (with {@link #text()}, {@link #skip()} or a nested walk).
   */
  public boolean nextChild() {
    try {
      while (reader.hasNext()) {
        int event = next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          return true;
        }
        if (event == XMLStreamConstants.END_ELEMENT) {
          return false;
        }
        if (event == XMLStreamConstants.DTD) {
          throw new S3XmlException("malformed XML: DTDs are not allowed");
        }
        if (event == XMLStreamConstants.END_DOCUMENT) {
          return false;
        }
      }
      return false;
    } catch (XMLStreamException e) {
      throw malformed(e);
    }
  }

  // The JDK's parser reports some malformed input with an unchecked exception of its own instead of
  // an XMLStreamException (e.g. a control character in a refused DTD: MissingResourceException
  // for its message key InvalidCharInDTD, found by fuzzing): still malformed XML.
  private int next() throws XMLStreamException {
    try {
      return reader.next();
    } catch (XMLStreamException | S3XmlException e) {
      throw e;
    } catch (RuntimeException e) {
      throw parserFailed(e);
    }
  }

  /** The current element's local name. */
  public String name() {
    return reader.getLocalName();
  }

  /** Reads the current leaf element's text (possibly empty) and moves past its end tag. */
  public String text() {
    String value = readText(false);
    if (value == null) {
      throw new S3XmlException("malformed XML: <" + reader.getLocalName() + "> holds elements where text was expected");
    }
    return value;
  }

  /**
   * Reads the current element's text when it is a leaf and moves past its end tag; returns {@code
   * null} (having skipped it) when it has child elements.
   */
  public String leafTextOrNull() {
    return readText(true);
  }

  // StAX's getElementText would quietly append an undeclared entity reference's (empty) text; with
  // DTDs refused every entity reference that is not predefined is undeclared, so it is an error.
  private String readText(boolean skipNested) {
    StringBuilder sb = null;
    String single = "";
    try {
      while (true) {
        int event = next();
        switch (event) {
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
            if (sb == null && single.isEmpty()) {
              single = reader.getText();
            } else {
              if (sb == null) {
                sb = new StringBuilder(single);
              }
              sb.append(reader.getText());
            }
          }
          case XMLStreamConstants.ENTITY_REFERENCE -> throw new S3XmlException(
              "malformed XML: the entity &" + reader.getLocalName() + "; is not declared (DTDs are not allowed)");
          case XMLStreamConstants.START_ELEMENT -> {
            if (!skipNested) {
              return null;
            }
            skip();
            skip();
            return null;
          }
          case XMLStreamConstants.END_ELEMENT -> {
            return sb == null ? single : sb.toString();
          }
          case XMLStreamConstants.END_DOCUMENT -> throw new S3XmlException("malformed XML: unexpected end of document");
          default -> {
            // Comments and processing instructions carry no value.
          }
        }
      }
    } catch (XMLStreamException e) {
      throw malformed(e);
    }
  }

  /** Skips the current element and everything inside it. */
  public void skip() {
    int depth = 1;
    try {
      while (depth > 0 && reader.hasNext()) {
        int event = next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          depth++;
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          depth--;
        }
      }
    } catch (XMLStreamException e) {
      throw malformed(e);
    }
  }

  /** Reads the current leaf as a long. */
  public long longText() {
    String s = text().trim();
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new S3XmlException("malformed XML: <" + name() + "> is not a number: '" + excerpt(s) + "'");
    }
  }

  /** Reads the current leaf as an int. */
  public int intText() {
    String s = text().trim();
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new S3XmlException("malformed XML: <" + name() + "> is not a number: '" + excerpt(s) + "'");
    }
  }

  /** Reads the current leaf as a boolean ({@code true} or {@code false}, any case). */
  public boolean booleanText() {
    String s = text().trim();
    if (s.equalsIgnoreCase("true")) {
      return true;
    }
    if (s.equalsIgnoreCase("false")) {
      return false;
    }
    throw new S3XmlException("malformed XML: <" + name() + "> is not true or false: '" + excerpt(s) + "'");
  }

  /** Reads the current leaf as an S3 timestamp (lenient ISO-8601). */
  public java.time.Instant instantText() {
    return S3Timestamps.parse(text());
  }

  @Override
  public void close() {
    closeQuietly(reader);
  }

  private static void closeQuietly(XMLStreamReader r) {
    try {
      r.close();
    } catch (XMLStreamException ignored) {
      // Closing a reader over an in-memory stream releases nothing that can fail meaningfully.
    }
  }

  static String excerpt(String s) {
    return s.length() <= 64 ? s : s.substring(0, 64) + "...";
  }

  private static S3XmlException parserFailed(RuntimeException e) {
    return new S3XmlException("malformed XML: the parser failed with " + e.getClass().getSimpleName(), e);
  }

  private static S3XmlException malformed(XMLStreamException e) {
    for (Throwable c = e; c != null; c = c instanceof XMLStreamException x && x.getNestedException() != null ? x.getNestedException() : c.getCause()) {
      if (c instanceof CharacterCodingException) {
        return new S3XmlException("malformed XML: the body is not UTF-8", e);
      }
    }
    String msg = e.getMessage() == null ? e.toString() : e.getMessage();
    if (msg.contains("DOCTYPE") || msg.contains("DTD")) {
      return new S3XmlException("malformed XML: DTDs are not allowed", e);
    }
    return new S3XmlException("malformed XML: " + msg.replace('\n', ' '), e);
  }
}
