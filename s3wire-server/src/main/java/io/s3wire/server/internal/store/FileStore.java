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
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;

/**
 * An {@link ObjectStore} in a directory, crash-safe: an object is visible only once its data and
 * metadata are both on disk.
 *
 * <p>Directory layout under the root:
 * <pre>
 * tmp/                                   temp files being written and buckets being deleted;
 *                                        emptied on open
 * buckets/&lt;bucket&gt;/bucket.properties    creation time (bucket names are validated S3 names)
 * buckets/&lt;bucket&gt;/config/&lt;name&gt;        a configuration document (cors, tagging, ...), as stored
 * buckets/&lt;bucket&gt;/objects/&lt;h&gt;.meta      the object's metadata (key, size, ETag, time, headers,
 *                                        user metadata, checksum if any, part sizes and part
 *                                        checksums of a multipart object, name of its data file)
 *                                        as a properties file
 * buckets/&lt;bucket&gt;/objects/&lt;h&gt;.&lt;id&gt;.data  the object's bytes (id: a completed upload's, else random)
 * buckets/&lt;bucket&gt;/versioning.properties  the versioning state, once versioning was configured;
 *                                        from then on {@code <h>.meta} lists every version and
 *                                        delete marker of the key ({@link VersionFiles}), each
 *                                        version with its own data file
 * buckets/&lt;bucket&gt;/uploads/&lt;id&gt;/upload.meta     an open multipart upload (key, time, attributes)
 * buckets/&lt;bucket&gt;/uploads/&lt;id&gt;/&lt;n&gt;.meta and &lt;n&gt;.&lt;uuid&gt;.data   its part n
 * </pre>
 * {@code <h>} is the lower-case hex SHA-256 of the key's UTF-8 bytes: keys are never used as path
 * elements, so no key ({@code ..}, absolute, NUL, overlong) can name a file outside the root. Upload
 * ids are generated here (32 hex digits) and checked against that form before use.
 *
 * <p>Writes go to {@code tmp/}, are fsynced and atomically renamed into place; data first under a
 * fresh name, then the metadata that points at it (the commit point), then the old data is
 * deleted. A killed process thus leaves either the old object or the new one, plus at most an
 * orphan data file or temp file, which {@link #open} deletes, as it deletes what a crash left of
 * uploads ({@link FileUploads#recover}). An index of keys is held in memory
 * and rebuilt from the metadata files on open.
 */
public final class FileStore implements ObjectStore {
  private static final String VERSIONING_FILE = "versioning.properties";

  /**
   * An indexed object: its description, its data file, and the sizes and checksums of its parts
   * (empty: stored whole, or for checksums none kept).
   */
  private record Entry(StoredObject info, String dataName, List<Long> partSizes, List<ObjectChecksum> partChecksums) {}

  private static final class Bucket {
    final Path dir;
    final Instant created;
    final ConcurrentSkipListMap<String, Entry> index = new ConcurrentSkipListMap<>(KeyOrder.UTF8);
    final VersionIndex<Entry> versions = new VersionIndex<>(index, Entry::info,
        (e, info) -> new Entry(info, e.dataName, e.partSizes, e.partChecksums));

    Bucket(Path dir, Instant created) {
      this.dir = dir;
      this.created = created;
    }

    Path objects() {
      return dir.resolve("objects");
    }

    Path uploads() {
      return dir.resolve("uploads");
    }

    Path config(String name) {
      return dir.resolve("config").resolve(MemoryStore.checkConfigName(name));
    }
  }

  private final Path root;
  private final AtomicFiles files;
  private final FileUploads uploads;
  private final ConcurrentSkipListMap<String, Bucket> buckets = new ConcurrentSkipListMap<>();

  private final Clock clock;

  private FileStore(Path root, Clock clock) {
    this.root = root;
    this.files = new AtomicFiles(root.resolve("tmp"));
    this.uploads = new FileUploads(files);
    this.clock = clock;
  }

  /** Opens (creating if needed) the store at {@code root}, deleting leftovers of interrupted writes. */
  public static FileStore open(Path root) throws IOException {
    return open(root, Clock.systemUTC());
  }

