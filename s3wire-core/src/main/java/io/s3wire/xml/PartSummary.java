package io.s3wire.xml;

import java.time.Instant;

/** One {@code <Part>} of ListPartsResult. */
public record PartSummary(int partNumber, Instant lastModified, String eTag, long size) {}
