package io.s3wire.server.crashloop;

import io.s3wire.BucketKey;
import io.s3wire.CompletedPart;
import io.s3wire.CopyObjectRequest;
import io.s3wire.DeleteObjectRequest;
import io.s3wire.MultipartUpload;
import io.s3wire.ObjectMetadata;
import io.s3wire.PutObjectResult;
import io.s3wire.S3Client;
import io.s3wire.http.RequestBody;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * One crash-loop worker: a loop of writes (PUT of 0 B to 1 MiB, multipart uploads completed,
 * uploads left open or aborted, CopyObject, DeleteObject, versioned PUTs and deletes) on keys only it
 * writes, recording what the server acknowledged and what was in flight when it was killed. The
 * worker stops at its first failure, which must come after the kill ({@link #killed}); a failure
 * before it is a finding of its own.
 */
final class Worker {
  static final String PLAIN = "plain";
  static final String VERSIONED = "versioned";
  private static final int MiB = 1024 * 1024;

  final int id;
  final KeyState[] plain = new KeyState[6];
  final VersionedKey[] versioned = new VersionedKey[2];
  /** Open uploads the server acknowledged (created, not completed or aborted): id to its model. */
  final Map<String, OpenUpload> open = new LinkedHashMap<>();
  private final SplittableRandom random;
  private final LoopFigures figures;
  private long writes;

  /** The upload whose completion or abort was in flight at the kill: it may be listed or not. */
  String uploadInDoubt;
  /** The key of an upload whose creation was in flight at the kill: an upload of it may be listed. */
  String createInDoubt;
  /** The completion in flight at the kill: its key's index and the object it makes (else -1, null). */
  int completing = -1;
  Blob completingBlob;

  /** An acknowledged open upload: its key and the ETag (MD5 hex) of each acknowledged part; a part in flight. */
  static final class OpenUpload {
    final String key;
    final Map<Integer, String> parts = new LinkedHashMap<>();
    int partInFlight;
    String etagInFlight;

    OpenUpload(String key) {
      this.key = key;
    }
  }

  Worker(int id, long seed, LoopFigures figures) {
    this.id = id;
    this.random = new SplittableRandom(seed);
    this.figures = figures;
    for (int i = 0; i < plain.length; i++) {
      plain[i] = new KeyState();
    }
    for (int i = 0; i < versioned.length; i++) {
      versioned[i] = new VersionedKey();
    }
  }

  String plainKey(int i) {
    return "w" + id + "/k" + i;
  }

  String versionedKey(int i) {
    return "w" + id + "/v" + i;
  }

  String uploadKey(int i) {
    return "w" + id + "/u" + i;
  }

  /**
   * Writes until {@code killed} turns true and an operation fails (the server is gone), or a failure
   * comes before the kill (then recorded as unexpected).
   */
  void run(S3Client client, BooleanSupplier killed, Runnable acknowledgedOne) {
    while (true) {
      String op = null;
      try {
        op = nextOperation(client);
        figures.acknowledged(op);
        acknowledgedOne.run();
      } catch (RuntimeException e) {
        if (!killed.getAsBoolean()) {
          figures.unexpected.add("worker " + id + " " + op + " failed before the kill: " + e);
        }
        figures.inFlightAtKill.incrementAndGet();
        return;
      }
    }
  }

  /** Draws and performs one operation; returns its name once acknowledged. */
  private String nextOperation(S3Client client) {
    int dice = random.nextInt(100);
    if (dice < 30) {
      int k = random.nextInt(plain.length);
      byte[] body = Blob.bytes(seed(), size());
      put(k, body, client);
      return "put";
    }
    if (dice < 42) {
      multipart(client);
      return "multipart-complete";
    }
    if (dice < 52) {
      return openOrAbort(client);
    }
    if (dice < 66) {
      return copy(random.nextInt(plain.length), random.nextInt(plain.length), client);
    }
    if (dice < 78) {
      delete(random.nextInt(plain.length), client);
      return "delete";
    }
    return versionedWrite(random.nextInt(versioned.length), client);
  }

  private long seed() {
    return ((long) (id + 1) << 48) ^ random.nextLong() ^ ++writes;
  }

  /** 0 B (one in ten), up to 4 KiB, up to 256 KiB, up to 1 MiB. */
  private int size() {
    int d = random.nextInt(100);
    return d < 10 ? 0 : d < 50 ? random.nextInt(1, 4096) : d < 85 ? random.nextInt(4096, 256 * 1024)
        : random.nextInt(256 * 1024, MiB);
  }

  private void put(int k, byte[] body, S3Client client) {
    Blob b = Blob.of(body);
    plain[k].inFlight(b);
    client.putObject(BucketKey.of(PLAIN, plainKey(k)), body);
    plain[k].acknowledged(b);
  }

  /** Mostly one small part, one in four a 5 MiB part (S3's minimum) and a small last one; completed. */
  private void multipart(S3Client client) {
    int k = random.nextInt(plain.length);
    List<byte[]> parts = new ArrayList<>();
    if (random.nextInt(4) == 0) {
      parts.add(Blob.bytes(seed(), 5 * MiB));
    }
    parts.add(Blob.bytes(seed(), random.nextInt(0, 64 * 1024)));
    createInDoubt = plainKey(k);
    MultipartUpload upload = client.createMultipartUpload(BucketKey.of(PLAIN, plainKey(k)), ObjectMetadata.NONE);
    createInDoubt = null;
    uploadInDoubt = upload.uploadId();
    List<CompletedPart> done = new ArrayList<>();
    java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
    for (byte[] p : parts) {
      done.add(client.uploadPart(upload, done.size() + 1, RequestBody.ofBytes(p)));
      all.writeBytes(p);
    }
    Blob whole = Blob.of(all.toByteArray());
    plain[k].inFlight(whole);
    completing = k;
    completingBlob = whole;
    client.completeMultipartUpload(upload, done);
    uploadInDoubt = null;
    completing = -1;
    completingBlob = null;
    plain[k].acknowledged(whole);
  }

  /** Starts an upload and leaves it open with a part, adds or replaces a part of one, or aborts one. */
  private String openOrAbort(S3Client client) {
    int d = random.nextInt(3);
    if (open.size() >= 3 || (d == 0 && !open.isEmpty())) {
      String id = open.keySet().iterator().next();
      OpenUpload u = open.get(id);
      uploadInDoubt = id;
      client.abortMultipartUpload(new MultipartUpload(BucketKey.of(PLAIN, u.key), id));
      open.remove(id);
      uploadInDoubt = null;
      return "abort";
    }
    if (d == 1 && !open.isEmpty()) {
      String id = open.keySet().iterator().next();
      uploadPart(client, id, open.get(id), 1 + random.nextInt(3));
      return "upload-part";
    }
    String key = uploadKey(random.nextInt(3));
    createInDoubt = key;
    MultipartUpload upload = client.createMultipartUpload(BucketKey.of(PLAIN, key), ObjectMetadata.NONE);
    createInDoubt = null;
    OpenUpload u = new OpenUpload(key);
    open.put(upload.uploadId(), u);
    uploadPart(client, upload.uploadId(), u, 1);
    return "open-upload";
  }

  private void uploadPart(S3Client client, String uploadId, OpenUpload u, int n) {
    byte[] body = Blob.bytes(seed(), random.nextInt(0, 32 * 1024));
    u.partInFlight = n;
    u.etagInFlight = Blob.md5(body);
    client.uploadPart(new MultipartUpload(BucketKey.of(PLAIN, u.key), uploadId), n, RequestBody.ofBytes(body));
    u.parts.put(n, u.etagInFlight);
    u.partInFlight = 0;
    u.etagInFlight = null;
  }

  private String copy(int from, int to, S3Client client) {
    Blob source = plain[from].known();
    if (from == to || source == Blob.ABSENT) {
      put(to, Blob.bytes(seed(), size()), client);
      return "put";
    }
    plain[to].inFlight(source);
    client.copyObject(CopyObjectRequest.of(BucketKey.of(PLAIN, plainKey(from)), BucketKey.of(PLAIN, plainKey(to))));
    plain[to].acknowledged(source);
    return "copy";
  }

  private void delete(int k, S3Client client) {
    plain[k].inFlight(Blob.ABSENT);
    client.deleteObject(BucketKey.of(PLAIN, plainKey(k)));
    plain[k].acknowledged(Blob.ABSENT);
  }

  /** A new version (7 in 10), a delete marker, or, past 4 kept versions, the deletion of the oldest. */
  private String versionedWrite(int k, S3Client client) {
    VersionedKey v = versioned[k];
    BucketKey object = BucketKey.of(VERSIONED, versionedKey(k));
    String oldest = v.oldestDeletable();
    if (oldest != null && v.versionCount() > 4) {
      v.deleting(oldest);
      client.deleteObject(DeleteObjectRequest.of(object).withVersionId(oldest));
      v.deleted(oldest);
      return "delete-version";
    }
    if (random.nextInt(10) < 7) {
      byte[] body = Blob.bytes(seed(), size());
      Blob b = Blob.of(body);
      v.current.inFlight(b);
      PutObjectResult r = client.putObject(object, body);
      v.put(r.versionId(), b);
      return "put-version";
    }
    v.current.inFlight(Blob.ABSENT);
    client.deleteObject(object);
    v.marked();
    return "delete-marker";
  }
}
