package io.s3wire.cli.doctor;

import io.s3wire.http.HttpRequest;

/**
 * A request shape the doctor sends: s3wire's normalised request, or one that other clients are
 * known to send. The non-normalised shapes use {@link io.s3wire.http.RequestOptions#diagnosticRawHeaders()},
 * the transport's diagnostics-only escape hatch, so the named header reaches the wire as given.
 */
public enum Shape {
  NORMALISED("normalised", "s3wire's own request, normalised per HTTP version", null, null),
  HOST_HEADER("host-header", "an explicit host header, also on HTTP/2 (what SigV4 signers' clients send)", "host", null),
  KEEP_ALIVE("keep-alive", "connection: keep-alive, also on HTTP/2", "connection", "keep-alive"),
  CONTENT_LENGTH_ZERO("content-length-0", "content-length: 0 on a bodiless request", "content-length", "0"),
  EXPECT_CONTINUE("expect-100", "expect: 100-continue on an upload", "expect", "100-continue");

  private final String id;
  private final String description;
  private final String header;
  private final String value;

  Shape(String id, String description, String header, String value) {
    this.id = id;
    this.description = description;
    this.header = header;
    this.value = value;
  }

  public String id() {
    return id;
  }

  public String description() {
    return description;
  }

  /** The header this shape adds, or {@code null} for the normalised request. */
  public String header() {
    return header;
  }

  /** The shape as a phrase after "requests": {@code with a host header}, {@code with content-length: 0}. */
  public String phrase() {
    if (header == null) {
      return "as normalised";
    }
    return value == null ? "with a " + header + " header" : "with " + header + ": " + value;
  }

  /** Whether the shape makes sense for an operation: content-length 0 only without a body, expect only with one. */
  public boolean appliesTo(Operation op) {
    return switch (this) {
      case CONTENT_LENGTH_ZERO -> !op.hasBody();
      case EXPECT_CONTINUE -> op.hasBody();
      default -> true;
    };
  }

  /** The request in this shape; applied after signing (none of these headers is signed). */
  public HttpRequest apply(HttpRequest signed) {
    if (header == null) {
      return signed;
    }
    // A registry-style authority (bucket.127.0.0.1) has no host: quote it as written; the prober reports it.
    String v = value != null ? value : signed.uri().getHost() == null ? signed.uri().getRawAuthority() : signed.authority();
    HttpRequest r = signed.withHeaders(signed.headers().toBuilder().set(header, v).build());
    return r.withOptions(r.options().withDiagnosticRawHeaders(header));
  }

}
