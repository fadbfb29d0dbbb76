package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * FileStore on open after a kill (findings of the crash loop, CrashLoopTest): what a killed process
 * left of multipart uploads is removed, and a completion is all or nothing even when its upload's
 * directory outlived the commit.
 */
@Timeout(60)
class FileStoreRecoveryTest {
  @TempDir
  Path root;

  private static InputStream body(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String read(ObjectStore s, String bucket, String key) throws IOException {
    try (ObjectContent c = s.getObject(bucket, key, 0, s.headObject(bucket, key).size());
        InputStream in = c.newInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private Path store() {
    return root.resolve("store");
  }

  private Path uploadDir(String bucket, String uploadId) {
    return store().resolve("buckets").resolve(bucket).resolve("uploads").resolve(uploadId);
  }

  /** Copies the files of an upload's directory to {@code target} (it has no subdirectories). */
  private static void copyFiles(Path from, Path target) throws IOException {
    Files.createDirectories(target);
    try (Stream<Path> s = Files.list(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Files.copy(p, target.resolve(p.getFileName()));
      }
    }
  }

  /** Starts an upload of {@code key} with two parts and returns its id. */
  private static String twoParts(ObjectStore s, String bucket, String key) throws IOException {
    String id = s.createMultipartUpload(bucket, key, ObjectAttributes.empty(), null, null);
    s.uploadPart(bucket, key, id, 1, ObjectStore.DEFAULT_CHECKSUM, body("first,"));
    s.uploadPart(bucket, key, id, 2, ObjectStore.DEFAULT_CHECKSUM, body("second"));
    return id;
  }

  /**
   * Killed after a completion's commit but before its upload's directory was removed: the object is
   * visible, so the upload must not be listed after the restart (old state or new, never both).
   */
  @Test
  void completionCommittedBeforeTheKillLeavesNoUploadListed() throws Exception {
    Path saved = root.resolve("saved");
    String id;
    try (ObjectStore s = ObjectStore.file(store())) {
      s.createBucket("bucket");
      id = twoParts(s, "bucket", "mp");
      copyFiles(uploadDir("bucket", id), saved);
      s.completeMultipartUpload("bucket", "mp", id, List.of(1, 2), "\"etag-2\"", null);
      // What the kill left: the committed object and the upload's directory, not yet removed.
      copyFiles(saved, uploadDir("bucket", id));
    }
    try (ObjectStore s = ObjectStore.file(store())) {
      assertThat(read(s, "bucket", "mp")).isEqualTo("first,second");
      assertThat(s.listMultipartUploads("bucket")).isEmpty();
      assertThat(Files.exists(uploadDir("bucket", id))).isFalse();
    }
  }

  /** Killed before the commit: the upload stays listed with its parts and completes later. */
  @Test
  void completionNotCommittedBeforeTheKillLeavesTheUploadOpen() throws Exception {
    String id;
    try (ObjectStore s = ObjectStore.file(store())) {
      s.createBucket("bucket");
      s.putObject("bucket", "other", ObjectAttributes.empty(), body("unrelated"));
      id = twoParts(s, "bucket", "mp");
    }
    try (ObjectStore s = ObjectStore.file(store())) {
      assertThat(s.listMultipartUploads("bucket")).extracting(StoredUpload::uploadId).containsExactly(id);
      assertThat(s.listParts("bucket", "mp", id)).extracting(StoredPart::partNumber).containsExactly(1, 2);
      s.completeMultipartUpload("bucket", "mp", id, List.of(1, 2), "\"etag-2\"", null);
      assertThat(read(s, "bucket", "mp")).isEqualTo("first,second");
    }
  }

  /**
   * A completion retried while its upload outlived the first commit (its removal failed) reuses
   * the data file's name: the second commit must not delete the file its own object reads.
   */
  @Test
  void retriedCompletionKeepsTheDataItsObjectReads() throws Exception {
    Path saved = root.resolve("saved");
    try (ObjectStore s = ObjectStore.file(store())) {
      s.createBucket("bucket");
      s.createBucket("versioned");
      s.setVersioning("versioned", BucketVersioning.ENABLED);
      for (String bucket : List.of("bucket", "versioned")) {
        String id = twoParts(s, bucket, "mp");
        Path copy = saved.resolve(bucket);
        copyFiles(uploadDir(bucket, id), copy);
        s.completeMultipartUpload(bucket, "mp", id, List.of(1, 2), "\"etag-2\"", null);
        copyFiles(copy, uploadDir(bucket, id));
        s.completeMultipartUpload(bucket, "mp", id, List.of(1, 2), "\"etag-2\"", null);
        assertThat(read(s, bucket, "mp")).isEqualTo("first,second");
      }
      List<VersionEntry> versions = new java.util.ArrayList<>();
      s.listVersions("versioned", "", "", "").forEachRemaining(versions::add);
      assertThat(versions).hasSize(2);
      s.delete("versioned", "mp", versions.get(1).versionId());
      assertThat(read(s, "versioned", "mp")).isEqualTo("first,second");
    }
  }

  /** A creation or abort cut short leaves a directory without upload.meta: removed on open. */
  @Test
  void uploadDirectoryWithoutItsMetadataIsRemovedOnOpen() throws Exception {
    try (ObjectStore s = ObjectStore.file(store())) {
      s.createBucket("bucket");
    }
    Path dead = Files.createDirectories(uploadDir("bucket", "a".repeat(32)));
    Files.writeString(dead.resolve("1." + "b".repeat(32) + ".data"), "part of an aborted upload");
    try (ObjectStore s = ObjectStore.file(store())) {
      assertThat(s.listMultipartUploads("bucket")).isEmpty();
      assertThat(Files.exists(dead)).isFalse();
    }
  }

  /** A part upload cut short between its data and its metadata: the data is removed, the parts stay. */
  @Test
  void partDataNoMetadataNamesIsRemovedOnOpen() throws Exception {
    String id;
    try (ObjectStore s = ObjectStore.file(store())) {
      s.createBucket("bucket");
      id = twoParts(s, "bucket", "mp");
    }
    Path orphan = uploadDir("bucket", id).resolve("3." + "c".repeat(32) + ".data");
    Files.writeString(orphan, "a part whose metadata was never written");
    try (ObjectStore s = ObjectStore.file(store())) {
      assertThat(Files.exists(orphan)).isFalse();
      assertThat(s.listParts("bucket", "mp", id)).extracting(StoredPart::partNumber).containsExactly(1, 2);
      s.completeMultipartUpload("bucket", "mp", id, List.of(1, 2), "\"etag-2\"", null);
      assertThat(read(s, "bucket", "mp")).isEqualTo("first,second");
    }
  }
}
