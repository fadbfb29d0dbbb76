package io.s3wire.xml.internal;

import io.s3wire.xml.ErrorBodyException;

/** Root-element checks shared by the readers. */
final class Roots {
  private Roots() {}

  /**
   * Fails unless the document's root is {@code expected}; an {@code <Error>} root (S3's 200-with-error
   * answers) becomes an {@link ErrorBodyException} carrying the parsed error.
   */
  static void expect(XmlCursor c, String expected) {
    if (!expected.equals(c.rootName()) && ErrorXml.isErrorRoot(c.rootName())) {
      throw new ErrorBodyException(ErrorXml.readBody(c));
    }
    c.requireRoot(expected);
  }

  static io.s3wire.xml.Owner owner(XmlCursor c) {
    String id = null;
    String displayName = null;
    while (c.nextChild()) {
      switch (c.name()) {
        case "ID" -> id = c.text();
        case "DisplayName" -> displayName = c.text();
        default -> c.skip();
      }
    }
    return new io.s3wire.xml.Owner(id, displayName);
  }

  static void owner(XmlOut out, String element, io.s3wire.xml.Owner owner) {
    if (owner != null) {
      out.start(element).leaf("ID", owner.id()).leaf("DisplayName", owner.displayName()).end(element);
    }
  }

  /** Reads the {@code <Prefix>} of one {@code <CommonPrefixes>} element. */
  static String commonPrefix(XmlCursor c) {
    String prefix = null;
    while (c.nextChild()) {
      if (c.name().equals("Prefix")) {
        prefix = c.text();
      } else {
        c.skip();
      }
    }
    return prefix == null ? "" : prefix;
  }
}
