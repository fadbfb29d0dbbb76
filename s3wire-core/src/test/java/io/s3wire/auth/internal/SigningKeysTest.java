package io.s3wire.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The cache hands back, for every scope, the key derived for exactly that scope. */
class SigningKeysTest {
  private static byte[] hmac(byte[] key, String data) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] derived(String secret, String date, String region, String service) throws Exception {
    byte[] k = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
    return hmac(hmac(hmac(k, region), service), "aws4_request");
  }

  @Test
  void scopesThatDifferInAnyOnePartGetTheirOwnKey() throws Exception {
    List<String[]> scopes = List.of(
        new String[] {"secret-a", "20261127", "us-east-1", "s3"},
        new String[] {"secret-b", "20261127", "us-east-1", "s3"},
        new String[] {"secret-a", "20261128", "us-east-1", "s3"},
        new String[] {"secret-a", "20261127", "eu-west-1", "s3"},
        new String[] {"secret-a", "20261127", "us-east-1", "sts"});
    // Twice over: the second round is served from the cache.
    for (int round = 0; round < 2; round++) {
      for (String[] s : scopes) {
        assertThat(SigningKeys.signingKey(s[0], s[1], s[2], s[3])).as(String.join("/", s))
            .isEqualTo(derived(s[0], s[1], s[2], s[3]));
      }
    }
  }
}
