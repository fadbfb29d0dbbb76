package io.s3wire.server.internal.store;

import io.s3wire.checksum.ChecksumAlgorithm;
import io.s3wire.server.ObjectChecksum;
import io.s3wire.server.StoredPart;
import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import io.s3wire.server.StoredUpload;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The file store's open multipart uploads, in a bucket's {@code uploads/} directory (layout in
 * {@link FileStore}): creating, storing parts, listing, concatenating the parts of a completion
 * and removing an upload. Parts are published like objects (temp file, fsync, rename, then the
 * metadata that names them); an upload's changes are serialised on {@link #lock}.
 */
final class FileUploads {
  private static final Pattern UPLOAD_ID = Pattern.compile("[0-9a-f]{32}");

  /** The concatenated parts of a completion: a forced temp file, its size, and each part's size and checksum. */
  record Assembled(Path temp, long size, List<Long> partSizes, List<ObjectChecksum> partChecksums) {}

  private final AtomicFiles files;
  private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();

  FileUploads(AtomicFiles files) {
    this.files = files;
  }

  private static Path dir(Path uploads, String uploadId) {
    if (!UPLOAD_ID.matcher(uploadId).matches()) {
      throw new S3ErrorException(S3ErrorCode.NO_SUCH_UPLOAD);
    }
    return uploads.resolve(uploadId);
  }

  /** The lock every change of the upload holds. */
  Object lock(String uploadId) {
    return locks.computeIfAbsent(uploadId, k -> new Object());
  }

  StoredUpload upload(Path uploads, String key, String uploadId) throws IOException {
    Path meta = dir(uploads, uploadId).resolve("upload.meta");
    if (!Files.isRegularFile(meta)) {
      throw new S3ErrorException(S3ErrorCode.NO_SUCH_UPLOAD);
    }
    StoredUpload info = MetaFiles.readUpload(AtomicFiles.readProperties(meta), uploadId);
    if (!info.key().equals(key)) {
      throw new S3ErrorException(S3ErrorCode.NO_SUCH_UPLOAD);
    }
    return info;
  }

  /** Starts an upload described by {@code info} (whose id is ignored) and returns its fresh id. */
  String create(Path uploads, StoredUpload info) throws IOException {
    String id = UUID.randomUUID().toString().replace("-", "");
    Path dir = dir(uploads, id);
    try {
      Files.createDirectories(dir);
      files.writeProperties(dir.resolve("upload.meta"), MetaFiles.writeUpload(new StoredUpload(info.key(), id,
          info.initiated(), info.attributes(), info.checksumAlgorithm(), info.checksumType())));
    } catch (IOException | RuntimeException e) {
      // A directory without upload.meta is no upload, but nothing would ever delete it.
      if (Files.exists(dir)) {
        FileStore.deleteTree(dir);
      }
      if (e instanceof IOException io) {
        StorageFull.check(io, files.root());
      }
      throw e;
    }
    return id;
  }

  StoredPart uploadPart(Path uploads, String key, String uploadId, int partNumber, ChecksumAlgorithm checksum,
      InputStream body, Instant now) throws IOException {
    upload(uploads, key, uploadId);
    Path dir = dir(uploads, uploadId);
    AtomicFiles.Written w = files.writeDigested(body, checksum);
    StoredPart part = new StoredPart(partNumber, w.etag(), w.size(), now, w.checksum());
    String dataName = partNumber + "." + UUID.randomUUID().toString().replace("-", "") + ".data";
    synchronized (lock(uploadId)) {
      try {
        if (!Files.isDirectory(dir)) {
          throw new NoSuchFileException(dir.toString());
        }
        files.publish(w.temp(), dir.resolve(dataName));
      } catch (NoSuchFileException gone) {
        // Aborted, completed, or its bucket deleted while the part was being read.
        Files.deleteIfExists(w.temp());
        throw new S3ErrorException(S3ErrorCode.NO_SUCH_UPLOAD);
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(w.temp());
        throw e;
      }
      Path metaFile = dir.resolve(partNumber + ".meta");
      String oldData;
      try {
        oldData = Files.isRegularFile(metaFile) ? AtomicFiles.readProperties(metaFile).getProperty("data") : null;
        files.writeProperties(metaFile, MetaFiles.writePart(part, dataName));
      } catch (IOException | RuntimeException e) {
        // No metadata names the new data (a full disk had room for the data, not for its metadata):
        // it would hold its space until the upload ends.
        Files.deleteIfExists(dir.resolve(dataName));
        throw e;
      }
      if (oldData != null) {
        Files.deleteIfExists(dir.resolve(oldData));
      }
    }
    return part;
  }

