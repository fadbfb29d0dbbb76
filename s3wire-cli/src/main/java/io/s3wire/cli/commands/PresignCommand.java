package io.s3wire.cli.commands;

import io.s3wire.auth.Credentials;
import io.s3wire.auth.SigV4Signer;
import io.s3wire.http.HttpHeaders;
import io.s3wire.http.HttpRequest;
import io.s3wire.http.RequestBody;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code s3wire presign}: a URL anyone can use for one GET or PUT until it expires. */
@Command(name = "presign", mixinStandardHelpOptions = true,
    description = {"Print a presigned URL (SigV4 query signature) for a GET or PUT of one object.",
        "Anyone holding the URL can make that request until it expires: treat it as a secret."},
    footerHeading = "%nExamples:%n",
    footer = {"  s3wire presign s3://bucket/report.pdf", "  curl -o report.pdf \"$(s3wire presign s3://bucket/report.pdf --expires 10m)\"",
        "  curl -T file.bin \"$(s3wire presign s3://bucket/file.bin --method PUT)\""})
public final class PresignCommand extends StorageCommand {
  @Parameters(paramLabel = "s3://BUCKET/KEY", description = "The object.")
  String address;

  @Option(names = "--expires", paramLabel = "DURATION", description = "How long the URL works: 90s, 10m, 1h, 7d, or seconds (default: ${DEFAULT-VALUE}; at most 7d).")
  String expires = "1h";

  @Option(names = "--method", paramLabel = "GET|PUT", description = "The request the URL allows (default: ${DEFAULT-VALUE}).")
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
    if (!m.equals("GET") && !m.equals("PUT")) {
      throw new IllegalArgumentException("--method is GET or PUT, not '" + method + "'");
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

  /** The presigned URL for {@code r} with these settings, signed at {@code now}. */
  static URI presign(Request r, Resolution res, Credentials credentials, Instant now) {
    URI uri = res.endpointForRequests().uri(r.object().bucket(), r.object().key(), List.of());
    HttpRequest request = new HttpRequest(r.method(), uri, HttpHeaders.empty(), RequestBody.empty());
    return SigV4Signer.s3().presign(request, credentials, res.region().value(), "s3", now, r.expires()).uri();
  }

  @Override
  int run() {
    Request r = toRequest();
    ClientSettings settings = settings(List.of(r.object()));
    Resolution res = Resolution.of(settings, env);
    URI url = presign(r, res, res.aws().requireCredentials(), Instant.now());
    out().println(settings.json()
        ? new Json().str("url", url.toString()).str("method", r.method()).num("expires_seconds", r.expires().getSeconds()).build()
        : url.toString());
    return ExitCodes.OK;
  }
}
