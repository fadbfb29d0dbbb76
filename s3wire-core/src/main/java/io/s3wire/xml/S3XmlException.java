package io.s3wire.xml;

/**
 * An S3 XML document could not be read or written: the bytes are not well-formed XML, carry a DTD
 * (refused, so no entity can be expanded or fetched), have an unexpected root element, or a value
 * could not be parsed; or a value to write holds a character XML 1.0 cannot carry.
 *
 * <p>The message names the problem; it never quotes more than a short excerpt of the document.
 */
public class S3XmlException extends RuntimeException {
  public S3XmlException(String message) {
    super(message);
  }

  public S3XmlException(String message, Throwable cause) {
    super(message, cause);
  }
}
