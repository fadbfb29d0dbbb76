package io.s3wire.auth;

import io.s3wire.auth.internal.UriEncoding;
import io.s3wire.http.HttpHeaders;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Builds SigV4 canonical requests and strings to sign from a request's parts as they are on the
 * wire. Used by {@link SigV4Signer} and by servers that verify signatures (see {@link SigV4}).
 *
 * <p>Rules (S3's, from AWS's SigV4 documentation):
 *
 * <ul>
 *   <li>URI: see {@link PathMode}; an empty path is {@code /}.
 *   <li>Query: split on {@code &}, each parameter at its first {@code =} (no {@code =}: empty
 *       value); names and values decoded and encoded again (unreserved characters kept, space as
 *       {@code %20}, {@code +} as {@code %2B}); sorted by encoded name, then encoded value;
 *       {@code X-Amz-Signature} is left out (a presigned URL cannot sign its own signature).
 *   <li>Headers: names lower-case; values trimmed, inner whitespace runs folded to one space,
 *       repeated fields joined with {@code ,} in their order; lines sorted by name.
 * </ul>
 *
 * <p>Stateless and thread-safe; never uses the default locale or charset.
 */
public final class SigV4Canonicalizer {
  private SigV4Canonicalizer() {}

  /**
   * The canonical request and the string to sign derived from it: what S3 returns in a {@code
   * SignatureDoesNotMatch} error, so a client can find where its signing differs.
   *
   * @param canonicalRequest the canonical request; print it with {@link
   *     CanonicalRequest#redactedText()}
   * @param stringToSign the string to sign, whose last line is the canonical request's hash
   */
  public record SignatureInput(CanonicalRequest canonicalRequest, StringToSign stringToSign) {}

