package io.s3wire.cli.doctor;

import io.s3wire.error.ServiceException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Causes in SigV4 authentication: clock skew, wrong region, signature mismatch, unknown access
 * key. Each is recognised by the S3 error code the server sends, on any version.
 */
final class AuthRules {
  private static final Pattern EXPECTING = Pattern.compile("expecting '([^']+)'");
  private static final String S3_ERRORS = "Amazon S3 API Reference, \"Error responses\" (List of error codes)";

  private AuthRules() {}

  static void apply(Measurements m, List<Finding> out, Set<Cell> explained) {
    skew(m, out, explained);
    region(m, out, explained);
    signature(m, out, explained);
    accessKey(m, out, explained);
  }

  /**
   * The failing cells with S3 error {@code code}, plus the bodiless ones (HEAD answers carry no error
   * document) with the same status: when GETs say why, the HEADs beside them fail for the same reason.
   */
  private static List<Cell> withCode(Measurements m, String code) {
    List<Cell> coded = m.failing().stream().filter(c -> code.equals(c.outcome().s3Error())).toList();
    if (coded.isEmpty()) {
      return coded;
    }
    int status = coded.get(0).outcome().status();
    return m.failing().stream().filter(c -> code.equals(c.outcome().s3Error())
        || (c.outcome().s3Error() == null && c.outcome().failure() == null && c.outcome().status() == status
            && c.operation() == Operation.BUCKET && c.outcome().serviceError() != null
            && c.outcome().serviceError().rawBody() == null)).toList();
  }

  private static Stream<Outcome> outcomes(Measurements m, String code) {
    return Stream.concat(m.cells().stream().filter(Cell::ran).map(Cell::outcome), m.probes().values().stream())
        .filter(o -> code.equals(o.s3Error()));
  }

  private static void skew(Measurements m, List<Finding> out, Set<Cell> explained) {
    List<Cell> cells = withCode(m, "RequestTimeTooSkewed");
    Outcome o = outcomes(m, "RequestTimeTooSkewed").filter(x -> x.serverDate() != null).findFirst().orElse(null);
    if (cells.isEmpty() && o == null) {
      return;
    }
    explained.addAll(cells);
    List<String> evidence = new ArrayList<>();
    String offset = "unknown (the server sent no Date header)";
    if (o != null) {
      Duration d = Duration.between(o.requestTime(), o.serverDate());
      long s = d.getSeconds();
      offset = Math.abs(s) + " s " + (s >= 0 ? "ahead of" : "behind") + " this machine's clock";
      evidence.add("our request time: " + o.requestTime() + "; the server's Date header: " + o.serverDate());
      evidence.add(o.serviceError().getMessage());
    }
    out.add(new Finding("clock-skew", Finding.PROBLEM,
        "Clock skew: the server's clock is " + offset,
        cells.size() + " cell(s) fail with 403 RequestTimeTooSkewed on every version",
        "every signed request fails the same way on every protocol; the signature's time is outside the server's window",
        evidence,
        "SigV4 signatures carry their time (X-Amz-Date) and a server accepts them only within a window of"
            + " its own clock (15 minutes for S3). The server's clock is " + offset + ".",
        List.of("synchronise this machine's clock (NTP: timedatectl set-ntp true, or chronyd)",
            "if the server's clock is wrong, fix it there; s3wire's client corrects its signing clock from the"
                + " server's time after one RequestTimeTooSkewed"),
        S3_ERRORS + ": RequestTimeTooSkewed; AWS Signature Version 4, \"Elements of a request signature\""));
  }

  private static void region(Measurements m, List<Finding> out, Set<Cell> explained) {
    List<Cell> cells = withCode(m, "AuthorizationHeaderMalformed");
    Outcome o = outcomes(m, "AuthorizationHeaderMalformed").findFirst().orElse(null);
    if (o == null) {
      return;
    }
    String message = String.valueOf(o.serviceError().errorMessage());
    Matcher mt = EXPECTING.matcher(message);
    if (!mt.find()) {
      return;
    }
    explained.addAll(cells);
    String expected = mt.group(1);
    out.add(new Finding("wrong-region", Finding.PROBLEM,
        "Wrong region: requests are signed for " + m.target().region() + ", the server expects " + expected,
        cells.size() + " cell(s) fail with 400 AuthorizationHeaderMalformed on every version",
        "every signed request fails the same way; the credential scope names the region",
        List.of("server: " + o.serviceError().getMessage(),
            "our credential scope: <date>/" + m.target().region() + "/s3/aws4_request"),
        "The region is part of the SigV4 credential scope; the server only accepts signatures for its own region.",
        List.of("set the region to " + expected + " (AWS_REGION=" + expected + ", or region = " + expected
            + " in ~/.aws/config)"),
        S3_ERRORS + ": AuthorizationHeaderMalformed"));
  }

