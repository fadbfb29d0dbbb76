package io.s3wire.cli.commands;

import io.s3wire.BucketKey;
import io.s3wire.PresignRequest;
import io.s3wire.S3ClientBuilder;
import io.s3wire.wire.WireListener;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code s3wire presign}: a URL anyone can use for one GET, PUT, HEAD or DELETE until it expires. */
@Command(name = "presign", mixinStandardHelpOptions = true,
    description = {"Print a presigned URL (SigV4 query signature) for a GET, PUT, HEAD or DELETE of one object.",
        "Anyone holding the URL can make that request until it expires: treat it as a secret."},
    footerHeading = "%nExamples:%n",
    footer = {"  s3wire presign s3://bucket/report.pdf", "  curl -o report.pdf \"$(s3wire presign s3://bucket/report.pdf --expires 10m)\"",
        "  curl -T file.bin \"$(s3wire presign s3://bucket/file.bin --method PUT)\""})
public final class PresignCommand extends StorageCommand {
  @Parameters(paramLabel = "s3://BUCKET/KEY", description = "The object.")
  String address;

  @Option(names = "--expires", paramLabel = "DURATION", description = "How long the URL works: 90s, 10m, 1h, 7d, or seconds (default: ${DEFAULT-VALUE}; at most 7d).")
  String expires = "1h";

  @Option(names = "--method", paramLabel = "GET|PUT|HEAD|DELETE", description = "The request the URL allows (default: ${DEFAULT-VALUE}).")
  String method = "GET";

  /** What {@code presign} was asked. */
  public record Request(Location.Remote object, String method, Duration expires) {}

  public PresignCommand(Map<String, String> env) {
    super(env);
  }

  Request toRequest() {
    Location.Remote r = Location.parseRemote(address);
    if (r.isPrefix()) {
      throw new IllegalArgumentException("presign needs an object key, not a bucket or prefix: " + address);
    }
    String m = method.toUpperCase(Locale.ROOT);
    if (!List.of("GET", "PUT", "HEAD", "DELETE").contains(m)) {
      throw new IllegalArgumentException("--method is GET, PUT, HEAD or DELETE, not '" + method + "'");
    }
    Duration d = parseDuration(expires);
    if (d.getSeconds() < 1 || d.compareTo(Duration.ofDays(7)) > 0) {
      throw new IllegalArgumentException("--expires must be 1 second to 7 days, not " + expires);
    }
    return new Request(r, m, d);
  }

  /** {@code 90s}, {@code 10m}, {@code 1h}, {@code 7d}, or a number of seconds. */
  static Duration parseDuration(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    try {
      if (t.matches("\\d+")) {
        return Duration.ofSeconds(Long.parseLong(t));
      }
      long n = Long.parseLong(t.substring(0, t.length() - 1));
      return switch (t.charAt(t.length() - 1)) {
        case 's' -> Duration.ofSeconds(n);
        case 'm' -> Duration.ofMinutes(n);
        case 'h' -> Duration.ofHours(n);
        case 'd' -> Duration.ofDays(n);
        default -> throw new NumberFormatException();
      };
    } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
      throw new IllegalArgumentException("--expires takes e.g. 90s, 10m, 1h, 7d or seconds, not '" + text + "'");
    }
  }

  /** The presigned URL for {@code r}, made by the library's presigner with {@code client}'s settings. */
  static URI presign(Request r, S3ClientBuilder client) {
    BucketKey object = BucketKey.of(r.object().bucket(), r.object().key());
    PresignRequest request = switch (r.method()) {
      case "PUT" -> PresignRequest.put(object, r.expires());
      case "HEAD" -> PresignRequest.head(object, r.expires());
      case "DELETE" -> PresignRequest.delete(object, r.expires());
      default -> PresignRequest.get(object, r.expires());
    };
    return client.buildPresigner().presign(request).uri();
  }

  @Override
  int run() {
    Request r = toRequest();
    ClientSettings settings = settings(List.of(r.object()));
    URI url = presign(r, Session.builder(settings, env, WireListener.NONE));
    out().println(settings.json()
        ? new Json().str("url", url.toString()).str("method", r.method()).num("expires_seconds", r.expires().getSeconds()).build()
        : url.toString());
    return ExitCodes.OK;
  }
}
