package io.s3wire.cli.commands;

import io.s3wire.GetObjectRequest;
import io.s3wire.ObjectStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code s3wire cat}: an object's bytes on standard output. */
@Command(name = "cat", mixinStandardHelpOptions = true, description = "Write an object's bytes to standard output.",
    footerHeading = "%nExamples:%n",
    footer = {"  s3wire cat s3://bucket/notes.txt", "  s3wire cat s3://bucket/data.gz | gunzip"})
public final class CatCommand extends StorageCommand {
  @Parameters(paramLabel = "s3://BUCKET/KEY", description = "The object.")
  String address;

  @Option(names = "--version-id", paramLabel = "ID", description = "Read this version of the object.")
  String versionId;

  public CatCommand(Map<String, String> env) {
    super(env);
  }

  Location.Remote toRequest() {
    Location.Remote r = Location.parseRemote(address);
    if (r.isPrefix()) {
      throw new IllegalArgumentException("cat needs an object key, not a bucket or prefix: " + address);
    }
    return r;
  }

  /** The read this command makes. */
  GetObjectRequest getRequest() {
    Location.Remote r = toRequest();
    return WriteOptions.option("--version-id", () -> GetObjectRequest.of(r.object()).withVersionId(versionId));
  }

  @Override
  int run() throws IOException {
    Location.Remote object = toRequest();
    GetObjectRequest get = getRequest();
    try (Session s = open(settings(List.of(object)))) {
      s.out.flush();
      OutputStream sink = StdStreams.out();
      try (ObjectStream in = s.client.getObjectStream(get)) {
        in.transferTo(sink);
      }
      sink.flush();
      return ExitCodes.OK;
    }
  }
}
