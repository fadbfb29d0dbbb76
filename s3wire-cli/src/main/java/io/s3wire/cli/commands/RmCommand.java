package io.s3wire.cli.commands;

import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code s3wire rm}: delete an object, or everything under a prefix. */
@Command(name = "rm", mixinStandardHelpOptions = true,
    description = {"Delete an object, or with --recursive every object under a prefix (batch deletes where the provider allows).",
        "Exit code 3 when some deletes failed; stderr lists them."},
    footerHeading = "%nExamples:%n",
    footer = {"  s3wire rm s3://bucket/old.log", "  s3wire rm s3://bucket/tmp/ --recursive"})
public final class RmCommand extends StorageCommand {
  @Parameters(paramLabel = "s3://BUCKET/KEY", description = "The object, or with --recursive the prefix.")
  String address;

  @Option(names = {"-r", "--recursive"}, description = "Delete every object under the prefix.")
  boolean recursive;

  @Option(names = "--version-id", paramLabel = "ID", description = "Delete this version of the object for good.")
  String versionId;

  /** What {@code rm} was asked. */
  public record Request(Location.Remote location, boolean recursive) {}

  public RmCommand(Map<String, String> env) {
    super(env);
  }

  Request toRequest() {
    Location.Remote r = Location.parseRemote(address);
    if (!recursive && r.isPrefix()) {
      throw new IllegalArgumentException("'" + address + "' is a bucket or prefix: add --recursive to delete everything under it");
    }
    if (recursive && versionId != null) {
      throw new IllegalArgumentException("--version-id names one object's version; it cannot be used with --recursive");
    }
    return new Request(r, recursive);
  }

  /** The delete of a single object (or version) this command makes. */
  io.s3wire.DeleteObjectRequest deleteRequest() {
    Location.Remote r = toRequest().location();
    return WriteOptions.option("--version-id", () -> io.s3wire.DeleteObjectRequest.of(r.object()).withVersionId(versionId));
  }

  @Override
  int run() {
    Request r = toRequest();
    try (Session s = open(settings(List.of(r.location())))) {
      if (!r.recursive()) {
        io.s3wire.DeleteObjectResult deleted = s.client.deleteObject(deleteRequest());
        print(s, r.location() + (deleted.versionId() == null ? "" : " (version " + deleted.versionId() + ")"));
        return ExitCodes.OK;
      }
      List<String> keys = Deletes.keysUnder(s.client, r.location().bucket(), r.location().key());
      List<Deletes.Failure> failures = Deletes.delete(s.client, r.location().bucket(), keys);
      java.util.Set<String> failed = new java.util.HashSet<>();
      failures.forEach(f -> failed.add(f.key()));
      for (String k : keys) {
        if (!failed.contains(k)) {
          print(s, r.location().withKey(k).toString());
        }
      }
      return Summary.finish(s, "delete", keys.size(), failures.stream()
          .map(f -> new Summary.Failed(r.location().withKey(f.key()).toString(), f.reason())).toList());
    }
  }

  private static void print(Session s, String what) {
    if (s.settings.quiet()) {
      return;
    }
    s.out.println(s.settings.json() ? new Json().str("deleted", what).build() : "delete: " + what);
  }
}
