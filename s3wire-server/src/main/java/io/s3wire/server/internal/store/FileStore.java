package io.s3wire.server.internal.store;

import io.s3wire.checksum.ChecksumAlgorithm;
import io.s3wire.server.BucketInfo;
import io.s3wire.server.ChecksumType;
import io.s3wire.server.ObjectAttributes;
import io.s3wire.server.ObjectChecksum;
import io.s3wire.server.ObjectContent;
import io.s3wire.server.ObjectInfo;
import io.s3wire.server.ObjectParts;
import io.s3wire.server.ObjectStore;
import io.s3wire.server.PartInfo;
import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import io.s3wire.server.UploadInfo;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Pattern;
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
 * buckets/&lt;bucket&gt;/objects/&lt;h&gt;.&lt;uuid&gt;.data  the object's bytes
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
 * orphan data file or temp file, which {@link #open} deletes. An index of keys is held in memory
 * and rebuilt from the metadata files on open.
 */
public final class FileStore implements ObjectStore {
  private static final Pattern UPLOAD_ID = Pattern.compile("[0-9a-f]{32}");

  /**
   * An indexed object: its description, its data file, and the sizes and checksums of its parts
   * (empty: stored whole, or for checksums none kept).
   */
  private record Entry(ObjectInfo info, String dataName, List<Long> partSizes, List<ObjectChecksum> partChecksums) {}

  private static final class Bucket {
    final Path dir;
    final Instant created;
    final ConcurrentSkipListMap<String, Entry> index = new ConcurrentSkipListMap<>(KeyOrder.UTF8);

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
  private final ConcurrentSkipListMap<String, Bucket> buckets = new ConcurrentSkipListMap<>();
  private final ConcurrentHashMap<String, Object> uploadLocks = new ConcurrentHashMap<>();

  private final Clock clock;

  private FileStore(Path root, Clock clock) {
    this.root = root;
    this.files = new AtomicFiles(root.resolve("tmp"));
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
        loadObjects(b);
        buckets.put(dir.getFileName().toString(), b);
      }
    }
  }

  private void loadObjects(Bucket b) throws IOException {
    Set<String> referenced = new HashSet<>();
    List<Path> data = new ArrayList<>();
    try (Stream<Path> entries = Files.list(b.objects())) {
      for (Path p : (Iterable<Path>) entries::iterator) {
        String name = p.getFileName().toString();
        if (name.endsWith(".meta")) {
          java.util.Properties props = AtomicFiles.readProperties(p);
          Entry e = new Entry(MetaFiles.readInfo(props), props.getProperty("data"), MetaFiles.readPartSizes(props),
              MetaFiles.readPartChecksums(props));
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
      if (!b.index.isEmpty()) {
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

  private static void deleteTree(Path dir) throws IOException {
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
  public ObjectInfo putObject(String bucket, String key, ObjectAttributes attributes, ChecksumAlgorithm checksum,
      InputStream body) throws IOException {
    return putObject(bucket, key, attributes, checksum, body, WriteCondition.NONE);
  }

  @Override
  public ObjectInfo putObject(String bucket, String key, ObjectAttributes attributes, ChecksumAlgorithm checksum,
      InputStream body, WriteCondition condition) throws IOException {
    Bucket b = bucket(bucket);
    AtomicFiles.Written w = files.writeDigested(body, checksum);
    ObjectInfo info = new ObjectInfo(key, w.size(), EncryptedETags.etag(w.etag(), attributes.encryption()), now(),
        attributes, w.checksum());
    commit(b, info, List.of(), List.of(), w.temp(), condition);
    return info;
  }

  /**
   * Publishes the data file, then, under the bucket's lock, checks {@code condition} against the
   * indexed object and renames the metadata into place: the check and the commit point are one
   * step for every writer of the key.
   */
  private void commit(Bucket b, ObjectInfo info, List<Long> partSizes, List<ObjectChecksum> partChecksums, Path temp,
      WriteCondition condition) throws IOException {
    String h = storageName(info.key());
    String dataName = h + "." + UUID.randomUUID().toString().replace("-", "") + ".data";
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
        java.util.Properties meta = MetaFiles.writeObject(info, dataName);
        MetaFiles.writePartSizes(meta, partSizes);
        MetaFiles.writePartChecksums(meta, partChecksums);
        files.writeProperties(b.objects().resolve(h + ".meta"), meta);
        Entry old = b.index.put(info.key(), new Entry(info, dataName, partSizes, partChecksums));
        if (old != null) {
          Files.deleteIfExists(b.objects().resolve(old.dataName));
        }
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
    Entry e = bucket(bucket).index.get(key);
    if (e == null) {
      throw new S3ErrorException(S3ErrorCode.NO_SUCH_KEY);
    }
    return e;
  }

  @Override
  public ObjectInfo headObject(String bucket, String key) {
    return entry(bucket, key).info;
  }

  /**
   * Under the bucket's lock, like every commit: writes a new metadata file that points at the same
   * data file and renames it into place, so a crash leaves the old metadata or the new, never a mix.
   */
  @Override
  public ObjectInfo replaceObjectAttributes(String bucket, String key,
      java.util.function.UnaryOperator<ObjectAttributes> change) throws IOException {
    Bucket b = bucket(bucket);
    synchronized (b) {
      Entry e = b.index.get(key);
      if (e == null || buckets.get(b.dir.getFileName().toString()) != b) {
        throw new S3ErrorException(e == null ? S3ErrorCode.NO_SUCH_KEY : S3ErrorCode.NO_SUCH_BUCKET);
      }
      ObjectInfo i = e.info;
      ObjectInfo info = new ObjectInfo(key, i.size(), i.etag(), i.lastModified(), change.apply(i.attributes()),
          i.checksum());
      java.util.Properties meta = MetaFiles.writeObject(info, e.dataName);
      MetaFiles.writePartSizes(meta, e.partSizes);
      MetaFiles.writePartChecksums(meta, e.partChecksums);
      files.writeProperties(b.objects().resolve(storageName(key) + ".meta"), meta);
      b.index.put(key, new Entry(info, e.dataName, e.partSizes, e.partChecksums));
      return info;
    }
  }

  @Override
  public ObjectParts headObjectParts(String bucket, String key) {
    Entry e = entry(bucket, key);
    return new ObjectParts(e.info, e.partSizes, e.partChecksums);
  }

  @Override
  public ObjectContent getObject(String bucket, String key, long offset, long length) throws IOException {
    Bucket b = bucket(bucket);
    for (int attempt = 0; ; attempt++) {
      Entry e = entry(bucket, key);
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
    Bucket b = bucket(bucket);
    synchronized (b) {
      Entry e = b.index.get(key);
      if (e == null) {
        return;
      }
      Files.deleteIfExists(b.objects().resolve(storageName(key) + ".meta"));
      AtomicFiles.forceDirectory(b.objects());
      b.index.remove(key);
      Files.deleteIfExists(b.objects().resolve(e.dataName));
    }
  }

  @Override
  public Iterator<ObjectInfo> listObjects(String bucket, String prefix, String startAfter) {
    Bucket b = bucket(bucket);
    String from = startAfter.isEmpty() || KeyOrder.UTF8.compare(prefix, startAfter) > 0 ? prefix : startAfter;
    boolean inclusive = !from.equals(startAfter);
    return new PrefixIterator<>(b.index.tailMap(from, inclusive).values().iterator(), prefix, e -> e.info);
  }

  private Path uploadDir(Bucket b, String uploadId) {
    if (!UPLOAD_ID.matcher(uploadId).matches()) {
      throw new S3ErrorException(S3ErrorCode.NO_SUCH_UPLOAD);
    }
    return b.uploads().resolve(uploadId);
  }

  @Override
  public UploadInfo upload(String bucket, String key, String uploadId) throws IOException {
    Path dir = uploadDir(bucket(bucket), uploadId);
    Path meta = dir.resolve("upload.meta");
    if (!Files.isRegularFile(meta)) {
      throw new S3ErrorException(S3ErrorCode.NO_SUCH_UPLOAD);
    }
    UploadInfo info = MetaFiles.readUpload(AtomicFiles.readProperties(meta), uploadId);
    if (!info.key().equals(key)) {
      throw new S3ErrorException(S3ErrorCode.NO_SUCH_UPLOAD);
    }
    return info;
  }

  @Override
  public String createMultipartUpload(String bucket, String key, ObjectAttributes attributes,
      ChecksumAlgorithm checksumAlgorithm, ChecksumType checksumType) throws IOException {
    Bucket b = bucket(bucket);
    String id = UUID.randomUUID().toString().replace("-", "");
    Path dir = Files.createDirectories(uploadDir(b, id));
    files.writeProperties(dir.resolve("upload.meta"),
        MetaFiles.writeUpload(new UploadInfo(key, id, clock.instant(), attributes, checksumAlgorithm, checksumType)));
    return id;
  }

  private Object lock(String uploadId) {
    return uploadLocks.computeIfAbsent(uploadId, k -> new Object());
  }

  @Override
  public PartInfo uploadPart(String bucket, String key, String uploadId, int partNumber, ChecksumAlgorithm checksum,
      InputStream body) throws IOException {
    Bucket b = bucket(bucket);
    upload(bucket, key, uploadId);
    Path dir = uploadDir(b, uploadId);
    AtomicFiles.Written w = files.writeDigested(body, checksum);
    PartInfo part = new PartInfo(partNumber, w.etag(), w.size(), now(), w.checksum());
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
      }
      Path metaFile = dir.resolve(partNumber + ".meta");
      String oldData = Files.isRegularFile(metaFile) ? AtomicFiles.readProperties(metaFile).getProperty("data") : null;
      files.writeProperties(metaFile, MetaFiles.writePart(part, dataName));
      if (oldData != null) {
        Files.deleteIfExists(dir.resolve(oldData));
      }
    }
    return part;
  }

  @Override
  public List<PartInfo> listParts(String bucket, String key, String uploadId) throws IOException {
    upload(bucket, key, uploadId);
    return MetaFiles.readParts(uploadDir(bucket(bucket), uploadId)).stream().map(MetaFiles.StoredPart::info).toList();
  }

  @Override
  public ObjectInfo completeMultipartUpload(String bucket, String key, String uploadId, List<Integer> partNumbers,
      String etag, ObjectChecksum checksum) throws IOException {
    return completeMultipartUpload(bucket, key, uploadId, partNumbers, etag, checksum, WriteCondition.NONE);
  }

  @Override
  public ObjectInfo completeMultipartUpload(String bucket, String key, String uploadId, List<Integer> partNumbers,
      String etag, ObjectChecksum checksum, WriteCondition condition) throws IOException {
    Bucket b = bucket(bucket);
    UploadInfo upload = upload(bucket, key, uploadId);
    Path dir = uploadDir(b, uploadId);
    synchronized (lock(uploadId)) {
      java.util.Map<Integer, MetaFiles.StoredPart> byNumber = new java.util.HashMap<>();
      for (MetaFiles.StoredPart p : MetaFiles.readParts(dir)) {
        byNumber.put(p.info().partNumber(), p);
      }
      Path temp = files.newTemp();
      long size = 0;
      List<Long> sizes = new ArrayList<>();
      List<ObjectChecksum> checksums = new ArrayList<>();
      try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        for (int n : partNumbers) {
          MetaFiles.StoredPart p = byNumber.get(n);
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
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(temp);
        throw e;
      }
      ObjectInfo info = new ObjectInfo(key, size, etag, now(), upload.attributes(), checksum);
      commit(b, info, List.copyOf(sizes), ObjectParts.everyOrNone(checksums), temp, condition);
      deleteTree(dir);
      uploadLocks.remove(uploadId);
      return info;
    }
  }

  @Override
  public void abortMultipartUpload(String bucket, String key, String uploadId) throws IOException {
    Bucket b = bucket(bucket);
    upload(bucket, key, uploadId);
    synchronized (lock(uploadId)) {
      // upload.meta goes first: without it the directory is no upload.
      Path dir = uploadDir(b, uploadId);
      Files.deleteIfExists(dir.resolve("upload.meta"));
      deleteTree(dir);
      uploadLocks.remove(uploadId);
    }
  }

  @Override
  public List<UploadInfo> listMultipartUploads(String bucket) throws IOException {
    Bucket b = bucket(bucket);
    List<UploadInfo> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(b.uploads())) {
      for (Path dir : (Iterable<Path>) s::iterator) {
        Path meta = dir.resolve("upload.meta");
        String id = dir.getFileName().toString();
        if (UPLOAD_ID.matcher(id).matches() && Files.isRegularFile(meta)) {
          out.add(MetaFiles.readUpload(AtomicFiles.readProperties(meta), id));
        }
      }
    }
    out.sort(Comparator.comparing(UploadInfo::key, KeyOrder.UTF8).thenComparing(UploadInfo::initiated));
    return out;
  }

  /** The root directory. */
  public Path root() {
    return root;
  }
}
