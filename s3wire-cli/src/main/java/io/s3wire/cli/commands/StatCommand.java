package io.s3wire.cli.commands;

import io.s3wire.ObjectInfo;
import io.s3wire.ObjectMetadata;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code s3wire stat}: what the server says about an object. */
@Command(name = "stat", mixinStandardHelpOptions = true,
    description = "Show an object's size, ETag, stored checksums (when the server returns them), last-modified time, content type, storage class and user metadata.",
    footerHeading = "%nExamples:%n", footer = {"  s3wire stat s3://bucket/report.pdf", "  s3wire stat s3://bucket/a.bin --json"})
public final class StatCommand extends StorageCommand {
  @Parameters(paramLabel = "s3://BUCKET/KEY", description = "The object.")
  String address;

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

  @Override
  int run() {
    Location.Remote object = toRequest();
    try (Session s = open(settings(List.of(object)))) {
      ObjectInfo info = s.client.headObject(object.object());
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
