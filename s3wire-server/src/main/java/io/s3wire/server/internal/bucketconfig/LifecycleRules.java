package io.s3wire.server.internal.bucketconfig;

import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Validation of a {@code <LifecycleConfiguration>} as S3's PutBucketLifecycleConfiguration does it.
 * The rules are stored and returned, never executed: nothing expires or transitions here.
 *
 * <p>Shape errors (unknown Status, both or neither of Filter and Prefix, a Filter with more than
 * one predicate, Days and Date together) are MalformedXML; out-of-range numbers and dates are
 * InvalidArgument; a rule without any action is InvalidRequest, as on S3.
 */
public final class LifecycleRules {
  static final int MAX_RULES = 1000;
  private static final Set<String> TRANSITION_CLASSES = Set.of("GLACIER", "STANDARD_IA", "ONEZONE_IA",
      "INTELLIGENT_TIERING", "DEEP_ARCHIVE", "GLACIER_IR");
  private static final List<String> ACTIONS = List.of("Expiration", "Transition", "NoncurrentVersionExpiration",
      "NoncurrentVersionTransition", "AbortIncompleteMultipartUpload");

  private LifecycleRules() {}

  /** Validates a PutBucketLifecycleConfiguration body; returns the document to store (the body itself). */
  public static byte[] validate(byte[] body) {
    XmlTree root = XmlTree.parse(body, "LifecycleConfiguration");
    List<XmlTree> rules = root.all("Rule");
    if (rules.isEmpty() || rules.size() > MAX_RULES) {
      throw XmlTree.malformed();
    }
    Set<String> ids = new HashSet<>();
    for (XmlTree rule : rules) {
      rule(rule, ids);
    }
    return body;
  }

  private static void rule(XmlTree rule, Set<String> ids) {
    String id = rule.textOf("ID");
    if (id != null) {
      if (id.length() > 255) {
        throw invalidArgument("ID length should not exceed allowed limit of 255");
      }
      if (!ids.add(id)) {
        throw invalidArgument("Rule ID must be unique. Found same ID for more than one rule");
      }
    }
    String status = rule.textOf("Status");
    if (!"Enabled".equals(status) && !"Disabled".equals(status)) {
      throw XmlTree.malformed();
    }
    XmlTree filter = rule.one("Filter");
    XmlTree prefix = rule.one("Prefix");
    if ((filter == null) == (prefix == null)) {
      throw XmlTree.malformed();
    }
    boolean tagFilter = filter != null && filter(filter);
    if (ACTIONS.stream().noneMatch(a -> !rule.all(a).isEmpty())) {
      throw new S3ErrorException(S3ErrorCode.INVALID_REQUEST, "At least one action needs to be specified in a rule");
    }
    XmlTree expiration = rule.one("Expiration");
    if (expiration != null) {
      Integer days = expiration.intOf("Days");
      String date = expiration.textOf("Date");
      String marker = expiration.textOf("ExpiredObjectDeleteMarker");
      int given = (days != null ? 1 : 0) + (date != null ? 1 : 0) + (marker != null ? 1 : 0);
      if (given != 1) {
        throw XmlTree.malformed();
      }
      if (days != null && days <= 0) {
        throw invalidArgument("'Days' for Expiration action must be a positive integer");
      }
      if (date != null) {
        midnight(date);
      }
      if (marker != null) {
        expiration.booleanOf("ExpiredObjectDeleteMarker");
        if (tagFilter) {
          throw new S3ErrorException(S3ErrorCode.INVALID_REQUEST,
              "ExpiredObjectDeleteMarker cannot be specified with tags.");
        }
      }
    }
    for (XmlTree t : rule.all("Transition")) {
      Integer days = t.intOf("Days");
      String date = t.textOf("Date");
      if ((days == null) == (date == null)) {
        throw XmlTree.malformed();
      }
      String storageClass = t.textIn("StorageClass", TRANSITION_CLASSES);
      if (days != null && days < 0) {
        throw invalidArgument("'Days' in Transition action must be nonnegative");
      }
      if (days != null && days < 30 && (storageClass.equals("STANDARD_IA") || storageClass.equals("ONEZONE_IA"))) {
        throw invalidArgument("'Days' in Transition action for StorageClass " + storageClass
            + " must be greater than or equal to 30");
      }
      if (date != null) {
        midnight(date);
      }
    }
    XmlTree noncurrent = rule.one("NoncurrentVersionExpiration");
    if (noncurrent != null) {
      Integer days = noncurrent.intOf("NoncurrentDays");
      if (days == null) {
        throw XmlTree.malformed();
      }
      if (days <= 0) {
        throw invalidArgument("'NoncurrentDays' for NoncurrentVersionExpiration action must be a positive integer");
      }
    }
    for (XmlTree t : rule.all("NoncurrentVersionTransition")) {
      Integer days = t.intOf("NoncurrentDays");
      t.textIn("StorageClass", TRANSITION_CLASSES);
      if (days == null) {
        throw XmlTree.malformed();
      }
      if (days < 0) {
        throw invalidArgument("'NoncurrentDays' in NoncurrentVersionTransition action must be nonnegative");
      }
    }
    XmlTree abort = rule.one("AbortIncompleteMultipartUpload");
    if (abort != null) {
      Integer days = abort.intOf("DaysAfterInitiation");
      if (days == null) {
        throw XmlTree.malformed();
      }
      if (days <= 0) {
        throw invalidArgument(
            "'DaysAfterInitiation' for AbortIncompleteMultipartUpload action must be a positive integer");
      }
      if (tagFilter) {
        throw new S3ErrorException(S3ErrorCode.INVALID_REQUEST,
            "AbortIncompleteMultipartUpload cannot be specified with Tags.");
      }
    }
  }

  /** Checks a {@code <Filter>}: at most one predicate, {@code <And>} for several. Returns whether it filters by tag. */
  private static boolean filter(XmlTree filter) {
    filter.only("Prefix", "Tag", "And", "ObjectSizeGreaterThan", "ObjectSizeLessThan");
    if (filter.children().size() > 1) {
      throw XmlTree.malformed();
    }
    XmlTree tag = filter.one("Tag");
    if (tag != null) {
      tag(tag);
      return true;
    }
    XmlTree and = filter.one("And");
    if (and != null) {
      and.only("Prefix", "Tag", "ObjectSizeGreaterThan", "ObjectSizeLessThan");
      and.one("Prefix");
      and.one("ObjectSizeGreaterThan");
      and.one("ObjectSizeLessThan");
      List<XmlTree> tags = and.all("Tag");
      tags.forEach(LifecycleRules::tag);
      return !tags.isEmpty();
    }
    return false;
  }

  private static void tag(XmlTree tag) {
    tag.required("Key");
    tag.required("Value");
  }

  private static void midnight(String date) {
    OffsetDateTime t;
    try {
      t = OffsetDateTime.parse(date.endsWith("Z") || date.matches(".*[+-]\\d\\d:\\d\\d$") ? date : date + "Z");
    } catch (DateTimeParseException e) {
      throw XmlTree.malformed();
    }
    if (!t.withOffsetSameInstant(ZoneOffset.UTC).toLocalTime().equals(LocalTime.MIDNIGHT)) {
      throw invalidArgument("'Date' must be at midnight GMT");
    }
  }

  private static S3ErrorException invalidArgument(String message) {
    return new S3ErrorException(S3ErrorCode.INVALID_ARGUMENT, message);
  }
}
