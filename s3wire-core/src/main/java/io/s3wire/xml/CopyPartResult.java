package io.s3wire.xml;

import java.time.Instant;

/** The answer to UploadPartCopy. A 200 with an {@code <Error>} body makes the reader throw {@link ErrorBodyException}. */
public record CopyPartResult(String eTag, Instant lastModified) {}
