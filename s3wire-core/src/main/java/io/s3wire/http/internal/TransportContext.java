package io.s3wire.http.internal;

import io.s3wire.http.TransportConfig;
import java.util.concurrent.Executor;

/**
 * What connections share within one transport.
 *
 * @param bodyExecutor runs blocking work off the event loops: request-body reads, {@code
 *     ResponseBody.transferTo} writes, DNS lookups
 */
record TransportContext(TransportConfig config, Executor bodyExecutor) {}
