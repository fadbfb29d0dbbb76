package io.s3wire.server;

import io.s3wire.http.HttpProtocol;

/**
 * A request as the server saw it, given to {@link RequestObserver}s.
 *
 * @param operation the S3 operation's AWS name, e.g. {@code PutObject}
 * @param method HTTP method
 * @param path the decoded path
 * @param protocol HTTP version
 * @param streamId the HTTP/2 stream id, 0 on HTTP/1.1
 * @param sentHostHeader whether an HTTP/2 request carried a regular {@code host} header
 */
public record ObservedRequest(String operation, String method, String path, HttpProtocol protocol, int streamId,
    boolean sentHostHeader) {}