  private static void signature(Measurements m, List<Finding> out, Set<Cell> explained) {
    List<Cell> cells = withCode(m, "SignatureDoesNotMatch");
    if (cells.isEmpty() && outcomes(m, "SignatureDoesNotMatch").findAny().isEmpty()) {
      return;
    }
    explained.addAll(cells);
    Outcome probe = m.probes().get("get-h1");
    ServiceException server = probe != null && "SignatureDoesNotMatch".equals(probe.s3Error()) ? probe.serviceError()
        : outcomes(m, "SignatureDoesNotMatch").map(Outcome::serviceError).filter(e -> e.serverCanonicalRequest() != null)
            .findFirst().orElse(null);
    List<String> evidence = new ArrayList<>();
    boolean differs = false;
    if (server != null && server.serverCanonicalRequest() != null && m.canonicalRequest() != null) {
      evidence.add("canonical request (' ' same, '!' differs; ours | server's):");
      differs |= compare(m.canonicalRequest().text(), server.serverCanonicalRequest(), evidence);
      if (server.serverStringToSign() != null && m.stringToSign() != null) {
        evidence.add("string to sign:");
        differs |= compare(m.stringToSign().text(), server.serverStringToSign(), evidence);
      }
    } else {
      evidence.add("the server sent no canonical request to compare with");
    }
    String cause = differs
        ? "The server canonicalised the request differently from us (marked lines): something between us and the"
            + " server changed the request after signing, or the server reads a header (host, path) differently."
        : "Our canonical request and string to sign are identical to the server's, so the only difference is the key"
            + " that signed them: the secret access key does not belong to access key "
            + m.target().credentials().accessKeyId() + ".";
    out.add(new Finding("signature-mismatch", Finding.PROBLEM,
        "SignatureDoesNotMatch" + (differs ? ": the request was canonicalised differently" : ": wrong secret key"),
        cells.size() + " cell(s) fail with 403 SignatureDoesNotMatch",
        "every signed request fails the same way on every version",
        evidence,
        cause,
        differs ? List.of("look for a proxy that rewrites headers or the path; compare the marked lines")
            : List.of("check the secret key (AWS_SECRET_ACCESS_KEY or ~/.aws/credentials) for the access key"),
        S3_ERRORS + ": SignatureDoesNotMatch; AWS Signature Version 4, \"Create a canonical request\""));
  }

  /** Appends both texts line by line, marking lines that differ; returns whether any did. */
  static boolean compare(String ours, String theirs, List<String> out) {
    String[] a = ours.split("\n", -1);
    String[] b = theirs.split("\n", -1);
    boolean differs = false;
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      String x = i < a.length ? a[i] : "";
      String y = i < b.length ? b[i] : "";
      boolean same = x.equals(y);
      differs |= !same;
      out.add((same ? "  " : "! ") + x + (same ? "" : "  |  " + y));
    }
    return differs;
  }

  private static void accessKey(Measurements m, List<Finding> out, Set<Cell> explained) {
    List<Cell> cells = withCode(m, "InvalidAccessKeyId");
    if (cells.isEmpty()) {
      return;
    }
    explained.addAll(cells);
    out.add(new Finding("invalid-access-key", Finding.PROBLEM,
        "The server does not know access key " + m.target().credentials().accessKeyId(),
        cells.size() + " cell(s) fail with 403 InvalidAccessKeyId on every version",
        "every signed request fails the same way",
        List.of(Evidence.cellLine(cells.get(0))),
        "The access key id in the credential scope is not one the server has: wrong key, a key for another"
            + " service or account, or a deleted key.",
        List.of("use an access key issued by this service (for GCS: an HMAC key of a service account)",
            "check which credentials are picked: AWS_ACCESS_KEY_ID, AWS_PROFILE, ~/.aws/credentials"),
        S3_ERRORS + ": InvalidAccessKeyId"));
  }

}
