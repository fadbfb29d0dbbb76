package io.s3wire.cli.doctor;

import io.s3wire.error.TransportException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where the bucket goes. The wrong addressing style: HEAD bucket fails in the style the user
 * configured and passes in the other one, with the same keys, region and connection; every
 * bucket-scoped failing cell is then explained by it (the matrix runs in the configured style). A
 * bucket that does not exist: HEAD bucket answers 404 in both styles, and the operations on it fail
 * with 404 (NoSuchBucket where the answer has a body).
 */
final class AddressingRules {
  private AddressingRules() {}

  static void apply(Measurements m, List<Finding> out, Set<Cell> explained) {
    wrongStyle(m, out, explained);
    noSuchBucket(m, out, explained);
  }

  private static void wrongStyle(Measurements m, List<Finding> out, Set<Cell> explained) {
    Target t = m.target();
    Outcome configured = m.probes().get(MatrixRunner.addressingProbe(t.virtualHosted()));
    Outcome other = m.probes().get(MatrixRunner.addressingProbe(!t.virtualHosted()));
    if (t.bucket() == null || configured == null || other == null || configured.passed() || !other.passed()) {
      return;
    }
    List<Cell> cells = m.failing();
    explained.addAll(cells);
    String bad = style(t.virtualHosted());
    String good = style(!t.virtualHosted());
    Target goodTarget = t.withVirtualHosted(!t.virtualHosted());
    List<String> evidence = new ArrayList<>();
    evidence.add(bad + ": HEAD " + t.uri(t.bucket(), null, null) + " — " + configured.describe());
    evidence.add(good + ": HEAD " + goodTarget.uri(t.bucket(), null, null) + " — " + other.describe());
    if (!cells.isEmpty()) {
      evidence.add(Evidence.cellLine(cells.get(0)));
    }
    String setting = t.virtualHosted() ? "path" : "virtual";
    out.add(new Finding("wrong-addressing-style", Finding.PROBLEM,
        "Wrong addressing style: " + bad + " requests fail, " + good + " requests work",
        cells.size() + " cell(s) fail, every one addressed " + bad + ": " + Diagnosis.rows(cells),
        "only where the bucket goes: the same HEAD bucket with the same keys passes " + good,
        evidence,
        cause(t, configured),
        List.of("set the addressing style in ~/.aws/config: [profile] s3 = (newline)   addressing_style = " + setting
                + " (the AWS CLI and SDKs read the same setting)",
            "or load a provider profile with addressingStyle=" + setting.toUpperCase(java.util.Locale.ROOT)
                + ": --provider-file FILE (s3wire doctor --write-profile FILE writes one)"),
        "Amazon S3 User Guide, \"Virtual hosting of buckets\" (virtual-hosted-style needs the bucket as a DNS name"
            + " under the endpoint; path-style is deprecated for new AWS buckets but is what most S3-compatible"
            + " servers on an IP or single host name serve); PROVIDERS.md: servers that read host instead of"
            + " :authority route virtual-hosted requests wrongly (s3s#283, floci#1866)"));
  }

  private static String style(boolean virtualHosted) {
    return virtualHosted ? "virtual-hosted-style" : "path-style";
  }

  private static String cause(Target t, Outcome configured) {
    String host = t.endpoint().getHost();
    if (t.virtualHosted() && configured.transportKind() == TransportException.Kind.UNKNOWN_HOST) {
      return "Virtual-hosted-style puts the bucket in the host name (" + t.bucket() + "." + host + "), and that name"
          + " does not resolve: the endpoint's host has no wildcard DNS" + (isAddress(host) ? " (it is an IP address,"
          + " which never has)" : "") + ". The server itself serves path-style requests.";
    }
    String answer = configured.s3Error() != null ? configured.s3Error() : configured.result();
    return "The server does not serve " + style(t.virtualHosted()) + " requests for this bucket: it answered " + answer
        + (t.virtualHosted() ? " (it read the bucket from the path, or routed the host name elsewhere)"
            : " (it expects the bucket in the host name)")
        + ", while the same request addressed " + style(!t.virtualHosted()) + " succeeds.";
  }

  private static boolean isAddress(String host) {
    return host.matches("[0-9.]+") || host.startsWith("[");
  }

  private static void noSuchBucket(Measurements m, List<Finding> out, Set<Cell> explained) {
    Target t = m.target();
    Outcome configured = m.probes().get(MatrixRunner.addressingProbe(t.virtualHosted()));
    Outcome other = m.probes().get(MatrixRunner.addressingProbe(!t.virtualHosted()));
    if (t.bucket() == null || configured == null || configured.status() != 404 || (other != null && other.passed())) {
      return;
    }
    List<Cell> cells = m.failing().stream().filter(c -> !explained.contains(c) && ("NoSuchBucket".equals(c.outcome().s3Error())
        || (c.operation() == Operation.BUCKET && c.outcome().status() == 404 && c.outcome().s3Error() == null))).toList();
    explained.addAll(cells);
    List<String> evidence = new ArrayList<>();
    evidence.add(style(t.virtualHosted()) + ": HEAD " + t.uri(t.bucket(), null, null) + " — " + configured.describe());
    cells.stream().filter(c -> "NoSuchBucket".equals(c.outcome().s3Error())).findFirst()
        .ifPresent(c -> evidence.add(Evidence.cellLine(c)));
    String words = cells.stream().filter(c -> "NoSuchBucket".equals(c.outcome().s3Error())).findFirst()
        .map(c -> FailureForm.of(c.outcome())).orElse(FailureForm.of(configured));
    out.add(new Finding("no-such-bucket", Finding.PROBLEM,
        "Bucket " + t.bucket() + " does not exist at " + t.endpoint(),
        cells.size() + " cell(s) fail with 404: " + Diagnosis.rows(cells),
        "every operation on the bucket fails the same way on every route, and HEAD bucket answers 404"
            + (other != null && other.status() == 404 ? " in both addressing styles" : ""),
        evidence,
        "Bucket " + t.bucket() + " is not on this endpoint (or the access key " + t.credentials().accessKeyId()
            + " may not see it): " + words + ". A HEAD answer carries no body, so there it says only 404.",
        List.of("create it: s3wire mb s3://" + t.bucket() + " --endpoint " + t.endpoint(),
            "or give an existing bucket with --bucket (s3wire ls --endpoint " + t.endpoint() + " lists them)"),
        "Amazon S3 API Reference, \"Error responses\": NoSuchBucket; HeadBucket (404 Not Found, without a body)"));
  }
}
