package io.s3wire;

import java.time.Instant;

/**
 * A part as ListParts returns it.
 *
 * @param partNumber the part's number, 1 to 10,000
 * @param eTag the part's entity tag without quotes
 * @param size the part's length in bytes
 * @param lastModified when the part was uploaded, or {@code null} when the server did not say
 */
public record PartInfo(int partNumber, String eTag, long size, Instant lastModified) {}
