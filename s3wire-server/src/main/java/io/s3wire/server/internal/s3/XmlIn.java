package io.s3wire.server.internal.s3;

import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the request documents (CompleteMultipartUpload, Delete) with StAX, DTDs and external
 * entities off: a document with a DOCTYPE (XXE, billion laughs) is MalformedXML, never expanded.
 * Kept behind this class so core's S3 XML readers can replace it.
 */
final class XmlIn {
  static final int MAX_BODY = 4 * 1024 * 1024;

  private static final XMLInputFactory FACTORY = newFactory();

  private XmlIn() {}

  private static XMLInputFactory newFactory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    return f;
  }

  record Part(int number, String etag) {}

  record DeleteRequest(boolean quiet, List<String> keys) {}

  /** Reads a whole small body; MalformedXML when it exceeds {@code max} bytes. */
  static byte[] readBody(InputStream in, int max) throws IOException {
    byte[] b = in.readNBytes(max + 1);
    if (b.length > max) {
      throw new S3ErrorException(S3ErrorCode.MALFORMED_XML);
    }
    return b;
  }

  /** A parsed element tree, small and sufficient for S3's request documents. */
  record Node(String name, String text, List<Node> children) {
    Node child(String n) {
      for (Node c : children) {
        if (c.name.equals(n)) {
          return c;
        }
      }
      return null;
    }

    List<Node> all(String n) {
      return children.stream().filter(c -> c.name.equals(n)).toList();
    }
  }

  static Node parse(byte[] body) {
    if (body.length == 0) {
      throw new S3ErrorException(S3ErrorCode.MALFORMED_XML);
    }
    try {
      XMLStreamReader r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(body));
      try {
        List<Node> stack = new ArrayList<>();
        List<StringBuilder> texts = new ArrayList<>();
        Node root = null;
        while (r.hasNext()) {
          int ev = r.next();
          switch (ev) {
            case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.ENTITY_DECLARATION ->
                throw new S3ErrorException(S3ErrorCode.MALFORMED_XML);
            case XMLStreamConstants.START_ELEMENT -> {
              Node n = new Node(r.getLocalName(), null, new ArrayList<>());
              stack.add(n);
              texts.add(new StringBuilder());
            }
            case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
              if (!texts.isEmpty()) {
                texts.get(texts.size() - 1).append(r.getText());
              }
            }
            case XMLStreamConstants.END_ELEMENT -> {
              Node open = stack.remove(stack.size() - 1);
              String text = texts.remove(texts.size() - 1).toString();
              Node done = new Node(open.name, text, open.children);
              if (stack.isEmpty()) {
                root = done;
              } else {
                stack.get(stack.size() - 1).children.add(done);
              }
            }
            default -> {
              // comments, processing instructions: not part of S3 documents' meaning
            }
          }
        }
        if (root == null) {
          throw new S3ErrorException(S3ErrorCode.MALFORMED_XML);
        }
        return root;
      } finally {
        r.close();
      }
    } catch (XMLStreamException | RuntimeException e) {
      if (e instanceof S3ErrorException s) {
        throw s;
      }
      throw new S3ErrorException(S3ErrorCode.MALFORMED_XML);
    }
  }

  static List<Part> completeMultipartUpload(byte[] body) {
    Node root = parse(body);
    if (!root.name.equals("CompleteMultipartUpload")) {
      throw new S3ErrorException(S3ErrorCode.MALFORMED_XML);
    }
    List<Part> parts = new ArrayList<>();
    for (Node p : root.all("Part")) {
      Node number = p.child("PartNumber");
      Node etag = p.child("ETag");
      if (number == null || etag == null) {
        throw new S3ErrorException(S3ErrorCode.MALFORMED_XML);
      }
      try {
        parts.add(new Part(Integer.parseInt(number.text.trim()), etag.text.trim()));
      } catch (NumberFormatException e) {
        throw new S3ErrorException(S3ErrorCode.MALFORMED_XML);
      }
    }
    if (parts.isEmpty()) {
      throw new S3ErrorException(S3ErrorCode.MALFORMED_XML);
    }
    return parts;
  }

  static DeleteRequest delete(byte[] body) {
    Node root = parse(body);
    if (!root.name.equals("Delete")) {
      throw new S3ErrorException(S3ErrorCode.MALFORMED_XML);
    }
    Node quiet = root.child("Quiet");
    List<String> keys = new ArrayList<>();
    for (Node o : root.all("Object")) {
      Node key = o.child("Key");
      if (key == null) {
        throw new S3ErrorException(S3ErrorCode.MALFORMED_XML);
      }
      keys.add(key.text);
    }
    if (keys.isEmpty() || keys.size() > 1000) {
      throw new S3ErrorException(S3ErrorCode.MALFORMED_XML);
    }
    return new DeleteRequest(quiet != null && quiet.text.trim().equalsIgnoreCase("true"), keys);
  }
}
