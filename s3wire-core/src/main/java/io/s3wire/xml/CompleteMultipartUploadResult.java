package io.s3wire.xml;

/**
 * The answer to CompleteMultipartUpload. S3 may answer status 200 with an {@code <Error>} body
 * instead; the reader then throws {@link ErrorBodyException}.
 *
 * @param eTag the object's ETag, quotes included (for a multipart object not an MD5)
 */
public record CompleteMultipartUploadResult(String location, String bucket, String key, String eTag) {}
