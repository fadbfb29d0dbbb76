package io.s3wire.error;

import io.s3wire.auth.SigV4;
import io.s3wire.http.HttpDate;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * What to do about the service errors people meet most, in words that use what the answer carried:
 * the region it names, the clock skew it shows, the sizes, range or part it complains about, what
 * this client signed. {@link ServiceException#explain()} appends the sentence this gives; codes not
 * handled here fall back to {@link ServiceErrorCode#advice()}. Never prints a secret: only the
 * string to sign (a hash and a scope) and header names are used of the signature.
 */
final class ServiceExplanations {
  private ServiceExplanations() {}

  /** The code-specific sentences for {@code e}, or {@code null} when nothing specific is known. */
  static String of(ServiceException e) {
    Map<String, String> d = e.details();
    String code = e.errorCode();
    if (code == null) {
      return e.status() == 503 ? throttled(e) : null;
    }
    return switch (code) {
      case "PermanentRedirect", "AuthorizationHeaderMalformed", "IllegalLocationConstraintException",
          "TemporaryRedirect" -> wrongRegion(e);
      case "RequestTimeTooSkewed" -> skewed(e);
      case "SignatureDoesNotMatch" -> signature(e);
      case "AccessDenied" -> "To fix: the credentials were accepted but may not do this" + about(e)
          + ": check the identity's policy, the bucket policy and ACLs, and that the bucket belongs to the account"
          + " you think (a bucket of someone else's with the same name answers the same).";
      case "InvalidAccessKeyId" -> "To fix: the server does not know the access key"
          + (d.containsKey("AWSAccessKeyId") ? " " + d.get("AWSAccessKeyId") : "")
          + "; check AWS_ACCESS_KEY_ID, the profile in use (AWS_PROFILE, ~/.aws/credentials), and that the"
          + " endpoint is the service that issued the key.";
      case "NoSuchBucket" -> "To fix: no bucket named " + named(d.get("BucketName"), e, "that name")
          + " exists at this endpoint; check its spelling, the endpoint, and whether it was deleted.";
      case "NoSuchKey" -> "To fix: no object " + named(d.get("Key"), e, "at that key")
          + " exists; keys are case-sensitive and include every prefix (a/b.txt is not b.txt). List the"
          + " prefix to see what is there.";
      case "NoSuchUpload" -> "To fix: the upload" + (d.containsKey("UploadId") ? " " + d.get("UploadId") : "")
          + " was completed, aborted (perhaps by a lifecycle rule) or never started; start a new multipart"
          + " upload and send its parts again.";
      case "BucketAlreadyExists" -> "To fix: bucket names are global on this service and "
          + named(d.get("BucketName"), e, "this one") + " belongs to another account; choose another name.";
      case "BucketAlreadyOwnedByYou" -> "Nothing is wrong with the bucket: " + named(d.get("BucketName"), e, "it")
          + " exists and is yours; treat the error as success when creating it if it may exist already.";
      case "BucketNotEmpty" -> "To fix: delete every object in " + named(d.get("BucketName"), e, "the bucket")
          + " (every version, if versioning was ever on) and abort its unfinished multipart uploads, then"
          + " delete the bucket.";
      case "EntityTooLarge" -> "To fix: the body" + size(d.get("ProposedSize")) + " is over the limit"
          + size(d.get("MaxSizeAllowed")) + " for one request; upload it in parts (multipart upload).";
      case "EntityTooSmall" -> "To fix: a part" + size(d.get("ProposedSize")) + " is under the minimum"
          + size(d.get("MinSizeAllowed")) + " for every part but the last; use larger parts.";
      case "InvalidPart" -> "To fix: part " + d.getOrDefault("PartNumber", "(unnamed)")
          + (d.containsKey("ETag") ? " with ETag " + d.get("ETag") : "")
          + " is not in the upload as listed; complete with the part numbers and ETags the part uploads"
          + " returned (list the upload's parts to see them).";
      case "InvalidPartOrder" -> "To fix: list the parts in ascending order of part number when completing.";
      case "PreconditionFailed" -> "To fix: the condition "
          + (d.containsKey("Condition") ? d.get("Condition") + " " : "")
          + "did not hold because the object changed (or appeared) since its ETag or time was read;"
          + " read it again and decide whether to retry with the new ETag.";
      case "SlowDown", "ServiceUnavailable" -> throttled(e);
      case "InternalError" -> "To fix: the failure is the server's; the request is retryable, and retries"
          + " with backoff usually succeed. If it persists, report it with the request id"
          + (e.requestId() != null ? " " + e.requestId() : "") + ".";
      case "XAmzContentSHA256Mismatch" -> "To fix: the body's SHA-256" + inParens(d.get("S3ComputedContentSHA256"))
          + " differs from the x-amz-content-sha256 the request signed" + inParens(d.get("ClientComputedContentSHA256"))
          + ": the file changed while it was sent, something rewrote the body, or the server does not take this"
          + " upload encoding (some S3-compatible servers refuse aws-chunked or trailers).";
      case "BadDigest" -> "To fix: the Content-MD5 sent" + inParens(d.get("ExpectedDigest"))
          + " is not the MD5 of the bytes that arrived" + inParens(d.get("CalculatedDigest")) + "; send again, and if it repeats, the data changes on its way or the digest is computed over"
          + " other bytes.";
      case "InvalidRange" -> "To fix: the range " + d.getOrDefault("RangeRequested", "requested")
          + " starts past the end of the object"
          + (d.containsKey("ActualObjectSize") ? " (" + d.get("ActualObjectSize") + " bytes)" : "")
          + "; ask for a range within it, or read the object's size first.";
      case "ExpiredToken" -> "To fix: the session token of the temporary credentials has expired; get fresh"
          + " ones (refresh the role or SSO session, or unset a stale AWS_SESSION_TOKEN).";
      case "MissingContentLength" -> "To fix: the server needs the body's length up front; send a body"
          + " of known length (a file or bytes), or upload a stream of unknown length in parts.";
      default -> null;
    };
  }

  private static String wrongRegion(ServiceException e) {
    String region = e.bucketRegion();
    String endpoint = e.details().get("Endpoint");
    StringBuilder sb = new StringBuilder("To fix: the bucket is in another region than the one the request was");
    sb.append(" signed for or sent to");
    if (region != null) {
      sb.append("; the answer names region ").append(region).append(": set the client's region to ").append(region);
    } else {
      sb.append("; set the client's region to the bucket's (the answer did not name it)");
    }
    if (endpoint != null) {
      sb.append(" and use endpoint ").append(endpoint);
    }
    return sb.append('.').toString();
  }

  private static String skewed(ServiceException e) {
    Duration skew = e.clockSkew();
    if (skew == null) {
      Instant request = time(e.details().get("RequestTime"));
      Instant server = time(e.details().get("ServerTime"));
      if (request != null && server != null) {
        skew = Duration.between(request, server);
      }
    }
    String how = skew == null ? "this machine's clock is off"
        : "the server's clock is " + words(skew.abs()) + (skew.isNegative() ? " behind" : " ahead of")
            + " this machine's";
    return "To fix: " + how + " (S3 accepts 15 minutes); set the clock right (NTP). The client corrects its"
        + " signing time from the server's Date and retries once.";
  }

  private static String signature(ServiceException e) {
    StringBuilder sb = new StringBuilder("The signature the server computed differs from ours: a wrong secret key,")
        .append(" or a request changed after signing (a header added or rewritten, the host or path altered by a proxy).");
    String ours = e.signedStringToSign();
    if (!e.signedHeaders().isEmpty()) {
      sb.append(" We signed the headers ").append(String.join(";", e.signedHeaders()));
    }
    String ourHash = lastLine(ours);
    if (ourHash != null) {
      sb.append(e.signedHeaders().isEmpty() ? " We signed" : ",").append(" canonical request hash ").append(ourHash);
    }
    if (ours != null || !e.signedHeaders().isEmpty()) {
      sb.append('.');
    }
    String theirs = e.serverStringToSign();
    if (ours != null && theirs != null) {
      if (ours.strip().equals(theirs.strip())) {
        sb.append(" The server's string to sign is the same as ours, so the request arrived as signed: the secret"
            + " key does not belong to the access key.");
      } else if (!ourHash.equals(lastLine(theirs))) {
        sb.append(" The server's canonical request hash is ").append(lastLine(theirs))
            .append(": the request changed on its way; compare serverCanonicalRequest() with what was sent.");
      } else {
        sb.append(" The canonical requests agree but the strings to sign differ (time or credential scope):"
            + " check the region and the clock.");
      }
    }
    return sb.toString();
  }

  private static String throttled(ServiceException e) {
    return "To fix: the server asks for fewer requests; the client retried with backoff. Spread the load over"
        + " time or over more key prefixes, and lower the concurrency of transfers.";
  }

  private static String about(ServiceException e) {
    return e.resource() != null ? " on " + e.resource() : "";
  }

  private static String named(String name, ServiceException e, String otherwise) {
    if (name != null) {
      return name;
    }
    return e.resource() != null ? e.resource() : otherwise;
  }

  private static String inParens(String value) {
    return value == null ? "" : " (" + value + ")";
  }

  private static String size(String bytes) {
    if (bytes == null) {
      return "";
    }
    try {
      return String.format(Locale.ROOT, " (%,d bytes)", Long.parseLong(bytes.strip()));
    } catch (NumberFormatException notANumber) {
      return " (" + bytes + ")";
    }
  }

  private static String lastLine(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String[] lines = text.strip().split("\n");
    return lines[lines.length - 1].strip();
  }

  private static Instant time(String text) {
    if (text == null) {
      return null;
    }
    try {
      return SigV4.parseAmzDate(text.strip());
    } catch (RuntimeException notAmzDate) {
      try {
        return Instant.parse(text.strip());
      } catch (DateTimeParseException notIso) {
        return HttpDate.parse(text.strip()).orElse(null);
      }
    }
  }

  private static String words(Duration d) {
    long s = d.getSeconds();
    if (s < 60) {
      return s + " s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%d min %d s", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%d h %d min", s / 3600, s / 60 % 60);
  }
}
