package io.s3wire;

import java.time.Instant;

/** A part as ListParts returns it. */
public record PartInfo(int partNumber, String eTag, long size, Instant lastModified) {}
