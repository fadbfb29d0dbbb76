package io.s3wire.server.internal.bucketconfig;

import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import io.s3wire.xml.internal.XmlOut;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A bucket's CORS configuration: the rules of a {@code <CORSConfiguration>} document, validated as
 * S3 validates PutBucketCors, and matched against a request's origin, method and headers as S3
 * does (first matching rule wins; one {@code *} wildcard per origin or header pattern; methods
 * compared exactly, headers without regard to case).
 */
public record CorsRules(List<Rule> rules) {
  static final int MAX_RULES = 100;
  private static final Set<String> METHODS = Set.of("GET", "PUT", "HEAD", "POST", "DELETE");

  /** One {@code <CORSRule>}; {@code maxAgeSeconds} is {@code null} when the rule sets none. */
  public record Rule(String id, List<String> allowedMethods, List<String> allowedOrigins, List<String> allowedHeaders,
      List<String> exposeHeaders, Integer maxAgeSeconds) {

    /** Whether this rule allows {@code origin} to send {@code method} with the (lower-case) {@code headers}. */
    public boolean allows(String origin, String method, List<String> headers) {
      if (!allowedMethods.contains(method)) {
        return false;
      }
      if (allowedOrigins.stream().noneMatch(p -> wildcardMatch(p, origin, false))) {
        return false;
      }
      for (String h : headers) {
        if (allowedHeaders.stream().noneMatch(p -> wildcardMatch(p, h, true))) {
          return false;
        }
      }
      return true;
    }

    /** Whether the rule allows every origin, so a response may say {@code *} instead of echoing it. */
    public boolean anyOrigin() {
      return allowedOrigins.contains("*");
    }
  }

  /** Validates a PutBucketCors body; returns the document to store. */
  public static byte[] validate(byte[] body) {
    CorsRules cors = read(body);
    XmlOut out = XmlOut.document("CORSConfiguration");
    for (Rule r : cors.rules) {
      out.start("CORSRule");
      out.leaf("ID", r.id());
      r.allowedHeaders().forEach(h -> out.leaf("AllowedHeader", h));
      r.allowedMethods().forEach(m -> out.leaf("AllowedMethod", m));
      r.allowedOrigins().forEach(o -> out.leaf("AllowedOrigin", o));
      r.exposeHeaders().forEach(h -> out.leaf("ExposeHeader", h));
      if (r.maxAgeSeconds() != null) {
        out.leaf("MaxAgeSeconds", r.maxAgeSeconds());
      }
      out.end("CORSRule");
    }
    return out.finish("CORSConfiguration");
  }

  /** Reads a stored (or a request's) document; throws S3's error when it is not a valid configuration. */
  public static CorsRules read(byte[] document) {
    XmlTree root = XmlTree.parse(document, "CORSConfiguration");
    List<XmlTree> ruleElements = root.all("CORSRule");
    if (ruleElements.isEmpty() || ruleElements.size() > MAX_RULES) {
      throw XmlTree.malformed();
    }
    List<Rule> rules = new ArrayList<>();
    for (XmlTree e : ruleElements) {
      String id = e.textOf("ID");
      if (id != null && id.length() > 255) {
        throw new S3ErrorException(S3ErrorCode.INVALID_ARGUMENT, "ID length should not exceed allowed limit of 255");
      }
      List<String> methods = texts(e, "AllowedMethod");
      List<String> origins = texts(e, "AllowedOrigin");
      if (methods.isEmpty() || origins.isEmpty()) {
        throw XmlTree.malformed();
      }
      for (String m : methods) {
        if (!METHODS.contains(m)) {
          throw new S3ErrorException(S3ErrorCode.INVALID_REQUEST,
              "Found unsupported HTTP method in CORS config. Unsupported method is " + m);
        }
      }
      for (String o : origins) {
        if (wildcards(o) > 1) {
          throw new S3ErrorException(S3ErrorCode.INVALID_REQUEST,
              "AllowedOrigin \"" + o + "\" can not have more than one wildcard.");
        }
      }
      List<String> headers = texts(e, "AllowedHeader");
      for (String h : headers) {
        if (wildcards(h) > 1) {
          throw new S3ErrorException(S3ErrorCode.INVALID_REQUEST,
              "AllowedHeader \"" + h + "\" can not have more than one wildcard.");
        }
      }
      Integer maxAge = e.intOf("MaxAgeSeconds");
      rules.add(new Rule(id, methods, origins, headers, texts(e, "ExposeHeader"), maxAge));
    }
    return new CorsRules(List.copyOf(rules));
  }

  /** The first rule that allows the request, or {@code null}. */
  public Rule match(String origin, String method, List<String> headers) {
    for (Rule r : rules) {
      if (r.allows(origin, method, headers)) {
        return r;
      }
    }
    return null;
  }

  /** The lower-case header names of an {@code Access-Control-Request-Headers} value. */
  public static List<String> headerList(String value) {
    List<String> out = new ArrayList<>();
    if (value != null) {
      for (String h : value.split(",")) {
        String t = h.trim();
        if (!t.isEmpty()) {
          out.add(t.toLowerCase(Locale.ROOT));
        }
      }
    }
    return out;
  }

  private static List<String> texts(XmlTree e, String name) {
    List<String> out = new ArrayList<>();
    for (XmlTree c : e.all(name)) {
      out.add(c.text().trim());
    }
    return List.copyOf(out);
  }

  private static int wildcards(String s) {
    return (int) s.chars().filter(c -> c == '*').count();
  }

  /** Matches {@code value} against {@code pattern} holding at most one {@code *} (any run of characters). */
  public static boolean wildcardMatch(String pattern, String value, boolean ignoreCase) {
    String p = ignoreCase ? pattern.toLowerCase(Locale.ROOT) : pattern;
    String v = ignoreCase ? value.toLowerCase(Locale.ROOT) : value;
    int star = p.indexOf('*');
    if (star < 0) {
      return p.equals(v);
    }
    String prefix = p.substring(0, star);
    String suffix = p.substring(star + 1);
    return v.length() >= prefix.length() + suffix.length() && v.startsWith(prefix) && v.endsWith(suffix);
  }
}
