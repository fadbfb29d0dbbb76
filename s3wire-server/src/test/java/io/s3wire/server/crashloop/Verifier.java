package io.s3wire.server.crashloop;

import io.s3wire.BucketKey;
import io.s3wire.GetObjectRequest;
import io.s3wire.ListObjectsRequest;
import io.s3wire.MultipartUpload;
import io.s3wire.ObjectBytes;
import io.s3wire.PartInfo;
import io.s3wire.S3Client;
import io.s3wire.S3Object;
import io.s3wire.UploadInfo;
import io.s3wire.error.ServiceException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks after each restart, over the wire against the new server: every key of every worker
 * holds its acknowledged state or, for the write in flight at the kill, that write's state, byte
 * for byte; listings agree; acknowledged versions and open uploads are all there and nothing else
 * is. Each check settles the worker's model on what it saw, so the next round starts from a known
 * state.
 */
final class Verifier {
  private final S3Client client;
  private final LoopFigures figures;

  Verifier(S3Client client, LoopFigures figures) {
    this.client = client;
    this.figures = figures;
  }

  void verify(Worker w) {
    Blob beforeCompletion = w.completing >= 0 ? w.plain[w.completing].known() : null;
    for (int k = 0; k < w.plain.length; k++) {
      check(BucketKey.of(Worker.PLAIN, w.plainKey(k)), null, w.plain[k]);
    }
    listing(w);
    for (int k = 0; k < w.versioned.length; k++) {
      versions(BucketKey.of(Worker.VERSIONED, w.versionedKey(k)), w.versioned[k]);
    }
    boolean completionVisible = w.completing >= 0 && !w.completingBlob.equals(beforeCompletion)
        && w.plain[w.completing].known().equals(w.completingBlob);
    uploads(w, completionVisible);
    w.completing = -1;
    w.completingBlob = null;
  }

  /** Reads {@code object} (a version if {@code versionId} is not null) and checks it against {@code state}. */
  private Blob check(BucketKey object, String versionId, KeyState state) {
    Blob seen = read(object, versionId);
    if (!state.allows(seen)) {
      figures.finding(object.key() + ": read " + seen + ", but it may only hold " + state);
    } else if (state.pending() != null && !state.pending().equals(state.known())) {
      (seen.equals(state.pending()) ? figures.inFlightSeenNew : figures.inFlightSeenOld).incrementAndGet();
    }
    if (seen != Blob.ABSENT) {
      figures.objectsVerified.incrementAndGet();
    }
    state.settle(seen);
    return seen;
  }

  private Blob read(BucketKey object, String versionId) {
    GetObjectRequest request = GetObjectRequest.of(object);
    try {
      ObjectBytes got = client.getObjectBytes(versionId == null ? request : request.withVersionId(versionId));
      return Blob.of(got.bytes());
    } catch (ServiceException e) {
      if (e.isNotFound()) {
        return Blob.ABSENT;
      }
      throw e;
    }
  }

  /** The worker's keys, listed: each present key with its size, no absent key, no key it never wrote. */
  private void listing(Worker w) {
    Map<String, Long> listed = new HashMap<>();
    client.listObjects(ListObjectsRequest.of(Worker.PLAIN).withPrefix("w" + w.id + "/k")).objects()
        .forEach((S3Object o) -> listed.put(o.key(), o.size()));
    for (int k = 0; k < w.plain.length; k++) {
      Blob b = w.plain[k].known();
      Long size = listed.remove(w.plainKey(k));
      if (b == Blob.ABSENT ? size != null : size == null || size != b.size()) {
        figures.finding("list " + w.plainKey(k) + ": listed with size " + size + ", but it holds " + b);
      }
    }
    if (!listed.isEmpty()) {
      figures.finding("list: keys never written: " + listed);
    }
  }

  /** Every acknowledged version readable and intact (unless its deletion was in flight); the current state. */
  private void versions(BucketKey object, VersionedKey v) {
    for (Map.Entry<String, Blob> e : new ArrayList<>(v.versions.entrySet())) {
      Blob seen = read(object, e.getKey());
      if (seen == Blob.ABSENT && e.getKey().equals(v.deletionInDoubt)) {
        v.deleted(e.getKey());
      } else if (!seen.equals(e.getValue())) {
        figures.finding(object.key() + " version " + e.getKey() + ": read " + seen + ", acknowledged " + e.getValue());
      } else {
        figures.versionsVerified.incrementAndGet();
      }
    }
    v.deletionInDoubt = null;
    Blob pending = v.current.pending();
    Blob before = v.current.known();
    Blob seen = check(object, null, v.current);
    if (pending != null && seen.equals(pending) && !seen.equals(before)) {
      if (seen == Blob.ABSENT) {
        v.marked();
      } else {
        v.put(client.headObject(object).versionId(), seen);
      }
    }
  }

  /**
   * Every acknowledged open upload listed with its acknowledged parts; any other upload of the
   * worker's keys must be one in doubt at the kill (then aborted here, to keep the store small),
   * and a completion whose object is visible must not leave its upload listed.
   */
  private void uploads(Worker w, boolean completionVisible) {
    Map<String, UploadInfo> listed = new HashMap<>();
    for (UploadInfo u : client.listMultipartUploads(Worker.PLAIN, "w" + w.id + "/")) {
      listed.put(u.upload().uploadId(), u);
    }
    for (String id : new ArrayList<>(w.open.keySet())) {
      Worker.OpenUpload u = w.open.get(id);
      if (listed.remove(id) == null) {
        if (id.equals(w.uploadInDoubt)) {
          w.open.remove(id);
        } else {
          figures.finding("upload " + id + " of " + u.key + " acknowledged open, but not listed");
        }
        continue;
      }
      parts(w, id, u);
    }
    for (UploadInfo u : listed.values()) {
      String id = u.upload().uploadId();
      if (id.equals(w.uploadInDoubt)) {
        if (completionVisible) {
          figures.finding("upload " + id + " of " + u.upload().object().key() + " is still listed though the object"
              + " its completion made is visible");
        }
      } else if (!u.upload().object().key().equals(w.createInDoubt)) {
        figures.finding("upload " + id + " of " + u.upload().object().key() + " listed, but never acknowledged nor"
            + " in flight");
      }
      client.abortMultipartUpload(new MultipartUpload(u.upload().object(), id));
    }
    w.uploadInDoubt = null;
    w.createInDoubt = null;
  }

  private void parts(Worker w, String id, Worker.OpenUpload u) {
    Map<Integer, String> seen = new HashMap<>();
    for (PartInfo p : client.listParts(new MultipartUpload(BucketKey.of(Worker.PLAIN, u.key), id))) {
      seen.put(p.partNumber(), p.eTag().replace("\"", ""));
    }
    java.util.Set<Integer> numbers = new java.util.TreeSet<>(seen.keySet());
    numbers.addAll(u.parts.keySet());
    for (int n : numbers) {
      String acked = u.parts.get(n);
      String got = seen.get(n);
      boolean inFlight = n == u.partInFlight && u.etagInFlight.equals(got);
      if (!inFlight && (got == null ? acked != null : !got.equals(acked))) {
        figures.finding("upload " + id + " of " + u.key + " part " + n + ": listed " + got + ", acknowledged " + acked);
      }
    }
    u.parts.clear();
    u.parts.putAll(seen);
    u.partInFlight = 0;
    u.etagInFlight = null;
    figures.uploadsVerified.incrementAndGet();
  }
}
