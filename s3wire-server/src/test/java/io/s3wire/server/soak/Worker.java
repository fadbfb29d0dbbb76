package io.s3wire.server.soak;

import io.s3wire.BucketKey;
import io.s3wire.CopyObjectRequest;
import io.s3wire.GetObjectRequest;
import io.s3wire.ListObjectsRequest;
import io.s3wire.ObjectInfo;
import io.s3wire.ObjectMetadata;
import io.s3wire.ObjectStream;
import io.s3wire.Range;
import io.s3wire.S3Client;
import io.s3wire.S3Object;
import io.s3wire.error.S3Exception;
import io.s3wire.error.ServiceException;
import io.s3wire.transfer.TransferListener;
import io.s3wire.transfer.TransferManager;
import io.s3wire.transfer.UploadOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * One soak worker: a loop of mixed operations on keys only it writes, each result checked against
 * what the worker was told before (its {@link KeyModel}s). Every failure must reach it typed.
 */
final class Worker {
  static final String SEED = "soak-seed";
  private static final long MiB = 1024 * 1024;

  private final int id;
  private final S3Client client;
  private final TransferManager transfers;
  private final String bucket;
  private final SoakFigures figures;
  private final long maxSize;
  private final Path scratch;
  private final SplittableRandom random;
  private final KeyModel[] keys;
  private long writes;

