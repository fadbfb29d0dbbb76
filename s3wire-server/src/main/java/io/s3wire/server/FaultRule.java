package io.s3wire.server;

import io.s3wire.error.Http2ErrorCode;
import io.s3wire.http.HttpProtocol;
import java.time.Duration;
import java.util.Objects;

/**
 * A fault the server injects: which requests it matches and what it does to them.
 *
 * <p>Build with {@link #when()}: {@code FaultRule.when().method("PUT").path("/bucket/*").nth(2)
 * .resetStream(Http2ErrorCode.PROTOCOL_ERROR)}; or read a JSON file with {@link FaultRules#parse}.
 * Counting is per rule: {@code nth(3)} fires on the third request the rule's other conditions
 * match, {@code everyNth(3)} on the 3rd, 6th, ..., {@code firstN(2)} on the first two.
 */
public record FaultRule(Match match, Action action) {
  public FaultRule {
    Objects.requireNonNull(match, "match");
    Objects.requireNonNull(action, "action");
  }

  /** Which requests of those matched count: all, only the nth, every nth, the first n. */
  public enum Which {
    ALL,
    NTH,
    EVERY_NTH,
    FIRST_N
  }

  /**
   * What a request must look like; {@code null} fields match anything.
   *
   * @param method HTTP method, e.g. {@code PUT}
   * @param pathGlob glob over the decoded path ({@code *} within a segment, {@code **} across segments)
   * @param headerPresent a header the request must carry (name, any case)
   * @param protocol HTTP version the request came on
   * @param which which of the matching requests the action applies to
   * @param n the number {@code which} refers to (ignored for ALL)
   */
  public record Match(String method, String pathGlob, String headerPresent, HttpProtocol protocol, Which which, int n) {
    public Match {
      Objects.requireNonNull(which, "which");
      if (which != Which.ALL && n < 1) {
        throw new IllegalArgumentException(which + " needs n >= 1, got " + n);
      }
    }
  }

  /** What happens to a matched request. */
  public sealed interface Action {}

  /** HTTP/2: RST_STREAM with {@code code} before any response; HTTP/1.1: the connection is closed. */
  public record ResetStream(Http2ErrorCode code) implements Action {}

  /** HTTP/2: GOAWAY with {@code code} and {@code lastStreamId} (-1: the stream before this one), then close. */
  public record GoAway(Http2ErrorCode code, int lastStreamId) implements Action {}

  /** HTTP/2: RST_STREAM(HTTP_1_1_REQUIRED); HTTP/1.1: 505. */
  public record Http11Required() implements Action {}

  /** An S3 error response with {@code status} (0: the code's own status). */
  public record ErrorStatus(int status, S3ErrorCode code) implements Action {}

  /** The request is handled normally after {@code delay}. */
  public record Delay(Duration delay) implements Action {}

  /** Request and response bodies move at most {@code bytesPerSecond}. */
  public record Bandwidth(long bytesPerSecond) implements Action {}

  /** The connection is closed after {@code bytes} bytes of the request body were read. */
  public record CutRequestBody(long bytes) implements Action {}

  /** The connection is closed after {@code bytes} bytes of the response body were sent. */
  public record CutResponseBody(long bytes) implements Action {}

  public static Builder when() {
    return new Builder();
  }

  /** Collects match conditions, then ends with the action. */
  public static final class Builder {
    private String method;
    private String pathGlob;
    private String header;
    private HttpProtocol protocol;
    private Which which = Which.ALL;
    private int n;

    private Builder() {}

    public Builder method(String method) {
      this.method = method;
      return this;
    }

    public Builder path(String glob) {
      this.pathGlob = glob;
      return this;
    }

    public Builder header(String name) {
      this.header = name;
      return this;
    }

    public Builder protocol(HttpProtocol protocol) {
      this.protocol = protocol;
      return this;
    }

    public Builder nth(int n) {
      this.which = Which.NTH;
      this.n = n;
      return this;
    }

    public Builder everyNth(int n) {
      this.which = Which.EVERY_NTH;
      this.n = n;
      return this;
    }

    public Builder firstN(int n) {
      this.which = Which.FIRST_N;
      this.n = n;
      return this;
    }

    public FaultRule then(Action action) {
      return new FaultRule(new Match(method, pathGlob, header, protocol, which, n), action);
    }

    public FaultRule resetStream(Http2ErrorCode code) {
      return then(new ResetStream(code));
    }

    public FaultRule goAway(Http2ErrorCode code, int lastStreamId) {
      return then(new GoAway(code, lastStreamId));
    }

    public FaultRule http11Required() {
      return then(new Http11Required());
    }

    public FaultRule error(S3ErrorCode code) {
      return then(new ErrorStatus(0, code));
    }

    public FaultRule error(int status, S3ErrorCode code) {
      return then(new ErrorStatus(status, code));
    }

    public FaultRule delay(Duration delay) {
      return then(new Delay(delay));
    }

    public FaultRule bandwidth(long bytesPerSecond) {
      return then(new Bandwidth(bytesPerSecond));
    }

    public FaultRule cutRequestBodyAfter(long bytes) {
      return then(new CutRequestBody(bytes));
    }

    public FaultRule cutResponseBodyAfter(long bytes) {
      return then(new CutResponseBody(bytes));
    }
  }
}
