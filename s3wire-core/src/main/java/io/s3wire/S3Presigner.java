package io.s3wire;

import io.s3wire.auth.Credentials;
import io.s3wire.auth.SigV4Signer;
import io.s3wire.error.ClientException;
import io.s3wire.http.HttpRequest;
import io.s3wire.http.RequestBody;
import io.s3wire.internal.ClockSkew;
import io.s3wire.internal.Endpoint;
import io.s3wire.internal.S3Call;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Makes presigned URLs (SigV4 query signatures) with a client's endpoint, addressing style, region
 * and credentials: {@code client.presigner().presign(PresignRequest.get(object, Duration.ofHours(1)))}.
 *
 * <p>No request is sent. URLs are signed at the client's clock, corrected by the skew it measured
 * against the server, so a URL made on a machine whose clock is off still works for its whole life.
 * Thread-safe.
 */
public final class S3Presigner {
  private final Endpoint endpoint;
  private final String region;
  private final Supplier<Credentials> credentials;
  private final ClockSkew clock;

  S3Presigner(Endpoint endpoint, String region, Supplier<Credentials> credentials, ClockSkew clock) {
    this.endpoint = endpoint;
    this.region = region;
    this.credentials = credentials;
    this.clock = clock;
  }

  /**
   * The presigned form of {@code request}. The signature is made now, with the credentials in effect
   * now: a URL made with temporary credentials stops working when they expire.
   *
   * @param request the method, object, lifetime, and signed headers and query parameters
   * @return the URL with the headers its user must send, and when it expires
   * @throws ClientException when the client has no credentials (anonymous) or the expiry is outside
   *     1 second to 7 days
   */
  public PresignedRequest presign(PresignRequest request) {
    Credentials c = credentials.get();
    if (c == null) {
      throw new ClientException("credentials", "presigning needs credentials; this client is anonymous");
    }
    List<S3Call.QueryParam> query = new ArrayList<>();
    for (Map.Entry<String, String> e : request.queryParameters().entrySet()) {
      query.add(new S3Call.QueryParam(e.getKey(), e.getValue()));
    }
    HttpRequest http = new HttpRequest(request.method(),
        endpoint.uri(request.object().bucket(), request.object().key(), query),
        request.signedHeaders(), RequestBody.empty());
    Instant now = clock.now();
    HttpRequest signed = SigV4Signer.s3().presign(http, c, region, "s3", now, request.expires());
    return new PresignedRequest(request.method(), signed.uri(), request.signedHeaders(), now.plus(request.expires()));
  }
}