  List<StoredPart> listParts(Path uploads, String key, String uploadId) throws IOException {
    upload(uploads, key, uploadId);
    return MetaFiles.readParts(dir(uploads, uploadId)).stream().map(MetaFiles.PartRecord::info).toList();
  }

  /**
   * Concatenates parts {@code partNumbers} into a forced temp file; InvalidPart for a part the
   * upload lacks. The caller holds {@link #lock} and owns the temp file.
   */
  Assembled assemble(Path uploads, String key, String uploadId, List<Integer> partNumbers) throws IOException {
    Path dir = dir(uploads, uploadId);
    java.util.Map<Integer, MetaFiles.PartRecord> byNumber = new java.util.HashMap<>();
    for (MetaFiles.PartRecord p : MetaFiles.readParts(dir)) {
      byNumber.put(p.info().partNumber(), p);
    }
    Path temp = files.newTemp();
    long size = 0;
    List<Long> sizes = new ArrayList<>();
    List<ObjectChecksum> checksums = new ArrayList<>();
    try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      for (int n : partNumbers) {
        MetaFiles.PartRecord p = byNumber.get(n);
        if (p == null) {
          throw new S3ErrorException(S3ErrorCode.INVALID_PART);
        }
        try (FileChannel in = FileChannel.open(dir.resolve(p.dataName()), StandardOpenOption.READ)) {
          long len = in.size();
          long done = 0;
          while (done < len) {
            long moved = in.transferTo(done, len - done, out);
            if (moved <= 0) {
              // Only a part file cut short since its size was read gives 0; asking again would spin.
              throw new IOException("part " + n + " of upload " + uploadId + " of '" + key + "' ended after " + done
                  + " of " + len + " bytes while it was concatenated");
            }
            done += moved;
          }
          size += len;
          sizes.add(len);
          checksums.add(p.info().checksum());
        }
      }
      out.force(true);
    } catch (IOException e) {
      Files.deleteIfExists(temp);
      StorageFull.check(e, files.root());
      throw e;
    } catch (RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    return new Assembled(temp, size, List.copyOf(sizes), checksums);
  }

  /** Removes a completed upload's directory. The caller holds {@link #lock}. */
  void finish(Path uploads, String uploadId) throws IOException {
    FileStore.deleteTree(dir(uploads, uploadId));
    locks.remove(uploadId);
  }

  void abort(Path uploads, String key, String uploadId) throws IOException {
    upload(uploads, key, uploadId);
    synchronized (lock(uploadId)) {
      // upload.meta goes first: without it the directory is no upload.
      Path dir = dir(uploads, uploadId);
      Files.deleteIfExists(dir.resolve("upload.meta"));
      FileStore.deleteTree(dir);
      locks.remove(uploadId);
    }
  }

  /**
   * On open, before any request: removes what a killed process left of uploads. An upload whose
   * completion committed (an object's data file is named {@code <h>.<upload id>.data}, among
   * {@code dataNames}) but whose directory was not yet removed; a directory without {@code
   * upload.meta} (a creation or an abort cut short); a part's data file that no part metadata
   * names (a part upload cut short, or a replaced part's old data).
   */
  void recover(Path uploads, Set<String> dataNames) throws IOException {
    Set<String> completed = new HashSet<>();
    for (String name : dataNames) {
      String[] parts = name.split("\\.");
      if (parts.length == 3 && UPLOAD_ID.matcher(parts[1]).matches()) {
        completed.add(parts[1]);
      }
    }
    try (Stream<Path> s = Files.list(uploads)) {
      for (Path dir : (Iterable<Path>) s::iterator) {
        if (completed.contains(dir.getFileName().toString()) || !Files.isRegularFile(dir.resolve("upload.meta"))) {
          FileStore.deleteTree(dir);
          continue;
        }
        Set<String> named = new HashSet<>();
        MetaFiles.readParts(dir).forEach(p -> named.add(p.dataName()));
        try (Stream<Path> files = Files.list(dir)) {
          for (Path f : (Iterable<Path>) files::iterator) {
            String name = f.getFileName().toString();
            if (name.endsWith(".data") && !named.contains(name)) {
              Files.delete(f);
            }
          }
        }
      }
    }
  }

  /** Open uploads ordered by key, then initiation time. */
  List<StoredUpload> list(Path uploads) throws IOException {
    List<StoredUpload> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(uploads)) {
      for (Path dir : (Iterable<Path>) s::iterator) {
        Path meta = dir.resolve("upload.meta");
        String id = dir.getFileName().toString();
        if (UPLOAD_ID.matcher(id).matches() && Files.isRegularFile(meta)) {
          out.add(MetaFiles.readUpload(AtomicFiles.readProperties(meta), id));
        }
      }
    }
    out.sort(Comparator.comparing(StoredUpload::key, KeyOrder.UTF8).thenComparing(StoredUpload::initiated));
    return out;
  }
}
