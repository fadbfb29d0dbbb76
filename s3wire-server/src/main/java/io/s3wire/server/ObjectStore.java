package io.s3wire.server;

import io.s3wire.checksum.ChecksumAlgorithm;
import io.s3wire.server.internal.store.FaultyStore;
import io.s3wire.server.internal.store.FileStore;
import io.s3wire.server.internal.store.LatencyStore;
import io.s3wire.server.internal.store.MemoryStore;
import io.s3wire.server.internal.store.ReadOnlyStore;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Where the server keeps buckets and objects.
 *
 * <p>Implementations are thread-safe; methods block (the server calls them off its event loops).
 * S3-defined failures (NoSuchBucket, NoSuchKey, BucketNotEmpty, NoSuchUpload, ...) are thrown as
 * {@link S3ErrorException}; I/O failures as {@link IOException}. A put or a completed multipart
 * upload becomes visible atomically, only after its whole body was read without error: when
 * reading {@code body} throws, nothing is stored. Keys and bucket names reach stores validated
 * (bucket names per S3's rules, keys at most 1,024 UTF-8 bytes) but are otherwise arbitrary text.
 *
 * <p>Checksums: the server names the algorithm of the checksum each body is to keep (what the
 * client chose, else S3's default, CRC64NVME) and the built-in stores compute it in the same pass as
 * the ETag's MD5 ({@link StoredObject#checksum}, {@link StoredPart#checksum}); a multipart object's
 * checksum is formed by the server from its parts'. A store that keeps no checksums leaves them
 * {@code null} and the server then reports none.
 *
 * <p>Built by the static factories: {@link #memory()}, {@link #file(Path)}, and decorators
 * {@link #withLatency}, {@link #readOnly}, {@link #withFaults}.
 */
public interface ObjectStore extends Closeable {
  /** The checksum S3 keeps for a body whose client named none. */
  ChecksumAlgorithm DEFAULT_CHECKSUM = ChecksumAlgorithm.CRC64NVME;

  /** A store that keeps everything in memory. */
  static ObjectStore memory() {
    return new MemoryStore();
  }

  /**
   * A store that keeps everything in memory and takes creation and modification times
   * ({@code Last-Modified}, upload initiation) from {@code clock}.
   */
  static ObjectStore memory(Clock clock) {
    return new MemoryStore(clock);
  }

  /** A store in directory {@code root} (created if missing) that finds every earlier object on reopen. */
  static ObjectStore file(Path root) throws IOException {
    return FileStore.open(root);
  }

  /** Like {@link #file(Path)}, taking creation and modification times from {@code clock}. */
  static ObjectStore file(Path root, Clock clock) throws IOException {
    return FileStore.open(root, clock);
  }

  /** {@code store} with {@code latency} added before every call. */
  static ObjectStore withLatency(ObjectStore store, Duration latency) {
    return new LatencyStore(store, latency);
  }

  /** {@code store} refusing every change with AccessDenied. */
  static ObjectStore readOnly(ObjectStore store) {
    return new ReadOnlyStore(store);
  }

  /** {@code store} throwing an IOException from every call whose operation name matches {@code failing}. */
  static ObjectStore withFaults(ObjectStore store, Predicate<String> failing) {
    return new FaultyStore(store, failing);
  }

  void createBucket(String bucket) throws IOException;

  /**
   * Deletes a bucket that holds no objects, object versions or delete markers, aborting its open multipart uploads (S3 deletes a
   * bucket whose only content is uploads in progress); BucketNotEmpty while it holds objects.
   */
  void deleteBucket(String bucket) throws IOException;

  boolean bucketExists(String bucket) throws IOException;

  /** Buckets in name order. */
  List<BucketInfo> listBuckets() throws IOException;

  /**
   * Stores {@code body} (read to its end) under {@code key}, replacing any earlier object, with the
   * FULL_OBJECT checksum of algorithm {@code checksum} ({@code null}: none).
   */
  StoredObject putObject(String bucket, String key, ObjectAttributes attributes, ChecksumAlgorithm checksum,
      InputStream body) throws IOException;

  /** {@link #putObject(String, String, ObjectAttributes, ChecksumAlgorithm, InputStream)} with S3's default checksum. */
  default StoredObject putObject(String bucket, String key, ObjectAttributes attributes, InputStream body)
      throws IOException {
    return putObject(bucket, key, attributes, DEFAULT_CHECKSUM, body);
  }

  /**
   * Like {@link #putObject(String, String, ObjectAttributes, ChecksumAlgorithm, InputStream)}, if
   * {@code condition} holds for the object under {@code key} when the new one would become visible;
   * otherwise throws what {@link WriteCondition#check} throws and stores nothing. The built-in stores
   * check at their commit point, atomically with it. This default, for stores that do not know
   * conditions, checks before writing, which a concurrent writer of the same key can race.
   */
  default StoredObject putObject(String bucket, String key, ObjectAttributes attributes, ChecksumAlgorithm checksum,
      InputStream body, WriteCondition condition) throws IOException {
    condition.check(currentOrNull(bucket, key, condition));
    return putObject(bucket, key, attributes, checksum, body);
  }

  private StoredObject currentOrNull(String bucket, String key, WriteCondition condition) throws IOException {
    if (condition.isNone()) {
      return null;
    }
    try {
      return headObject(bucket, key);
    } catch (S3ErrorException e) {
      if (e.code() == S3ErrorCode.NO_SUCH_KEY) {
        return null;
      }
      throw e;
    }
  }

  /** The object's description; NoSuchKey when absent. */
  StoredObject headObject(String bucket, String key) throws IOException;

  /**
   * Replaces the attributes of the object under {@code key} with {@code change} applied to its
   * current ones, without rewriting its data: size, ETag, checksum and last-modified time stay (as
   * PutObjectTagging leaves them in S3). Atomic with respect to every other writer of the key: the
   * object {@code change} saw is the one changed. Returns the new description; NoSuchKey when
   * absent. This default, for stores that cannot change metadata in place, answers NotImplemented.
   */
  default StoredObject replaceObjectAttributes(String bucket, String key, UnaryOperator<ObjectAttributes> change)
      throws IOException {
    throw new S3ErrorException(S3ErrorCode.NOT_IMPLEMENTED, "This store cannot change an object's metadata in place");
  }

  /**
   * The object's description with the sizes (and, when kept, checksums) of the parts it was completed
   * from (none for an object stored whole), read together so that they describe the same object;
   * NoSuchKey when absent. This default, for stores that keep no part sizes, reports every object as
   * stored whole.
   */
  default ObjectParts headObjectParts(String bucket, String key) throws IOException {
    return ObjectParts.whole(headObject(bucket, key));
  }

  /** Opens {@code length} bytes from {@code offset} (the caller checked them against the size). */
  ObjectContent getObject(String bucket, String key, long offset, long length) throws IOException;

  /** Deletes an object; deleting an absent key is not an error (S3 answers 204 alike). */
  void deleteObject(String bucket, String key) throws IOException;

  /**
   * Objects whose key starts with {@code prefix} and sorts after {@code startAfter} (empty: from
   * the first), in UTF-8 byte order of their keys. The iterator is weakly consistent.
   */
  Iterator<StoredObject> listObjects(String bucket, String prefix, String startAfter) throws IOException;

  /**
   * Starts a multipart upload and returns its id; it remembers the checksum the client chose
   * ({@code null}s: none), reported back by {@link #upload} and {@link #listMultipartUploads}.
   */
  String createMultipartUpload(String bucket, String key, ObjectAttributes attributes,
      ChecksumAlgorithm checksumAlgorithm, ChecksumType checksumType) throws IOException;

  /** A multipart upload that keeps no checksum. */
  default String createMultipartUpload(String bucket, String key, ObjectAttributes attributes) throws IOException {
    return createMultipartUpload(bucket, key, attributes, null, null);
  }

  /**
   * Stores a part, replacing an earlier part with the same number, with the checksum of algorithm
   * {@code checksum} ({@code null}: none).
   */
  StoredPart uploadPart(String bucket, String key, String uploadId, int partNumber, ChecksumAlgorithm checksum,
      InputStream body) throws IOException;

  /** A part with the upload's own checksum algorithm ({@link StoredUpload#checksumAlgorithm}), if any. */
  default StoredPart uploadPart(String bucket, String key, String uploadId, int partNumber, InputStream body)
      throws IOException {
    return uploadPart(bucket, key, uploadId, partNumber, upload(bucket, key, uploadId).checksumAlgorithm(), body);
  }

  /** The upload's parts in part-number order; NoSuchUpload when it is not open. */
  List<StoredPart> listParts(String bucket, String key, String uploadId) throws IOException;

  /** The upload's description; NoSuchUpload when it is not open. */
  StoredUpload upload(String bucket, String key, String uploadId) throws IOException;

  /**
   * Makes the object from {@code partNumbers} in that order (validated by the caller), with
   * {@code etag} and {@code checksum} (formed by the caller from the parts' checksums; {@code null}:
   * none), and ends the upload.
   */
  StoredObject completeMultipartUpload(String bucket, String key, String uploadId, List<Integer> partNumbers, String etag,
      ObjectChecksum checksum) throws IOException;

  /** {@link #completeMultipartUpload(String, String, String, List, String, ObjectChecksum)} with no checksum. */
  default StoredObject completeMultipartUpload(String bucket, String key, String uploadId, List<Integer> partNumbers,
      String etag) throws IOException {
    return completeMultipartUpload(bucket, key, uploadId, partNumbers, etag, (ObjectChecksum) null);
  }

  /**
   * Like {@link #completeMultipartUpload(String, String, String, List, String, ObjectChecksum)}, if
   * {@code condition} holds for the object under {@code key} when the new one would become visible;
   * otherwise throws what {@link WriteCondition#check} throws, stores nothing and leaves the upload
   * open. The built-in stores check atomically with the commit; this default checks first, which a
   * concurrent writer can race.
   */
  default StoredObject completeMultipartUpload(String bucket, String key, String uploadId, List<Integer> partNumbers,
      String etag, ObjectChecksum checksum, WriteCondition condition) throws IOException {
    condition.check(currentOrNull(bucket, key, condition));
    return completeMultipartUpload(bucket, key, uploadId, partNumbers, etag, checksum);
  }

  void abortMultipartUpload(String bucket, String key, String uploadId) throws IOException;

  /** Open uploads of a bucket ordered by key, then initiation time. */
  List<StoredUpload> listMultipartUploads(String bucket) throws IOException;

  /** The bucket's versioning state; NoSuchBucket when absent. This default, for stores without versions, is UNVERSIONED. */
  default BucketVersioning versioning(String bucket) throws IOException {
    if (!bucketExists(bucket)) {
      throw new S3ErrorException(S3ErrorCode.NO_SUCH_BUCKET);
    }
    return BucketVersioning.UNVERSIONED;
  }

  /**
   * Sets the bucket's versioning state ({@link BucketVersioning#ENABLED} or
   * {@link BucketVersioning#SUSPENDED}), durably; later writes follow it. This default, for stores
   * without versions, answers NotImplemented.
   */
  default void setVersioning(String bucket, BucketVersioning state) throws IOException {
    throw new S3ErrorException(S3ErrorCode.NOT_IMPLEMENTED, "This store keeps no object versions");
  }

  /**
   * Version {@code versionId} of {@code key}: an object version or a delete marker; NoSuchVersion
   * when the key has no such version. This default knows only the null version, the object itself.
   */
  default VersionEntry version(String bucket, String key, String versionId) throws IOException {
    if (!VersionEntry.NULL_ID.equals(versionId)) {
      throw new S3ErrorException(S3ErrorCode.NO_SUCH_VERSION);
    }
    try {
      StoredObject info = headObject(bucket, key);
      return new VersionEntry(key, versionId, true, info.lastModified(), info);
    } catch (S3ErrorException e) {
      throw e.code() == S3ErrorCode.NO_SUCH_KEY ? new S3ErrorException(S3ErrorCode.NO_SUCH_VERSION) : e;
    }
  }

  /**
   * Opens {@code length} bytes from {@code offset} of object version {@code versionId}; NoSuchVersion
   * when absent, MethodNotAllowed for a delete marker.
   */
  default ObjectContent getObjectVersion(String bucket, String key, String versionId, long offset, long length)
      throws IOException {
    version(bucket, key, versionId);
    return getObject(bucket, key, offset, length);
  }

  /**
   * Like {@link #replaceObjectAttributes}, for object version {@code versionId}; NoSuchVersion when
   * absent, MethodNotAllowed for a delete marker.
   */
  default StoredObject replaceVersionAttributes(String bucket, String key, String versionId,
      UnaryOperator<ObjectAttributes> change) throws IOException {
    version(bucket, key, versionId);
    return replaceObjectAttributes(bucket, key, change);
  }

  /**
   * Deletes as S3's DeleteObject does. Without {@code versionId} ({@code null}): in a versioned
   * bucket adds a delete marker as the key's latest version and returns it (with versioning
   * suspended, the marker replaces the null version), otherwise removes the object and returns
   * {@code null}. With {@code versionId}: removes that version (object or delete marker) for good
   * and returns it, or {@code null} when there was none.
   */
  default VersionEntry delete(String bucket, String key, String versionId) throws IOException {
    VersionEntry removed = null;
    if (versionId != null) {
      try {
        removed = version(bucket, key, versionId);
      } catch (S3ErrorException e) {
        if (e.code() != S3ErrorCode.NO_SUCH_VERSION) {
          throw e;
        }
        return null;
      }
    }
    deleteObject(bucket, key);
    return removed;
  }

  /**
   * Every version and delete marker of the keys starting with {@code prefix}, keys in UTF-8 byte
   * order and each key's versions newest first, beginning after version {@code versionIdMarker} of
   * {@code keyMarker} (empty version marker: after every version of {@code keyMarker}; empty key
   * marker: from the first). Weakly consistent. This default lists each object as its null version.
   */
  default Iterator<VersionEntry> listVersions(String bucket, String prefix, String keyMarker, String versionIdMarker)
      throws IOException {
    Iterator<StoredObject> objects = listObjects(bucket, prefix, keyMarker);
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return objects.hasNext();
      }

      @Override
      public VersionEntry next() {
        StoredObject o = objects.next();
        return new VersionEntry(o.key(), VersionEntry.NULL_ID, true, o.lastModified(), o);
      }
    };
  }

  /** What a bucket configuration's name may be: a sub-resource name such as {@code cors} or {@code tagging}. */
  Pattern BUCKET_CONFIG_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,63}");

  /**
   * The bucket's configuration document {@code name} (a sub-resource: {@code cors}, {@code tagging},
   * {@code lifecycle}, {@code policy}, {@code encryption}, ...) as last stored, or empty when none is;
   * NoSuchBucket when the bucket is absent. Stores keep documents as opaque bytes, which the server
   * validated before storing; they go with their bucket. This default, for stores that keep no
   * configuration, answers NotImplemented.
   */
  default Optional<byte[]> bucketConfig(String bucket, String name) throws IOException {
    throw new S3ErrorException(S3ErrorCode.NOT_IMPLEMENTED, "This store keeps no bucket configuration");
  }

  /** Stores (replacing) the bucket's configuration document {@code name}, atomically; NoSuchBucket when absent. */
  default void putBucketConfig(String bucket, String name, byte[] document) throws IOException {
    throw new S3ErrorException(S3ErrorCode.NOT_IMPLEMENTED, "This store keeps no bucket configuration");
  }

  /** Removes the bucket's configuration document {@code name}; removing an absent one is not an error. */
  default void deleteBucketConfig(String bucket, String name) throws IOException {
    throw new S3ErrorException(S3ErrorCode.NOT_IMPLEMENTED, "This store keeps no bucket configuration");
  }

  @Override
  default void close() throws IOException {}
}
