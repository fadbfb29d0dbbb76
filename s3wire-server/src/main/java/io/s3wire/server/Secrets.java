package io.s3wire.server;

import java.security.SecureRandom;

/** Generates credentials for a server started without them. */
final class Secrets {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  private static final String ANY = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  private Secrets() {}

  static String accessKey() {
    return "S3W" + random(UPPER, 17);
  }

  static String secretKey() {
    return random(ANY, 40);
  }

  private static String random(String alphabet, int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return b.toString();
  }
}
