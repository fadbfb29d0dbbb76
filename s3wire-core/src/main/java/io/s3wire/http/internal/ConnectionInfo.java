package io.s3wire.http.internal;

import io.s3wire.http.HttpProtocol;
import io.s3wire.http.TlsProvider;
import java.util.List;

/**
 * The wire facts of one connection that an {@link io.s3wire.error.Attempt} records.
 *
 * @param tlsProvider {@code null} over plain TCP
 * @param alpnOffered empty over plain TCP or when no ALPN extension was sent
 * @param alpnSelected what the server selected, or {@code null}
 */
record ConnectionInfo(String id, HttpProtocol protocol, TlsProvider tlsProvider, List<String> alpnOffered, String alpnSelected) {}
