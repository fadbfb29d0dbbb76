package io.s3wire.cli.commands;

import io.s3wire.ObjectInfo;
import io.s3wire.ObjectMetadata;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code s3wire stat}: what the server says about an object. */
@Command(name = "stat", mixinStandardHelpOptions = true,
    description = "Show an object's size, ETag, stored checksums (when the server returns them), last-modified time, content type, storage class and user metadata.",
    footerHeading = "%nExamples:%n", footer = {"  s3wire stat s3://bucket/report.pdf", "  s3wire stat s3://bucket/a.bin --json",
        "  s3wire stat s3://bucket/a.bin --checksums"})
public final class StatCommand extends StorageCommand {
  @Parameters(paramLabel = "s3://BUCKET/KEY", description = "The object.")
  String address;

  @Option(names = "--checksums", description = "Ask for the stored checksums (x-amz-checksum-mode: ENABLED): S3 returns"
      + " them only when asked. On AWS, an SSE-KMS object then needs kms:Decrypt as well.")
  boolean checksums;

  @Option(names = "--version-id", paramLabel = "ID", description = "Show this version of the object.")
  String versionId;

  public StatCommand(Map<String, String> env) {
    super(env);
  }

  Location.Remote toRequest() {
    Location.Remote r = Location.parseRemote(address);
    if (r.isPrefix()) {
      throw new IllegalArgumentException("stat needs an object key, not a bucket or prefix: " + address);
    }
    return r;
  }

  /** The HEAD this command makes. */
  io.s3wire.HeadObjectRequest headRequest() {
    Location.Remote r = toRequest();
    return WriteOptions.option("--version-id", () -> io.s3wire.HeadObjectRequest.of(r.object()).withVersionId(versionId)
        .withChecksums(checksums));
  }

  @Override
  int run() {
    Location.Remote object = toRequest();
    io.s3wire.HeadObjectRequest head = headRequest();
    try (Session s = open(settings(List.of(object)))) {
      io.s3wire.provider.ProviderProfile provider = s.client.async().provider();
      if (checksums && !provider.acceptsFlexibleChecksums()) {
        // The profile strips x-amz-checksum-* from every request; say so rather than show none.
        s.err.println("stat: the " + provider.name() + " provider profile takes no flexible checksums, so"
            + " x-amz-checksum-mode is not sent; --provider aws or minio (or a provider file) asks a server that has them");
      }
      ObjectInfo info = s.client.headObject(head);
      if (s.settings.json()) {
        s.out.println(json(object, info));
      } else {
        for (String line : text(object, info)) {
          s.out.println(line);
        }
      }
      return ExitCodes.OK;
    }
  }

  static List<String> text(Location.Remote object, ObjectInfo info) {
    ObjectMetadata m = info.metadata() == null ? ObjectMetadata.NONE : info.metadata();
    List<String> lines = new java.util.ArrayList<>();
    lines.add("object:        " + object);
    lines.add("size:          " + info.contentLength() + " (" + Format.human(info.contentLength()) + ")");
    lines.add("etag:          " + info.eTag());
    new TreeMap<>(info.checksums()).forEach((k, v) -> lines.add("checksum:      " + k + " " + v));
    lines.add("last modified: " + Format.time(info.lastModified()) + " UTC");
    lines.add("content type:  " + orDash(m.contentType()));
    lines.add("storage class: " + (m.storageClass() == null ? "STANDARD" : m.storageClass()));
    if (m.cacheControl() != null) {
      lines.add("cache control: " + m.cacheControl());
    }
    if (info.versionId() != null) {
      lines.add("version id:    " + info.versionId());
    }
    new TreeMap<>(m.userMetadata()).forEach((k, v) -> lines.add("metadata:      " + k + "=" + v));
    return lines;
  }

  static String json(Location.Remote object, ObjectInfo info) {
    ObjectMetadata m = info.metadata() == null ? ObjectMetadata.NONE : info.metadata();
    Json meta = new Json();
    new TreeMap<>(m.userMetadata()).forEach(meta::str);
    Json sums = new Json();
    new TreeMap<>(info.checksums()).forEach(sums::str);
    return new Json().str("bucket", object.bucket()).str("key", object.key()).num("size", info.contentLength())
        .str("etag", info.eTag()).str("last_modified", Format.iso(info.lastModified()))
        .str("content_type", m.contentType()).str("storage_class", m.storageClass() == null ? "STANDARD" : m.storageClass())
        .str("cache_control", m.cacheControl()).str("version_id", info.versionId()).raw("metadata", meta.build())
        .raw("checksums", sums.build()).build();
  }

  private static String orDash(String v) {
    return v == null ? "-" : v;
  }
}
