package io.s3wire.server.internal.s3;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.s3wire.auth.CredentialScope;
import io.s3wire.auth.SigV4;
import io.s3wire.auth.internal.UriEncoding;
import io.s3wire.checksum.ChecksumAlgorithm;
import io.s3wire.server.ObjectAttributes;
import io.s3wire.server.StoredObject;
import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import io.s3wire.server.internal.auth.Authenticator;
import io.s3wire.server.internal.net.SingleByteRead;
import io.s3wire.server.internal.store.Digests;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * S3's browser-form upload, PostObject: {@code POST /bucket} with a {@code multipart/form-data}
 * body whose fields come before the {@code file} part. The fields are read (at most {@link
 * #MAX_PRE_DATA} bytes of body before the file, as S3 allows), the policy's signature and
 * conditions checked, then the file streams into the store; fields after it are ignored, as S3
 * ignores them. Answers 204, 200 or 201 (PostResponse XML) per {@code success_action_status}, or 303
 * to {@code success_action_redirect}.
 */
final class PostObjectOp {
  /** How many body bytes S3 accepts before the file's content (its MaxPostPreDataLengthBytes). */
  static final int MAX_PRE_DATA = 20 * 1024;
  /** How far past a content-length-range maximum the file is read to tell its size. */
  private static final long SIZE_PROBE = 16L << 20;
  private static final String META = "x-amz-meta-";

  private PostObjectOp() {}

  static void postObject(S3Call call) throws IOException {
    String boundary = MultipartFormReader.boundary(call.header("content-type"));
    if (boundary == null) {
      throw new S3ErrorException(S3ErrorCode.PRECONDITION_FAILED, S3ErrorCode.PRECONDITION_FAILED.message(),
          Map.of("Condition", "Bucket POST must be of the enclosure-type multipart/form-data"));
    }
    call.requireBucket();
    MultipartFormReader form = new MultipartFormReader(call.body, boundary);
    Map<String, String> fields = new LinkedHashMap<>();
    MultipartFormReader.Part file = null;
    for (MultipartFormReader.Part p = form.nextPart(); p != null; p = form.nextPart()) {
      checkPreData(form);
      String name = p.name().toLowerCase(Locale.ROOT);
      if (name.equals("file")) {
        file = p;
        break;
      }
      String value = form.readValue(MAX_PRE_DATA - form.position(), preDataTooLong());
      checkPreData(form);
      fields.putIfAbsent(name, value);
    }
    String key = fields.get("key");
    if (key == null) {
      throw argument("Bucket POST must contain a field named 'key'.  If it is specified, please check the order of"
          + " the fields.", "key", "");
    }
    if (file == null) {
      throw argument("POST requires exactly one file upload per request.", "file", "0");
    }
    key = key.replace("${filename}", file.filename() == null ? "" : file.filename());
    if (key.isEmpty()) {
      throw argument("User key must have a length greater than 0.", "key", "");
    }
    ObjectOps.validateKey(key);
    PostPolicy policy = authorize(call, fields);
    AccessChecks.check(call);
    if (policy != null) {
      policy.checkExpiration(Instant.now(call.ctx.clock()));
      policy.check(fields, call.bucket, key);
    }

    ChecksumHeaders.Claim claim = claim(fields);
    ChecksumAlgorithm kept = claim != null ? claim.algorithm() : Checksums.forPut(null);
    long[] range = policy == null ? null : policy.sizeRange();
    SizeCheck sized = new SizeCheck(form.content(), range);
    InputStream data = sized;
    String md5 = fields.get("content-md5");
    if (md5 != null) {
      data = new PayloadStreams.Verifying(data, "MD5", md5(md5), S3ErrorCode.BAD_DIGEST);
    }
    Digests.DigestingInputStream body = new Digests.DigestingInputStream(data,
        claim == null ? java.util.Set.of(kept) : java.util.EnumSet.of(kept, claim.algorithm()), d -> {
          if (claim != null && claim.headerValue() != null && !java.security.MessageDigest.isEqual(claim.headerValue(), d.value(claim.algorithm()))) {
            throw ChecksumHeaders.badDigest(claim.algorithm());
          }
        });
    io.s3wire.server.ObjectEncryption encryption = Encryption.forWrite(call, fields::get);
    java.util.List<io.s3wire.server.AclGrant> acl = AclOps.forForm(call, fields.get("acl"));
    // The tagging field is a <Tagging> document, as in PutObjectTagging (not x-amz-tagging's query form).
    String tagging = fields.get("tagging");
    Map<String, String> tags = tagging == null ? Map.of()
        : ObjectTaggingOps.fromXml(tagging.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    // The bucket's default retention locks a form's upload as any other new version.
    io.s3wire.server.ObjectAttributes locked = ObjectLocks.forWrite(call, attributes(fields).withTags(tags)
        .withEncryption(encryption).withAcl(acl).withOwner(Owners.forWrite(call, fields.get("acl"))));
    StoredObject info;
    try {
      info = call.store().putObject(call.bucket, key, locked, kept, body);
    } catch (S3ErrorException e) {
      if (e.code() == S3ErrorCode.ENTITY_TOO_LARGE && range != null) {
        throw tooLarge(form, sized.count, range[1]);
      }
      throw e;
    }
    // Fields after the file are ignored, as S3 ignores them; read them so the connection stays usable.
    call.body.transferTo(java.io.OutputStream.nullOutputStream());
    answer(call, fields, key, info, encryption);
  }

  /**
   * The policy a signed form carries, its signature verified; {@code null} for an unsigned form,
   * which only anonymous mode accepts (an anonymous upload, as to a public-write bucket).
   */
  private static PostPolicy authorize(S3Call call, Map<String, String> fields) {
    Authenticator auth = call.ctx.authenticator();
    String policyField = fields.get("policy");
    boolean v4 = fields.containsKey("x-amz-signature") || fields.containsKey("x-amz-credential")
        || fields.containsKey("x-amz-algorithm");
    boolean v2 = !v4 && (fields.containsKey("awsaccesskeyid") || fields.containsKey("signature"));
    if (policyField == null) {
      if (v4 || v2) {
        throw missingField("policy");
      }
      if (!auth.acceptsUnsignedForms()) {
        throw new S3ErrorException(S3ErrorCode.ACCESS_DENIED);
      }
      return null;
    }
    // The signature is checked before the policy is read: what an unsigned policy says is no one's business.
    if (v4) {
      String algorithm = required(fields, "x-amz-algorithm");
      if (!algorithm.equals(SigV4.ALGORITHM)) {
        throw argument("Invalid algorithm: only " + SigV4.ALGORITHM + " is supported.", "x-amz-algorithm", algorithm);
      }
      String credential = required(fields, "x-amz-credential");
      String date = required(fields, "x-amz-date");
      String signature = required(fields, "x-amz-signature");
      String[] parts = credential.split("/", -1);
      if (parts.length != 5 || !parts[4].equals(CredentialScope.TERMINATOR) || !parts[1].matches("[0-9]{8}")) {
        throw argument("Invalid credential: expected <access key>/<yyyyMMdd>/<region>/s3/aws4_request.",
            "x-amz-credential", credential);
      }
      try {
        SigV4.parseAmzDate(date);
      } catch (IllegalArgumentException e) {
        throw argument("Invalid x-amz-date: expected yyyyMMdd'T'HHmmss'Z'.", "x-amz-date", date);
      }
      signedBy(call, auth.verifyForm(new Authenticator.FormSignature(parts[0],
          new CredentialScope(parts[1], parts[2], parts[3]), policyField, signature)));
    } else if (v2) {
      signedBy(call, auth.verifyForm(new Authenticator.FormSignature(required(fields, "awsaccesskeyid"), null,
          policyField, required(fields, "signature"))));
    } else if (!auth.acceptsUnsignedForms()) {
      throw missingField("x-amz-signature");
    }
    return PostPolicy.parse(policyField);
  }

  /** The form acts as the user who signed it (anonymous mode: as the caller the router chose). */
  private static void signedBy(S3Call call, io.s3wire.xml.Owner signer) {
    if (signer != null) {
      call.caller = signer;
    }
  }

  /** The object's system headers and user metadata, from the form's fields. */
  private static ObjectAttributes attributes(Map<String, String> fields) {
    Map<String, String> headers = new TreeMap<>();
    Map<String, String> meta = new TreeMap<>();
    fields.forEach((name, value) -> {
      if (name.startsWith(META)) {
        meta.put(name.substring(META.length()), value);
      } else if (ObjectAttributes.STORED_HEADERS.contains(name)) {
        headers.put(name, value);
      }
    });
    headers.putIfAbsent("content-type", "binary/octet-stream");
    return new ObjectAttributes(headers, meta);
  }

  /** The checksum the form claims ({@code x-amz-checksum-<algorithm>} and {@code x-amz-checksum-algorithm}). */
  private static ChecksumHeaders.Claim claim(Map<String, String> fields) {
    ChecksumAlgorithm named = null;
    ChecksumAlgorithm valued = null;
    byte[] value = null;
    for (Map.Entry<String, String> f : fields.entrySet()) {
      String name = f.getKey();
      if (name.equals(ChecksumHeaders.ALGORITHM)) {
        named = ChecksumHeaders.algorithm(f.getValue().trim());
      } else if (name.startsWith("x-amz-checksum-") && !name.equals(ChecksumHeaders.TYPE)
          && !name.equals(ChecksumHeaders.MODE)) {
        ChecksumAlgorithm a = ChecksumAlgorithm.forHeader(name);
        if (a == null) {
          throw ChecksumHeaders.invalid("The algorithm type you specified in x-amz-checksum- header is invalid.");
        }
        if (valued != null) {
          throw ChecksumHeaders.multiple();
        }
        valued = a;
        value = ChecksumHeaders.value(a, f.getValue(), name + " field");
      }
    }
    if (named != null && valued != null && named != valued) {
      throw ChecksumHeaders.invalidValue(ChecksumHeaders.ALGORITHM);
    }
    if (valued != null) {
      return new ChecksumHeaders.Claim(valued, value);
    }
    // An algorithm without a value: the object keeps that checksum, nothing to check it against.
    return named == null ? null : new ChecksumHeaders.Claim(named, null);
  }

  private static void answer(S3Call call, Map<String, String> fields, String key, StoredObject info,
      io.s3wire.server.ObjectEncryption encryption) {
    HttpHeaders h = call.responseHeaders();
    h.set("etag", info.etag());
    Encryption.answer(h, encryption, true);
    Checksums.answer(h, info.checksum(), true);
    String location = location(call, key);
    String redirect = fields.getOrDefault("success_action_redirect", fields.get("redirect"));
    if (redirect != null && isRedirectUrl(redirect)) {
      String target = redirect + (redirect.contains("?") ? "&" : "?") + "bucket=" + UriEncoding.encode(call.bucket, false)
          + "&key=" + UriEncoding.encode(key, false) + "&etag=" + UriEncoding.encode(info.etag(), false);
      h.set("location", target);
      call.respond(303, h);
      return;
    }
    h.set("location", location);
    String status = fields.getOrDefault("success_action_status", "204").trim();
    switch (status) {
      case "200" -> call.respond(200, h);
      case "201" -> {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<PostResponse><Location>" + xml(location)
            + "</Location><Bucket>" + xml(call.bucket) + "</Bucket><Key>" + xml(key) + "</Key><ETag>"
            + xml(info.etag()) + "</ETag></PostResponse>";
        h.set("content-type", "application/xml");
        call.exchange.respond(HttpResponseStatus.CREATED, h,
            Unpooled.wrappedBuffer(xml.getBytes(StandardCharsets.UTF_8)));
      }
      default -> call.respond(204, h);
    }
  }

  /** The new object's URL, as the client addressed the server (path style). */
  private static String location(S3Call call, String key) {
    String host = call.header("host");
    return (call.exchange.secure() ? "https://" : "http://") + (host == null ? "localhost" : host) + "/"
        + UriEncoding.encode(call.bucket, false) + "/" + UriEncoding.encode(key, true);
  }

  /** Whether a redirect field is a URL S3 redirects to; S3 ignores the field otherwise. */
  private static boolean isRedirectUrl(String value) {
    try {
      URI uri = new URI(value);
      return uri.isAbsolute() && uri.getHost() != null;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  private static String xml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private static byte[] md5(String base64) {
    try {
      byte[] d = java.util.Base64.getDecoder().decode(base64.trim());
      if (d.length == 16) {
        return d;
      }
    } catch (IllegalArgumentException e) {
      // Falls through to InvalidDigest.
    }
    throw new S3ErrorException(S3ErrorCode.INVALID_DIGEST);
  }

  private static void checkPreData(MultipartFormReader form) {
    if (form.position() > MAX_PRE_DATA) {
      throw preDataTooLong();
    }
  }

  private static S3ErrorException preDataTooLong() {
    return new S3ErrorException(S3ErrorCode.MAX_POST_PRE_DATA_LENGTH_EXCEEDED,
        S3ErrorCode.MAX_POST_PRE_DATA_LENGTH_EXCEEDED.message(),
        Map.of("MaxPostPreDataLengthBytes", Integer.toString(MAX_PRE_DATA)));
  }

  /** EntityTooLarge with the file's size when the rest of it is within reach, so the client learns it. */
  private static S3ErrorException tooLarge(MultipartFormReader form, long read, long max) throws IOException {
    Map<String, String> extra = new LinkedHashMap<>();
    long more = form.skipContent(SIZE_PROBE);
    if (more >= 0) {
      extra.put("ProposedSize", Long.toString(read + more));
    }
    extra.put("MaxSizeAllowed", Long.toString(max));
    return new S3ErrorException(S3ErrorCode.ENTITY_TOO_LARGE, S3ErrorCode.ENTITY_TOO_LARGE.message(), extra);
  }

  private static String required(Map<String, String> fields, String name) {
    String v = fields.get(name);
    if (v == null) {
      throw missingField(name);
    }
    return v.trim();
  }

  private static S3ErrorException missingField(String name) {
    return argument("Bucket POST must contain a field named '" + name + "'.  If it is specified, please check the"
        + " order of the fields.", name, "");
  }

  private static S3ErrorException argument(String message, String name, String value) {
    Map<String, String> extra = new LinkedHashMap<>();
    extra.put("ArgumentName", name);
    extra.put("ArgumentValue", value);
    return new S3ErrorException(S3ErrorCode.INVALID_ARGUMENT, message, extra);
  }

  /**
   * The file's bytes, held to the policy's content-length-range: EntityTooLarge as soon as they
   * pass the maximum, EntityTooSmall at their end when below the minimum; thrown from a read, so the
   * store keeps nothing.
   */
  private static final class SizeCheck extends FilterInputStream {
    private final long[] range;
    long count;

    SizeCheck(InputStream in, long[] range) {
      super(in);
      this.range = range;
    }

    @Override
    public int read() throws IOException {
      return SingleByteRead.of(this);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
        if (range != null && count > range[1]) {
          throw new S3ErrorException(S3ErrorCode.ENTITY_TOO_LARGE);
        }
      } else if (n < 0 && range != null && count < range[0]) {
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("ProposedSize", Long.toString(count));
        extra.put("MinSizeAllowed", Long.toString(range[0]));
        throw new S3ErrorException(S3ErrorCode.ENTITY_TOO_SMALL, "Your proposed upload is smaller than the minimum"
            + " allowed size", extra);
      }
      return n;
    }
  }
}
