package io.s3wire.auth;

import io.s3wire.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs one suite case through the signer (S3 mode) or through the canonicaliser with the request
 * line's own path (generic mode, as the suite's generic service expects), and returns the three
 * texts the suite checks.
 */
final class SigV4SuiteRunner {
  enum Kind { HEADER, QUERY }

  /** What a run produced. */
  record Outcome(String canonicalRequest, String stringToSign, String signature, String authorizationOrQuery) {}

  private SigV4SuiteRunner() {}

  static SigV4Signer s3Signer(SigV4SuiteCase c) {
    return SigV4Signer.s3().withContentSha256Header(c.signBody()).withSessionTokenSigned(!c.omitSessionToken());
  }

  /** Through {@link SigV4Signer} with the wire-form request, S3 path rules. */
  static Outcome s3(SigV4SuiteCase c, Kind kind) {
    SigV4Signer signer = s3Signer(c);
    SigningResult r = kind == Kind.HEADER
        ? signer.signWithDetails(c.httpRequest(), c.credentials(), c.region(), c.service(), c.time(), c.payloadHash())
        : signer.presignWithDetails(c.httpRequest(), c.credentials(), c.region(), c.service(), c.time(),
            c.expires(), c.payloadHash());
    String extra = kind == Kind.HEADER
        ? r.request().headers().first("Authorization").orElseThrow()
        : r.request().uri().getRawQuery();
    return new Outcome(r.canonicalRequest().text(), r.stringToSign().text(), r.signature(), extra);
  }

  /** Through {@link SigV4Canonicalizer} with the request line's path and query as given. */
  static Outcome generic(SigV4SuiteCase c, Kind kind, PathMode mode) {
    String amzDate = SigV4.amzDate(c.time());
    CredentialScope scope = CredentialScope.of(c.time(), c.region(), c.service());
    HttpHeaders.Builder hb = c.headers().toBuilder().add("Host", c.host());
    String query = c.rawQuery();
    String token = c.credentials().sessionToken();
    boolean signToken = token != null && !c.omitSessionToken();
    if (kind == Kind.HEADER) {
      hb.add("X-Amz-Date", amzDate);
      if (signToken) {
        hb.add("X-Amz-Security-Token", token);
      }
      if (c.signBody()) {
        hb.add("x-amz-content-sha256", c.payloadHash().value());
      }
    }
    HttpHeaders headers = hb.build();
    List<String> names = new ArrayList<>();
    for (HttpHeaders.Field f : headers.fields()) {
      names.add(f.name().toLowerCase(Locale.ROOT));
    }
    if (kind == Kind.QUERY) {
      List<String> sorted = new ArrayList<>(new java.util.TreeSet<>(names));
      StringBuilder q = new StringBuilder(query == null ? "" : query);
      param(q, "X-Amz-Algorithm", SigV4.ALGORITHM);
      param(q, "X-Amz-Credential", c.credentials().accessKeyId() + "/" + scope);
      param(q, "X-Amz-Date", amzDate);
      param(q, "X-Amz-Expires", Long.toString(c.expires().getSeconds()));
      param(q, "X-Amz-SignedHeaders", String.join(";", sorted));
      if (signToken) {
        param(q, "X-Amz-Security-Token", token);
      }
      query = q.toString();
    }
    CanonicalRequest cr = SigV4Canonicalizer.canonicalRequest(
        c.method(), c.rawPath(), query, headers, names, c.payloadHash().value(), mode);
    StringToSign sts = SigV4Canonicalizer.stringToSign(cr, amzDate, scope);
    String signature = SigV4.signature(c.credentials().secretAccessKey(), sts);
    return new Outcome(cr.text(), sts.text(), signature, null);
  }

  private static void param(StringBuilder q, String name, String value) {
    if (q.length() > 0) {
      q.append('&');
    }
    q.append(name).append('=').append(io.s3wire.auth.internal.UriEncoding.encode(value, false));
  }

  /** The suite's expected texts for a kind. */
  static Outcome expected(SigV4SuiteCase c, Kind kind) {
    String p = kind == Kind.HEADER ? "header-" : "query-";
    String signed = c.expected(p + "signed-request.txt");
    String extra = null;
    if (kind == Kind.HEADER) {
      for (String line : signed.split("\n")) {
        if (line.startsWith("Authorization:")) {
          extra = line.substring("Authorization:".length());
        }
      }
    }
    return new Outcome(c.expected(p + "canonical-request.txt"), c.expected(p + "string-to-sign.txt"),
        c.expected(p + "signature.txt").strip(), extra);
  }
}
