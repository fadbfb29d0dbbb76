package io.s3wire.transfer.internal;

import io.s3wire.BucketKey;
import io.s3wire.ObjectInfo;
import io.s3wire.PutObjectResult;
import io.s3wire.S3AsyncClient;
import io.s3wire.error.ClientException;
import io.s3wire.transfer.Transfer;
import io.s3wire.transfer.TransferConfig;
import io.s3wire.transfer.TransferListener;
import io.s3wire.transfer.UploadOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** Starts transfers for {@code TransferManager} and owns its worker threads. */
public final class Transfers implements AutoCloseable {
  private final S3AsyncClient client;
  private final TransferConfig config;
  private final ExecutorService workers;

  public Transfers(S3AsyncClient client, TransferConfig config) {
    this.client = client;
    this.config = config;
    AtomicInteger n = new AtomicInteger();
    this.workers = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "s3wire-transfer-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Whether an upload through {@code client} checks bytes by CRC32C: when asked for, or on {@code
   * AUTO} where the provider takes a full-object CRC32C on multipart uploads.
   *
   * @throws ClientException when CRC32C is asked of a provider that cannot take it
   */
  static boolean uploadsUseCrc32c(TransferConfig config, S3AsyncClient client) {
    return usesCrc32c(config, client, client.provider().acceptsFullObjectCrc32c(),
        "a full-object CRC32C on multipart uploads");
  }

  /** As {@link #uploadsUseCrc32c} for downloads, which need only the stored checksums (flexible checksums). */
  static boolean downloadsUseCrc32c(TransferConfig config, S3AsyncClient client) {
    return usesCrc32c(config, client, client.provider().acceptsFlexibleChecksums(), "flexible checksums");
  }

  private static boolean usesCrc32c(TransferConfig config, S3AsyncClient client, boolean accepted, String what) {
    return switch (config.checksum()) {
      case MD5 -> false;
      case AUTO -> accepted;
      case CRC32C -> {
        if (!accepted) {
          throw new ClientException("transfer checksum", "CRC32C needs " + what + ", which provider profile "
              + client.provider().name() + " does not accept; use MD5 or AUTO");
        }
        yield true;
      }
    };
  }

  public Transfer<PutObjectResult> uploadFile(BucketKey target, Path file, UploadOptions options) {
    TransferState state = new TransferState(options.listener(), -1, -1);
    return start(state, () -> {
      Objects.requireNonNull(target, "target");
      if (!Files.isRegularFile(file)) {
        throw new ClientException("file", file + " is not a readable regular file");
      }
      UploadSource source;
      try {
        source = UploadSource.file(file);
      } catch (IOException e) {
        throw new ClientException("file", "cannot read " + file + ": " + e.getMessage(), e);
      }
      Resume resume = options.resumable()
          ? new Resume(options.stateFile() != null ? options.stateFile() : Resume.defaultFile(file), file) : null;
      return new KnownSizeUpload(client, config, workers, target, source, options, state, resume).run()
          .whenComplete((r, e) -> source.close());
    });
  }

  public Transfer<PutObjectResult> uploadBytes(BucketKey target, byte[] bytes, UploadOptions options) {
    TransferState state = new TransferState(options.listener(), bytes.length, -1);
    return start(state, () -> new KnownSizeUpload(client, config, workers, Objects.requireNonNull(target, "target"),
        UploadSource.bytes(bytes), options, state, null).run());
  }

  public Transfer<PutObjectResult> uploadStream(BucketKey target, InputStream in, UploadOptions options) {
    TransferState state = new TransferState(options.listener(), -1, -1);
    return start(state, () -> new StreamPartsUpload(client, config, workers, Objects.requireNonNull(target, "target"),
        Objects.requireNonNull(in, "in"), options, state).run());
  }

  public Transfer<ObjectInfo> downloadFile(BucketKey source, Path target, TransferListener listener) {
    TransferState state = new TransferState(listener, -1, -1);
    return start(state, () -> new FileDownload(client, config, workers, source, target, state).run());
  }

  public Transfer<InputStream> downloadStream(BucketKey source, TransferListener listener) {
    TransferState state = new TransferState(listener, -1, -1);
    return start(state, () -> OrderedDownload.open(client, config, source, state));
  }

  public Transfer<PutObjectResult> copy(BucketKey source, BucketKey target, TransferListener listener) {
    TransferState state = new TransferState(listener, -1, -1);
    return start(state, () -> new ServerCopy(client, config, Objects.requireNonNull(source, "source"),
        Objects.requireNonNull(target, "target"), state).run());
  }

  private static <T> Transfer<T> start(TransferState state, Supplier<CompletableFuture<T>> run) {
    CompletableFuture<T> f;
    try {
      f = run.get();
    } catch (RuntimeException e) {
      f = CompletableFuture.failedFuture(e);
    }
    return new Transfer<>(f, state);
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }

  /**
   * Whether {@code file} is one the engine keeps while it works: a download's temporary file (by its
   * name) or a resumable upload's state file (by its name and first line).
   */
  public static boolean isWorkFile(Path file) {
    String name = String.valueOf(file.getFileName());
    if (name.startsWith(".") && name.endsWith(FileDownload.TEMP_SUFFIX)) {
      return true;
    }
    return name.endsWith(Resume.SUFFIX) && UploadJournal.isJournal(file);
  }
}
