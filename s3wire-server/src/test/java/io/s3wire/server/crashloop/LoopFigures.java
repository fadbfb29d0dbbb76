package io.s3wire.server.crashloop;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** The crash loop's counts and findings, shared by the workers and the checks after each restart. */
final class LoopFigures {
  private final Map<String, LongAdder> acknowledged = new ConcurrentHashMap<>();
  final AtomicLong inFlightAtKill = new AtomicLong();
  final AtomicLong objectsVerified = new AtomicLong();
  final AtomicLong versionsVerified = new AtomicLong();
  final AtomicLong uploadsVerified = new AtomicLong();
  final AtomicLong inFlightSeenNew = new AtomicLong();
  final AtomicLong inFlightSeenOld = new AtomicLong();
  final List<Long> openMicros = Collections.synchronizedList(new ArrayList<>());
  final List<Long> startMillis = Collections.synchronizedList(new ArrayList<>());
  /** Failures before a kill: each a finding. */
  final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
  /** Acknowledged writes missing, torn objects, states that were never written, leftover files. */
  final List<String> findings = Collections.synchronizedList(new ArrayList<>());

  void acknowledged(String op) {
    acknowledged.computeIfAbsent(op, k -> new LongAdder()).increment();
  }

  long acknowledgedTotal() {
    return acknowledged.values().stream().mapToLong(LongAdder::sum).sum();
  }

  Map<String, Long> acknowledgedByOperation() {
    Map<String, Long> out = new TreeMap<>();
    acknowledged.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  void finding(String what) {
    findings.add(what);
  }

  static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
  }

  static long max(List<Long> values) {
    return values.stream().mapToLong(Long::longValue).max().orElse(0);
  }

  static List<String> firstFew(List<String> list) {
    synchronized (list) {
      return List.copyOf(list.subList(0, Math.min(10, list.size())));
    }
  }
}
