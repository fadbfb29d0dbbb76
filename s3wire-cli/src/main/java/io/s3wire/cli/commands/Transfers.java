package io.s3wire.cli.commands;

import io.s3wire.CopyObjectRequest;
import io.s3wire.GetObjectRequest;
import io.s3wire.ObjectInfo;
import io.s3wire.ObjectStream;
import io.s3wire.PutObjectRequest;
import io.s3wire.S3Client;
import io.s3wire.transfer.Transfer;
import io.s3wire.transfer.TransferListener;
import io.s3wire.transfer.TransferManager;
import io.s3wire.transfer.TransferProgress;
import io.s3wire.transfer.UploadOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Set;

/** One object or file copied: upload, download, server-side copy, or through standard input/output. */
final class Transfers {
  /** The largest object one PUT or one CopyObject may write (S3's limit). */
  static final long SINGLE_LIMIT = 5L * 1024 * 1024 * 1024;

  /** The smallest {@code --copy-threshold}: S3's minimum part size. */
  static final long MIN_COPY_THRESHOLD = 5L * 1024 * 1024;

  /**
   * The transfer managers a run uses.
   *
   * @param manager uploads and downloads
   * @param copier object-to-object copies above {@code copyThreshold}, as parallel UploadPartCopy parts
   * @param copyThreshold the largest object copied with one CopyObject
   * @param resume whether uploads of files are resumable ({@code --resume})
   */
  record Engines(TransferManager manager, TransferManager copier, long copyThreshold, boolean resume) {}

  private Transfers() {}

  /** Waits for a transfer, registered in {@code active} so a shutdown hook can cancel it meanwhile. */
  static <T> T await(Transfer<T> transfer, Set<Transfer<?>> active) {
    active.add(transfer);
    try {
      return transfer.join();
    } finally {
      active.remove(transfer);
    }
  }

  /** The verb the AWS CLI prints for a transfer: upload, download or copy. */
  static String verb(Plans.Transfer t) {
    boolean fromRemote = t.source() instanceof Location.Remote;
    boolean toRemote = t.target() instanceof Location.Remote;
    return fromRemote && toRemote ? "copy" : toRemote ? "upload" : "download";
  }

  /** The write of an upload: the options' metadata and request features. */
  static PutObjectRequest put(Location.Remote target, CopyOptions options) {
    return options.features().onto(PutObjectRequest.of(target.object()).withMetadata(options.toMetadata()));
  }

  /**
   * Copies one object or file. A download goes to a temporary file renamed into place only when
   * complete and verified, and takes the object's last-modified time (so sync sees it current).
   */
  static void copy(S3Client client, Engines engines, Set<Transfer<?>> active, Plans.Transfer t,
      CopyOptions options, Progress progress) throws IOException {
    TransferManager manager = engines.manager();
    Location src = t.source();
    Location dst = t.target();
    TransferListener counting = new TransferListener() {
      @Override
      public void onPartBytes(int partNumber, long bytes, TransferProgress total) {
        progress.addBytes(bytes);
      }
    };
    UploadOptions upload = UploadOptions.DEFAULTS.withListener(counting);
    if (src instanceof Location.Local l && dst instanceof Location.Remote r) {
      if (!Files.isRegularFile(l.path())) {
        throw new IOException(l.path() + " is not a readable regular file");
      }
      // Small files go as one PUT; large ones in parallel parts, aborted on failure or Ctrl-C unless
      // resumable (then kept, with the state file next to the file naming them).
      await(manager.uploadFile(put(r, options), l.path(), engines.resume() ? upload.withResume() : upload), active);
    } else if (src instanceof Location.Std && dst instanceof Location.Remote r) {
      await(manager.uploadStream(put(r, options), StdStreams.in(), upload), active);
    } else if (src instanceof Location.Remote r && dst instanceof Location.Local l) {
      Path parent = l.path().toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      ObjectInfo info = await(manager.downloadFile(options.read().onto(GetObjectRequest.of(r.object())), l.path(),
          counting), active);
      if (info.lastModified() != null) {
        Files.setLastModifiedTime(l.path(), FileTime.from(info.lastModified()));
      }
    } else if (src instanceof Location.Remote r && dst instanceof Location.Std) {
      OutputStream out = StdStreams.out();
      try (ObjectStream in = client.getObjectStream(options.read().onto(GetObjectRequest.of(r.object())))) {
        progress.addBytes(in.transferTo(out));
      }
      out.flush();
    } else if (src instanceof Location.Remote from && dst instanceof Location.Remote to) {
      long size = t.size() >= 0 ? t.size() : client.headObject(from.object()).contentLength();
      if (size > engines.copyThreshold()) {
        if (options.given() || options.features().given()) {
          // The multipart copy gives the target the source's metadata; it cannot replace it.
          throw new IOException(from + " is " + Format.human(size) + ", over the copy threshold of "
              + Format.human(engines.copyThreshold()) + ": a multipart copy keeps the source's metadata, so"
              + " --content-type, --metadata, --storage-class, --sse*, --tag, --acl and the content headers cannot"
              + " be used with it");
        }
        TransferListener parts = new TransferListener() {
          @Override
          public void onPartCompleted(int partNumber, long bytes, TransferProgress total) {
            progress.addBytes(bytes);
          }
        };
        await(engines.copier().copy(from.object(), to.object(), parts), active);
      } else {
        CopyObjectRequest req = CopyObjectRequest.of(from.object(), to.object());
        client.copyObject(options.features().onto(options.given() ? req.replacing(options.toMetadata()) : req));
        progress.addBytes(size);
      }
    } else {
      throw new IllegalArgumentException("cannot copy " + src + " to " + dst
          + ": one side must be an s3:// or gs:// address (use your shell to copy local files)");
    }
    progress.objectDone();
  }
}
