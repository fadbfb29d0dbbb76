package io.s3wire.server.internal.s3;

import io.netty.handler.codec.http.HttpHeaders;
import io.s3wire.server.BucketVersioning;
import io.s3wire.server.StoredObject;
import io.s3wire.server.ObjectStore;
import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import io.s3wire.server.VersionEntry;
import io.s3wire.xml.S3Xml;
import io.s3wire.xml.S3XmlException;
import io.s3wire.xml.VersioningConfiguration;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Bucket versioning (PutBucketVersioning, GetBucketVersioning) and what the object operations
 * share about versions: the {@code versionId} parameter, version headers, reading a version.
 */
final class VersioningOps {
  /** The form of the ids stores give versions ({@link VersionEntry#ID_FORM}); anything else but {@code null} is malformed. */
  private static final Pattern VERSION_ID = Pattern.compile(VersionEntry.ID_FORM);

  private VersioningOps() {}

  static void putBucketVersioning(S3Call call) throws IOException {
    call.requireBucket();
    VersioningConfiguration doc;
    try {
      doc = S3Xml.readVersioningConfiguration(XmlIn.readBody(call.body, XmlIn.MAX_BODY));
    } catch (S3XmlException | IllegalArgumentException e) {
      throw new S3ErrorException(S3ErrorCode.MALFORMED_XML);
    }
    String mfa = doc.mfaDelete();
    if (mfa != null && !mfa.equals("Disabled") && !mfa.equals("Enabled")) {
      throw new S3ErrorException(S3ErrorCode.MALFORMED_XML);
    }
    if ("Enabled".equals(mfa)) {
      // S3 takes MFA delete only from the root user with an MFA device's code in x-amz-mfa.
      if (call.header("x-amz-mfa") == null) {
        throw new S3ErrorException(S3ErrorCode.ACCESS_DENIED, "Mfa Authentication must be used for this request");
      }
      throw new S3ErrorException(S3ErrorCode.NOT_IMPLEMENTED, "This server has no MFA devices: MfaDelete stays Disabled");
    }
    String status = doc.status();
    if (status == null) {
      // S3 takes a configuration that changes nothing.
      call.respond(200, call.responseHeaders());
      return;
    }
    BucketVersioning state = switch (status) {
      case "Enabled" -> BucketVersioning.ENABLED;
      case "Suspended" -> BucketVersioning.SUSPENDED;
      default -> throw new S3ErrorException(S3ErrorCode.MALFORMED_XML);
    };
    if (state == BucketVersioning.SUSPENDED && call.store().bucketConfig(call.bucket, "object-lock").isPresent()) {
      throw new S3ErrorException(S3ErrorCode.INVALID_BUCKET_STATE,
          "An Object Lock configuration is present on this bucket, so the versioning state cannot be changed.");
    }
    call.store().setVersioning(call.bucket, state);
    call.respond(200, call.responseHeaders());
  }

  static void getBucketVersioning(S3Call call) throws IOException {
    call.requireBucket();
    BucketVersioning state = call.store().versioning(call.bucket);
    call.xml(S3Xml.write(switch (state) {
      case UNVERSIONED -> VersioningConfiguration.unversioned();
      case ENABLED -> new VersioningConfiguration("Enabled", null);
      case SUSPENDED -> new VersioningConfiguration("Suspended", null);
    }));
  }

  /** The request's {@code versionId} parameter, {@code null} when absent; InvalidArgument when malformed. */
  static String versionId(S3Call call) {
    return check(call.query("versionId"), "versionId");
  }

  /** {@code id} ({@code null} allowed) if it can be a version id; InvalidArgument naming {@code parameter} if not. */
  static String check(String id, String parameter) {
    if (id == null) {
      return null;
    }
    if (id.isEmpty()) {
      throw invalid("Version id cannot be the empty string", parameter, id);
    }
    if (!id.equals(VersionEntry.NULL_ID) && !VERSION_ID.matcher(id).matches()) {
      throw invalid("Invalid version id specified", parameter, id);
    }
    return id;
  }

  private static S3ErrorException invalid(String message, String parameter, String value) {
    Map<String, String> extra = new LinkedHashMap<>();
    extra.put("ArgumentName", parameter);
    extra.put("ArgumentValue", value);
    return new S3ErrorException(S3ErrorCode.INVALID_ARGUMENT, message, extra);
  }

  /** {@code x-amz-version-id} for an object of a bucket that has versioning configured. */
  static void describe(HttpHeaders h, StoredObject info) {
    if (info.versionId() != null) {
      h.set("x-amz-version-id", info.versionId());
    }
  }

  /**
   * The object {@code versionId} names ({@code null}: the current object); NoSuchVersion when
   * absent, and for a delete marker MethodNotAllowed (GET, HEAD) or, when it is a copy's source,
   * InvalidRequest, as S3 answers.
   */
  static StoredObject head(ObjectStore store, String bucket, String key, String versionId, boolean copySource)
      throws IOException {
    if (versionId == null) {
      return store.headObject(bucket, key);
    }
    VersionEntry v = store.version(bucket, key, versionId);
    if (v.deleteMarker()) {
      if (copySource) {
        throw new S3ErrorException(S3ErrorCode.INVALID_REQUEST,
            "The source of a copy request may not specifically refer to a delete marker by version id.");
      }
      throw new S3ErrorException(S3ErrorCode.METHOD_NOT_ALLOWED, S3ErrorCode.METHOD_NOT_ALLOWED.message(),
          Map.of("header:x-amz-delete-marker", "true", "header:x-amz-version-id", versionId,
              "header:last-modified", io.s3wire.http.HttpDate.format(v.lastModified())));
    }
    return v.object();
  }

  /**
   * The parts of the object {@code versionId} names ({@code null}: the current object). Stores keep
   * part sizes with the current object only; an older version is described as stored whole.
   */
  static io.s3wire.server.ObjectParts parts(ObjectStore store, String bucket, String key, String versionId)
      throws IOException {
    if (versionId == null) {
      return store.headObjectParts(bucket, key);
    }
    StoredObject info = head(store, bucket, key, versionId, false);
    try {
      io.s3wire.server.ObjectParts current = store.headObjectParts(bucket, key);
      if (current.info().equals(info)) {
        return current;
      }
    } catch (S3ErrorException e) {
      if (e.code() != S3ErrorCode.NO_SUCH_KEY) {
        throw e;
      }
    }
    return io.s3wire.server.ObjectParts.whole(info);
  }

  /** Opens a range of the object {@code versionId} names ({@code null}: the current object). */
  static io.s3wire.server.ObjectContent open(ObjectStore store, String bucket, String key, String versionId,
      long offset, long length) throws IOException {
    return versionId == null ? store.getObject(bucket, key, offset, length)
        : store.getObjectVersion(bucket, key, versionId, offset, length);
  }
}
