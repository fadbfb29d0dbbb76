package io.s3wire.server.internal.s3;

import io.s3wire.server.BucketInfo;
import io.s3wire.server.ObjectAttributes;
import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import io.s3wire.xml.Owner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Who owns what. A bucket belongs to the user who created it: its canonical id is kept in the
 * bucket configuration under {@value #CONFIG}, written only when that user is not the server's
 * first user, so buckets of single-user servers (and stores written before there were several
 * users) belong to the first user. An object belongs to its bucket's owner unless the bucket's
 * ownership controls let another user who wrote it own it ({@link ObjectAttributes#owner()}).
 */
final class Owners {
  static final String CONFIG = "owner";

  private Owners() {}

  /**
   * The owner of {@code bucket}, which exists. A store that keeps no bucket configuration (a test's
   * own {@code ObjectStore}) has every bucket owned by the first user.
   */
  static Owner bucketOwner(S3Call call, String bucket) throws IOException {
    try {
      return call.store().bucketConfig(bucket, CONFIG)
          .map(id -> call.ctx.users().owner(new String(id, StandardCharsets.US_ASCII).trim()))
          .orElse(call.ctx.users().defaultOwner());
    } catch (S3ErrorException e) {
      if (e.code() == S3ErrorCode.NOT_IMPLEMENTED) {
        return call.ctx.users().defaultOwner();
      }
      throw e;
    }
  }

  /** The owner of an object with {@code attributes} in the call's bucket. */
  static Owner objectOwner(S3Call call, ObjectAttributes attributes) throws IOException {
    return attributes.owner() != null ? call.ctx.users().owner(attributes.owner()) : bucketOwner(call, call.bucket);
  }

  /**
   * The owner of an object (or upload) with {@code attributes} in a bucket owned by {@code bucketOwner}:
   * for listings, which look the bucket's owner up once.
   */
  static Owner objectOwner(S3Call call, ObjectAttributes attributes, Owner bucketOwner) {
    return attributes.owner() != null ? call.ctx.users().owner(attributes.owner()) : bucketOwner;
  }

  /**
   * Creates the call's bucket for its caller and records the owner. A bucket that exists is 409
   * BucketAlreadyOwnedByYou to its owner and 409 BucketAlreadyExists to anyone else. Creation and
   * the owner's record happen under one lock, so no other creator sees the bucket without its owner.
   */
  static void createBucket(S3Call call) throws IOException {
    Owner caller = call.caller != null ? call.caller : call.ctx.users().defaultOwner();
    synchronized (call.ctx.users()) {
      try {
        call.store().createBucket(call.bucket);
      } catch (S3ErrorException e) {
        if (e.code() == S3ErrorCode.BUCKET_ALREADY_OWNED_BY_YOU
            && !bucketOwner(call, call.bucket).id().equals(caller.id())) {
          throw new S3ErrorException(S3ErrorCode.BUCKET_ALREADY_EXISTS);
        }
        throw e;
      }
      if (!caller.id().equals(call.ctx.users().defaultOwner().id())) {
        call.store().putBucketConfig(call.bucket, CONFIG, caller.id().getBytes(StandardCharsets.US_ASCII));
      }
    }
  }

  /** The buckets the caller owns, of {@code all}. */
  static List<BucketInfo> ownedByCaller(S3Call call, List<BucketInfo> all) throws IOException {
    Owner caller = call.caller != null ? call.caller : call.ctx.users().defaultOwner();
    List<BucketInfo> out = new ArrayList<>();
    for (BucketInfo b : all) {
      try {
        if (bucketOwner(call, b.name()).id().equals(caller.id())) {
          out.add(b);
        }
      } catch (S3ErrorException e) {
        // Deleted since it was listed.
      }
    }
    return out;
  }

  /**
   * The canonical id to record as the owner of an object the caller writes into the call's bucket
   * with the canned ACL {@code cannedAcl} ({@code null}: none), or {@code null} when the bucket's
   * owner owns it: always under BucketOwnerEnforced, under BucketOwnerPreferred when the writer
   * grants the bucket owner full control ({@code bucket-owner-full-control}), never under
   * ObjectWriter (the default of a bucket without ownership controls here, as in S3 before 2023).
   */
  static String forWrite(S3Call call, String cannedAcl) throws IOException {
    if (call.caller == null) {
      return null;
    }
    Owner bucketOwner = bucketOwner(call, call.bucket);
    if (bucketOwner.id().equals(call.caller.id())) {
      return null;
    }
    String setting = ownership(call);
    if (setting.equals("BucketOwnerEnforced")) {
      return null;
    }
    if (setting.equals("BucketOwnerPreferred") && cannedAcl != null
        && cannedAcl.trim().equals("bucket-owner-full-control")) {
      return null;
    }
    return call.caller.id();
  }

  /** The id of the owner of an object the call writes, as {@link #forWrite} decides, or the bucket owner's. */
  static String effectiveOwnerId(S3Call call, String recorded) throws IOException {
    return recorded != null ? recorded : bucketOwner(call, call.bucket).id();
  }

  /** The bucket's ObjectOwnership setting; ObjectWriter without ownership controls. */
  static String ownership(S3Call call) throws IOException {
    String doc = call.store().bucketConfig(call.bucket, BucketConfigOps.Document.OWNERSHIP_CONTROLS.name)
        .map(d -> new String(d, StandardCharsets.UTF_8)).orElse("");
    for (String s : List.of("BucketOwnerEnforced", "BucketOwnerPreferred")) {
      if (doc.contains("<ObjectOwnership>" + s + "<")) {
        return s;
      }
    }
    return "ObjectWriter";
  }
}
