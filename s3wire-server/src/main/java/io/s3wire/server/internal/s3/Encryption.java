package io.s3wire.server.internal.s3;

import io.netty.handler.codec.http.HttpHeaders;
import io.s3wire.server.ObjectEncryption;
import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Server-side encryption as S3 has it: the SSE-S3/SSE-KMS headers of a write validated, stored and
 * echoed, the bucket's default applied to writes that name none, and SSE-C enforced: a customer key
 * is checked against its MD5, accepted only over TLS, kept as a salted HMAC, and demanded (the same
 * key) by every later read, copy and part upload. Bytes are stored as given.
 *
 * <p>The customer key is a secret: it is never logged, stored, or put in an error; the errors below
 * name the header, never its value.
 */
final class Encryption {
  static final String SSE = "x-amz-server-side-encryption";
  static final String KMS_KEY_ID = "x-amz-server-side-encryption-aws-kms-key-id";
  static final String KMS_CONTEXT = "x-amz-server-side-encryption-context";
  static final String BUCKET_KEY = "x-amz-server-side-encryption-bucket-key-enabled";
  static final String CUSTOMER_ALGORITHM = "x-amz-server-side-encryption-customer-algorithm";
  static final String CUSTOMER_KEY = "x-amz-server-side-encryption-customer-key";
  static final String CUSTOMER_KEY_MD5 = "x-amz-server-side-encryption-customer-key-MD5";
  /** The prefix of CopyObject's and UploadPartCopy's headers for an SSE-C source's key. */
  static final String COPY_SOURCE = "x-amz-copy-source-";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String MISSING_UPLOAD_KEY = "The multipart upload initiate requested encryption."
      + " Subsequent part requests must include the appropriate encryption parameters.";
  private static final String WRONG_UPLOAD_KEY = "The provided encryption parameters did not match the ones used"
      + " originally.";

  private Encryption() {}

  /**
   * A customer key presented with a request, checked against its MD5. Holds the key's bytes only
   * as long as the request runs; its {@link #toString} names no secret.
   */
  static final class CustomerKey {
    final String algorithm;
    final String md5;
    private final byte[] key;

    private CustomerKey(String algorithm, String md5, byte[] key) {
      this.algorithm = algorithm;
      this.md5 = md5;
      this.key = key;
    }

    /** A fresh salted HMAC-SHA256 of the key, {@code salt:hmac} in base64, to store in its place. */
    String newFingerprint() {
      byte[] salt = new byte[16];
      RANDOM.nextBytes(salt);
      return b64(salt) + ":" + b64(hmac(salt));
    }

    /** Whether this is the key {@code fingerprint} was made from. */
    boolean matches(String fingerprint) {
      int colon = fingerprint.indexOf(':');
      if (colon < 0) {
        return false;
      }
      Base64.Decoder d = Base64.getDecoder();
      return MessageDigest.isEqual(hmac(d.decode(fingerprint.substring(0, colon))), d.decode(fingerprint.substring(colon + 1)));
    }

