package io.s3wire.cli.doctor;

import io.s3wire.error.ServiceException;
import io.s3wire.error.StreamResetException;
import io.s3wire.error.TransportException;
import io.s3wire.wire.Redaction;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The form a failure took, in words, with the answer's own words quoted short and redacted: "nginx/1.22.1
 * answered 400 with an HTML page: '400 Bad Request / nginx/1.22.1'", "the server reset the stream with
 * RST_STREAM(PROTOCOL_ERROR) before any response", "the server closed the connection with
 * GOAWAY(PROTOCOL_ERROR)". Whatever form a rejection takes (a reset, a status with S3 error XML or a
 * front end's HTML page, GOAWAY, a closed connection), findings describe it through this one place.
 * Stateless.
 */
final class FailureForm {
  /** Longest quote of a server's words, in characters; longer ones end in "...". */
  static final int MAX_QUOTE = 100;
  private static final int MAX_SERVER = 40;
  private static final Pattern SCRIPT = Pattern.compile("(?is)<(script|style)\\b.*?</\\1\\s*>");
  private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");

  private FailureForm() {}

  /** The failure of {@code o} in words, starting in lower case: "the server answered 421 with no body". */
  static String of(Outcome o) {
    if (o.failure() instanceof StreamResetException s) {
      String code = s.errorName();
      if (s.isGoAway()) {
        return "the server closed the connection with GOAWAY(" + code + ")"
            + (s.debugData() == null || s.debugData().isEmpty() ? "" : ", debug data " + quote(s.debugData()));
      }
      return (s.sentByPeer() ? "the server reset the stream" : "the client reset the stream") + " with RST_STREAM(" + code
          + ")" + (s.afterResponseHeaders() ? " after the response headers" : " before any response");
    }
    if (o.failure() instanceof TransportException t) {
      return switch (t.kind()) {
        case CONNECTION_CLOSED -> "the server closed the connection without a complete answer";
        case RESPONSE_HEADERS_TIMEOUT, IDLE_READ_TIMEOUT, CALL_TIMEOUT -> "no answer came in time (" + words(t.kind()) + ")";
        default -> "the request failed: " + words(t.kind()) + ", " + quote(t.getMessage());
      };
    }
    if (o.failure() != null) {
      return "the request failed: " + quote(o.failure().getMessage());
    }
    ServiceException e = o.serviceError();
    String answered = who(o) + " answered " + o.status();
    if (e == null) {
      return answered;
    }
    if (e.errorCode() != null) {
      String words = serverWords(e);
      return answered + " " + e.errorCode() + (words == null ? "" : ": " + quote(words));
    }
    if (e.rawBody() == null) {
      return answered + " with no body";
    }
    String text = bodyText(e.rawBody());
    return answered + " with " + bodyKind(e.rawBody()) + (text.isEmpty() ? "" : ": " + quote(text));
  }

  /** Who answered: the Server header as sent (e.g. {@code nginx/1.22.1}), short and redacted, else "the server". */
  static String who(Outcome o) {
    if (o.server() == null || o.server().isBlank()) {
      return "the server";
    }
    String s = Redaction.DEFAULT.text(o.server().strip());
    return s.length() > MAX_SERVER ? s.substring(0, MAX_SERVER) + "..." : s;
  }

  /**
   * Whether something in front of the S3 service answered: an error status with neither S3 error XML
   * nor a request id (every S3 service sends one, in the body or in {@code x-amz-request-id}).
   */
  static boolean fromFrontEnd(Outcome o) {
    ServiceException e = o.serviceError();
    return e != null && e.errorCode() == null && e.requestId() == null;
  }

  /**
   * The server's own words in {@code e}'s message: {@link ServiceException#getMessage()} without the
   * status and code before them and the resource and request id after them; the code's meaning when
   * the server sent an empty message. {@code null} when there are none.
   */
  static String serverWords(ServiceException e) {
    String m = e.getMessage();
    String head = e.status() + (e.errorCode() == null ? "" : " " + e.errorCode());
    if (!m.startsWith(head + ": ")) {
      return null;
    }
    m = m.substring(head.length() + 2);
    if (e.requestId() != null && m.endsWith(" [request id " + e.requestId() + "]")) {
      m = m.substring(0, m.length() - e.requestId().length() - 14);
    }
    if (e.resource() != null && m.endsWith(" (" + e.resource() + ")")) {
      m = m.substring(0, m.length() - e.resource().length() - 3);
    }
    return m.isBlank() ? null : m;
  }

  /** {@code 'text'}, redacted, cut at {@value #MAX_QUOTE} characters. */
  static String quote(String text) {
    String t = Redaction.DEFAULT.text(text.strip().replaceAll("\\s+", " "));
    if (t.length() > MAX_QUOTE) {
      t = t.substring(0, MAX_QUOTE - 3).stripTrailing() + "...";
    }
    return "'" + t + "'";
  }

  /** What kind of body a non-S3 error body is: an HTML page, other XML, or text. */
  static String bodyKind(String raw) {
    String head = raw.stripLeading().toLowerCase(Locale.ROOT);
    if (head.startsWith("<!doctype html") || head.startsWith("<html") || head.contains("<body")) {
      return "an HTML page";
    }
    return head.startsWith("<") ? "an XML body that is not an S3 error" : "a text body";
  }

  /** The visible text of a body: tags, scripts and styles removed, each distinct line once, joined by " / ". */
  static String bodyText(String raw) {
    // The mask of a secret the body carried looks like a tag: keep it through the tag stripping.
    String t = SCRIPT.matcher(raw.replace(Redaction.MASK, "\u0000")).replaceAll(" ");
    t = TAG.matcher(t).replaceAll("\n").replace("\u0000", Redaction.MASK);
    t = t.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&nbsp;", " ")
        .replace("&amp;", "&");
    Set<String> lines = new LinkedHashSet<>();
    for (String line : t.split("\n")) {
      String s = line.strip().replaceAll("\\s+", " ");
      if (!s.isEmpty()) {
        lines.add(s);
      }
    }
    return String.join(" / ", lines);
  }

  private static String words(TransportException.Kind kind) {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
