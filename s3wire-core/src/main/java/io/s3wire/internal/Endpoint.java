package io.s3wire.internal;

import io.s3wire.config.AddressingStyle;
import io.s3wire.error.ClientException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Where requests go and how buckets are named in them: the base URL and the addressing style.
 *
 * <p>Virtual-hosted style ({@code https://bucket.endpoint/key}) is used only where it can work: the
 * bucket is a single DNS label safe for TLS certificates (no dots over https) and the endpoint's host
 * is a DNS name with a dot (not an IP literal, not {@code localhost}); elsewhere path style ({@code
 * https://endpoint/bucket/key}), as the AWS SDKs fall back.
 *
 * @param base an absolute {@code http} or {@code https} URL without query or fragment; its path (if
 *     any) prefixes every request path
 * @param addressing {@link AddressingStyle#PATH} or {@link AddressingStyle#VIRTUAL}, already resolved
 *     from the profile when the user chose {@code AUTO}
 */
public record Endpoint(URI base, AddressingStyle addressing) {
  public Endpoint {
    Objects.requireNonNull(base, "base");
    if (addressing == null || addressing == AddressingStyle.AUTO) {
      throw new IllegalArgumentException("addressing must be resolved to PATH or VIRTUAL");
    }
  }

  /**
   * Parses an endpoint as a user gives it: {@code https://s3.example.com}, {@code
   * http://127.0.0.1:9000}. Anything else is a {@link ClientException} that says what is wrong.
   */
  public static URI parse(String endpoint) {
    if (endpoint == null || endpoint.isBlank()) {
      throw new ClientException("endpoint", "must not be empty");
    }
    URI uri;
    try {
      uri = new URI(endpoint.trim());
    } catch (URISyntaxException e) {
      throw new ClientException("endpoint", "'" + endpoint + "' is not a URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme == null || !(scheme.equals("http") || scheme.equals("https"))) {
      throw new ClientException("endpoint", "'" + endpoint + "' is not an http:// or https:// URL");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new ClientException("endpoint", "'" + endpoint + "' names no host");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new ClientException("endpoint", "'" + endpoint + "' must not have a query or fragment");
    }
    if (uri.getRawUserInfo() != null) {
      throw new ClientException("endpoint", "must not carry user information; give credentials separately");
    }
    return uri;
  }

  public boolean isTls() {
    return base.getScheme().equalsIgnoreCase("https");
  }

  /** Whether {@code bucket} is named in the host for this endpoint. */
  public boolean virtualHosted(String bucket) {
    if (addressing != AddressingStyle.VIRTUAL || bucket == null) {
      return false;
    }
    // A dotted bucket breaks the certificate's single-label wildcard over TLS; an IP literal or a
    // bare host name cannot take a subdomain: S3 SDKs fall back to path style there, and so do we.
    if (isTls() && bucket.indexOf('.') >= 0) {
      return false;
    }
    String host = base.getHost();
    return host.indexOf('.') >= 0 && !host.startsWith("[") && !host.matches("[0-9.]+");
  }

  /** The request URI for a bucket (or none), a key (or none) and query parameters, fully encoded. */
  public URI uri(String bucket, String key, List<S3Call.QueryParam> query) {
    String basePath = base.getRawPath() == null ? "" : base.getRawPath();
    if (basePath.endsWith("/")) {
      basePath = basePath.substring(0, basePath.length() - 1);
    }
    StringBuilder authority = new StringBuilder();
    StringBuilder path = new StringBuilder(basePath);
    if (virtualHosted(bucket)) {
      authority.append(bucket).append('.');
    } else if (bucket != null) {
      path.append('/').append(bucket);
    }
    authority.append(base.getRawAuthority());
    if (key != null) {
      path.append('/').append(UriEncoding.path(key));
    } else if (path.length() == 0) {
      path.append('/');
    }
    StringBuilder sb = new StringBuilder(base.getScheme().toLowerCase(Locale.ROOT)).append("://").append(authority).append(path);
    if (!query.isEmpty()) {
      sb.append('?');
      for (int i = 0; i < query.size(); i++) {
        S3Call.QueryParam p = query.get(i);
        if (i > 0) {
          sb.append('&');
        }
        sb.append(UriEncoding.query(p.name()));
        if (p.value() != null) {
          sb.append('=').append(UriEncoding.query(p.value()));
        }
      }
    }
    return URI.create(sb.toString());
  }
}
