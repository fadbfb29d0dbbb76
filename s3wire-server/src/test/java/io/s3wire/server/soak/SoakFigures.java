package io.s3wire.server.soak;

import io.s3wire.error.S3Exception;
import io.s3wire.error.ServiceException;
import io.s3wire.error.UploadLeft;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/** The soak's counters, shared by all workers; thread-safe. */
final class SoakFigures {
  private final Map<String, LongAdder> done = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> surfaced = new ConcurrentHashMap<>();
  private final Map<String, String> samples = new ConcurrentHashMap<>();
  final LongAdder bytesWritten = new LongAdder();
  final LongAdder bytesReadChecked = new LongAdder();
  final LongAdder retriesInFailures = new LongAdder();
  /** Data errors: each a description; the soak fails if any is present. */
  final List<String> lost = new CopyOnWriteArrayList<>();
  final List<String> corrupt = new CopyOnWriteArrayList<>();
  final List<String> untyped = new CopyOnWriteArrayList<>();
  /** The notes of failures that said a multipart upload may be left on the server. */
  final List<UploadLeft> saidLeft = new CopyOnWriteArrayList<>();

  void done(String op) {
    done.computeIfAbsent(op, k -> new LongAdder()).increment();
  }

  /** A typed failure the caller saw: counted by operation, exception type and failure class (and S3 code). */
  void surfaced(String op, S3Exception e) {
    String what = e.getClass().getSimpleName() + "/" + e.failureClass()
        + (e instanceof ServiceException s ? "/" + s.errorCode() : "");
    surfaced.computeIfAbsent(op + " " + what, k -> new LongAdder()).increment();
    samples.putIfAbsent(op + " " + what, String.valueOf(e.getMessage()));
    retriesInFailures.add(Math.max(0, e.attempts().size() - 1));
    UploadLeft.in(e).ifPresent(saidLeft::add);
  }

  void untyped(String op, Throwable t) {
    untyped.add(op + ": " + t);
  }

  long operations() {
    return done.values().stream().mapToLong(LongAdder::sum).sum();
  }

  long failures() {
    return surfaced.values().stream().mapToLong(LongAdder::sum).sum();
  }

  Map<String, Long> doneByOperation() {
    Map<String, Long> out = new TreeMap<>();
    done.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  /** The first message seen of each kind of {@link #surfacedByKind()}. */
  String sample(String kind) {
    return samples.get(kind);
  }

  Map<String, Long> surfacedByKind() {
    Map<String, Long> out = new TreeMap<>();
    surfaced.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  static List<String> firstFew(List<String> all) {
    return new ArrayList<>(all.subList(0, Math.min(5, all.size())));
  }
}
