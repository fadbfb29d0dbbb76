package io.s3wire.cli.commands;

import io.s3wire.S3Client;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code s3wire mv}: copy, check the copy, then delete the source. */
@Command(name = "mv", mixinStandardHelpOptions = true,
    description = {"Move: copy as cp does, check that the copy exists with the source's size, and only then delete the source.",
        "Exit code 3 when some objects of a recursive move failed (their sources are kept)."},
    footerHeading = "%nExamples:%n",
    footer = {"  s3wire mv report.pdf s3://bucket/archive/", "  s3wire mv s3://bucket/a.txt s3://bucket/b.txt",
        "  s3wire mv s3://bucket/incoming/ ./inbox --recursive"})
public final class MvCommand extends CopyCommandBase {
  public MvCommand(Map<String, String> env) {
    super(env);
  }

  @Override
  boolean allowsStd() {
    return false;
  }

  @Override
  int run() throws IOException {
    CopyRequest r = toRequest();
    long threshold = copyThreshold();
    try (Session s = open(settings(List.of(r.source(), r.target())))) {
      List<Plans.Transfer> plan;
      if (r.recursive()) {
        plan = Plans.copy(Listings.list(s.client, r.source(), false), r.source(), r.target(), r.filters());
      } else {
        Plans.Transfer t = single(r);
        if (t.size() < 0 && t.source() instanceof Location.Remote src) {
          t = new Plans.Transfer(t.source(), t.target(), s.client.headObject(src.object()).contentLength());
        }
        plan = List.of(t);
      }
      List<Summary.Failed> failed = new ArrayList<>();
      java.util.function.Consumer<Plans.Transfer> print = printer(s);
      long bytes = plan.stream().mapToLong(Plans.Transfer::size).sum();
      try (Progress p = Progress.start(s.progress(), s.err, bytes, plan.size())) {
        failed.addAll(TransferRun.run(s.client, plan, r.parallel(), r.options(), r.transfer(), threshold, p, t -> {
          String problem = verifyAndDelete(s.client, t);
          if (problem == null) {
            print.accept(t);
          } else {
            failed.add(new Summary.Failed(t.source().toString(), problem));
          }
        }));
      }
      if (!r.recursive() && !failed.isEmpty()) {
        return failedSingle(s, failed.get(0));
      }
      return Summary.finish(s, "move", plan.size(), failed);
    }
  }

  /** Deletes the source once the target is there with the source's size; else says why it was kept. */
  static String verifyAndDelete(S3Client client, Plans.Transfer t) {
    try {
      long copied = t.target() instanceof Location.Remote to
          ? client.headObject(to.object()).contentLength()
          : Files.size(((Location.Local) t.target()).path());
      if (copied != t.size()) {
        return "the copy has " + copied + " bytes, the source " + t.size() + "; source kept";
      }
      if (t.source() instanceof Location.Remote from) {
        client.deleteObject(from.object());
      } else {
        Files.delete(((Location.Local) t.source()).path());
      }
      return null;
    } catch (io.s3wire.error.S3Exception e) {
      return "copied, but not verified or the source not deleted: " + StorageCommand.oneLine(e);
    } catch (IOException e) {
      return "copied, but not verified or the source not deleted: " + e.getMessage();
    }
  }
}