  /** Like {@link #open(Path)}, taking creation and modification times from {@code clock}. */
  public static FileStore open(Path root, Clock clock) throws IOException {
    FileStore store = new FileStore(root.toAbsolutePath().normalize(), Objects.requireNonNull(clock, "clock"));
    store.load();
    return store;
  }

  /** Now on the store's clock, to the second as S3 reports times. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }

  private void load() throws IOException {
    Files.createDirectories(root.resolve("buckets"));
    Path tmp = Files.createDirectories(root.resolve("tmp"));
    try (Stream<Path> leftovers = Files.list(tmp)) {
      for (Path p : (Iterable<Path>) leftovers::iterator) {
        // Temp files, and the trees of buckets whose deletion was interrupted.
        deleteTree(p);
      }
    }
    try (Stream<Path> dirs = Files.list(root.resolve("buckets"))) {
      for (Path dir : (Iterable<Path>) dirs::iterator) {
        Path props = dir.resolve("bucket.properties");
        if (!Files.isRegularFile(props)) {
          continue;
        }
        Instant created = Instant.ofEpochMilli(Long.parseLong(AtomicFiles.readProperties(props).getProperty("created")));
        Bucket b = new Bucket(dir, created);
        uploads.recover(b.uploads(), loadObjects(b));
        buckets.put(dir.getFileName().toString(), b);
      }
    }
  }

  /** Indexes the bucket's objects, deletes data files no metadata names; returns the names in use. */
  private Set<String> loadObjects(Bucket b) throws IOException {
    Path state = b.dir.resolve(VERSIONING_FILE);
    if (Files.isRegularFile(state)) {
      b.versions.state(BucketVersioning.valueOf(AtomicFiles.readProperties(state).getProperty("state")));
    }
    Set<String> referenced = new HashSet<>();
    List<Path> data = new ArrayList<>();
    try (Stream<Path> entries = Files.list(b.objects())) {
      for (Path p : (Iterable<Path>) entries::iterator) {
        String name = p.getFileName().toString();
        if (name.endsWith(".meta")) {
          java.util.Properties props = AtomicFiles.readProperties(p);
          if (VersionFiles.isChain(props)) {
            List<VersionIndex.Slot<Entry>> chain = VersionFiles.read(props, FileStore::readEntry);
            b.versions.apply(new VersionIndex.Change<>(props.getProperty("key"), chain, List.of(), null));
            referenced.addAll(VersionFiles.dataNames(chain, Entry::dataName));
            continue;
          }
          Entry e = readEntry(props);
          b.index.put(e.info.key(), e);
          referenced.add(e.dataName);
        } else {
          data.add(p);
        }
      }
    }
    for (Path p : data) {
      if (!referenced.contains(p.getFileName().toString())) {
        Files.deleteIfExists(p);
      }
    }
    return referenced;
  }

  private static Entry readEntry(java.util.Properties props) {
    return new Entry(MetaFiles.readInfo(props), props.getProperty("data"), MetaFiles.readPartSizes(props),
        MetaFiles.readPartChecksums(props));
  }

  private static java.util.Properties writeEntry(Entry e) {
    java.util.Properties meta = MetaFiles.writeObject(e.info, e.dataName);
    MetaFiles.writePartSizes(meta, e.partSizes);
    MetaFiles.writePartChecksums(meta, e.partChecksums);
    return meta;
  }

  /**
   * Makes {@code c} durable, then visible: rewrites the key's metadata file in one rename (or
   * deletes it when no version is left), applies the change to the index and deletes the data
   * files of the versions it dropped. Under the bucket's lock.
   */
  private void commit(Bucket b, VersionIndex.Change<Entry> c) throws IOException {
    Path meta = b.objects().resolve(storageName(c.key()) + ".meta");
    if (c.after().isEmpty()) {
      Files.deleteIfExists(meta);
      AtomicFiles.forceDirectory(b.objects());
    } else if (b.versions.state() == BucketVersioning.UNVERSIONED) {
      files.writeProperties(meta, writeEntry(c.after().get(0).object()));
    } else {
      files.writeProperties(meta, VersionFiles.write(c.key(), c.after(), FileStore::writeEntry));
    }
    b.versions.apply(c);
    for (String dropped : VersionFiles.unreferenced(c, Entry::dataName)) {
      Files.deleteIfExists(b.objects().resolve(dropped));
    }
  }

