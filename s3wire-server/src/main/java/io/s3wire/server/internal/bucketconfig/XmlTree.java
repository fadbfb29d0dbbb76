package io.s3wire.server.internal.bucketconfig;

import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import io.s3wire.xml.internal.XmlCursor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A small element tree read from a bucket configuration document, for the nested documents
 * (CORS rules, lifecycle filters) that core's flat readers do not model.
 *
 * <p>Hardened like core's {@code XmlCursor}: DTDs and external entities are refused, entity
 * references are not replaced, nesting is limited. Every failure is S3's MalformedXML. Elements
 * are named by local name, so documents with and without the S3 namespace read the same; mixed
 * content keeps only the text of leaves.
 */
record XmlTree(String name, String text, List<XmlTree> children) {
  private static final int MAX_DEPTH = 16;

  static S3ErrorException malformed() {
    return new S3ErrorException(S3ErrorCode.MALFORMED_XML);
  }

  /** Reads {@code body}, whose root must be {@code root}; MalformedXML otherwise. */
  static XmlTree parse(byte[] body, String root) {
    if (body.length == 0) {
      throw malformed();
    }
    XMLStreamReader r = null;
    try {
      r = XmlCursor.newReader(body);
      while (true) {
        int event = r.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          break;
        }
        if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.END_DOCUMENT) {
          throw malformed();
        }
      }
      XmlTree tree = element(r, 1);
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamConstants.START_ELEMENT || event == XMLStreamConstants.DTD) {
          throw malformed();
        }
      }
      if (!tree.name.equals(root)) {
        throw malformed();
      }
      return tree;
    } catch (XMLStreamException | RuntimeException e) {
      if (e instanceof S3ErrorException s) {
        throw s;
      }
      throw malformed();
    } finally {
      if (r != null) {
        try {
          r.close();
        } catch (XMLStreamException ignored) {
          // Nothing to release beyond the array.
        }
      }
    }
  }

  private static XmlTree element(XMLStreamReader r, int depth) throws XMLStreamException {
    if (depth > MAX_DEPTH) {
      throw malformed();
    }
    String name = r.getLocalName();
    StringBuilder text = new StringBuilder();
    List<XmlTree> children = new ArrayList<>();
    while (true) {
      int event = r.next();
      switch (event) {
        case XMLStreamConstants.START_ELEMENT -> children.add(element(r, depth + 1));
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> text.append(r.getText());
        case XMLStreamConstants.END_ELEMENT -> {
          return new XmlTree(name, children.isEmpty() ? text.toString() : "", List.copyOf(children));
        }
        case XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.DTD, XMLStreamConstants.END_DOCUMENT ->
            throw malformed();
        default -> {
          // Comments and processing instructions carry nothing.
        }
      }
    }
  }

  /** The children named {@code child}, in document order. */
  List<XmlTree> all(String child) {
    List<XmlTree> out = new ArrayList<>();
    for (XmlTree c : children) {
      if (c.name.equals(child)) {
        out.add(c);
      }
    }
    return out;
  }

  /** The one child named {@code child}, or {@code null}; MalformedXML when there are several. */
  XmlTree one(String child) {
    List<XmlTree> found = all(child);
    if (found.size() > 1) {
      throw malformed();
    }
    return found.isEmpty() ? null : found.get(0);
  }

  /** The one child named {@code child}; MalformedXML when absent or repeated. */
  XmlTree required(String child) {
    XmlTree c = one(child);
    if (c == null) {
      throw malformed();
    }
    return c;
  }

  /** The trimmed text of the one child named {@code child}, or {@code null} when absent. */
  String textOf(String child) {
    XmlTree c = one(child);
    return c == null ? null : c.text.trim();
  }

  /**
   * The trimmed text of the one child named {@code child}, which must be one of {@code allowed};
   * MalformedXML when it is absent, repeated or another value. (The immutable sets the callers pass
   * throw NullPointerException on {@code contains(null)}: an absent child must not get that far.)
   */
  String textIn(String child, Collection<String> allowed) {
    String s = textOf(child);
    if (s == null || !allowed.contains(s)) {
      throw malformed();
    }
    return s;
  }

  /** Fails with MalformedXML when a child is not one of {@code allowed}. */
  XmlTree only(String... allowed) {
    for (XmlTree c : children) {
      if (!List.of(allowed).contains(c.name)) {
        throw malformed();
      }
    }
    return this;
  }

  /** The text of the child {@code child} as an int, or {@code null} when absent; MalformedXML when not a number. */
  Integer intOf(String child) {
    String s = textOf(child);
    if (s == null) {
      return null;
    }
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw malformed();
    }
  }

  /** The text of the child {@code child} as a boolean, or {@code false} when absent; MalformedXML when neither. */
  boolean booleanOf(String child) {
    String s = textOf(child);
    if (s == null) {
      return false;
    }
    if (s.equalsIgnoreCase("true")) {
      return true;
    }
    if (s.equalsIgnoreCase("false")) {
      return false;
    }
    throw malformed();
  }
}
