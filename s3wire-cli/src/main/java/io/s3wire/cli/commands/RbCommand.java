package io.s3wire.cli.commands;

import io.s3wire.UploadInfo;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code s3wire rb}: remove a bucket. */
@Command(name = "rb", mixinStandardHelpOptions = true,
    description = "Delete a bucket; with --force, first its objects and open multipart uploads.",
    footerHeading = "%nExamples:%n", footer = {"  s3wire rb s3://empty-bucket", "  s3wire rb s3://scratch --force"})
public final class RbCommand extends StorageCommand {
  @Parameters(paramLabel = "s3://BUCKET", description = "The bucket.")
  String address;

  @Option(names = "--force", description = "Delete every object and abort every multipart upload first.")
  boolean force;

  /** What {@code rb} was asked. */
  public record Request(String bucket, boolean force) {}

  public RbCommand(Map<String, String> env) {
    super(env);
  }

  Request toRequest() {
    Location.Remote r = Location.parseRemote(address);
    if (!r.key().isEmpty()) {
      throw new IllegalArgumentException("rb takes a bucket, not a key: " + address);
    }
    return new Request(r.bucket(), force);
  }

  @Override
  int run() {
    Request r = toRequest();
    Location.Remote bucket = Location.parseRemote(address);
    try (Session s = open(settings(List.of(bucket)))) {
      if (r.force()) {
        for (UploadInfo u : s.client.listMultipartUploads(r.bucket(), "")) {
          s.client.abortMultipartUpload(u.upload());
        }
        List<String> keys = Deletes.keysUnder(s.client, r.bucket(), "");
        List<Deletes.Failure> failures = Deletes.delete(s.client, r.bucket(), keys);
        if (!failures.isEmpty()) {
          return Summary.finish(s, "delete", keys.size(), failures.stream()
              .map(f -> new Summary.Failed(bucket.withKey(f.key()).toString(), f.reason())).toList());
        }
      }
      s.client.deleteBucket(r.bucket());
      if (!s.settings.quiet()) {
        s.out.println(s.settings.json() ? new Json().str("removed", r.bucket()).build() : "remove_bucket: " + r.bucket());
      }
      return ExitCodes.OK;
    }
  }
}
