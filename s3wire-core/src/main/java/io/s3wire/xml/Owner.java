package io.s3wire.xml;

/** An {@code <Owner>} or {@code <Initiator>}: canonical id and display name (either may be {@code null}). */
public record Owner(String id, String displayName) {}
