package io.s3wire.cli.commands;

import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code s3wire mb}: make a bucket. */
@Command(name = "mb", mixinStandardHelpOptions = true, description = "Create a bucket.",
    footerHeading = "%nExamples:%n",
    footer = {"  s3wire mb s3://new-bucket", "  s3wire mb s3://logs --endpoint http://127.0.0.1:9000"})
public final class MbCommand extends StorageCommand {
  @Parameters(paramLabel = "s3://BUCKET", description = "The bucket to create.")
  String address;

  public MbCommand(Map<String, String> env) {
    super(env);
  }

  Location.Remote toRequest() {
    Location.Remote r = Location.parseRemote(address);
    if (!r.key().isEmpty()) {
      throw new IllegalArgumentException("mb takes a bucket, not a key: " + address);
    }
    return r;
  }

  @Override
  int run() {
    Location.Remote bucket = toRequest();
    try (Session s = open(settings(List.of(bucket)))) {
      s.client.createBucket(bucket.bucket());
      if (!s.settings.quiet()) {
        s.out.println(s.settings.json()
            ? new Json().str("created", bucket.bucket()).build()
            : "make_bucket: " + bucket.bucket());
      }
      return ExitCodes.OK;
    }
  }
}
