package io.s3wire.cli.commands;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The arguments {@code cp} and {@code mv} share, and how they become a {@link CopyRequest}. */
abstract class CopyCommandBase extends StorageCommand {
  @Parameters(index = "0", paramLabel = "SOURCE", description = "A file or directory, s3://BUCKET/KEY, gs://BUCKET/KEY, or - (standard input).")
  String source;

  @Parameters(index = "1", paramLabel = "TARGET", description = "A file or directory, s3://BUCKET/KEY[/], gs://..., or - (standard output).")
  String target;

  @Option(names = {"-r", "--recursive"}, description = "Copy every file below a directory or every object below a prefix.")
  boolean recursive;

  @Option(names = "--include", paramLabel = "GLOB", description = "Include paths matching GLOB again (with --recursive; later rules win).")
  List<String> include = new ArrayList<>();

  @Option(names = "--exclude", paramLabel = "GLOB", description = "Exclude paths matching GLOB (with --recursive; later rules win).")
  List<String> exclude = new ArrayList<>();

  @Option(names = "--parallel", paramLabel = "N", description = "Transfers at once (default: ${DEFAULT-VALUE}).")
  int parallel = 16;

  @Option(names = "--content-type", paramLabel = "TYPE", description = "Content-Type of the written objects.")
  String contentType;

  @Option(names = "--metadata", paramLabel = "NAME=VALUE", description = "User metadata (x-amz-meta-NAME); repeatable.")
  List<String> metadata = new ArrayList<>();

  @Option(names = "--storage-class", paramLabel = "CLASS", description = "Storage class, e.g. STANDARD_IA.")
  String storageClass;

  @Option(names = "--copy-threshold", paramLabel = "SIZE",
      description = "Server-side copies larger than this go as a multipart copy of parallel UploadPartCopy parts"
          + " (default and maximum: 5GiB, one CopyObject's limit; at least 5MiB). E.g. 64MiB.")
  String copyThreshold;

  @Mixin TransferOptions transfer = new TransferOptions();

  @Mixin WriteOptions write = new WriteOptions();

  CopyCommandBase(Map<String, String> env) {
    super(env);
  }

  /** The size above which an object-to-object copy goes multipart: {@code --copy-threshold}, at most 5 GiB. */
  long copyThreshold() {
    if (copyThreshold == null) {
      return Transfers.SINGLE_LIMIT;
    }
    long v = Format.parseSize(copyThreshold);
    if (v < Transfers.MIN_COPY_THRESHOLD || v > Transfers.SINGLE_LIMIT) {
      throw new IllegalArgumentException("--copy-threshold must be 5MiB to 5GiB, not " + copyThreshold);
    }
    return v;
  }

  /** The version a download reads ({@code --version-id} of cp), or {@code null} for the current one. */
  String versionId() {
    return null;
  }

  /** Whether {@code -} may be used (cp: yes; mv: no, standard streams cannot be deleted). */
  abstract boolean allowsStd();