  /**
   * The canonical request of a request.
   *
   * @param method the HTTP method as sent (case kept)
   * @param rawPath the path as on the request line or in {@code :path}, without the query; for
   *     {@link PathMode#S3} already percent-encoded
   * @param rawQuery the query as sent, without {@code ?}; {@code null} or empty when none
   * @param headers the request's header fields; must hold every signed header. On HTTP/2 the
   *     caller adds {@code host} with the {@code :authority} value
   * @param signedHeaders the names to sign, any case and order ({@code host} among them); a name
   *     with no field gets an empty value
   * @param payloadHash the payload hash line
   * @param mode how the path is canonicalised
   * @return the canonical request; signed header names are lower-cased, trimmed, de-duplicated and
   *     sorted
   * @throws NullPointerException if {@code method}, {@code headers}, {@code payloadHash}, {@code
   *     signedHeaders} or {@code mode} is {@code null}
   */
  public static CanonicalRequest canonicalRequest(
      String method,
      String rawPath,
      String rawQuery,
      HttpHeaders headers,
      Collection<String> signedHeaders,
      String payloadHash,
      PathMode mode) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(payloadHash, "payloadHash");
    List<String> names = sortedLowerCase(signedHeaders);
    StringBuilder canonicalHeaders = new StringBuilder(names.size() * 40);
    for (String name : names) {
      canonicalHeaders.append(name).append(':');
      appendHeaderValues(canonicalHeaders, headers, name);
      canonicalHeaders.append('\n');
    }
    return new CanonicalRequest(
        method,
        canonicalUri(rawPath, mode),
        canonicalQuery(rawQuery),
        canonicalHeaders.toString(),
        String.join(";", names),
        payloadHash);
  }

  /**
   * The string to sign for a canonical request, with algorithm {@link SigV4#ALGORITHM}.
   *
   * @param canonicalRequest the canonical request, hashed here
   * @param amzDate the request's {@code X-Amz-Date}, {@code yyyyMMdd'T'HHmmss'Z'}; its day should
   *     be the scope's date, or the server's signature will differ
   * @param scope the credential scope
   * @return the string to sign
   */
  public static StringToSign stringToSign(CanonicalRequest canonicalRequest, String amzDate, CredentialScope scope) {
    return new StringToSign(SigV4.ALGORITHM, amzDate, scope, canonicalRequest.hash());
  }

  /**
   * What a verifier needs: the canonical request and string to sign of a received request, for
   * the credential scope, date and signed headers its authorization names. Compute the expected
   * signature with {@link SigV4#signature(String, StringToSign)}.
   *
   * @param method the HTTP method as received
   * @param rawPath the path as received, still percent-encoded, without the query
   * @param rawQuery the query as received, without {@code ?}, or {@code null}
   * @param headers the received header fields, with {@code host} (from {@code :authority} on
   *     HTTP/2)
   * @param authorization the parsed authorization, whose signed headers, date and scope are used
   * @param payloadHash the request's {@code x-amz-content-sha256} value; {@code UNSIGNED-PAYLOAD}
   *     for a presigned URL without that header
   * @param mode how the path is canonicalised; {@link PathMode#S3} for S3
   * @return the canonical request and string to sign the client should have signed
   */
  public static SignatureInput forVerification(
      String method,
      String rawPath,
      String rawQuery,
      HttpHeaders headers,
      SigV4Authorization authorization,
      String payloadHash,
      PathMode mode) {
    CanonicalRequest cr = canonicalRequest(
        method, rawPath, rawQuery, headers, authorization.signedHeaders(), payloadHash, mode);
    return new SignatureInput(cr, stringToSign(cr, authorization.amzDate(), authorization.scope()));
  }

  /**
   * The canonical URI of a path (see {@link PathMode}).
   *
   * @param rawPath the path without the query; {@code null} or empty means {@code /}
   * @param mode how the path is encoded and whether it is normalised
   * @return the canonical URI, percent-encoded with upper-case hex
   * @throws NullPointerException if {@code mode} is {@code null}
   */
  public static String canonicalUri(String rawPath, PathMode mode) {
    String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
    switch (mode) {
      case S3: {
        StringBuilder sb = new StringBuilder(path.length() + 16);
        UriEncoding.recode(sb, path, true);
        return sb.toString();
      }
      case GENERIC:
        return UriEncoding.encode(path, true);
      case GENERIC_NORMALIZED:
        return UriEncoding.encode(UriEncoding.normalizePath(path), true);
      default:
        throw new IllegalArgumentException("unknown path mode " + mode);
    }
  }

  /**
   * The canonical query string of a raw query, by the query rule in the class description.
   *
   * @param rawQuery the query as sent, percent-encoded, without {@code ?}; may be {@code null}
   * @return the sorted, re-encoded parameters joined by {@code &} without {@code X-Amz-Signature},
   *     or {@code ""} for {@code null} or empty
   */
  public static String canonicalQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    List<String[]> params = new ArrayList<>();
    int start = 0;
    int n = rawQuery.length();
    while (start <= n) {
      int amp = rawQuery.indexOf('&', start);
      int end = amp < 0 ? n : amp;
      if (end > start) {
        int eq = rawQuery.indexOf('=', start);
        String name;
        String value;
        if (eq < 0 || eq > end) {
          name = rawQuery.substring(start, end);
          value = "";
        } else {
          name = rawQuery.substring(start, eq);
          value = rawQuery.substring(eq + 1, end);
        }
        String encodedName = recode(name);
        if (!encodedName.equals(SigV4.X_AMZ_SIGNATURE)) {
          params.add(new String[] {encodedName, recode(value)});
        }
      }
      start = end + 1;
    }
    params.sort((a, b) -> {
      int c = a[0].compareTo(b[0]);
      return c != 0 ? c : a[1].compareTo(b[1]);
    });
    StringBuilder sb = new StringBuilder(rawQuery.length() + 16);
    for (int i = 0; i < params.size(); i++) {
      if (i > 0) {
        sb.append('&');
      }
      sb.append(params.get(i)[0]).append('=').append(params.get(i)[1]);
    }
    return sb.toString();
  }

  private static String recode(String component) {
    StringBuilder sb = new StringBuilder(component.length() + 8);
    UriEncoding.recode(sb, component, false);
    return sb.toString();
  }

  /**
   * The canonical form of one header's values: each trimmed, with every run of white space (SP,
   * HTAB, CR, LF) folded to one space, joined with {@code ,}.
   *
   * @param values the header's values in the order they were received
   * @return the value part of the header's canonical line ({@code ""} for no values)
   */
  public static String canonicalHeaderValue(List<String> values) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      appendFolded(sb, values.get(i));
    }
    return sb.toString();
  }

  private static void appendHeaderValues(StringBuilder out, HttpHeaders headers, String lowerName) {
    boolean first = true;
    for (HttpHeaders.Field f : headers.fields()) {
      if (f.name().equalsIgnoreCase(lowerName)) {
        if (!first) {
          out.append(',');
        }
        appendFolded(out, f.value());
        first = false;
      }
    }
  }

  /** Appends {@code value} trimmed, with each run of whitespace (SP, HTAB, CR, LF) as one space. */
  static void appendFolded(StringBuilder out, String value) {
    int n = value.length();
    int start = 0;
    while (start < n && isSpace(value.charAt(start))) {
      start++;
    }
    int end = n;
    while (end > start && isSpace(value.charAt(end - 1))) {
      end--;
    }
    boolean inSpace = false;
    for (int i = start; i < end; i++) {
      char c = value.charAt(i);
      if (isSpace(c)) {
        if (!inSpace) {
          out.append(' ');
          inSpace = true;
        }
      } else {
        out.append(c);
        inSpace = false;
      }
    }
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  private static List<String> sortedLowerCase(Collection<String> names) {
    List<String> out = new ArrayList<>(names.size());
    for (String name : names) {
      String lower = name.toLowerCase(Locale.ROOT).trim();
      if (!lower.isEmpty() && !out.contains(lower)) {
        out.add(lower);
      }
    }
    out.sort(null);
    return out;
  }
}
