/**
 * S3's XML documents as immutable records, read and written by {@link io.s3wire.xml.S3Xml} for both
 * sides of the wire (the client's requests and responses, the embedded server's as well).
 *
 * <p>Reading is the JDK's StAX with DTDs and external entities refused; writing escapes everything
 * XML 1.0 can carry and refuses what it cannot (see {@link io.s3wire.xml.S3Xml}). Names in listings
 * are held decoded; {@code encoding-type=url} is applied on the wire only. Failures are {@link
 * io.s3wire.xml.S3XmlException}, and an {@code <Error>} where a result was expected is {@link
 * io.s3wire.xml.ErrorBodyException}; {@code io.s3wire.error.ServiceExceptions} turns either kind of
 * error body into a {@code ServiceException}.
 */
package io.s3wire.xml;
