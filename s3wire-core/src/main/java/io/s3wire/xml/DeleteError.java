package io.s3wire.xml;

/** One {@code <Error>} entry of DeleteResult: the key that could not be deleted and why. */
public record DeleteError(String key, String versionId, String code, String message) {}
