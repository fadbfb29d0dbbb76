package io.s3wire.xml;

/**
 * One {@code <Part>} of a CompleteMultipartUpload request.
 *
 * @param eTag the part's ETag as UploadPart returned it, quotes included
 */
public record CompletedPart(int partNumber, String eTag) {}
