/**
 * Whole-object transfers: parallel multipart uploads from files, streams and arrays, parallel ranged
 * downloads to files and streams, and server-side copies, with bounded memory, per-part and
 * whole-object integrity checks, retries per part, resumable uploads, progress and cancellation.
 * Start with {@link io.s3wire.transfer.TransferManager}.
 */
package io.s3wire.transfer;
