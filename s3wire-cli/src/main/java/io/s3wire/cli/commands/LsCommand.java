package io.s3wire.cli.commands;

import io.s3wire.Bucket;
import io.s3wire.ListObjectsPage;
import io.s3wire.ListObjectsRequest;
import io.s3wire.S3Object;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code s3wire ls}: buckets, or the objects and prefixes under an address. */
@Command(name = "ls", mixinStandardHelpOptions = true,
    description = "List buckets (no address), or the objects and common prefixes under s3://BUCKET[/PREFIX].",
    footerHeading = "%nExamples:%n",
    footer = {"  s3wire ls", "  s3wire ls s3://photos/2024/ --human", "  s3wire ls s3://photos --recursive --json",
        "  s3wire ls gs://public-bucket/dir/"})
public final class LsCommand extends StorageCommand {
  @Parameters(arity = "0..1", paramLabel = "ADDRESS", description = "s3://BUCKET[/PREFIX] or gs://BUCKET[/PREFIX].")
  String address;

  @Option(names = {"-r", "--recursive"}, description = "Every object under the prefix, not one level.")
  boolean recursive;

  @Option(names = {"-H", "--human"}, description = "Sizes as KiB, MiB, GiB.")
  boolean human;

  /**
   * What {@code ls} was asked.
   *
   * @param location the bucket and prefix, or {@code null} for the bucket list
   */
  public record Request(Location.Remote location, boolean recursive, boolean human) {}

  public LsCommand(Map<String, String> env) {
    super(env);
  }

  Request toRequest() {
    Location.Remote location = address == null ? null : Location.parseRemote(address);
    return new Request(location, recursive, human);
  }

  @Override
  int run() {
    Request r = toRequest();
    ClientSettings settings = settings(r.location() == null ? List.of() : List.of(r.location()));
    try (Session s = open(settings)) {
      if (r.location() == null) {
        for (Bucket b : s.client.listBuckets()) {
          s.out.println(settings.json()
              ? new Json().str("bucket", b.name()).str("created", Format.iso(b.creationDate())).build()
              : Format.time(b.creationDate()) + "  " + b.name());
        }
        return ExitCodes.OK;
      }
      ListObjectsRequest list = ListObjectsRequest.of(r.location().bucket()).withPrefix(r.location().key());
      if (!r.recursive()) {
        list = list.withDelimiter("/");
      }
      long count = 0;
      long bytes = 0;
      for (ListObjectsPage page : s.client.listObjects(list)) {
        for (String prefix : page.commonPrefixes()) {
          s.out.println(settings.json()
              ? new Json().str("prefix", prefix).build()
              : String.format(Locale.ROOT, "%19s  %10s  %s", "", "PRE", prefix));
        }
        for (S3Object o : page.objects()) {
          count++;
          bytes += o.size();
          s.out.println(settings.json() ? json(o) : line(o, r.human()));
        }
      }
      if (!settings.json() && r.recursive() && !settings.quiet()) {
        s.out.println("total: " + count + " objects, " + (r.human() ? Format.human(bytes) : bytes + " bytes"));
      }
      return ExitCodes.OK;
    }
  }

  static String line(S3Object o, boolean human) {
    String size = human ? Format.human(o.size()) : Long.toString(o.size());
    return String.format(Locale.ROOT, "%19s  %10s  %s", Format.time(o.lastModified()), size, o.key());
  }

  static String json(S3Object o) {
    return new Json().str("key", o.key()).num("size", o.size()).str("etag", o.eTag())
        .str("last_modified", Format.iso(o.lastModified())).str("storage_class", o.storageClass()).build();
  }
}
