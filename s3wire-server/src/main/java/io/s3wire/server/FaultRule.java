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
  /**
   * Checks that both parts are given.
   *
   * @param match which requests the rule applies to
   * @param action what it does to them
   * @throws NullPointerException when either is {@code null}
   */
  public FaultRule {
    Objects.requireNonNull(match, "match");
    Objects.requireNonNull(action, "action");
  }

  /** Which requests of those matched count: all, only the nth, every nth, the first n. */
  public enum Which {
    /** Every matching request. */
    ALL,
    /** Only the n-th matching request. */
    NTH,
    /** The n-th, 2n-th, 3n-th, ... matching request. */
    EVERY_NTH,
    /** The first n matching requests. */
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
    /**
     * Checks that {@code n} is at least 1 where {@code which} uses it.
     *
     * @param method HTTP method, or {@code null} for any
     * @param pathGlob glob over the decoded path, or {@code null} for any
     * @param headerPresent a header the request must carry, or {@code null}
     * @param protocol HTTP version, or {@code null} for any
     * @param which which of the matching requests the action applies to; not {@code null}
     * @param n the number {@code which} refers to (ignored for ALL)
     * @throws IllegalArgumentException when {@code which} is not ALL and {@code n < 1}
     */
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

  /** {@return a builder whose rule matches every request until conditions are added} */
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

    /**
     * Matches only requests with this HTTP method.
     *
     * @param method the method, e.g. {@code PUT}
     * @return this builder
     */
    public Builder method(String method) {
      this.method = method;
      return this;
    }

    /**
     * Matches only requests whose decoded path matches {@code glob}.
     *
     * @param glob {@code *} within a path segment, {@code **} across segments, e.g. {@code /bucket/**}
     * @return this builder
     */
    public Builder path(String glob) {
      this.pathGlob = glob;
      return this;
    }

    /**
     * Matches only requests that carry this header.
     *
     * @param name the header's name, any case
     * @return this builder
     */
    public Builder header(String name) {
      this.header = name;
      return this;
    }

    /**
     * Matches only requests that came on this HTTP version.
     *
     * @param protocol the HTTP version
     * @return this builder
     */
    public Builder protocol(HttpProtocol protocol) {
      this.protocol = protocol;
      return this;
    }

    /**
     * Applies the action only to the n-th matching request.
     *
     * @param n counted from 1
     * @return this builder
     */
    public Builder nth(int n) {
      this.which = Which.NTH;
      this.n = n;
      return this;
    }

    /**
     * Applies the action to every n-th matching request.
     *
     * @param n the period, at least 1
     * @return this builder
     */
    public Builder everyNth(int n) {
      this.which = Which.EVERY_NTH;
      this.n = n;
      return this;
    }

    /**
     * Applies the action to the first n matching requests.
     *
     * @param n how many, at least 1
     * @return this builder
     */
    public Builder firstN(int n) {
      this.which = Which.FIRST_N;
      this.n = n;
      return this;
    }

    /**
     * Ends the rule with {@code action}.
     *
     * @param action what to do to the matched requests
     * @return the rule, ready for {@link S3Server#addFaultRule}
     */
    public FaultRule then(Action action) {
      return new FaultRule(new Match(method, pathGlob, header, protocol, which, n), action);
    }

    /**
     * Ends the rule with {@link ResetStream}: an HTTP/2 RST_STREAM before any response.
     *
     * @param code the RST_STREAM error code
     * @return the rule, ready for {@link S3Server#addFaultRule}
     */
    public FaultRule resetStream(Http2ErrorCode code) {
      return then(new ResetStream(code));
    }

    /**
     * Ends the rule with {@link GoAway}: an HTTP/2 GOAWAY, then the connection closes.
     *
     * @param code the GOAWAY error code
     * @param lastStreamId the last stream id to report; -1 for the stream before this one
     * @return the rule, ready for {@link S3Server#addFaultRule}
     */
    public FaultRule goAway(Http2ErrorCode code, int lastStreamId) {
      return then(new GoAway(code, lastStreamId));
    }

    /** {@return the rule ending with {@link Http11Required}} */
    public FaultRule http11Required() {
      return then(new Http11Required());
    }

    /**
     * Ends the rule with an S3 error response with the code's own status.
     *
     * @param code the error to answer
     * @return the rule, ready for {@link S3Server#addFaultRule}
     */
    public FaultRule error(S3ErrorCode code) {
      return then(new ErrorStatus(0, code));
    }

    /**
     * Ends the rule with an S3 error response with {@code status}.
     *
     * @param status the HTTP status; 0 for the code's own
     * @param code the error to answer
     * @return the rule, ready for {@link S3Server#addFaultRule}
     */
    public FaultRule error(int status, S3ErrorCode code) {
      return then(new ErrorStatus(status, code));
    }

    /**
     * Ends the rule with {@link Delay}: the request is handled normally after {@code delay}.
     *
     * @param delay how long to hold the request
     * @return the rule, ready for {@link S3Server#addFaultRule}
     */
    public FaultRule delay(Duration delay) {
      return then(new Delay(delay));
    }

    /**
     * Ends the rule with {@link Bandwidth}: bodies move at most {@code bytesPerSecond}.
     *
     * @param bytesPerSecond the rate limit, in bytes per second
     * @return the rule, ready for {@link S3Server#addFaultRule}
     */
    public FaultRule bandwidth(long bytesPerSecond) {
      return then(new Bandwidth(bytesPerSecond));
    }

    /**
     * Ends the rule with {@link CutRequestBody}: the connection closes mid-upload.
     *
     * @param bytes how many request body bytes to read first
     * @return the rule, ready for {@link S3Server#addFaultRule}
     */
    public FaultRule cutRequestBodyAfter(long bytes) {
      return then(new CutRequestBody(bytes));
    }

    /**
     * Ends the rule with {@link CutResponseBody}: the connection closes mid-download.
     *
     * @param bytes how many response body bytes to send first
     * @return the rule, ready for {@link S3Server#addFaultRule}
     */
    public FaultRule cutResponseBodyAfter(long bytes) {
      return then(new CutResponseBody(bytes));
    }
  }
}