  CopyRequest toRequest() {
    Location src = Location.parse(source);
    Location dst = Location.parse(target);
    if (!allowsStd() && (src instanceof Location.Std || dst instanceof Location.Std)) {
      throw new IllegalArgumentException(spec.name() + " cannot use '-': copy with cp instead");
    }
    if (src instanceof Location.Std && dst instanceof Location.Std) {
      throw new IllegalArgumentException("'-' to '-' copies nothing: one side must be an s3:// or gs:// address");
    }
    if (!(src instanceof Location.Remote) && !(dst instanceof Location.Remote)) {
      throw new IllegalArgumentException("one side must be an s3:// or gs:// address (use your shell to copy local files)");
    }
    if (parallel < 1) {
      throw new IllegalArgumentException("--parallel must be at least 1, not " + parallel);
    }
    if (!recursive && (!include.isEmpty() || !exclude.isEmpty())) {
      throw new IllegalArgumentException("--include and --exclude apply to --recursive copies");
    }
    WriteFeatures features = write.features();
    ReadFeatures read = ReadFeatures.NONE;
    boolean download = !(dst instanceof Location.Remote);
    if (download) {
      // A download reads with the key the object was written with; the other features write.
      read = new ReadFeatures(versionId(), features.customerKey());
      features = features.withoutCustomerKey();
    }
    if (features.given() && download) {
      throw new IllegalArgumentException("--sse, --sse-kms-key-id, --tag, --acl and the content"
          + " headers apply to objects written to S3, not to a download");
    }
    if (versionId() != null && (!download || recursive)) {
      throw new IllegalArgumentException("--version-id reads one version of one object to a file or '-':"
          + " it cannot be used with " + (recursive ? "--recursive" : "an upload or an object-to-object copy"));
    }
    if (read.versionId() != null) {
      ReadFeatures checked = read;
      WriteOptions.option("--version-id", () -> checked.onto(io.s3wire.GetObjectRequest.of(io.s3wire.BucketKey.of("check",
          "check"))));
    }
    CopyOptions options = new CopyOptions(contentType, CopyOptions.parseMetadata(metadata), storageClass, features, read);
    TransferSettings settings = transfer.settings(src, source);
    Filters filters = Filters.fromArgs(spec.commandLine().getParseResult() == null
        ? List.of() : spec.commandLine().getParseResult().originalArgs());
    if (recursive) {
      if (src instanceof Location.Std || dst instanceof Location.Std) {
        throw new IllegalArgumentException("'-' cannot be used with --recursive");
      }
      if (src instanceof Location.Local l && !Files.isDirectory(l.path())) {
        throw new IllegalArgumentException("with --recursive the source must be a directory: " + source);
      }
      return new CopyRequest(src, dst, true, filters, parallel, options, settings);
    }
    return new CopyRequest(src, resolveTarget(src, dst, target), false, Filters.ALL, parallel, options, settings);
  }

  /** A target naming a directory or a prefix ({@code s3://b/}, {@code dir/}, an existing directory) gets the source's name. */
  static Location resolveTarget(Location src, Location dst, String dstText) {
    if (src instanceof Location.Remote r && r.isPrefix()) {
      throw new IllegalArgumentException("'" + r + "' is a bucket or prefix: give an object key, or add --recursive");
    }
    String name = null;
    if (src instanceof Location.Local l && l.path().getFileName() != null) {
      name = l.path().getFileName().toString();
    } else if (src instanceof Location.Remote r) {
      name = r.key().substring(r.key().lastIndexOf('/') + 1);
    }
    if (dst instanceof Location.Remote r && r.isPrefix()) {
      if (name == null) {
        throw new IllegalArgumentException("'" + dstText + "' is a bucket or prefix: give the object key to write");
      }
      return r.withKey(r.key() + name);
    }
    if (dst instanceof Location.Local l && (Files.isDirectory(l.path()) || dstText.endsWith("/"))) {
      return new Location.Local(l.path().resolve(name));
    }
    return dst;
  }

  /** The single transfer of a non-recursive request (size known for a local source). */
  static Plans.Transfer single(CopyRequest r) throws java.io.IOException {
    long size = -1;
    if (r.source() instanceof Location.Local l) {
      Path p = l.path();
      if (!Files.isRegularFile(p)) {
        throw new java.io.IOException(p + " is not a readable regular file"
            + (Files.isDirectory(p) ? " (a directory: add --recursive)" : ""));
      }
      size = Files.size(p);
    }
    return new Plans.Transfer(r.source(), r.target(), size);
  }

  /** Prints one line per finished transfer, unless quiet or writing to standard output. */
  static Consumer<Plans.Transfer> printer(Session s) {
    return t -> {
      if (s.settings.quiet() || t.target() instanceof Location.Std) {
        return;
      }
      s.out.println(s.settings.json()
          ? json(t)
          : Transfers.verb(t) + ": " + t.source() + " to " + t.target());
      s.out.flush();
    };
  }

  /** A transfer as JSON; the size only where it was known before the transfer. */
  static String json(Plans.Transfer t) {
    Json j = new Json().str("op", Transfers.verb(t)).str("source", t.source().toString()).str("target", t.target().toString());
    return (t.size() >= 0 ? j.num("size", t.size()) : j).build();
  }

  /** Reports the failure of a single transfer: exit code 1. */
  int failedSingle(Session s, Summary.Failed f) {
    if (f.cause() != null) {
      report(s.err, f.cause(), global.verbose);
    } else {
      s.err.println("s3wire: " + f.reason());
    }
    return ExitCodes.FAILED;
  }
}
