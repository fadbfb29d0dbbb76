package io.s3wire.bench.compat;

import java.util.ArrayList;
import java.util.List;

/** Every row of the compatibility table, in the table's order. */
final class Probes {
  private Probes() {}

  static List<Probe> all() {
    List<Probe> all = new ArrayList<>();
    all.addAll(ObjectProbes.all());
    all.addAll(ChecksumProbes.all());
    all.addAll(MultipartProbes.all());
    all.addAll(ListingProbes.all());
    all.addAll(AccessProbes.all());
    all.addAll(ConfigProbes.all());
    return List.copyOf(all);
  }
}