  static String storageName(String key) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }

  private Bucket bucket(String name) {
    Bucket b = buckets.get(name);
    if (b == null) {
      throw new S3ErrorException(S3ErrorCode.NO_SUCH_BUCKET);
    }
    return b;
  }

  @Override
  public synchronized void createBucket(String bucket) throws IOException {
    if (buckets.containsKey(bucket)) {
      throw new S3ErrorException(S3ErrorCode.BUCKET_ALREADY_OWNED_BY_YOU);
    }
    Path dir = root.resolve("buckets").resolve(bucket);
    if (!dir.getParent().equals(root.resolve("buckets"))) {
      throw new S3ErrorException(S3ErrorCode.INVALID_BUCKET_NAME);
    }
    Files.createDirectories(dir.resolve("objects"));
    Files.createDirectories(dir.resolve("uploads"));
    Instant created = now();
    java.util.Properties p = new java.util.Properties();
    p.setProperty("created", Long.toString(created.toEpochMilli()));
    files.writeProperties(dir.resolve("bucket.properties"), p);
    buckets.put(bucket, new Bucket(dir, created));
  }

  /**
   * Deletes a bucket that holds no objects, with its open multipart uploads (S3 deletes those too).
   * The bucket's directory is renamed into {@code tmp/} first, atomically: a crash then leaves
   * either the whole bucket or none of it, and {@link #open} deletes what is left in {@code tmp/}.
   */
  @Override
  public synchronized void deleteBucket(String bucket) throws IOException {
    Bucket b = bucket(bucket);
    synchronized (b) {
      if (!b.versions.isEmpty()) {
        throw new S3ErrorException(S3ErrorCode.BUCKET_NOT_EMPTY);
      }
      Path doomed = files.newTemp();
      Files.move(b.dir, doomed, StandardCopyOption.ATOMIC_MOVE);
      AtomicFiles.forceDirectory(b.dir.getParent());
      AtomicFiles.forceDirectory(doomed.getParent());
      buckets.remove(bucket);
      deleteTree(doomed);
    }
  }

  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }

  @Override
  public Optional<byte[]> bucketConfig(String bucket, String name) throws IOException {
    Bucket b = bucket(bucket);
    try {
      return Optional.of(Files.readAllBytes(b.config(name)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  /** Under the bucket's lock, so that a concurrent deletion of the bucket cannot strand the document. */
  @Override
  public void putBucketConfig(String bucket, String name, byte[] document) throws IOException {
    Bucket b = bucket(bucket);
    synchronized (b) {
      bucket(bucket);
      Path target = b.config(name);
      Files.createDirectories(target.getParent());
      files.write(target, out -> out.write(document));
    }
  }

  @Override
  public void deleteBucketConfig(String bucket, String name) throws IOException {
    Bucket b = bucket(bucket);
    synchronized (b) {
      bucket(bucket);
      Path target = b.config(name);
      if (Files.deleteIfExists(target)) {
        AtomicFiles.forceDirectory(target.getParent());
      }
    }
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
    AtomicFiles.Written w = files.writeDigested(body, checksum);
    StoredObject info = new StoredObject(key, w.size(), EncryptedETags.etag(w.etag(), attributes.encryption()), now(),
        attributes, w.checksum());
    return commit(b, info, List.of(), List.of(), w.temp(), condition, null);
  }

  /**
   * Publishes the data file as {@code <h>.<dataId>.data}, then, under the bucket's lock, checks
   * {@code condition} against the indexed object and renames the metadata into place: the check and
   * the commit point are one step for every writer of the key. {@code dataId}: a completion's
   * upload id (so that {@link #open} can tell the upload was completed), else {@code null} for a
   * random one.
   */
  private StoredObject commit(Bucket b, StoredObject info, List<Long> partSizes, List<ObjectChecksum> partChecksums,
      Path temp, WriteCondition condition, String dataId) throws IOException {
    String h = storageName(info.key());
    String dataName = h + "." + (dataId != null ? dataId : UUID.randomUUID().toString().replace("-", "")) + ".data";
    try {
      try {
        files.publish(temp, b.objects().resolve(dataName));
      } catch (NoSuchFileException gone) {
        // The bucket was deleted (its directory moved away) while the body was being read.
        if (buckets.get(b.dir.getFileName().toString()) != b) {
          throw new S3ErrorException(S3ErrorCode.NO_SUCH_BUCKET);
        }
        throw gone;
      }
      synchronized (b) {
        if (buckets.get(b.dir.getFileName().toString()) != b) {
          throw new S3ErrorException(S3ErrorCode.NO_SUCH_BUCKET);
        }
        Entry current = b.index.get(info.key());
        condition.check(current == null ? null : current.info);
        VersionIndex.Change<Entry> c = b.versions.put(info.key(), new Entry(info, dataName, partSizes, partChecksums));
        commit(b, c);
        return c.touched().object().info;
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      if (b.index.get(info.key()) == null || !b.index.get(info.key()).dataName.equals(dataName)) {
        Files.deleteIfExists(b.objects().resolve(dataName));
      }
      throw e;
    }
  }

  private Entry entry(String bucket, String key) {
    Bucket b = bucket(bucket);
    Entry e = b.index.get(key);
    if (e == null) {
      throw b.versions.noSuchKey(key);
    }
    return e;
  }

  @Override
  public StoredObject headObject(String bucket, String key) {
    return entry(bucket, key).info;
  }

  /**
   * Under the bucket's lock, like every commit: writes a new metadata file that points at the same
   * data file and renames it into place, so a crash leaves the old metadata or the new, never a mix.
   */
  @Override
  public StoredObject replaceObjectAttributes(String bucket, String key,
      java.util.function.UnaryOperator<ObjectAttributes> change) throws IOException {
    return replaceVersionAttributes(bucket, key, null, change);
  }

  /** {@code versionId} {@code null}: the current object. */
  @Override
  public StoredObject replaceVersionAttributes(String bucket, String key, String versionId,
      java.util.function.UnaryOperator<ObjectAttributes> change) throws IOException {
    Bucket b = bucket(bucket);
    synchronized (b) {
      Entry e = b.index.get(key);
      if (buckets.get(b.dir.getFileName().toString()) != b) {
        throw new S3ErrorException(S3ErrorCode.NO_SUCH_BUCKET);
      }
      if (versionId == null && e == null) {
        throw b.versions.noSuchKey(key);
      }
      String id = versionId != null ? versionId : b.versions.versions(key).get(0).versionId();
      VersionIndex.Change<Entry> c = b.versions.replace(key, id, old -> new Entry(
          old.info.withAttributes(change.apply(old.info.attributes())), old.dataName, old.partSizes,
          old.partChecksums));
      commit(b, c);
      return c.touched().object().info;
    }
  }

  @Override
  public ObjectParts headObjectParts(String bucket, String key) {
    Entry e = entry(bucket, key);
    return new ObjectParts(e.info, e.partSizes, e.partChecksums);
  }

  @Override
  public ObjectContent getObject(String bucket, String key, long offset, long length) throws IOException {
    return open(bucket, key, null, offset, length);
  }

  @Override
  public ObjectContent getObjectVersion(String bucket, String key, String versionId, long offset, long length)
      throws IOException {
    return open(bucket, key, versionId, offset, length);
  }

  /** Opens the current object ({@code versionId} {@code null}) or a version. */
  private ObjectContent open(String bucket, String key, String versionId, long offset, long length)
      throws IOException {
    Bucket b = bucket(bucket);
    for (int attempt = 0; ; attempt++) {
      Entry e = versionId == null ? entry(bucket, key) : b.versions.object(key, versionId);
      try {
        FileChannel ch = FileChannel.open(b.objects().resolve(e.dataName), StandardOpenOption.READ);
        return ObjectContent.ofFile(e.info, ch, offset, length);
      } catch (NoSuchFileException raced) {
        // Replaced between the index read and the open: read the index again.
        if (attempt > 3) {
          throw raced;
        }
      }
    }
  }

  @Override
  public void deleteObject(String bucket, String key) throws IOException {
    delete(bucket, key, null);
  }

  @Override
  public VersionEntry delete(String bucket, String key, String versionId) throws IOException {
    Bucket b = bucket(bucket);
    synchronized (b) {
      VersionIndex.Change<Entry> c;
      if (versionId != null) {
        c = b.versions.remove(key, versionId);
      } else if (b.versions.state() == BucketVersioning.UNVERSIONED) {
        c = b.index.containsKey(key) ? b.versions.remove(key, VersionEntry.NULL_ID) : null;
      } else {
        c = b.versions.mark(key, now());
      }
      if (c == null) {
        return null;
      }
      commit(b, c);
      return versionId == null && c.touched().object() != null ? null
          : b.versions.entry(key, c.touched(), versionId == null);
    }
  }

  @Override
  public BucketVersioning versioning(String bucket) {
    return bucket(bucket).versions.state();
  }

  /** Durable in {@code versioning.properties} beside {@code bucket.properties}, under the bucket's lock. */
  @Override
  public void setVersioning(String bucket, BucketVersioning state) throws IOException {
    Bucket b = bucket(bucket);
    synchronized (b) {
      java.util.Properties p = new java.util.Properties();
      p.setProperty("state", state.name());
      files.writeProperties(b.dir.resolve(VERSIONING_FILE), p);
      b.versions.state(state);
    }
  }

  @Override
  public VersionEntry version(String bucket, String key, String versionId) {
    return bucket(bucket).versions.describe(key, versionId);
  }

  @Override
  public Iterator<VersionEntry> listVersions(String bucket, String prefix, String keyMarker, String versionIdMarker) {
    return bucket(bucket).versions.list(prefix, keyMarker, versionIdMarker);
  }

  @Override
  public Iterator<StoredObject> listObjects(String bucket, String prefix, String startAfter) {
    Bucket b = bucket(bucket);
    String from = startAfter.isEmpty() || KeyOrder.UTF8.compare(prefix, startAfter) > 0 ? prefix : startAfter;
    boolean inclusive = !from.equals(startAfter);
    return new PrefixIterator<>(b.index.tailMap(from, inclusive).values().iterator(), prefix, e -> e.info);
  }

  @Override
  public StoredUpload upload(String bucket, String key, String uploadId) throws IOException {
    return uploads.upload(bucket(bucket).uploads(), key, uploadId);
  }

  @Override
  public String createMultipartUpload(String bucket, String key, ObjectAttributes attributes,
      ChecksumAlgorithm checksumAlgorithm, ChecksumType checksumType) throws IOException {
    return uploads.create(bucket(bucket).uploads(),
        new StoredUpload(key, "", clock.instant(), attributes, checksumAlgorithm, checksumType));
  }

  @Override
  public StoredPart uploadPart(String bucket, String key, String uploadId, int partNumber, ChecksumAlgorithm checksum,
      InputStream body) throws IOException {
    return uploads.uploadPart(bucket(bucket).uploads(), key, uploadId, partNumber, checksum, body, now());
  }

  @Override
  public List<StoredPart> listParts(String bucket, String key, String uploadId) throws IOException {
    return uploads.listParts(bucket(bucket).uploads(), key, uploadId);
  }

  @Override
  public StoredObject completeMultipartUpload(String bucket, String key, String uploadId, List<Integer> partNumbers,
      String etag, ObjectChecksum checksum) throws IOException {
    return completeMultipartUpload(bucket, key, uploadId, partNumbers, etag, checksum, WriteCondition.NONE);
  }

  @Override
  public StoredObject completeMultipartUpload(String bucket, String key, String uploadId, List<Integer> partNumbers,
      String etag, ObjectChecksum checksum, WriteCondition condition) throws IOException {
    Bucket b = bucket(bucket);
    StoredUpload upload = uploads.upload(b.uploads(), key, uploadId);
    synchronized (uploads.lock(uploadId)) {
      FileUploads.Assembled a = uploads.assemble(b.uploads(), key, uploadId, partNumbers);
      StoredObject info = commit(b, new StoredObject(key, a.size(), etag, now(), upload.attributes(), checksum),
          a.partSizes(), ObjectParts.everyOrNone(a.partChecksums()), a.temp(), condition, uploadId);
      uploads.finish(b.uploads(), uploadId);
      return info;
    }
  }

  @Override
  public void abortMultipartUpload(String bucket, String key, String uploadId) throws IOException {
    uploads.abort(bucket(bucket).uploads(), key, uploadId);
  }

  @Override
  public List<StoredUpload> listMultipartUploads(String bucket) throws IOException {
    return uploads.list(bucket(bucket).uploads());
  }

  /** The root directory. */
  public Path root() {
    return root;
  }
}
