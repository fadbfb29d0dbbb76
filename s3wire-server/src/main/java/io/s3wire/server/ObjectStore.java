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

  /**
   * A store that keeps everything in memory (lost with the JVM), on the system clock.
   * @return a new, empty store
   */
  static ObjectStore memory() {
    return new MemoryStore();
  }

  /**
   * A store that keeps everything in memory and takes creation and modification times
   * ({@code Last-Modified}, upload initiation) from {@code clock}.
   * @param clock the source of every time the store records (tests pin it)
   * @return a new, empty store
   */
  static ObjectStore memory(Clock clock) {
    return new MemoryStore(clock);
  }

  /**
   * A store in directory {@code root} (created if missing) that finds every earlier object on reopen.
   * @param root the directory that holds the store's files; no other process should write it
   * @return the opened store
   * @throws IOException when the directory cannot be created or its content cannot be read
   */
  static ObjectStore file(Path root) throws IOException {
    return FileStore.open(root);
  }

  /**
   * Like {@link #file(Path)}, taking creation and modification times from {@code clock}.
   * @param root the directory that holds the store's files; no other process should write it
   * @param clock the source of every time the store records
   * @return the opened store
   * @throws IOException when the directory cannot be created or its content cannot be read
   */
  static ObjectStore file(Path root, Clock clock) throws IOException {
    return FileStore.open(root, clock);
  }

  /**
   * {@code store} with {@code latency} added (slept by the calling thread) before every call.
   * @param store the store that does the work; closing the result closes it
   * @param latency the delay before each call
   * @return the decorated store
   */
  static ObjectStore withLatency(ObjectStore store, Duration latency) {
    return new LatencyStore(store, latency);
  }

  /**
   * {@code store} refusing every change with AccessDenied; reads pass through.
   * @param store the store that answers reads; closing the result closes it
   * @return the decorated store
   */
  static ObjectStore readOnly(ObjectStore store) {
    return new ReadOnlyStore(store);
  }

  /**
   * {@code store} throwing an IOException from every call whose operation name matches {@code failing}.
   * @param store the store that answers the other calls; closing the result closes it
   * @param failing tested with the name of the store method called (e.g. {@code "putObject"})
   * @return the decorated store
   */
  static ObjectStore withFaults(ObjectStore store, Predicate<String> failing) {
    return new FaultyStore(store, failing);
  }

  /**
   * Creates an empty, unversioned bucket; BucketAlreadyOwnedByYou when it exists.
   * @param bucket the name of the new bucket, validated by the server
   * @throws IOException when the underlying storage fails
   */
  void createBucket(String bucket) throws IOException;

  /**
   * Deletes a bucket that holds no objects, object versions or delete markers, aborting its open multipart uploads (S3 deletes a
   * bucket whose only content is uploads in progress); BucketNotEmpty while it holds objects.
   * @param bucket the bucket's name
   * @throws IOException when the underlying storage fails
   */
  void deleteBucket(String bucket) throws IOException;

  /**
   * Whether the bucket exists.
   * @param bucket the bucket's name
   * @return {@code true} when it exists
   * @throws IOException when the underlying storage fails
   */
  boolean bucketExists(String bucket) throws IOException;

  /**
   * Buckets in name order.
   * @return every bucket, a snapshot the caller may keep
   * @throws IOException when the underlying storage fails
   */
  List<BucketInfo> listBuckets() throws IOException;

  /**
   * Stores {@code body} (read to its end) under {@code key}, replacing any earlier object, with the
   * FULL_OBJECT checksum of algorithm {@code checksum} ({@code null}: none).
   * @param bucket the bucket's name
   * @param key the object's key
   * @param attributes the object's headers, user metadata and other attributes to store with it
   * @param checksum the algorithm of the checksum to compute and keep, or {@code null} for none
   * @param body the data, read to its end; the caller closes it
   * @return the stored object's description
   * @throws IOException when the underlying storage fails
   */
  StoredObject putObject(String bucket, String key, ObjectAttributes attributes, ChecksumAlgorithm checksum,
      InputStream body) throws IOException;

  /**
   * {@link #putObject(String, String, ObjectAttributes, ChecksumAlgorithm, InputStream)} with {@link #DEFAULT_CHECKSUM}.
   * @param bucket the bucket's name
   * @param key the object's key
   * @param attributes the object's headers, user metadata and other attributes to store with it
   * @param body the data, read to its end; the caller closes it
   * @return the stored object's description
   * @throws IOException when the underlying storage fails
   */
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
   * @param bucket the bucket's name
   * @param key the object's key
   * @param attributes the object's headers, user metadata and other attributes to store with it
   * @param checksum the algorithm of the checksum to compute and keep, or {@code null} for none
   * @param body the data, read to its end; the caller closes it
   * @param condition the If-Match / If-None-Match precondition; {@link WriteCondition#isNone} for none
   * @return the stored object's description
   * @throws IOException when the underlying storage fails
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

  /**
   * The object's description; NoSuchKey when absent.
   * @param bucket the bucket's name
   * @param key the object's key
   * @return the current object's description (its latest version in a versioned bucket)
   * @throws IOException when the underlying storage fails
   */
  StoredObject headObject(String bucket, String key) throws IOException;

  /**
   * Replaces the attributes of the object under {@code key} with {@code change} applied to its
   * current ones, without rewriting its data: size, ETag, checksum and last-modified time stay (as
   * PutObjectTagging leaves them in S3). Atomic with respect to every other writer of the key: the
   * object {@code change} saw is the one changed. Returns the new description; NoSuchKey when
   * absent. This default, for stores that cannot change metadata in place, answers NotImplemented.
   * @param bucket the bucket's name
   * @param key the object's key
   * @param change maps the current attributes to the new ones; quick, not calling the store (it may hold a lock)
   * @return the changed object's description
   * @throws IOException when the underlying storage fails
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
   * @param bucket the bucket's name
   * @param key the object's key
   * @return the object and its parts
   * @throws IOException when the underlying storage fails
   */
  default ObjectParts headObjectParts(String bucket, String key) throws IOException {
    return ObjectParts.whole(headObject(bucket, key));
  }

  /**
   * Opens {@code length} bytes from {@code offset} (the caller checked them against the size); NoSuchKey when absent.
   * @param bucket the bucket's name
   * @param key the object's key
   * @param offset the first byte to read, 0-based
   * @param length how many bytes to read
   * @return the open content, which the caller closes
   * @throws IOException when the underlying storage fails
   */
  ObjectContent getObject(String bucket, String key, long offset, long length) throws IOException;

  /**
   * Deletes an object; deleting an absent key is not an error (S3 answers 204 alike).
   * @param bucket the bucket's name
   * @param key the object's key
   * @throws IOException when the underlying storage fails
   */
  void deleteObject(String bucket, String key) throws IOException;

  /**
   * Objects whose key starts with {@code prefix} and sorts after {@code startAfter} (empty: from
   * the first), in UTF-8 byte order of their keys. The iterator is weakly consistent.
   * @param bucket the bucket's name
   * @param prefix the prefix every listed key starts with (empty: all keys)
   * @param startAfter the key to list after, exclusive (empty: from the first)
   * @return the objects, read lazily; the server stops reading at the page size
   * @throws IOException when the underlying storage fails
   */
  Iterator<StoredObject> listObjects(String bucket, String prefix, String startAfter) throws IOException;

  /**
   * Starts a multipart upload and returns its id; it remembers the checksum the client chose
   * ({@code null}s: none), reported back by {@link #upload} and {@link #listMultipartUploads}.
   * @param bucket the bucket's name
   * @param key the key the completed object will have
   * @param attributes the completed object's headers, user metadata and other attributes to store with it
   * @param checksumAlgorithm the algorithm of the parts' checksums, or {@code null} for none
   * @param checksumType how the object's checksum is formed from the parts', or {@code null} for none
   * @return the new upload's id, unique within the store
   * @throws IOException when the underlying storage fails
   */
  String createMultipartUpload(String bucket, String key, ObjectAttributes attributes,
      ChecksumAlgorithm checksumAlgorithm, ChecksumType checksumType) throws IOException;

  /**
   * Starts a multipart upload that keeps no checksum.
   * @param bucket the bucket's name
   * @param key the key the completed object will have
   * @param attributes the completed object's headers, user metadata and other attributes to store with it
   * @return the new upload's id, unique within the store
   * @throws IOException when the underlying storage fails
   */
  default String createMultipartUpload(String bucket, String key, ObjectAttributes attributes) throws IOException {
    return createMultipartUpload(bucket, key, attributes, null, null);
  }

  /**
   * Stores a part, replacing an earlier part with the same number, with the checksum of algorithm
   * {@code checksum} ({@code null}: none). NoSuchUpload when the upload is not open.
   * @param bucket the bucket's name
   * @param key the object's key
   * @param uploadId the id {@link #createMultipartUpload} returned
   * @param partNumber the part's number, 1 to 10,000 (checked by the server)
   * @param checksum the algorithm of the part's checksum to compute and keep, or {@code null} for none
   * @param body the part's data, read to its end; the caller closes it
   * @return the stored part's description
   * @throws IOException when the underlying storage fails
   */
  StoredPart uploadPart(String bucket, String key, String uploadId, int partNumber, ChecksumAlgorithm checksum,
      InputStream body) throws IOException;

  /**
   * Stores a part with the upload's own checksum algorithm ({@link StoredUpload#checksumAlgorithm}), if any.
   * @param bucket the bucket's name
   * @param key the object's key
   * @param uploadId the id {@link #createMultipartUpload} returned
   * @param partNumber the part's number, 1 to 10,000 (checked by the server)
   * @param body the part's data, read to its end; the caller closes it
   * @return the stored part's description
   * @throws IOException when the underlying storage fails
   */
  default StoredPart uploadPart(String bucket, String key, String uploadId, int partNumber, InputStream body)
      throws IOException {
    return uploadPart(bucket, key, uploadId, partNumber, upload(bucket, key, uploadId).checksumAlgorithm(), body);
  }

  /**
   * The upload's parts in part-number order; NoSuchUpload when it is not open.
   * @param bucket the bucket's name
   * @param key the object's key
   * @param uploadId the id {@link #createMultipartUpload} returned
   * @return the parts stored so far, a snapshot
   * @throws IOException when the underlying storage fails
   */
  List<StoredPart> listParts(String bucket, String key, String uploadId) throws IOException;

  /**
   * The upload's description; NoSuchUpload when it is not open.
   * @param bucket the bucket's name
   * @param key the object's key
   * @param uploadId the id {@link #createMultipartUpload} returned
   * @return the upload's key, id, initiation time, attributes and checksum choice
   * @throws IOException when the underlying storage fails
   */
  StoredUpload upload(String bucket, String key, String uploadId) throws IOException;

  /**
   * Makes the object from {@code partNumbers} in that order (validated by the caller), with
   * {@code etag} and {@code checksum} (formed by the caller from the parts' checksums; {@code null}:
   * none), and ends the upload. NoSuchUpload when it is not open.
   * @param bucket the bucket's name
   * @param key the object's key
   * @param uploadId the id {@link #createMultipartUpload} returned
   * @param partNumbers the numbers of the stored parts to join, in order
   * @param etag the completed object's ETag, quoted
   * @param checksum the object's checksum, or {@code null} for none
   * @return the completed object's description
   * @throws IOException when the underlying storage fails
   */
  StoredObject completeMultipartUpload(String bucket, String key, String uploadId, List<Integer> partNumbers, String etag,
      ObjectChecksum checksum) throws IOException;

  /**
   * {@link #completeMultipartUpload(String, String, String, List, String, ObjectChecksum)} with no checksum.
   * @param bucket the bucket's name
   * @param key the object's key
   * @param uploadId the id {@link #createMultipartUpload} returned
   * @param partNumbers the numbers of the stored parts to join, in order
   * @param etag the completed object's ETag, quoted
   * @return the completed object's description
   * @throws IOException when the underlying storage fails
   */
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
   * @param bucket the bucket's name
   * @param key the object's key
   * @param uploadId the id {@link #createMultipartUpload} returned
   * @param partNumbers the numbers of the stored parts to join, in order
   * @param etag the completed object's ETag, quoted
   * @param checksum the object's checksum, or {@code null} for none
   * @param condition the If-Match / If-None-Match precondition; {@link WriteCondition#isNone} for none
   * @return the completed object's description
   * @throws IOException when the underlying storage fails
   */
  default StoredObject completeMultipartUpload(String bucket, String key, String uploadId, List<Integer> partNumbers,
      String etag, ObjectChecksum checksum, WriteCondition condition) throws IOException {
    condition.check(currentOrNull(bucket, key, condition));
    return completeMultipartUpload(bucket, key, uploadId, partNumbers, etag, checksum);
  }

  /**
   * Ends an upload and discards its parts; NoSuchUpload when it is not open.
   * @param bucket the bucket's name
   * @param key the object's key
   * @param uploadId the id {@link #createMultipartUpload} returned
   * @throws IOException when the underlying storage fails
   */
  void abortMultipartUpload(String bucket, String key, String uploadId) throws IOException;

  /**
   * Open uploads of a bucket ordered by key, then initiation time.
   * @param bucket the bucket's name
   * @return the open uploads, a snapshot
   * @throws IOException when the underlying storage fails
   */
  List<StoredUpload> listMultipartUploads(String bucket) throws IOException;

  /**
   * The bucket's versioning state; NoSuchBucket when absent. This default, for stores without versions, is UNVERSIONED.
   * @param bucket the bucket's name
   * @return the state set last, or UNVERSIONED when none was
   * @throws IOException when the underlying storage fails
   */
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
   * @param bucket the bucket's name
   * @param state the new state, ENABLED or SUSPENDED
   * @throws IOException when the underlying storage fails
   */
  default void setVersioning(String bucket, BucketVersioning state) throws IOException {
    throw new S3ErrorException(S3ErrorCode.NOT_IMPLEMENTED, "This store keeps no object versions");
  }

  /**
   * Version {@code versionId} of {@code key}: an object version or a delete marker; NoSuchVersion
   * when the key has no such version. This default knows only the null version, the object itself.
   * @param bucket the bucket's name
   * @param key the object's key
   * @param versionId the version's id ({@link VersionEntry#NULL_ID} for the null version)
   * @return the version
   * @throws IOException when the underlying storage fails
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
   * @param bucket the bucket's name
   * @param key the object's key
   * @param versionId the version's id ({@link VersionEntry#NULL_ID} for the null version)
   * @param offset the first byte to read, 0-based
   * @param length how many bytes to read
   * @return the open content, which the caller closes
   * @throws IOException when the underlying storage fails
   */
  default ObjectContent getObjectVersion(String bucket, String key, String versionId, long offset, long length)
      throws IOException {
    version(bucket, key, versionId);
    return getObject(bucket, key, offset, length);
  }

  /**
   * Like {@link #replaceObjectAttributes}, for object version {@code versionId}; NoSuchVersion when
   * absent, MethodNotAllowed for a delete marker.
   * @param bucket the bucket's name
   * @param key the object's key
   * @param versionId the version's id ({@link VersionEntry#NULL_ID} for the null version)
   * @param change maps the version's current attributes to the new ones; quick, not calling the store
   * @return the changed version's description
   * @throws IOException when the underlying storage fails
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
   * @param bucket the bucket's name
   * @param key the object's key
   * @param versionId the version to remove for good, or {@code null} to delete the current object
   * @return the delete marker added or the version removed, or {@code null} (see above)
   * @throws IOException when the underlying storage fails
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
   * @param bucket the bucket's name
   * @param prefix the prefix every listed key starts with (empty: all keys)
   * @param keyMarker the key to resume at (empty: from the first)
   * @param versionIdMarker the version of {@code keyMarker} to list after (empty: after all of them)
   * @return the versions, read lazily
   * @throws IOException when the underlying storage fails
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
   * @param bucket the bucket's name
   * @param name the document's name, matching {@link #BUCKET_CONFIG_NAME}
   * @return the document's bytes (the caller may keep them), or empty
   * @throws IOException when the underlying storage fails
   */
  default Optional<byte[]> bucketConfig(String bucket, String name) throws IOException {
    throw new S3ErrorException(S3ErrorCode.NOT_IMPLEMENTED, "This store keeps no bucket configuration");
  }

  /**
   * Stores (replacing) the bucket's configuration document {@code name}, atomically; NoSuchBucket when absent.
   * @param bucket the bucket's name
   * @param name the document's name, matching {@link #BUCKET_CONFIG_NAME}
   * @param document the validated document; the caller does not change it afterwards
   * @throws IOException when the underlying storage fails
   */
  default void putBucketConfig(String bucket, String name, byte[] document) throws IOException {
    throw new S3ErrorException(S3ErrorCode.NOT_IMPLEMENTED, "This store keeps no bucket configuration");
  }

  /**
   * Removes the bucket's configuration document {@code name}; removing an absent one is not an error.
   * @param bucket the bucket's name
   * @param name the document's name, matching {@link #BUCKET_CONFIG_NAME}
   * @throws IOException when the underlying storage fails
   */
  default void deleteBucketConfig(String bucket, String name) throws IOException {
    throw new S3ErrorException(S3ErrorCode.NOT_IMPLEMENTED, "This store keeps no bucket configuration");
  }

  @Override
  default void close() throws IOException {}
}
