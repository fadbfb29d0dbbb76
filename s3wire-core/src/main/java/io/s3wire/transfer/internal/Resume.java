package io.s3wire.transfer.internal;

import io.s3wire.BucketKey;
import io.s3wire.MultipartUpload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a resumable file upload keeps its journal, and whether an existing journal belongs to this
 * upload: same bucket, key, part size, and a source of the same size and modification time.
 */
record Resume(Path file, Path source) {
  /** How a state file next to its source is named: {@code <file>.s3wire-upload}. */
  static final String SUFFIX = ".s3wire-upload";

  static Path defaultFile(Path source) {
    return source.resolveSibling(source.getFileName() + SUFFIX);
  }

  /** The journal at {@link #file}, whatever upload it names, or {@code null}. */
  UploadJournal existing() {
    try {
      return UploadJournal.load(file);
    } catch (IOException e) {
      return null;
    }
  }

  /** Whether {@code j} is of an earlier try of this very upload (same object, part size and source). */
  boolean describes(UploadJournal j, BucketKey object, long partSize, long size) {
    UploadJournal.Header h = j.header();
    try {
      return h.object().equals(object) && h.partSize() == partSize && h.sourceSize() == size
          && h.sourceModified() == modified();
    } catch (IOException e) {
      return false;
    }
  }

  UploadJournal create(MultipartUpload upload, long partSize, long size) throws IOException {
    return UploadJournal.create(file, new UploadJournal.Header(upload.object(), upload.uploadId(), partSize, size, modified()));
  }

  private long modified() throws IOException {
    return Files.getLastModifiedTime(source).toMillis();
  }
}
