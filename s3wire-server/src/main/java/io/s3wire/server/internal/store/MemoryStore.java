package io.s3wire.server.internal.store;

import io.s3wire.checksum.ChecksumAlgorithm;
import io.s3wire.server.BucketInfo;
import io.s3wire.server.BucketVersioning;
import io.s3wire.server.ChecksumType;
import io.s3wire.server.ObjectAttributes;
import io.s3wire.server.ObjectChecksum;
import io.s3wire.server.ObjectContent;
import io.s3wire.server.StoredObject;
import io.s3wire.server.ObjectParts;
import io.s3wire.server.ObjectStore;
import io.s3wire.server.StoredPart;
import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import io.s3wire.server.StoredUpload;
import io.s3wire.server.VersionEntry;
import io.s3wire.server.WriteCondition;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.UnaryOperator;

/**
 * An {@link ObjectStore} in memory. Bytes live in chunks of up to 1 MiB (growing from 16 KiB, so a
 * small object stays small) so that large objects never need one huge array; a completed multipart
 * object shares its parts' chunks ({@link Chunks}).
 * Thread-safe: maps are concurrent, a value is replaced as a whole.
 */
public final class MemoryStore implements ObjectStore {
  private static final int CHUNK = 1 << 20;
  /**
   * The first chunk of a body; each next one is twice as large, up to {@link #CHUNK}. A 4 KiB PUT
   * so allocates 16 KiB, not a 1 MiB array to zero, fill a sliver of and copy out of.
   */
  private static final int FIRST_CHUNK = 16 << 10;

  /**
   * An object or a part: its description, bytes, and for a completed multipart object its part
   * sizes and part checksums (empty when a part had none).
   */
  private record Blob(StoredObject info, Chunks chunks, List<Long> partSizes, List<ObjectChecksum> partChecksums) {
    Blob(StoredObject info, Chunks chunks) {
      this(info, chunks, List.of(), List.of());
    }
  }

  private record Upload(StoredUpload info, ConcurrentSkipListMap<Integer, Blob> parts) {}

  private static final class Bucket {
    final Instant created;
    final ConcurrentSkipListMap<String, Blob> objects = new ConcurrentSkipListMap<>(KeyOrder.UTF8);
    final ConcurrentHashMap<String, Upload> uploads = new ConcurrentHashMap<>();
    final ConcurrentHashMap<String, byte[]> configs = new ConcurrentHashMap<>();
    final VersionIndex<Blob> versions = new VersionIndex<>(objects, Blob::info,
        (blob, info) -> new Blob(info, blob.chunks, blob.partSizes, blob.partChecksums));

    Bucket(Instant created) {
      this.created = created;
    }
  }

  private final ConcurrentSkipListMap<String, Bucket> buckets = new ConcurrentSkipListMap<>();
  private final Clock clock;

  /** A store on the system clock. */
  public MemoryStore() {
    this(Clock.systemUTC());
  }

