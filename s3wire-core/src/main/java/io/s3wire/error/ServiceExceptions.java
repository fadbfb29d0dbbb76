package io.s3wire.error;

import io.s3wire.http.HttpHeaders;
import io.s3wire.xml.ErrorBodyException;
import io.s3wire.xml.ErrorDocument;
import io.s3wire.xml.S3Xml;
import io.s3wire.xml.S3XmlException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Builds a {@link ServiceException} from what an error answer carried: status, headers and body.
 *
 * <p>An S3 {@code <Error>} body fills code, message, resource, request id, host id and, for
 * SignatureDoesNotMatch, the server's string to sign and canonical request. Any other body (an HTML
 * page from a proxy or load balancer, plain text, truncated XML) goes to {@link
 * ServiceException#rawBody()}, decoded as UTF-8, cut at {@value #MAX_RAW_BODY_CHARS} characters and
 * with signatures and security tokens masked. The request id and host id fall back to the {@code
 * x-amz-request-id} and {@code x-amz-id-2} headers; the bucket's region comes from {@code
 * x-amz-bucket-region} or the body's {@code <Region>}. Thread-safe and stateless.
 */
public final class ServiceExceptions {
  /** How many characters of a non-XML body {@link ServiceException#rawBody()} keeps. */
  public static final int MAX_RAW_BODY_CHARS = 2048;

  private static final Pattern SECRETS = Pattern.compile(
      "(?i)((?:x-amz-signature|signature|x-amz-security-token|x-amz-credential"
          + "|(?:x-amz-copy-source-|x-amz-)server-side-encryption-customer-key(?!-))\\s*[=:]\\s*)[^\\s,&\"'<]+");

  private ServiceExceptions() {}

  /**
   * The exception for an error answer.
   *
   * @param status the HTTP status code
   * @param headers the response headers, read for the request ids and bucket region
   * @param body the body as received; {@code null} or empty for none (HEAD)
   * @return the exception, without attempts
   */
  public static ServiceException from(int status, HttpHeaders headers, byte[] body) {
    return from(status, headers, body, null);
  }

  /**
   * The exception for an error answer to a request for {@code resource} ({@code /bucket/key}), which
   * names the resource when the body does not (Ceph RGW leaves {@code <Resource>} out).
   *
   * @param status the HTTP status code
   * @param headers the response headers, read for the request ids and bucket region
   * @param body the body as received; {@code null} or empty for none (HEAD)
   * @param resource the resource the request addressed, or {@code null}
   * @return the exception, without attempts
   */
  public static ServiceException from(int status, HttpHeaders headers, byte[] body, String resource) {
    if (body != null && looksLikeXml(body)) {
      try {
        return fromErrorDocument(status, headers, S3Xml.readError(body), resource);
      } catch (ErrorBodyException e) {
        return fromErrorDocument(status, headers, e.error(), resource);
      } catch (S3XmlException notS3Error) {
        // An HTML page or other XML: keep the text below.
      }
    }
    ServiceException.Builder b = ServiceException.builder(status)
        .resource(resource)
        .requestId(header(headers, "x-amz-request-id"))
        .hostId(header(headers, "x-amz-id-2"))
        .bucketRegion(header(headers, "x-amz-bucket-region"));
    if (body != null && body.length > 0) {
      b.rawBody(rawBody(body));
    }
    return b.build();
  }

  private static ServiceException fromErrorDocument(int status, HttpHeaders headers, ErrorDocument error,
      String resource) {
    boolean named = error.resource() != null && !error.resource().isBlank();
    return ServiceException.builder(status)
        .errorCode(error.code())
        .errorMessage(error.message())
        .resource(named ? error.resource() : resource)
        .requestId(error.requestId() != null ? error.requestId() : header(headers, "x-amz-request-id"))
        .hostId(error.hostId() != null ? error.hostId() : header(headers, "x-amz-id-2"))
        .serverStringToSign(error.stringToSign())
        .serverCanonicalRequest(io.s3wire.wire.Redaction.DEFAULT.text(error.canonicalRequest()))
        .bucketRegion(header(headers, "x-amz-bucket-region") != null
            ? header(headers, "x-amz-bucket-region") : error.extra().get("Region"))
        .details(error.extra())
        .build();
  }

  /**
   * The text kept of a body that is not S3 error XML: UTF-8, secrets masked, at most
   * {@value #MAX_RAW_BODY_CHARS} characters plus a note of what was cut.
   *
   * @param body the body as received, not {@code null}
   * @return the text to show a person or put in {@link ServiceException#rawBody()}
   */
  public static String rawBody(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    String cut = "";
    if (text.length() > MAX_RAW_BODY_CHARS) {
      int end = MAX_RAW_BODY_CHARS;
      if (Character.isHighSurrogate(text.charAt(end - 1))) {
        end--;
      }
      cut = String.format(Locale.ROOT, "... (%d more characters)", text.length() - end);
      text = text.substring(0, end);
    }
    return SECRETS.matcher(text).replaceAll("$1" + io.s3wire.wire.Redaction.MASK) + cut;
  }

  private static boolean looksLikeXml(byte[] body) {
    int i = 0;
    if (body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF) {
      i = 3;
    }
    while (i < body.length && (body[i] == ' ' || body[i] == '\n' || body[i] == '\r' || body[i] == '\t')) {
      i++;
    }
    return i < body.length && body[i] == '<';
  }

  private static String header(HttpHeaders headers, String name) {
    return headers == null ? null : headers.first(name).orElse(null);
  }
}
