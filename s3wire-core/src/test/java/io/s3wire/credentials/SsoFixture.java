package io.s3wire.credentials;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** An SSO profile ({@code dev}, session {@code corp}) and the token cache {@code aws sso login} leaves. */
final class SsoFixture {
  /** The config file's profile {@code dev} and its {@code [sso-session corp]}. */
  static final String DEV_PROFILE = "[profile dev]\nsso_session = corp\nsso_account_id = 111122223333\n"
      + "sso_role_name = Reader\n[sso-session corp]\nsso_region = eu-west-1\n"
      + "sso_start_url = https://corp.awsapps.com/start\n";

  private SsoFixture() {}

  /** Writes the cached token of session {@code session} under {@code home}, as the AWS CLI names it. */
  static void cacheToken(Path home, String session, String accessToken, String expiresAt) throws IOException {
    Path cache = Files.createDirectories(home.resolve(".aws/sso/cache"));
    Files.writeString(cache.resolve(sha1(session) + ".json"),
        "{\"accessToken\":\"" + accessToken + "\",\"expiresAt\":\"" + expiresAt + "\",\"region\":\"eu-west-1\"}");
  }

  // The AWS CLI names the file after the SHA-1 of the session name.
  private static String sha1(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