  /** A store taking creation and modification times from {@code clock}. */
  public MemoryStore(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void createBucket(String bucket) {
    if (buckets.putIfAbsent(bucket, new Bucket(now())) != null) {
      throw new S3ErrorException(S3ErrorCode.BUCKET_ALREADY_OWNED_BY_YOU);
    }
  }

  @Override
  public synchronized void deleteBucket(String bucket) {
    Bucket b = bucket(bucket);
    // Open multipart uploads go with the bucket, as in S3.
    if (!b.versions.isEmpty()) {
      throw new S3ErrorException(S3ErrorCode.BUCKET_NOT_EMPTY);
    }
    buckets.remove(bucket);
  }

  @Override
  public Optional<byte[]> bucketConfig(String bucket, String name) {
    byte[] doc = bucket(bucket).configs.get(checkConfigName(name));
    return doc == null ? Optional.empty() : Optional.of(doc.clone());
  }

  @Override
  public void putBucketConfig(String bucket, String name, byte[] document) {
    bucket(bucket).configs.put(checkConfigName(name), document.clone());
  }

  @Override
  public void deleteBucketConfig(String bucket, String name) {
    bucket(bucket).configs.remove(checkConfigName(name));
  }

  static String checkConfigName(String name) {
    if (!BUCKET_CONFIG_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a bucket configuration name: " + name);
    }
    return name;
  }

  @Override
  public boolean bucketExists(String bucket) {
    return buckets.containsKey(bucket);
  }

  @Override
  public List<BucketInfo> listBuckets() {
    List<BucketInfo> out = new ArrayList<>();
    buckets.forEach((name, b) -> out.add(new BucketInfo(name, b.created)));
    return out;
  }

  @Override
  public StoredObject putObject(String bucket, String key, ObjectAttributes attributes, ChecksumAlgorithm checksum,
      InputStream body) throws IOException {
    return putObject(bucket, key, attributes, checksum, body, WriteCondition.NONE);
  }

  @Override
  public StoredObject putObject(String bucket, String key, ObjectAttributes attributes, ChecksumAlgorithm checksum,
      InputStream body, WriteCondition condition) throws IOException {
    Bucket b = bucket(bucket);
    Blob blob = read(key, attributes, checksum, body);
    return commit(b, blob, condition);
  }

  /**
   * Makes {@code blob} the key's newest version (in an unversioned bucket: its object) if
   * {@code condition} holds, in one step under the bucket's lock; returns its description.
   */
  private static StoredObject commit(Bucket b, Blob blob, WriteCondition condition) {
    synchronized (b) {
      Blob old = b.objects.get(blob.info.key());
      condition.check(old == null ? null : old.info);
      VersionIndex.Change<Blob> c = b.versions.put(blob.info.key(), blob);
      b.versions.apply(c);
      return c.touched().object().info;
    }
  }

  @Override
  public BucketVersioning versioning(String bucket) {
    return bucket(bucket).versions.state();
  }

  @Override
  public void setVersioning(String bucket, BucketVersioning state) {
    Bucket b = bucket(bucket);
    synchronized (b) {
      b.versions.state(state);
    }
  }

  @Override
  public VersionEntry version(String bucket, String key, String versionId) {
    return bucket(bucket).versions.describe(key, versionId);
  }

  @Override
  public ObjectContent getObjectVersion(String bucket, String key, String versionId, long offset, long length) {
    Blob blob = bucket(bucket).versions.object(key, versionId);
    return ObjectContent.of(blob.info, length, blob.chunks.channel(offset, length));
  }

  @Override
  public StoredObject replaceVersionAttributes(String bucket, String key, String versionId,
      UnaryOperator<ObjectAttributes> change) {
    Bucket b = bucket(bucket);
    synchronized (b) {
      VersionIndex.Change<Blob> c = b.versions.replace(key, versionId,
          old -> new Blob(old.info.withAttributes(change.apply(old.info.attributes())), old.chunks, old.partSizes,
              old.partChecksums));
      b.versions.apply(c);
      return c.touched().object().info;
    }
  }

  @Override
  public VersionEntry delete(String bucket, String key, String versionId) {
    Bucket b = bucket(bucket);
    synchronized (b) {
      VersionIndex.Change<Blob> c;
      if (versionId != null) {
        c = b.versions.remove(key, versionId);
      } else if (b.versions.state() == BucketVersioning.UNVERSIONED) {
        b.objects.remove(key);
        return null;
      } else {
        c = b.versions.mark(key, now());
      }
      if (c == null) {
        return null;
      }
      b.versions.apply(c);
      return b.versions.entry(key, c.touched(), versionId == null);
    }
  }

  @Override
  public Iterator<VersionEntry> listVersions(String bucket, String prefix, String keyMarker, String versionIdMarker) {
    return bucket(bucket).versions.list(prefix, keyMarker, versionIdMarker);
  }

  private Blob read(String key, ObjectAttributes attributes, ChecksumAlgorithm checksum, InputStream body)
      throws IOException {
    Digests.DigestingInputStream in = Digests.digesting(body, checksum);
    List<byte[]> chunks = new ArrayList<>();
    int size = FIRST_CHUNK;
    while (true) {
      // Filled in place: readNBytes(int) would gather small buffers and copy them once more.
      byte[] chunk = new byte[size];
      int n = in.readNBytes(chunk, 0, size);
      if (n == size) {
        chunks.add(chunk);
        size = Math.min(CHUNK, size * 2);
        continue;
      }
      if (n > 0) {
        chunks.add(Arrays.copyOf(chunk, n));
      }
      break;
    }
    StoredObject info = new StoredObject(key, in.count(), EncryptedETags.etag(in.etag(), attributes.encryption()), now(),
        attributes,
        checksum == null ? null : ObjectChecksum.fullObject(checksum, in.value(checksum)));
    return new Blob(info, Chunks.of(chunks));
  }

  /** Now on the store's clock, to the second as S3 reports times. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }

  @Override
  public StoredObject headObject(String bucket, String key) {
    return blob(bucket, key).info;
  }

  @Override
  public StoredObject replaceObjectAttributes(String bucket, String key, UnaryOperator<ObjectAttributes> change) {
    Bucket b = bucket(bucket);
    synchronized (b) {
      Blob old = b.objects.get(key);
      if (old == null) {
        throw b.versions.noSuchKey(key);
      }
      return replaceVersionAttributes(bucket, key, versionIdOf(b, key), change);
    }
  }

  /** The id under which the key's current object is indexed. */
  private static String versionIdOf(Bucket b, String key) {
    return b.versions.versions(key).get(0).versionId();
  }

  @Override
  public ObjectParts headObjectParts(String bucket, String key) {
    Blob blob = blob(bucket, key);
    return new ObjectParts(blob.info, blob.partSizes, blob.partChecksums);
  }

  @Override
  public ObjectContent getObject(String bucket, String key, long offset, long length) {
    Blob blob = blob(bucket, key);
    return ObjectContent.of(blob.info, length, blob.chunks.channel(offset, length));
  }

  private Blob blob(String bucket, String key) {
    Bucket b = bucket(bucket);
    Blob blob = b.objects.get(key);
    if (blob == null) {
      throw b.versions.noSuchKey(key);
    }
    return blob;
  }

  @Override
  public void deleteObject(String bucket, String key) {
    delete(bucket, key, null);
  }

  @Override
  public Iterator<StoredObject> listObjects(String bucket, String prefix, String startAfter) {
    Bucket b = bucket(bucket);
    String from = startAfter.isEmpty() || KeyOrder.UTF8.compare(prefix, startAfter) > 0 ? prefix : startAfter;
    boolean inclusive = !from.equals(startAfter);
    Iterator<Blob> it = b.objects.tailMap(from, inclusive).values().iterator();
    return new PrefixIterator<>(it, prefix, blob -> blob.info);
  }

  @Override
  public String createMultipartUpload(String bucket, String key, ObjectAttributes attributes,
      ChecksumAlgorithm checksumAlgorithm, ChecksumType checksumType) {
    Bucket b = bucket(bucket);
    String id = UUID.randomUUID().toString().replace("-", "");
    StoredUpload info = new StoredUpload(key, id, clock.instant(), attributes, checksumAlgorithm, checksumType);
    b.uploads.put(id, new Upload(info, new ConcurrentSkipListMap<>()));
    return id;
  }

  private Upload upload(Bucket b, String key, String uploadId) {
    Upload u = b.uploads.get(uploadId);
    if (u == null || !u.info.key().equals(key)) {
      throw new S3ErrorException(S3ErrorCode.NO_SUCH_UPLOAD);
    }
    return u;
  }

  @Override
  public StoredPart uploadPart(String bucket, String key, String uploadId, int partNumber, ChecksumAlgorithm checksum,
      InputStream body) throws IOException {
    Upload u = upload(bucket(bucket), key, uploadId);
    Blob part = read(key, ObjectAttributes.empty(), checksum, body);
    u.parts.put(partNumber, part);
    return partInfo(partNumber, part);
  }

  private static StoredPart partInfo(int number, Blob part) {
    return new StoredPart(number, part.info.etag(), part.info.size(), part.info.lastModified(), part.info.checksum());
  }

  @Override
  public List<StoredPart> listParts(String bucket, String key, String uploadId) {
    Upload u = upload(bucket(bucket), key, uploadId);
    List<StoredPart> out = new ArrayList<>();
    u.parts.forEach((n, p) -> out.add(partInfo(n, p)));
    return out;
  }

  @Override
  public StoredUpload upload(String bucket, String key, String uploadId) {
    return upload(bucket(bucket), key, uploadId).info;
  }

  @Override
  public StoredObject completeMultipartUpload(String bucket, String key, String uploadId, List<Integer> partNumbers,
      String etag, ObjectChecksum checksum) {
    return completeMultipartUpload(bucket, key, uploadId, partNumbers, etag, checksum, WriteCondition.NONE);
  }

  @Override
  public StoredObject completeMultipartUpload(String bucket, String key, String uploadId, List<Integer> partNumbers,
      String etag, ObjectChecksum checksum, WriteCondition condition) {
    Bucket b = bucket(bucket);
    Upload u = upload(b, key, uploadId);
    List<Chunks> chunks = new ArrayList<>();
    List<Long> sizes = new ArrayList<>();
    List<ObjectChecksum> checksums = new ArrayList<>();
    long size = 0;
    for (int n : partNumbers) {
      Blob p = u.parts.get(n);
      if (p == null) {
        throw new S3ErrorException(S3ErrorCode.INVALID_PART);
      }
      chunks.add(p.chunks);
      sizes.add(p.info.size());
      checksums.add(p.info.checksum());
      size += p.info.size();
    }
    StoredObject info = new StoredObject(key, size, etag, now(), u.info.attributes(), checksum);
    info = commit(b, new Blob(info, Chunks.concat(chunks), List.copyOf(sizes), ObjectParts.everyOrNone(checksums)),
        condition);
    b.uploads.remove(uploadId);
    return info;
  }

  @Override
  public void abortMultipartUpload(String bucket, String key, String uploadId) {
    Bucket b = bucket(bucket);
    upload(b, key, uploadId);
    b.uploads.remove(uploadId);
  }

  @Override
  public List<StoredUpload> listMultipartUploads(String bucket) {
    List<StoredUpload> out = new ArrayList<>();
    bucket(bucket).uploads.values().forEach(u -> out.add(u.info));
    out.sort(Comparator.comparing(StoredUpload::key, KeyOrder.UTF8).thenComparing(StoredUpload::initiated));
    return out;
  }

  private Bucket bucket(String name) {
    Bucket b = buckets.get(name);
    if (b == null) {
      throw new S3ErrorException(S3ErrorCode.NO_SUCH_BUCKET);
    }
    return b;
  }
}
