package io.s3wire.cli.commands;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code s3wire sync}: make a directory or prefix match another. */
@Command(name = "sync", mixinStandardHelpOptions = true,
    description = {"Copy what is missing or out of date from SOURCE to TARGET (directory <-> prefix, or prefix -> prefix).",
        "Out of date: a different size, or a newer source (--size-only: size alone; --checksum: MD5 against single-part ETags).",
        "A second run copies nothing. --delete removes target entries the source lacks; --dry-run only prints."},
    footerHeading = "%nExamples:%n",
    footer = {"  s3wire sync ./site s3://bucket/site", "  s3wire sync s3://bucket/backup ./restore --delete",
        "  s3wire sync s3://a/data s3://b/data --checksum --dry-run"})
public final class SyncCommand extends StorageCommand {
  @Parameters(index = "0", paramLabel = "SOURCE", description = "A directory, or s3://BUCKET[/PREFIX].")
  String source;

  @Parameters(index = "1", paramLabel = "TARGET", description = "A directory, or s3://BUCKET[/PREFIX].")
  String target;

  @Option(names = "--delete", description = "Delete target files or objects that the source does not have.")
  boolean delete;

  @Option(names = "--dry-run", description = "Print what would be done; change nothing.")
  boolean dryRun;

  @ArgGroup(exclusive = true)
  CompareChoice compare;

  /** --size-only and --checksum exclude each other. */
  static final class CompareChoice {
    @Option(names = "--size-only", description = "Compare sizes only.") boolean sizeOnly;

    @Option(names = "--checksum", description = "Compare content hashes (MD5 vs single-part ETag).") boolean checksum;
  }

  @Option(names = "--include", paramLabel = "GLOB", description = "Include paths matching GLOB again (later rules win).")
  List<String> include = new ArrayList<>();

  @Option(names = "--exclude", paramLabel = "GLOB", description = "Exclude paths matching GLOB (later rules win).")
  List<String> exclude = new ArrayList<>();

  @Option(names = "--parallel", paramLabel = "N", description = "Transfers at once (default: ${DEFAULT-VALUE}).")
  int parallel = 16;

  @Mixin TransferOptions transfer = new TransferOptions();

  /** What {@code sync} was asked. */
  public record Request(Location source, Location target, boolean delete, boolean dryRun, Plans.Compare compare,
      Filters filters, int parallel, TransferSettings transfer) {}

  public SyncCommand(Map<String, String> env) {
    super(env);
  }

  Request toRequest() {
    Location src = Location.parse(source);
    Location dst = Location.parse(target);
    if (src instanceof Location.Std || dst instanceof Location.Std) {
      throw new IllegalArgumentException("sync cannot use '-': it needs directories or prefixes");
    }
    if (!(src instanceof Location.Remote) && !(dst instanceof Location.Remote)) {
      throw new IllegalArgumentException("one side must be an s3:// or gs:// address");
    }
    if (src instanceof Location.Local l && !Files.isDirectory(l.path())) {
      throw new IllegalArgumentException("the source must be a directory: " + source);
    }
    if (parallel < 1) {
      throw new IllegalArgumentException("--parallel must be at least 1, not " + parallel);
    }
    Plans.Compare c = compare == null ? Plans.Compare.SIZE_AND_TIME
        : compare.sizeOnly ? Plans.Compare.SIZE_ONLY : Plans.Compare.CHECKSUM;
    Filters filters = Filters.fromArgs(spec.commandLine().getParseResult() == null
        ? List.of() : spec.commandLine().getParseResult().originalArgs());
    return new Request(src, dst, delete, dryRun, c, filters, parallel, transfer.settings(src, source));
  }

  @Override
  int run() throws IOException {
    Request r = toRequest();
    try (Session s = open(settings(List.of(r.source(), r.target())))) {
      boolean md5 = r.compare() == Plans.Compare.CHECKSUM;
      Plans.SyncPlan plan = Plans.sync(Listings.list(s.client, r.source(), md5),
          Listings.byRelative(Listings.list(s.client, r.target(), md5)), r.source(), r.target(), r.filters(),
          r.compare(), r.delete());
      if (r.dryRun()) {
        for (Plans.Transfer t : plan.copies()) {
          s.out.println(s.settings.json()
              ? new Json().str("op", Transfers.verb(t)).str("source", t.source().toString())
                  .str("target", t.target().toString()).num("size", t.size()).bool("dry_run", true).build()
              : "(dryrun) " + Transfers.verb(t) + ": " + t.source() + " to " + t.target());
        }
        for (Location d : plan.deletes()) {
          s.out.println(s.settings.json() ? new Json().str("op", "delete").str("target", d.toString()).bool("dry_run", true).build()
              : "(dryrun) delete: " + d);
        }
        return ExitCodes.OK;
      }
      List<Summary.Failed> failed = new ArrayList<>();
      long bytes = plan.copies().stream().mapToLong(Plans.Transfer::size).sum();
      try (Progress p = Progress.start(s.progress(), s.err, bytes, plan.copies().size())) {
        failed.addAll(TransferRun.run(s.client, plan.copies(), r.parallel(), CopyOptions.NONE, r.transfer(), Transfers.SINGLE_LIMIT, p,
            CopyCommandBase.printer(s)));
      }
      failed.addAll(deleteExtra(s, plan.deletes()));
      return Summary.finish(s, "sync", plan.copies().size() + plan.deletes().size(), failed);
    }
  }

  private static List<Summary.Failed> deleteExtra(Session s, List<Location> deletes) throws IOException {
    List<Summary.Failed> failed = new ArrayList<>();
    Map<String, List<String>> byBucket = new java.util.TreeMap<>();
    for (Location d : deletes) {
      if (d instanceof Location.Remote r) {
        byBucket.computeIfAbsent(r.bucket(), b -> new ArrayList<>()).add(r.key());
      } else {
        Files.deleteIfExists(((Location.Local) d).path());
        print(s, d);
      }
    }
    byBucket.forEach((bucket, keys) -> {
      java.util.Set<String> bad = new java.util.HashSet<>();
      for (Deletes.Failure f : Deletes.delete(s.client, bucket, keys)) {
        bad.add(f.key());
        failed.add(new Summary.Failed(bucket + "/" + f.key(), f.reason()));
      }
      deletes.stream().filter(d -> d instanceof Location.Remote r && r.bucket().equals(bucket) && !bad.contains(r.key()))
          .forEach(d -> print(s, d));
    });
    return failed;
  }

  private static void print(Session s, Location d) {
    if (!s.settings.quiet()) {
      s.out.println(s.settings.json() ? new Json().str("op", "delete").str("target", d.toString()).build() : "delete: " + d);
    }
  }
}
