package io.s3wire.cli.doctor;

import io.s3wire.auth.Credentials;
import io.s3wire.provider.ProviderProfile;
import java.net.URI;
import java.nio.file.Path;

/**
 * What the doctor examines.
 *
 * @param endpoint the service URL (path-style requests go to {@code endpoint/bucket/key})
 * @param bucket the bucket for object operations, or {@code null} (then only the bucket column runs)
 * @param region the signing region
 * @param credentials the keys requests are signed with (never printed)
 * @param virtualHosted whether buckets go in the host name ({@code bucket.host}) rather than the path
 * @param ca a PEM bundle to trust, or {@code null} for the system trust store
 * @param provider the provider profile the user named, or {@code null}
 * @param embedded a description of the embedded server the doctor started, or {@code null}
 */
public record Target(
    URI endpoint,
    String bucket,
    String region,
    Credentials credentials,
    boolean virtualHosted,
    Path ca,
    ProviderProfile provider,
    String embedded) {

  /** The URI of {@code key} in {@code bucket} ({@code key} already encoded; {@code null} for the bucket). */
  public URI uri(String bucketName, String key, String query) {
    String base = endpoint.toString().replaceAll("/+$", "");
    StringBuilder sb = new StringBuilder();
    if (bucketName == null) {
      sb.append(base).append('/');
    } else if (virtualHosted) {
      sb.append(endpoint.getScheme()).append("://").append(bucketName).append('.').append(endpoint.getRawAuthority())
          .append('/');
      if (key != null) {
        sb.append(key);
      }
    } else {
      sb.append(base).append('/').append(bucketName);
      if (key != null) {
        sb.append('/').append(key);
      }
    }
    if (query != null) {
      sb.append('?').append(query);
    }
    return URI.create(sb.toString());
  }

  /** The same target at another URL: the h3 rows' when Alt-Svc names another port. */
  public Target withEndpoint(URI other) {
    return new Target(other, bucket, region, credentials, virtualHosted, ca, provider, embedded);
  }

  public Target withVirtualHosted(boolean v) {
    return new Target(endpoint, bucket, region, credentials, v, ca, provider, embedded);
  }
}
