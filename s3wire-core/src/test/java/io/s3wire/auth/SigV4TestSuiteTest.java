package io.s3wire.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.auth.SigV4SuiteRunner.Kind;
import io.s3wire.auth.SigV4SuiteRunner.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * AWS's SigV4 test suite (aws-c-auth, 38 cases x header and presigned = 76 checks): canonical
 * request, string to sign and signature byte for byte.
 *
 * <p>Every case runs through {@link SigV4Signer#s3()} except the seven {@code *-normalized} ones,
 * whose expected paths are normalised (S3 never does that); those run in generic mode, and {@link
 * #s3ModeDiffersExactlyWhereTheSuiteNormalises()} shows S3 mode keeps their paths.
 */
class SigV4TestSuiteTest {
  static Stream<Arguments> checks() {
    List<SigV4SuiteCase> cases = SigV4SuiteCase.all();
    if (cases.size() != SigV4SuiteCase.EXPECTED_CASES) {
      throw new AssertionError("expected " + SigV4SuiteCase.EXPECTED_CASES + " suite cases, found " + cases.size());
    }
    List<Arguments> out = new ArrayList<>();
    for (SigV4SuiteCase c : cases) {
      out.add(Arguments.of(c, Kind.HEADER));
      out.add(Arguments.of(c, Kind.QUERY));
    }
    return out.stream();
  }

  static boolean suiteNormalizes(SigV4SuiteCase c) {
    return c.name().endsWith("-normalized");
  }

  @Test
  void suiteHasAll38CasesAnd76Checks() {
    List<SigV4SuiteCase> cases = SigV4SuiteCase.all();
    assertThat(cases).hasSize(38);
    assertThat(checks()).hasSize(76);
    assertThat(cases.stream().filter(SigV4TestSuiteTest::suiteNormalizes)).hasSize(7);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("checks")
  void matchesTheSuiteByteForByte(SigV4SuiteCase c, Kind kind) {
    Outcome expected = SigV4SuiteRunner.expected(c, kind);
    Outcome actual = suiteNormalizes(c)
        ? SigV4SuiteRunner.generic(c, kind, PathMode.GENERIC_NORMALIZED)
        : SigV4SuiteRunner.s3(c, kind);

    assertThat(actual.canonicalRequest()).as("canonical request").isEqualTo(expected.canonicalRequest());
    assertThat(actual.stringToSign()).as("string to sign").isEqualTo(expected.stringToSign());
    assertThat(actual.signature()).as("signature").isEqualTo(expected.signature());
    if (!suiteNormalizes(c)) {
      if (kind == Kind.HEADER) {
        assertThat(actual.authorizationOrQuery()).as("Authorization header").isEqualTo(expected.authorizationOrQuery());
      } else {
        assertThat(actual.authorizationOrQuery()).as("presigned query").endsWith("&X-Amz-Signature=" + expected.signature());
      }
    }
  }

  /** The suite as its authors run it: every case generic, normalising when its context says so. */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("checks")
  void genericModeMatchesEveryCase(SigV4SuiteCase c, Kind kind) {
    Outcome expected = SigV4SuiteRunner.expected(c, kind);
    Outcome actual = SigV4SuiteRunner.generic(c, kind, c.normalize() ? PathMode.GENERIC_NORMALIZED : PathMode.GENERIC);
    assertThat(actual.canonicalRequest()).isEqualTo(expected.canonicalRequest());
    assertThat(actual.stringToSign()).isEqualTo(expected.stringToSign());
    assertThat(actual.signature()).isEqualTo(expected.signature());
  }

  /**
   * S3 mode on the {@code *-normalized} cases: everything but the canonical path line is the
   * suite's, the path is the request's own (dots and slashes kept), and it differs from the suite
   * exactly in the six cases whose normalisation changes the path.
   */
  @Test
  void s3ModeDiffersExactlyWhereTheSuiteNormalises() {
    Set<String> differing = new TreeSet<>();
    int checked = 0;
    for (SigV4SuiteCase c : SigV4SuiteCase.all()) {
      if (!suiteNormalizes(c)) {
        continue;
      }
      for (Kind kind : Kind.values()) {
        Outcome expected = SigV4SuiteRunner.expected(c, kind);
        Outcome s3 = SigV4SuiteRunner.s3(c, kind);
        String[] want = expected.canonicalRequest().split("\n", -1);
        String[] got = s3.canonicalRequest().split("\n", -1);
        assertThat(got).hasSameSizeAs(want);
        assertThat(got[1]).as(c.name() + " canonical path").isEqualTo(c.wirePath());
        for (int i = 0; i < want.length; i++) {
          if (i != 1) {
            assertThat(got[i]).as(c.name() + " line " + i).isEqualTo(want[i]);
          }
        }
        if (!got[1].equals(want[1])) {
          differing.add(c.name());
          assertThat(s3.signature()).isNotEqualTo(expected.signature());
        } else {
          assertThat(s3.signature()).isEqualTo(expected.signature());
        }
        checked++;
      }
    }
    assertThat(checked).isEqualTo(14);
    assertThat(differing).containsExactly(
        "get-relative-normalized",
        "get-relative-relative-normalized",
        "get-slash-dot-slash-normalized",
        "get-slash-normalized",
        "get-slash-pointless-dot-normalized",
        "get-slashes-normalized");
  }
}
