package io.s3wire.cli.commands;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code s3wire cp}: upload, download, server-side copy, standard input and output, recursive. */
@Command(name = "cp", mixinStandardHelpOptions = true,
    description = {"Copy a file to an object, an object to a file, or an object to an object (server-side copy).",
        "'-' is standard input or output. --recursive copies a directory or prefix, filtered by --include/--exclude,",
        "with --parallel transfers at once. Downloads appear under their name only when complete.",
        "Object-to-object copies over --copy-threshold (at most 5 GiB) go as parallel UploadPartCopy parts.",
        "Exit code 3 when some objects of a recursive copy failed; stderr lists them."},
    footerHeading = "%nExamples:%n",
    footer = {"  s3wire cp photo.jpg s3://bucket/2024/", "  s3wire cp s3://bucket/report.pdf .",
        "  tar c dir | s3wire cp - s3://bucket/dir.tar", "  s3wire cp s3://bucket/log.gz - | zcat",
        "  s3wire cp ./site s3://bucket/site --recursive --exclude '*.tmp' --parallel 32",
        "  s3wire cp s3://a/key s3://b/key --metadata owner=ops --content-type text/plain",
        "  s3wire cp s3://a/12GiB.tar s3://b/12GiB.tar --copy-threshold 256MiB",
        "  s3wire cp s3://bucket/report.pdf old.pdf --version-id 3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY",
        "  s3wire cp s3://bucket/secret.bin . --sse-c-key-file key.bin"})
public final class CpCommand extends CopyCommandBase {
  @Option(names = "--version-id", paramLabel = "ID",
      description = "Download this version of the object (to a file or '-'; not with --recursive).")
  String versionId;

  public CpCommand(Map<String, String> env) {
    super(env);
  }

  @Override
  String versionId() {
    return versionId;
  }

  @Override
  boolean allowsStd() {
    return true;
  }

  @Override
  int run() throws IOException {
    CopyRequest r = toRequest();
    long threshold = copyThreshold();
    try (Session s = open(settings(List.of(r.source(), r.target())))) {
      if (!r.recursive()) {
        Plans.Transfer t = single(r);
        try (Progress p = Progress.start(s.progress(), s.err, Math.max(t.size(), 0), 1)) {
          List<Summary.Failed> failed = TransferRun.run(s.client, List.of(t), 1, r.options(), r.transfer(), threshold, p,
              printer(s));
          if (!failed.isEmpty()) {
            return failedSingle(s, failed.get(0));
          }
        }
        return ExitCodes.OK;
      }
      List<Plans.Transfer> plan = Plans.copy(Listings.list(s.client, r.source(), false), r.source(), r.target(), r.filters());
      long bytes = plan.stream().mapToLong(Plans.Transfer::size).sum();
      List<Summary.Failed> failed;
      try (Progress p = Progress.start(s.progress(), s.err, bytes, plan.size())) {
        failed = TransferRun.run(s.client, plan, r.parallel(), r.options(), r.transfer(), threshold, p, printer(s));
      }
      return Summary.finish(s, "copy", plan.size(), failed);
    }
  }
}