    private byte[] hmac(byte[] salt) {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(salt, "HmacSHA256"));
        return mac.doFinal(key);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("the JDK always has HmacSHA256", e);
      }
    }

    @Override
    public String toString() {
      return "CustomerKey(" + algorithm + ", MD5 " + md5 + ")";
    }
  }

  /**
   * The encryption of an object a PutObject, CreateMultipartUpload or CopyObject writes: what the
   * request names (SSE-S3, SSE-KMS, DSSE-KMS or SSE-C), else the bucket's default encryption,
   * which is SSE-S3 unless PutBucketEncryption chose otherwise. SSE-C is refused with 403
   * AccessDenied where the bucket blocks it.
   */
  static ObjectEncryption forWrite(S3Call call) throws IOException {
    return forWrite(call, call::header);
  }

  /**
   * {@link #forWrite(S3Call)} with the encryption named by {@code field} (lower-case name to value)
   * instead of the request's headers: a browser-form POST names it in its form fields.
   */
  static ObjectEncryption forWrite(S3Call call, java.util.function.UnaryOperator<String> field) throws IOException {
    CustomerKey customer = customerKey(call, "", field);
    String sse = field.apply(SSE);
    BucketEncryptionOps.Config bucket = BucketEncryptionOps.config(call);
    if (customer != null) {
      if (sse != null) {
        throw new S3ErrorException(S3ErrorCode.INVALID_ARGUMENT, "Server Side Encryption with Customer provided key is"
            + " incompatible with the encryption method specified", argument(SSE, sse));
      }
      if (bucket.blocksCustomerKeys()) {
        throw new S3ErrorException(S3ErrorCode.ACCESS_DENIED, "Requests specifying Server Side Encryption with"
            + " Customer provided keys are blocked for this bucket (BlockedEncryptionTypes SSE-C)");
      }
      return ObjectEncryption.customer(customer.algorithm, customer.md5, customer.newFingerprint());
    }
    String keyId = field.apply(KMS_KEY_ID);
    String context = field.apply(KMS_CONTEXT);
    Boolean bucketKey = bucketKeyHeader(field);
    if (sse == null) {
      if (keyId != null || context != null) {
        throw kmsRequired(keyId != null ? KMS_KEY_ID : KMS_CONTEXT);
      }
      if (!BucketEncryptionOps.isKms(bucket.algorithm())) {
        return ObjectEncryption.SSE_S3;
      }
      return ObjectEncryption.kms(bucket.algorithm(), kmsKeyArn(call, bucket.kmsKeyId()), null,
          bucketKey != null ? bucketKey : bucket.bucketKeyEnabled());
    }
    if (!sse.equals("AES256") && !BucketEncryptionOps.isKms(sse)) {
      throw new S3ErrorException(S3ErrorCode.INVALID_ARGUMENT, "The encryption method specified is not supported",
          argument(SSE, sse));
    }
    if (sse.equals("AES256")) {
      if (keyId != null || context != null) {
        throw kmsRequired(keyId != null ? KMS_KEY_ID : KMS_CONTEXT);
      }
      return ObjectEncryption.SSE_S3;
    }
    if (context != null) {
      checkContext(context);
    }
    if (keyId == null && BucketEncryptionOps.isKms(bucket.algorithm())) {
      keyId = bucket.kmsKeyId();
    }
    return ObjectEncryption.kms(sse, kmsKeyArn(call, keyId), context,
        bucketKey != null ? bucketKey : BucketEncryptionOps.isKms(bucket.algorithm()) && bucket.bucketKeyEnabled());
  }

  private static Boolean bucketKeyHeader(java.util.function.UnaryOperator<String> field) {
    String v = field.apply(BUCKET_KEY);
    if (v == null) {
      return null;
    }
    if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(v.toLowerCase(Locale.ROOT));
    }
    throw new S3ErrorException(S3ErrorCode.INVALID_ARGUMENT, "The value of the header '" + BUCKET_KEY
        + "' must be true or false", argument(BUCKET_KEY, v));
  }

  private static S3ErrorException kmsRequired(String header) {
    return new S3ErrorException(S3ErrorCode.INVALID_ARGUMENT,
        "Server Side Encryption with AWS KMS managed key requires HTTP header x-amz-server-side-encryption : aws:kms",
        Map.of("ArgumentName", header));
  }

  /** The context must be base64 of a JSON object (S3 takes a string-to-string map). */
  private static void checkContext(String context) {
    String json;
    try {
      json = new String(Base64.getDecoder().decode(context), StandardCharsets.UTF_8).trim();
    } catch (IllegalArgumentException e) {
      json = "";
    }
    if (!json.startsWith("{") || !json.endsWith("}")) {
      throw new S3ErrorException(S3ErrorCode.INVALID_ARGUMENT, "The header '" + KMS_CONTEXT + "' shall be"
          + " Base64-encoded UTF-8 string holding JSON which represents a string-string map",
          Map.of("ArgumentName", KMS_CONTEXT));
    }
  }

  /**
   * The key id as S3 reports it, an ARN: an ARN as given, an alias or key id in this server's region
   * (account 000000000000, there being no KMS behind it), and without one, S3's AWS-managed key.
   */
  static String kmsKeyArn(S3Call call, String keyId) {
    String prefix = "arn:aws:kms:" + call.ctx.profile().expectedRegion() + ":000000000000:";
    if (keyId == null || keyId.isBlank()) {
      return prefix + "alias/aws/s3";
    }
    if (keyId.startsWith("arn:")) {
      return keyId;
    }
    return prefix + (keyId.startsWith("alias/") ? keyId : "key/" + keyId);
  }

  /**
   * The customer key the request presents with headers {@code x-amz-server-side-encryption-customer-*}
   * ({@code prefix} empty), or for a copy's source ({@code prefix} {@link #COPY_SOURCE})
   * {@code x-amz-copy-source-server-side-encryption-customer-*}, checked as S3 checks it;
   * {@code null} when it sends none of them.
   */
  static CustomerKey customerKey(S3Call call, String prefix) {
    return customerKey(call, prefix, call::header);
  }

  private static CustomerKey customerKey(S3Call call, String prefix, java.util.function.UnaryOperator<String> field) {
    String algorithmHeader = named(prefix, CUSTOMER_ALGORITHM);
    String keyHeader = named(prefix, CUSTOMER_KEY);
    String md5Header = named(prefix, CUSTOMER_KEY_MD5);
    String algorithm = field.apply(algorithmHeader);
    String key = field.apply(keyHeader);
    String md5 = field.apply(md5Header);
    if (algorithm == null && key == null && md5 == null) {
      return null;
    }
    if (!call.exchange.secure()) {
      throw new S3ErrorException(S3ErrorCode.INVALID_REQUEST, "Requests specifying Server Side Encryption with"
          + " Customer provided keys must be made over a secure connection.");
    }
    if (algorithm == null) {
      throw new S3ErrorException(S3ErrorCode.INVALID_ARGUMENT, "Requests specifying Server Side Encryption with"
          + " Customer provided keys must provide a valid encryption algorithm.",
          Map.of("ArgumentName", algorithmHeader));
    }
    if (!algorithm.equals("AES256")) {
      throw new S3ErrorException(S3ErrorCode.INVALID_ENCRYPTION_ALGORITHM, S3ErrorCode.INVALID_ENCRYPTION_ALGORITHM.message(),
          argument(algorithmHeader, algorithm));
    }
    if (key == null) {
      throw new S3ErrorException(S3ErrorCode.INVALID_ARGUMENT, "Requests specifying Server Side Encryption with"
          + " Customer provided keys must provide an appropriate secret key.",
          Map.of("ArgumentName", keyHeader));
    }
    if (md5 == null) {
      throw new S3ErrorException(S3ErrorCode.INVALID_ARGUMENT, "Requests specifying Server Side Encryption with"
          + " Customer provided keys must provide the client calculated MD5 of the secret key.",
          Map.of("ArgumentName", md5Header));
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(key.trim());
    } catch (IllegalArgumentException e) {
      bytes = new byte[0];
    }
    if (bytes.length != 32) {
      throw new S3ErrorException(S3ErrorCode.INVALID_ARGUMENT, "The secret key was invalid for the specified algorithm.",
          Map.of("ArgumentName", keyHeader));
    }
    String actual = b64(PayloadStreams.digest("MD5").digest(bytes));
    if (!actual.equals(md5.trim())) {
      throw new S3ErrorException(S3ErrorCode.INVALID_ARGUMENT,
          "The calculated MD5 hash of the key did not match the hash that was provided.",
          Map.of("ArgumentName", md5Header));
    }
    return new CustomerKey(algorithm, actual, bytes);
  }

  /** {@code header} ({@code x-amz-...}) as named for the copy source when {@code prefix} is {@link #COPY_SOURCE}. */
  private static String named(String prefix, String header) {
    return prefix.isEmpty() ? header : prefix + header.substring("x-amz-".length());
  }

  /**
   * Checks that a GetObject or HeadObject may read an object encrypted with {@code stored}: S3
   * refuses the SSE-S3/KMS headers on a read, demands an SSE-C object's key (400 InvalidRequest
   * without it, 403 AccessDenied with another), and refuses a key for an object encrypted without one.
   */
  static void checkRead(S3Call call, ObjectEncryption stored) {
    if (call.header(SSE) != null) {
      throw new S3ErrorException(S3ErrorCode.INVALID_ARGUMENT,
          "x-amz-server-side-encryption header is not supported for this operation.", argument(SSE, call.header(SSE)));
    }
    checkKey(call, stored, "");
  }

  /** Checks the {@code x-amz-copy-source-server-side-encryption-customer-*} headers against a copy's source. */
  static void checkCopySource(S3Call call, ObjectEncryption source) {
    checkKey(call, source, COPY_SOURCE);
  }

  private static void checkKey(S3Call call, ObjectEncryption stored, String prefix) {
    CustomerKey key = customerKey(call, prefix);
    if (!stored.isCustomerKey()) {
      if (key != null) {
        throw new S3ErrorException(S3ErrorCode.INVALID_REQUEST, "The encryption parameters are not applicable to this object.");
      }
      return;
    }
    if (key == null) {
      throw new S3ErrorException(S3ErrorCode.INVALID_REQUEST, "The object was stored using a form of Server Side"
          + " Encryption. The correct parameters must be provided to retrieve the object.");
    }
    if (!key.matches(stored.customerKeyFingerprint())) {
      throw new S3ErrorException(S3ErrorCode.ACCESS_DENIED);
    }
  }

  /**
   * Checks an UploadPart's or UploadPartCopy's SSE-C headers against its upload's encryption: an
   * SSE-C upload's parts must carry its key (400 InvalidRequest without, 400 InvalidArgument with
   * another); other uploads' parts must carry none.
   */
  static void checkPart(S3Call call, ObjectEncryption upload) {
    CustomerKey key = checkNotApplicable(call, upload);
    if (!upload.isCustomerKey()) {
      return;
    }
    if (key == null) {
      throw new S3ErrorException(S3ErrorCode.INVALID_REQUEST, MISSING_UPLOAD_KEY);
    }
    if (!key.matches(upload.customerKeyFingerprint())) {
      throw new S3ErrorException(S3ErrorCode.INVALID_ARGUMENT, WRONG_UPLOAD_KEY);
    }
  }

  /**
   * Checks a CompleteMultipartUpload's SSE-C headers against its upload's encryption, as S3 documents
   * them: the key is needed only when the upload was created with a checksum algorithm
   * ({@code checksumUpload}), whose part checksums S3 keeps under the key; a key sent must be the
   * upload's (400 InvalidRequest otherwise, the code S3 answers); a key for an upload without one
   * is 400 InvalidRequest.
   */
  static void checkComplete(S3Call call, ObjectEncryption upload, boolean checksumUpload) {
    CustomerKey key = checkNotApplicable(call, upload);
    if (!upload.isCustomerKey()) {
      return;
    }
    if (key == null) {
      if (checksumUpload) {
        throw new S3ErrorException(S3ErrorCode.INVALID_REQUEST, MISSING_UPLOAD_KEY);
      }
      return;
    }
    if (!key.matches(upload.customerKeyFingerprint())) {
      throw new S3ErrorException(S3ErrorCode.INVALID_REQUEST, WRONG_UPLOAD_KEY);
    }
  }

  /** The request's customer key, refused with 400 InvalidRequest when {@code upload} is not SSE-C. */
  private static CustomerKey checkNotApplicable(S3Call call, ObjectEncryption upload) {
    CustomerKey key = customerKey(call, "");
    if (!upload.isCustomerKey() && key != null) {
      throw new S3ErrorException(S3ErrorCode.INVALID_REQUEST, "The encryption parameters are not applicable to this object.");
    }
    return key;
  }

  /**
   * Sets the headers S3 answers with for an object encrypted with {@code e}: the algorithm, KMS key
   * ARN and bucket-key flag, or for SSE-C the algorithm and the key's MD5. The encryption context is
   * echoed by writes only ({@code withContext}); GET and HEAD do not return it.
   */
  static void answer(HttpHeaders h, ObjectEncryption e, boolean withContext) {
    if (e.isCustomerKey()) {
      h.set(CUSTOMER_ALGORITHM, e.customerAlgorithm());
      h.set(CUSTOMER_KEY_MD5, e.customerKeyMd5());
      return;
    }
    h.set(SSE, e.serverSide());
    if (e.isKms()) {
      h.set(KMS_KEY_ID, e.kmsKeyId());
      if (e.bucketKeyEnabled()) {
        h.set(BUCKET_KEY, "true");
      }
      if (withContext && e.kmsContext() != null) {
        h.set(KMS_CONTEXT, e.kmsContext());
      }
    }
  }

  /** The SSE-S3/KMS headers CompleteMultipartUpload answers with (S3 echoes no SSE-C headers there). */
  static void answerComplete(HttpHeaders h, ObjectEncryption e) {
    if (!e.isCustomerKey()) {
      answer(h, e, false);
    }
  }

  private static final java.util.regex.Pattern KEY_LINE = java.util.regex.Pattern.compile(
      "(?im)^((?:x-amz-copy-source-)?x-amz-server-side-encryption-customer-key):.*$");

  /**
   * {@code canonicalRequest} (echoed in SignatureDoesNotMatch) with the value of every signed SSE-C
   * key header replaced by {@code <redacted>}: the key is a secret even in an error; {@code null} stays.
   */
  static String redact(String canonicalRequest) {
    return canonicalRequest == null ? null : KEY_LINE.matcher(canonicalRequest).replaceAll("$1:<redacted>");
  }

  private static Map<String, String> argument(String name, String value) {
    Map<String, String> extra = new LinkedHashMap<>();
    extra.put("ArgumentName", name);
    extra.put("ArgumentValue", value);
    return extra;
  }

  private static String b64(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }
}
