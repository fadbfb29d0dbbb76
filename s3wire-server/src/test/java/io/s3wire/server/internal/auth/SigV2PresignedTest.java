package io.s3wire.server.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * SigV2 presigned URLs, against URLs signed by botocore's {@code HmacV1QueryAuth} (what boto3 and the AWS CLI v1
 * presign with at their defaults), Expires pinned to 1796624439.
 */
class SigV2PresignedTest {
  private static final String ACCESS = "AKIDEXAMPLE";
  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  private static final Instant BEFORE_EXPIRY = Instant.ofEpochSecond(1796624439L - 60);
  private static final String PLAIN_QUERY =
      "AWSAccessKeyId=AKIDEXAMPLE&Signature=Yc7xAAkIRyH1%2BQ8eVWmsWxdAlO4%3D&Expires=1796624439";

  private static Authenticator.Request get(String path, String query, Instant now) {
    return new Authenticator.Request("GET", path, query, new DefaultHttpHeaders(), now);
  }

  /** An unsigned payload, by the verifier's one user. */
  private static final Authenticator.Verdict SIGNED_BY_FIRST_USER = Authenticator.Verdict.UNSIGNED.by(
      new io.s3wire.xml.Owner(io.s3wire.server.ServerUser.DEFAULT_OWNER_ID, io.s3wire.server.ServerUser.DEFAULT_DISPLAY_NAME));

  private static SigV4Verifier verifier() {
    return new SigV4Verifier(ACCESS, SECRET, io.s3wire.server.ServerProfile.named("s3"), false, true);
  }

  @Test
  void acceptsBotocoreUrls() {
    assertThat(verifier().verify(get("/photos/a.txt", PLAIN_QUERY, BEFORE_EXPIRY)))
        .isEqualTo(SIGNED_BY_FIRST_USER);
    // A key with a space, a non-ASCII letter and a plus, and a response-* sub-resource, which is signed.
    assertThat(verifier().verify(get("/photos/dir%20x/p%C3%BCppy%2B1.jpg",
        "response-content-type=text%2Fplain&AWSAccessKeyId=AKIDEXAMPLE&Signature=RqsAtEoWYlrnWTZaWHM72dF90ns%3D"
            + "&Expires=1796624439", BEFORE_EXPIRY)))
        .isEqualTo(SIGNED_BY_FIRST_USER);
  }

  @Test
  void refusesAnotherPathMethodOrSubresource() {
    assertThatThrownBy(() -> verifier().verify(get("/photos/b.txt", PLAIN_QUERY, BEFORE_EXPIRY)))
        .isInstanceOfSatisfying(S3ErrorException.class, e -> {
          assertThat(e.code()).isEqualTo(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH);
          assertThat(e.extra()).containsEntry("StringToSign", "GET\n\n\n1796624439\n/photos/b.txt");
        });
    assertThatThrownBy(() -> verifier().verify(new Authenticator.Request("PUT", "/photos/a.txt", PLAIN_QUERY,
        new DefaultHttpHeaders(), BEFORE_EXPIRY)))
        .isInstanceOfSatisfying(S3ErrorException.class,
            e -> assertThat(e.code()).isEqualTo(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH));
    assertThatThrownBy(() -> verifier().verify(get("/photos/a.txt", "acl&" + PLAIN_QUERY, BEFORE_EXPIRY)))
        .isInstanceOfSatisfying(S3ErrorException.class,
            e -> assertThat(e.code()).isEqualTo(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH));
  }

  @Test
  void refusesExpiredUrlsAndOtherKeys() {
    assertThatThrownBy(() -> verifier().verify(get("/photos/a.txt", PLAIN_QUERY, Instant.ofEpochSecond(1796624440L))))
        .isInstanceOfSatisfying(S3ErrorException.class, e -> {
          assertThat(e.code()).isEqualTo(S3ErrorCode.ACCESS_DENIED);
          assertThat(e.getMessage()).contains("Request has expired");
        });
    assertThatThrownBy(() -> verifier().verify(get("/photos/a.txt", PLAIN_QUERY.replace("AKIDEXAMPLE", "OTHER"),
        BEFORE_EXPIRY)))
        .isInstanceOfSatisfying(S3ErrorException.class,
            e -> assertThat(e.code()).isEqualTo(S3ErrorCode.INVALID_ACCESS_KEY_ID));
  }
}
