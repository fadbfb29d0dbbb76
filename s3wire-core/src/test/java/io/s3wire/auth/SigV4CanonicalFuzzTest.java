package io.s3wire.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.s3wire.fuzz.FuzzChecks;
import io.s3wire.fuzz.FuzzExecutions;
import io.s3wire.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fuzzes SigV4 canonicalisation and the parsing of SigV4 authorizations (header and presigned query):
 * each returns a value or throws {@link IllegalArgumentException} ({@link
 * MalformedAuthorizationException} among them); the canonical request, its hash and a parsed
 * authorization are the same under the tr-TR and en-US default locales (dotless i: a {@code
 * toLowerCase()} without a locale would differ); canonicalising a canonical URI or query changes
 * nothing. Seeds: {@code SigV4CanonicalFuzzTestInputs/canonical/}.
 */
class SigV4CanonicalFuzzTest {
  private static final List<Class<? extends Throwable>> TYPED = List.of(IllegalArgumentException.class);
  private static final Locale TURKISH = Locale.forLanguageTag("tr-TR");

  @RegisterExtension
  static final FuzzExecutions EXECUTIONS = new FuzzExecutions();

  @FuzzTest(maxDuration = "60s")
  void canonical(FuzzedDataProvider data) throws Exception {
    EXECUTIONS.ran();
    String method = data.consumeString(12);
    String rawPath = data.consumeString(200);
    String rawQuery = data.consumeString(200);
    PathMode mode = data.pickValue(PathMode.values());
    HttpHeaders.Builder headers = HttpHeaders.builder();
    List<String> signed = new ArrayList<>();
    int count = data.consumeInt(0, 6);
    for (int i = 0; i < count; i++) {
      String name = data.consumeString(24);
      String value = data.consumeString(80);
      if (FuzzChecks.valueOrTyped(name.length() + value.length(), TYPED, () -> headers.add(name, value)) != null
          && data.consumeBoolean()) {
        signed.add(name);
      }
    }
    String authorization = data.consumeString(300);
    String amzDate = data.consumeString(20);
    HttpHeaders built = headers.build();
    int length = method.length() + rawPath.length() + rawQuery.length() + authorization.length() + 400;

    Callable<String> canonical = () -> {
      CanonicalRequest cr = SigV4Canonicalizer.canonicalRequest(method, rawPath, rawQuery, built, signed,
          SigV4.UNSIGNED_PAYLOAD, mode);
      return cr.text() + "\n" + cr.hash();
    };
    sameUnderBothLocales(length, canonical);
    sameUnderBothLocales(length, () -> SigV4Authorization.parseHeader(authorization, amzDate));
    sameUnderBothLocales(length, () -> SigV4Authorization.parseHeader(authorization, built));
    sameUnderBothLocales(length, () -> SigV4Authorization.parseQuery(rawQuery));

    String query = FuzzChecks.valueOrTyped(length, TYPED, () -> SigV4Canonicalizer.canonicalQuery(rawQuery));
    if (query != null) {
      assertThat(SigV4Canonicalizer.canonicalQuery(query)).as("canonical query of a canonical query").isEqualTo(query);
    }
    if (mode == PathMode.S3) {
      String uri = FuzzChecks.valueOrTyped(length, TYPED, () -> SigV4Canonicalizer.canonicalUri(rawPath, mode));
      if (uri != null) {
        assertThat(SigV4Canonicalizer.canonicalUri(uri, mode)).as("canonical URI of a canonical URI").isEqualTo(uri);
      }
    }
  }

  // The value (or the typed error's class and message) must not depend on the default locale.
  private static void sameUnderBothLocales(int length, Callable<?> task) throws Exception {
    Object us = FuzzChecks.underLocale(Locale.US, () -> outcome(length, task));
    Object tr = FuzzChecks.underLocale(TURKISH, () -> outcome(length, task));
    assertThat(tr).as("the same under tr-TR as under en-US").isEqualTo(us);
  }

  private static Object outcome(int length, Callable<?> task) {
    try {
      return task.call();
    } catch (IllegalArgumentException e) {
      return e.getClass().getName() + ": " + e.getMessage();
    } catch (Exception e) {
      return FuzzChecks.valueOrTyped(length, TYPED, () -> {
        throw e;
      });
    }
  }
}
