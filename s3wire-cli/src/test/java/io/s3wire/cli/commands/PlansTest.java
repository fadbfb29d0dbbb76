package io.s3wire.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Recursive copy and sync plans from listings alone. */
class PlansTest {
  private static final Location.Remote PREFIX = new Location.Remote("s3", "b", "site");
  private static final Location.Local DIR = new Location.Local(Path.of("/d"));
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static Plans.Entry e(String rel, long size, Instant t, String etag) {
    return new Plans.Entry(rel, size, t, etag);
  }

  @Test
  void copyMapsBelowTheTargetPrefixAndFilters() {
    List<Plans.Transfer> plan = Plans.copy(List.of(e("a.txt", 1, T0, null), e("sub/b.tmp", 2, T0, null)), DIR, PREFIX,
        new Filters(List.of(new Filters.Rule(false, "*.tmp"))));
    assertThat(plan).containsExactly(new Plans.Transfer(new Location.Local(Path.of("/d/a.txt")),
        new Location.Remote("s3", "b", "site/a.txt"), 1));
  }

  @Test
  void syncCopiesMissingChangedAndNewerOnly() {
    List<Plans.Entry> src = List.of(e("same", 3, T0, null), e("missing", 1, T0, null), e("bigger", 5, T0, null),
        e("newer", 3, T0.plusSeconds(10), null), e("sameSecond", 3, T0.plusMillis(700), null));
    Map<String, Plans.Entry> dst = Listings.byRelative(List.of(e("same", 3, T0.plusSeconds(1), null),
        e("bigger", 4, T0, null), e("newer", 3, T0, null), e("sameSecond", 3, T0, null), e("extra", 1, T0, null)));
    Plans.SyncPlan plan = Plans.sync(src, dst, DIR, PREFIX, Filters.ALL, Plans.Compare.SIZE_AND_TIME, true);
    assertThat(plan.copies()).extracting(t -> t.target().toString())
        .containsExactly("s3://b/site/missing", "s3://b/site/bigger", "s3://b/site/newer");
    assertThat(plan.deletes()).containsExactly(new Location.Remote("s3", "b", "site/extra"));

    Plans.SyncPlan sizeOnly = Plans.sync(src, dst, DIR, PREFIX, Filters.ALL, Plans.Compare.SIZE_ONLY, false);
    assertThat(sizeOnly.copies()).extracting(t -> t.target().toString())
        .containsExactly("s3://b/site/missing", "s3://b/site/bigger");
    assertThat(sizeOnly.deletes()).isEmpty();
  }

  @Test
  void checksumComparesSinglePartEtagsOnly() {
    String md5a = "0cc175b9c0f1b6a831c399e269772661";
    String md5b = "92eb5ffee6ae2fec3ad71c777531578f";
    List<Plans.Entry> src = List.of(e("x", 1, T0, md5a), e("y", 1, T0, md5a), e("z", 1, T0, md5a));
    Map<String, Plans.Entry> dst = Listings.byRelative(List.of(e("x", 1, T0, md5a), e("y", 1, T0, md5b),
        e("z", 1, T0, "0cc175b9c0f1b6a831c399e269772661-2")));
    Plans.SyncPlan plan = Plans.sync(src, dst, PREFIX, DIR, Filters.ALL, Plans.Compare.CHECKSUM, false);
    assertThat(plan.copies()).extracting(t -> t.target().toString()).containsExactly(Path.of("/d/y").toString());
  }

  @Test
  void deleteRespectsFilters() {
    Plans.SyncPlan plan = Plans.sync(List.of(), Listings.byRelative(List.of(e("keep.log", 1, T0, null), e("drop.txt", 1, T0, null))),
        DIR, PREFIX, new Filters(List.of(new Filters.Rule(false, "*.log"))), Plans.Compare.SIZE_AND_TIME, true);
    assertThat(plan.deletes()).containsExactly(new Location.Remote("s3", "b", "site/drop.txt"));
  }
}
