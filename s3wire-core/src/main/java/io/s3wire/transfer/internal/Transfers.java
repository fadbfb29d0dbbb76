package io.s3wire.transfer.internal;

import io.s3wire.BucketKey;
import io.s3wire.GetObjectRequest;
import io.s3wire.HeadObjectRequest;
import io.s3wire.ObjectInfo;
import io.s3wire.PutObjectRequest;
import io.s3wire.PutObjectResult;
import io.s3wire.S3AsyncClient;
import io.s3wire.checksum.ChecksumAlgorithm;
import io.s3wire.error.ClientException;
import io.s3wire.internal.CompletionHop;
import io.s3wire.internal.CompletionHops;
import io.s3wire.transfer.Transfer;
import io.s3wire.transfer.TransferChecksum;
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
  private final CompletionHop completion;

  public Transfers(S3AsyncClient client, TransferConfig config) {
    this.client = client;
    this.config = config;
    this.completion = CompletionHops.of(client);
    AtomicInteger n = new AtomicInteger();
    this.workers = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "s3wire-transfer-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * The checksum algorithm an upload through {@code client} checks bytes by, {@code null} for MD5:
   * the one asked for, or on {@code AUTO} CRC32C where the provider takes a full-object CRC32C on
   * multipart uploads.
   *
   * @throws ClientException when an algorithm is asked of a provider that cannot take it
   */
  static ChecksumAlgorithm uploadChecksum(TransferConfig config, S3AsyncClient client) {
    TransferChecksum asked = config.checksum();
    return switch (asked) {
      case MD5 -> null;
      case AUTO -> client.provider().acceptsFullObjectCrc32c() ? ChecksumAlgorithm.CRC32C : null;
      default -> accepted(asked.algorithm(), client);
    };
  }

  /** The upload's checksum algorithm: the request's own when it names one, else the configuration's. */
  static ChecksumAlgorithm uploadChecksum(TransferConfig config, S3AsyncClient client, PutObjectRequest request) {
    return request.checksum() != null ? accepted(request.checksum(), client) : uploadChecksum(config, client);
  }

  private static ChecksumAlgorithm accepted(ChecksumAlgorithm a, S3AsyncClient client) {
    // The CRCs go FULL_OBJECT, which the profile says of CRC32C alike; SHAs go COMPOSITE.
    boolean accepted = a.supportsFullObject() ? client.provider().acceptsFullObjectCrc32c()
        : client.provider().acceptsFlexibleChecksums();
    require(accepted, a, client, a.supportsFullObject() ? "a full-object checksum on multipart uploads"
        : "flexible checksums");
    return a;
  }

  /**
   * Whether a download through {@code client} asks for the stored checksum to check the bytes by:
   * unless MD5 is asked for, where the provider takes flexible checksums.
   *
   * @throws ClientException when an algorithm is asked of a provider without flexible checksums
   */
  static boolean downloadsUseChecksums(TransferConfig config, S3AsyncClient client) {
    boolean accepted = client.provider().acceptsFlexibleChecksums();
    TransferChecksum asked = config.checksum();
    if (asked == TransferChecksum.MD5) {
      return false;
    }
    if (asked != TransferChecksum.AUTO) {
      require(accepted, asked.algorithm(), client, "flexible checksums");
    }
    return accepted;
  }

  private static void require(boolean accepted, ChecksumAlgorithm a, S3AsyncClient client, String what) {
    if (!accepted) {
      throw new ClientException("transfer checksum", a + " needs " + what + ", which provider profile "
          + client.provider().name() + " does not accept; use MD5 or AUTO");
    }
  }

  public Transfer<PutObjectResult> uploadFile(PutObjectRequest target, Path file, UploadOptions options) {
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
      return new KnownSizeUpload(client, config, workers, target, source, state, resume).run()
          .whenComplete((r, e) -> source.close());
    });
  }

  public Transfer<PutObjectResult> uploadBytes(PutObjectRequest target, byte[] bytes, UploadOptions options) {
    TransferState state = new TransferState(options.listener(), bytes.length, -1);
    return start(state, () -> new KnownSizeUpload(client, config, workers, Objects.requireNonNull(target, "target"),
        UploadSource.bytes(bytes), state, null).run());
  }

  public Transfer<PutObjectResult> uploadStream(PutObjectRequest target, InputStream in, UploadOptions options) {
    TransferState state = new TransferState(options.listener(), -1, -1);
    return start(state, () -> new StreamPartsUpload(client, config, workers, Objects.requireNonNull(target, "target"),
        Objects.requireNonNull(in, "in"), state).run());
  }

  public Transfer<ObjectInfo> downloadFile(GetObjectRequest source, Path target, TransferListener listener) {
    TransferState state = new TransferState(listener, -1, -1);
    return start(state, () -> new FileDownload(client, config, workers, whole(source), target, state).run());
  }

  public Transfer<InputStream> downloadStream(GetObjectRequest source, TransferListener listener) {
    TransferState state = new TransferState(listener, -1, -1);
    return start(state, () -> OrderedDownload.open(client, config, whole(source), state));
  }

  /** A download's request: it reads the whole object, in ranges of its own. */
  private static GetObjectRequest whole(GetObjectRequest source) {
    Objects.requireNonNull(source, "source");
    if (source.range() != null) {
      throw new ClientException("range", "a download transfers the whole object; read a range with"
          + " S3AsyncClient.getObject or getObjectToFile");
    }
    return source;
  }

  /** The HEAD that opens a download: the request's conditions, version, SSE-C key and extras. */
  static HeadObjectRequest head(GetObjectRequest r) {
    return HeadObjectRequest.of(r.object()).withConditions(r.conditions()).withVersionId(r.versionId())
        .withCustomerKey(r.customerKey()).withOptions(r.options());
  }

  public Transfer<PutObjectResult> copy(BucketKey source, BucketKey target, TransferListener listener) {
    TransferState state = new TransferState(listener, -1, -1);
    return start(state, () -> new ServerCopy(client, config, Objects.requireNonNull(source, "source"),
        Objects.requireNonNull(target, "target"), state).run());
  }

  private <T> Transfer<T> start(TransferState state, Supplier<CompletableFuture<T>> run) {
    CompletableFuture<T> f;
    try {
      f = run.get();
    } catch (RuntimeException e) {
      f = CompletableFuture.failedFuture(e);
    }
    return new RunningTransfer<>(f, state, completion);
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