  Worker(int id, S3Client client, TransferManager transfers, String bucket, SoakFigures figures, long maxSize,
      Path scratch, long seed) {
    this.id = id;
    this.client = client;
    this.transfers = transfers;
    this.bucket = bucket;
    this.figures = figures;
    this.maxSize = maxSize;
    this.scratch = scratch;
    this.random = new SplittableRandom(seed);
    this.keys = new KeyModel[16];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = new KeyModel();
    }
  }

  private BucketKey key(int i) {
    return BucketKey.of(bucket, "w" + id + "/k" + i);
  }

  /** Runs mixed operations until {@code deadlineNanos} ({@link System#nanoTime()}). */
  void runUntil(long deadlineNanos) {
    while (System.nanoTime() < deadlineNanos) {
      int k = random.nextInt(keys.length);
      int dice = random.nextInt(100);
      String op = dice < 28 ? "put" : dice < 32 ? "multipart" : dice < 50 ? "get" : dice < 58 ? "download"
          : dice < 70 ? "ranged-get" : dice < 77 ? "head" : dice < 83 ? "list" : dice < 91 ? "delete" : "copy";
      attempt(op, k);
    }
  }

  /** After the run (faults off): reads every key back once and checks it against the model. */
  void verifyAll() {
    for (int k = 0; k < keys.length; k++) {
      attempt("final-get", k);
    }
  }

  int keyCount() {
    return keys.length;
  }

  private void attempt(String op, int k) {
    try {
      switch (op) {
        case "put" -> put(k, new Content(nextSeed(), smallSize()));
        case "multipart" -> multipart(k, new Content(nextSeed(), 5 * MiB + random.nextLong(Math.max(1, maxSize - 5 * MiB))));
        case "get", "final-get" -> get(k);
        case "download" -> download(k);
        case "ranged-get" -> rangedGet(k);
        case "head" -> head(k);
        case "list" -> list();
        case "delete" -> delete(k);
        case "copy" -> copy(random.nextInt(keys.length), k);
        default -> throw new IllegalArgumentException(op);
      }
      figures.done(op);
    } catch (Throwable t) {
      S3Exception typed = typed(t);
      if (typed == null) {
        figures.untyped(op, t);
      } else {
        figures.surfaced(op, typed);
      }
    }
  }

  /** The typed S3 failure a caller received, unwrapping futures and stream wrappers; null if untyped. */
  private static S3Exception typed(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof S3Exception s) {
        return s;
      }
      if (!(c instanceof CompletionException || c instanceof ExecutionException || c instanceof IOException
          || c instanceof UncheckedIOException)) {
        return null;
      }
    }
    return null;
  }

  private long nextSeed() {
    return ((long) (id + 1) << 40) | ++writes;
  }

  /** Mostly small objects, some up to a few MiB; 0 B included. */
  private long smallSize() {
    int d = random.nextInt(100);
    if (d < 5) {
      return 0;
    }
    if (d < 45) {
      return random.nextLong(1, 1024);
    }
    if (d < 85) {
      return random.nextLong(1024, 256 * 1024);
    }
    return random.nextLong(256 * 1024, Math.min(maxSize, 4 * MiB));
  }

  private static ObjectMetadata metadata(Content c) {
    return ObjectMetadata.NONE.withUserMetadata(SEED, Long.toString(c.seed()));
  }

  private void put(int k, Content c) {
    try {
      client.putObject(key(k), c.bytes(), metadata(c));
    } catch (RuntimeException e) {
      keys[k].failed(c);
      throw e;
    }
    keys[k].acknowledged(c);
    figures.bytesWritten.add(c.size());
  }

  private void multipart(int k, Content c) throws IOException {
    Path file = scratch.resolve("upload-" + id);
    c.writeTo(file);
    try {
      transfers.uploadFile(key(k), file, UploadOptions.DEFAULTS.withMetadata(metadata(c))).join();
    } catch (RuntimeException e) {
      keys[k].failed(c);
      throw e;
    } finally {
      Files.deleteIfExists(file);
    }
    keys[k].acknowledged(c);
    figures.bytesWritten.add(c.size());
  }

  /** The state an answer's metadata names; a seed the worker never wrote is reported as corrupt. */
  private Content seen(int k, ObjectInfo info) {
    String seed = info.metadata().userMetadata().get(SEED);
    if (seed == null) {
      return new Content(-1, info.contentLength());
    }
    long size = info.contentRange() == null ? info.contentLength() : totalOf(info.contentRange());
    return new Content(Long.parseLong(seed), size);
  }

  private static long totalOf(String contentRange) {
    return Long.parseLong(contentRange.substring(contentRange.lastIndexOf('/') + 1));
  }

  private void absentSeen(int k, String op) {
    if (!keys[k].observed(KeyModel.ABSENT)) {
      figures.lost.add(op + " " + key(k) + ": 404, but the key holds one of " + keys[k].possible());
    }
  }

  private boolean settle(int k, String op, Content c) {
    Set<Content> before = keys[k].possible();
    if (!keys[k].observed(c)) {
      figures.corrupt.add(op + " " + key(k) + ": answered " + c + ", expected one of " + before);
      return false;
    }
    return true;
  }

  private void get(int k) throws IOException {
    try (ObjectStream in = client.getObjectStream(GetObjectRequest.of(key(k)))) {
      Content c = seen(k, in.info());
      if (settle(k, "get", c)) {
        check("get", k, c, in, 0, c.size());
      }
    } catch (ServiceException e) {
      if (e.isNotFound()) {
        absentSeen(k, "get");
        return;
      }
      throw e;
    }
  }

  private void download(int k) throws IOException {
    Path file = scratch.resolve("download-" + id);
    try {
      ObjectInfo info = transfers.downloadFile(key(k), file, TransferListener.NONE).join();
      Content c = seen(k, info);
      if (settle(k, "download", c)) {
        try (InputStream in = Files.newInputStream(file)) {
          check("download", k, c, in, 0, c.size());
        }
      }
    } catch (RuntimeException e) {
      S3Exception t = typed(e);
      if (t instanceof ServiceException s && s.isNotFound()) {
        absentSeen(k, "download");
        return;
      }
      throw e;
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private void rangedGet(int k) throws IOException {
    Content known = keys[k].known();
    if (known == null || known.size() <= 0) {
      get(k);
      return;
    }
    long first = random.nextLong(known.size());
    long last = Math.min(known.size() - 1, first + random.nextLong(1, 2 * MiB));
    try (ObjectStream in = client.getObjectStream(GetObjectRequest.of(key(k)).withRange(Range.of(first, last)))) {
      Content c = seen(k, in.info());
      if (settle(k, "ranged-get", c)) {
        check("ranged-get", k, c, in, first, last - first + 1);
      }
    } catch (ServiceException e) {
      if (e.isNotFound()) {
        absentSeen(k, "ranged-get");
        return;
      }
      throw e;
    }
  }

  private void check(String op, int k, Content c, InputStream in, long first, long length) throws IOException {
    if (!c.matches(in, first, length)) {
      figures.corrupt.add(op + " " + key(k) + ": bytes " + first + "+" + length + " differ from " + c);
    } else {
      figures.bytesReadChecked.add(length);
    }
  }

  private void head(int k) {
    try {
      ObjectInfo info = client.headObject(key(k));
      Content c = seen(k, info);
      settle(k, "head", c);
    } catch (ServiceException e) {
      if (e.isNotFound()) {
        absentSeen(k, "head");
        return;
      }
      throw e;
    }
  }

  /** Every key known to exist is listed with its size; nothing listed that may not exist. */
  private void list() {
    Set<String> listed = new HashSet<>();
    for (S3Object o : client.listObjects(ListObjectsRequest.of(bucket).withPrefix("w" + id + "/")).objects().toList()) {
      listed.add(o.key());
      int k = Integer.parseInt(o.key().substring(o.key().indexOf("/k") + 2));
      if (keys[k].possible().stream().noneMatch(c -> c.size() == o.size())) {
        figures.corrupt.add("list " + o.key() + ": size " + o.size() + ", expected one of " + keys[k].possible());
      }
    }
    for (int k = 0; k < keys.length; k++) {
      Content known = keys[k].known();
      if (known != null && known != KeyModel.ABSENT && !listed.contains(key(k).key())) {
        figures.lost.add("list: " + key(k) + " not listed, but holds " + known);
      }
    }
  }

  private void delete(int k) {
    try {
      client.deleteObject(key(k));
    } catch (RuntimeException e) {
      keys[k].failed(KeyModel.ABSENT);
      throw e;
    }
    keys[k].acknowledged(KeyModel.ABSENT);
  }

  private void copy(int from, int to) {
    if (from == to) {
      return;
    }
    Set<Content> source = new HashSet<>(keys[from].possible());
    try {
      client.copyObject(CopyObjectRequest.of(key(from), key(to)));
    } catch (ServiceException e) {
      if (e.isNotFound()) {
        absentSeen(from, "copy");
        return;
      }
      keys[to].copied(source, false);
      throw e;
    } catch (RuntimeException e) {
      keys[to].copied(source, false);
      throw e;
    }
    source.remove(KeyModel.ABSENT);
    keys[to].copied(source, true);
  }
}
