package io.s3wire.transfer;

import io.s3wire.BucketKey;
import io.s3wire.GetObjectRequest;
import io.s3wire.ObjectInfo;
import io.s3wire.PutObjectRequest;
import io.s3wire.PutObjectResult;
import io.s3wire.S3AsyncClient;
import io.s3wire.transfer.internal.Transfers;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Moves whole objects between files, streams or arrays and S3, in parallel parts with bounded
 * memory and end-to-end integrity checks.
 *
 * <p>Uploads: up to {@link TransferConfig#multipartThreshold()} one PUT, above it a multipart upload
 * of {@link TransferConfig#partSizeFor} parts, {@link TransferConfig#maxConcurrency()} in flight, each
 * its own request over the client's connection pool. A file part is streamed from the file; each
 * part's MD5 is sent as {@code Content-MD5} and checked against its ETag, and the object's ETag
 * against the MD5 of the part MD5s. A failed part is sent again ({@link TransferConfig#partRetry()});
 * a transfer that cannot finish aborts its upload, unless {@link UploadOptions#withResume()}.
 *
 * <p>Downloads: parallel ranged GETs into a temporary file renamed into place when complete and
 * verified, or a stream that reads ahead a bounded number of ranges.
 *
 * <p>Thread-safe; share one. Hashing and blocking reads run on this manager's worker threads, never
 * on the client's event loop. Each {@link Transfer#result()} completes on the client's completion
 * executor ({@code S3ClientBuilder#completionExecutor}), as the client's own futures do: dependent
 * stages never run on a transport I/O thread. {@link #close()} stops the workers; it does not close
 * the client.
 */
public final class TransferManager implements AutoCloseable {
  private final Transfers transfers;
  private final TransferConfig config;

  private TransferManager(S3AsyncClient client, TransferConfig config) {
    this.config = config;
    this.transfers = new Transfers(Objects.requireNonNull(client, "client"), config);
  }

  /**
   * A manager with {@link TransferConfig#defaults()}.
   *
   * @param client the client every request goes through, not {@code null}; the manager does not close it
   * @return a new manager with its own worker threads; close it when done
   */
  public static TransferManager create(S3AsyncClient client) {
    return new TransferManager(client, TransferConfig.defaults());
  }

  /**
   * A manager that splits and paces transfers as {@code config} says.
   *
   * @param client the client every request goes through, not {@code null}; the manager does not close it
   * @param config part sizes, concurrency, retries and checksums, not {@code null}
   * @return a new manager with its own worker threads; close it when done
   */
  public static TransferManager create(S3AsyncClient client, TransferConfig config) {
    return new TransferManager(client, Objects.requireNonNull(config, "config"));
  }

  /**
   * The configuration every transfer of this manager follows.
   *
   * @return never {@code null}
   */
  public TransferConfig config() {
    return config;
  }

  /**
   * Uploads a file. The file must not change while it is uploaded.
   *
   * @param target the bucket and key to write, not {@code null}
   * @param file the file to read
   * @param options metadata, progress and resume, or {@code null} for {@link UploadOptions#DEFAULTS}
   * @return the running transfer
   */
  public Transfer<PutObjectResult> uploadFile(BucketKey target, Path file, UploadOptions options) {
    UploadOptions o = options == null ? UploadOptions.DEFAULTS : options;
    return transfers.uploadFile(asRequest(target, o), file, o);
  }

  /**
   * Uploads a file as {@code request} says: its headers (metadata, tags, ACL, encryption, extras) go
   * on the single PUT or the CreateMultipartUpload, a customer key on every part too, and its checksum
   * algorithm, when it names one, replaces the configuration's. The file must not change while it is
   * uploaded.
   *
   * @param request what to send
   * @param file the file
   * @param options progress and resume; its metadata must be left empty (the request carries it)
   * @return the transfer
   */
  public Transfer<PutObjectResult> uploadFile(PutObjectRequest request, Path file, UploadOptions options) {
    return transfers.uploadFile(request, file, requestOptions(options));
  }

  /**
   * Uploads what a stream holds until its end, length unknown: parts are read into a bounded pool of
   * {@code maxConcurrency} buffers. The caller closes the stream after the transfer ends.
   *
   * @param target the bucket and key to write, not {@code null}
   * @param in the stream, read by the manager's worker threads
   * @param options metadata and progress, or {@code null} for {@link UploadOptions#DEFAULTS}
   * @return the running transfer
   */
  public Transfer<PutObjectResult> uploadStream(BucketKey target, InputStream in, UploadOptions options) {
    UploadOptions o = options == null ? UploadOptions.DEFAULTS : options;
    return transfers.uploadStream(asRequest(target, o), in, o);
  }

  /**
   * Uploads what a stream holds as {@code request} says (see {@link #uploadFile(PutObjectRequest,
   * Path, UploadOptions)}). The caller closes the stream after the transfer ends.
   *
   * @param request what to send
   * @param in the stream
   * @param options progress and resume
   * @return the transfer
   */
  public Transfer<PutObjectResult> uploadStream(PutObjectRequest request, InputStream in, UploadOptions options) {
    return transfers.uploadStream(request, in, requestOptions(options));
  }

  /**
   * Uploads an array (not copied: do not change it until the transfer ends).
   *
   * @param target the bucket and key to write, not {@code null}
   * @param bytes the object's bytes
   * @param options metadata and progress, or {@code null} for {@link UploadOptions#DEFAULTS}
   * @return the running transfer
   */
  public Transfer<PutObjectResult> uploadBytes(BucketKey target, byte[] bytes, UploadOptions options) {
    UploadOptions o = options == null ? UploadOptions.DEFAULTS : options;
    return transfers.uploadBytes(asRequest(target, o), bytes, o);
  }

  /**
   * Uploads an array (not copied) as {@code request} says (see {@link #uploadFile(PutObjectRequest,
   * Path, UploadOptions)}).
   *
   * @param request what to send
   * @param bytes the bytes (not copied)
   * @param options progress and resume
   * @return the transfer
   */
  public Transfer<PutObjectResult> uploadBytes(PutObjectRequest request, byte[] bytes, UploadOptions options) {
    return transfers.uploadBytes(request, bytes, requestOptions(options));
  }

  /**
   * Downloads an object to {@code target}, replacing it only once the whole object arrived and was
   * verified; until then it goes to a temporary file next to {@code target}.
   *
   * @param source the bucket and key to read, not {@code null}
   * @param target the file to write
   * @param listener hears progress, or {@code null} for none
   * @return the running transfer, completing with the object's details
   */
  public Transfer<ObjectInfo> downloadFile(BucketKey source, Path target, TransferListener listener) {
    return downloadFile(GetObjectRequest.of(Objects.requireNonNull(source, "source")), target, listener);
  }

  /**
   * Downloads an object to {@code target} as {@code request} says: its version, SSE-C key (the one
   * the object was written with; a missing or wrong key fails the transfer with the server's {@code
   * ServiceException} before anything is written), extra headers, query parameters and call listener
   * go on the HEAD and on every ranged GET, its conditions on the HEAD. The target is replaced only
   * once the whole object arrived and was verified, as {@link #downloadFile(BucketKey, Path,
   * TransferListener)} says.
   *
   * @param request the object and how to read it, not {@code null}; its range must be {@code null}
   *     (a download reads the whole object, in ranges of its own)
   * @param target the file to write
   * @param listener hears progress, or {@code null} for none
   * @return the running transfer, completing with the object's details
   */
  public Transfer<ObjectInfo> downloadFile(GetObjectRequest request, Path target, TransferListener listener) {
    return transfers.downloadFile(request, target, listener == null ? TransferListener.NONE : listener);
  }

  /**
   * An object as a stream read in order, fetched as parallel ranges with at most {@code
   * maxConcurrency} ranges read ahead. The caller must close the stream; closing it early cancels
   * the ranges in flight.
   *
   * @param source the bucket and key to read, not {@code null}
   * @param listener hears progress, or {@code null} for none
   * @return the running transfer, completing with the stream once the object's size is known
   */
  public Transfer<InputStream> downloadStream(BucketKey source, TransferListener listener) {
    return downloadStream(GetObjectRequest.of(Objects.requireNonNull(source, "source")), listener);
  }

  /**
   * An object as a stream read in order, as {@code request} says (see {@link
   * #downloadFile(GetObjectRequest, Path, TransferListener)} for what it carries). The caller must
   * close the stream; closing it early cancels the ranges in flight.
   *
   * @param request the object and how to read it, not {@code null}; its range must be {@code null}
   * @param listener hears progress, or {@code null} for none
   * @return the running transfer, completing with the stream once the object's size is known
   */
  public Transfer<InputStream> downloadStream(GetObjectRequest request, TransferListener listener) {
    return transfers.downloadStream(request, listener == null ? TransferListener.NONE : listener);
  }

  /**
   * Copies an object on the server: one CopyObject up to the threshold, else parallel UploadPartCopy
   * parts of the source's ranges (for objects over CopyObject's 5 GiB limit too). The target keeps
   * the source's metadata.
   *
   * @param source the bucket and key to copy from, not {@code null}
   * @param target the bucket and key to write, not {@code null}
   * @param listener hears progress, or {@code null} for none
   * @return the running transfer
   */
  public Transfer<PutObjectResult> copy(BucketKey source, BucketKey target, TransferListener listener) {
    return transfers.copy(source, target, listener == null ? TransferListener.NONE : listener);
  }

  /**
   * Stops the worker threads at once, interrupting work still running; the client stays open.
   */
  @Override
  public void close() {
    transfers.close();
  }

  /** The request the short forms mean: the target with the options' metadata. */
  private static PutObjectRequest asRequest(BucketKey target, UploadOptions options) {
    return PutObjectRequest.of(Objects.requireNonNull(target, "target")).withMetadata(options.metadata());
  }

  /** Options beside a request, which carries the metadata: two places for it would be one too many. */
  private static UploadOptions requestOptions(UploadOptions options) {
    UploadOptions o = options == null ? UploadOptions.DEFAULTS : options;
    if (!o.metadata().equals(io.s3wire.ObjectMetadata.NONE)) {
      throw new io.s3wire.error.ClientException("metadata", "give the metadata in the PutObjectRequest, not in"
          + " UploadOptions");
    }
    return o;
  }

  /**
   * Whether {@code file} is one a transfer keeps while it works, never one to copy: a download's
   * temporary file ({@code .<name>…s3wire-download}, next to the target) or a resumable upload's
   * state file ({@code <file>.s3wire-upload}, known by its content). A directory walk that feeds
   * transfers should leave them out.
   *
   * @param file any path; a state file is recognised by reading its first line
   * @return {@code true} for a transfer's temporary or state file
   */
  public static boolean isWorkFile(Path file) {
    return Transfers.isWorkFile(file);
  }
}
