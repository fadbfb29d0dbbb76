package io.s3wire.server.internal.s3;

import io.s3wire.server.AclGrant;
import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import io.s3wire.xml.Owner;
import io.s3wire.xml.internal.XmlCursor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * S3 access control lists as values: canned ACLs ({@code x-amz-acl}), grant headers
 * ({@code x-amz-grant-*}) and the {@code <AccessControlPolicy>} document, read with S3's errors and
 * written back as S3 returns them. Grants are relative to the resource's owner (a bucket's or an
 * object's, see {@link Owners}): a canned ACL gives that owner FULL_CONTROL. An empty grant list
 * stands for S3's default ACL: the owner has FULL_CONTROL.
 */
final class Acl {
  static final String HEADER = "x-amz-acl";
  static final String ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
  static final String AUTHENTICATED_USERS = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";
  static final String LOG_DELIVERY = "http://acs.amazonaws.com/groups/s3/LogDelivery";
  static final List<String> PERMISSIONS = List.of("FULL_CONTROL", "WRITE", "WRITE_ACP", "READ", "READ_ACP");
  private static final List<String> GROUPS = List.of(ALL_USERS, AUTHENTICATED_USERS, LOG_DELIVERY);
  private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
  /** A canonical user id: 64 lower-case hex digits, as S3 issues them. */
  private static final Pattern CANONICAL_ID = Pattern.compile("[0-9a-f]{64}");
  private static final Map<String, String> GRANT_HEADERS = new LinkedHashMap<>();

  static {
    GRANT_HEADERS.put("x-amz-grant-full-control", "FULL_CONTROL");
    GRANT_HEADERS.put("x-amz-grant-write", "WRITE");
    GRANT_HEADERS.put("x-amz-grant-write-acp", "WRITE_ACP");
    GRANT_HEADERS.put("x-amz-grant-read", "READ");
    GRANT_HEADERS.put("x-amz-grant-read-acp", "READ_ACP");
  }

  private Acl() {}

  private static AclGrant user(String id, String permission) {
    return new AclGrant(AclGrant.CANONICAL_USER, id, permission);
  }

  private static AclGrant group(String uri, String permission) {
    return new AclGrant(AclGrant.GROUP, uri, permission);
  }

  /**
   * The grants of a canned ACL for a resource {@code ownerId} owns in a bucket {@code bucketOwnerId}
   * owns. bucket-owner-read and bucket-owner-full-control add the bucket owner's grant only when it
   * is another user; aws-exec-read's grant to EC2 has no grantee here. InvalidArgument for a name S3
   * does not know.
   */
  static List<AclGrant> canned(String name, String ownerId, String bucketOwnerId) {
    AclGrant owner = user(ownerId, "FULL_CONTROL");
    boolean other = !ownerId.equals(bucketOwnerId);
    return switch (name) {
      case "private", "aws-exec-read" -> List.of(owner);
      case "bucket-owner-read" -> other ? List.of(owner, user(bucketOwnerId, "READ")) : List.of(owner);
      case "bucket-owner-full-control" -> other ? List.of(owner, user(bucketOwnerId, "FULL_CONTROL")) : List.of(owner);
      case "public-read" -> List.of(owner, group(ALL_USERS, "READ"));
      case "public-read-write" -> List.of(owner, group(ALL_USERS, "READ"), group(ALL_USERS, "WRITE"));
      case "authenticated-read" -> List.of(owner, group(AUTHENTICATED_USERS, "READ"));
      case "log-delivery-write" -> List.of(owner, group(LOG_DELIVERY, "WRITE"), group(LOG_DELIVERY, "READ_ACP"));
      default -> throw new S3ErrorException(S3ErrorCode.INVALID_ARGUMENT,
          S3ErrorCode.INVALID_ARGUMENT.message(), argument(HEADER, name));
    };
  }

  /**
   * The ACL a request's headers set, or {@code null} when it sends neither {@code x-amz-acl} nor a
   * grant header. InvalidRequest for both at once, as S3 answers. A canned ACL is read as in
   * {@link #canned}.
   */
  static List<AclGrant> fromHeaders(S3Call call, String ownerId, String bucketOwnerId) {
    String canned = call.header(HEADER);
    List<AclGrant> grants = new ArrayList<>();
    boolean sawGrant = false;
    for (Map.Entry<String, String> h : GRANT_HEADERS.entrySet()) {
      String value = call.header(h.getKey());
      if (value != null) {
        sawGrant = true;
        grants.addAll(grantHeader(h.getKey(), value, h.getValue()));
      }
    }
    if (canned != null && sawGrant) {
      throw new S3ErrorException(S3ErrorCode.INVALID_REQUEST,
          "Specifying both Canned ACLs and Header Grants is not allowed");
    }
    if (canned != null) {
      return canned(canned.trim(), ownerId, bucketOwnerId);
    }
    return sawGrant ? grants : null;
  }

  /** One grant header: {@code id="..."}, {@code uri="..."} or {@code emailAddress="..."}, comma-separated. */
  private static List<AclGrant> grantHeader(String header, String value, String permission) {
    List<AclGrant> grants = new ArrayList<>();
    for (String part : value.split(",")) {
      String p = part.trim();
      int eq = p.indexOf('=');
      if (eq <= 0) {
        throw badGrantHeader(header, value);
      }
      String type = p.substring(0, eq).trim();
      String grantee = p.substring(eq + 1).trim();
      if (grantee.length() >= 2 && grantee.startsWith("\"") && grantee.endsWith("\"")) {
        grantee = grantee.substring(1, grantee.length() - 1);
      }
      switch (type.toLowerCase(java.util.Locale.ROOT)) {
        case "id" -> grants.add(user(checkId(grantee), permission));
        case "uri" -> grants.add(group(checkGroup(grantee), permission));
        case "emailaddress" -> throw unresolvable(grantee);
        default -> throw badGrantHeader(header, value);
      }
    }
    return grants;
  }

  private static S3ErrorException badGrantHeader(String header, String value) {
    return new S3ErrorException(S3ErrorCode.INVALID_ARGUMENT, "Argument format not recognized",
        argument(header, value));
  }

  /** S3's ArgumentName and ArgumentValue elements, in that order. */
  private static Map<String, String> argument(String name, String value) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("ArgumentName", name);
    m.put("ArgumentValue", value);
    return m;
  }

  private static S3ErrorException unresolvable(String email) {
    return new S3ErrorException(S3ErrorCode.UNRESOLVABLE_GRANT_BY_EMAIL_ADDRESS,
        S3ErrorCode.UNRESOLVABLE_GRANT_BY_EMAIL_ADDRESS.message(), Map.of("EmailAddress", email));
  }

  private static String checkId(String id) {
    if (!CANONICAL_ID.matcher(id).matches()) {
      throw new S3ErrorException(S3ErrorCode.INVALID_ARGUMENT, "Invalid id",
          argument("CanonicalUser/ID", id));
    }
    return id;
  }

  private static String checkGroup(String uri) {
    if (!GROUPS.contains(uri)) {
      throw new S3ErrorException(S3ErrorCode.INVALID_ARGUMENT, "Invalid group uri",
          argument("Group/URI", uri));
    }
    return uri;
  }

  /** Whether {@code grants} give nobody but {@code ownerId} anything: what a bucket with ACLs disabled allows. */
  static boolean ownerOnly(List<AclGrant> grants, String ownerId) {
    return grants.stream().allMatch(g -> g.granteeType().equals(AclGrant.CANONICAL_USER)
        && g.grantee().equals(ownerId));
  }

  /** The default ACL of a resource {@code ownerId} owns: its owner has FULL_CONTROL. */
  static List<AclGrant> ownerFullControl(String ownerId) {
    return List.of(user(ownerId, "FULL_CONTROL"));
  }

  /** Whether {@code grants} give everyone ({@code AllUsers}) {@code permission}, FULL_CONTROL included. */
  static boolean grantsEveryone(List<AclGrant> grants, String permission) {
    return grants.stream().anyMatch(g -> g.granteeType().equals(AclGrant.GROUP) && g.grantee().equals(ALL_USERS)
        && (g.permission().equals(permission) || g.permission().equals("FULL_CONTROL")));
  }

  /** The {@code <AccessControlPolicy>} S3 returns for {@code grants} of a resource {@code owner} owns (the default ACL when empty). */
  static byte[] toXml(List<AclGrant> grants, Owner owner) {
    StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<AccessControlPolicy xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Owner><ID>")
        .append(owner.id()).append("</ID>");
    if (owner.displayName() != null) {
      x.append("<DisplayName>").append(escape(owner.displayName())).append("</DisplayName>");
    }
    x.append("</Owner><AccessControlList>");
    for (AclGrant g : grants.isEmpty() ? ownerFullControl(owner.id()) : grants) {
      x.append("<Grant><Grantee xmlns:xsi=\"").append(XSI).append("\" xsi:type=\"").append(g.granteeType())
          .append("\">");
      if (g.granteeType().equals(AclGrant.GROUP)) {
        x.append("<URI>").append(escape(g.grantee())).append("</URI>");
      } else {
        x.append("<ID>").append(escape(g.grantee())).append("</ID>");
        if (g.grantee().equals(owner.id()) && owner.displayName() != null) {
          x.append("<DisplayName>").append(escape(owner.displayName())).append("</DisplayName>");
        }
      }
      x.append("</Grantee><Permission>").append(g.permission()).append("</Permission></Grant>");
    }
    return x.append("</AccessControlList></AccessControlPolicy>").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  /**
   * The grants of an {@code <AccessControlPolicy>} document: MalformedACLError when it is not one (a
   * grantee without {@code xsi:type} or its ID/URI, an unknown permission), InvalidArgument for an
   * unknown id or group, UnresolvableGrantByEmailAddress for a grantee by e-mail (this server knows
   * no e-mail addresses).
   */
  static List<AclGrant> fromXml(byte[] body) {
    List<AclGrant> grants = new ArrayList<>();
    XMLStreamReader r = null;
    try {
      r = XmlCursor.newReader(body);
      r.nextTag();
      require(r, "AccessControlPolicy");
      boolean sawList = false;
      while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
        switch (r.getLocalName()) {
          case "Owner" -> skip(r);
          case "AccessControlList" -> {
            if (sawList) {
              throw malformed();
            }
            sawList = true;
            while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
              require(r, "Grant");
              grants.add(grant(r));
            }
          }
          default -> throw malformed();
        }
      }
      if (!sawList) {
        throw malformed();
      }
      while (r.hasNext()) {
        if (r.next() == XMLStreamConstants.START_ELEMENT) {
          throw malformed();
        }
      }
      return grants;
    } catch (XMLStreamException | RuntimeException e) {
      if (e instanceof S3ErrorException s) {
        throw s;
      }
      throw malformed();
    } finally {
      if (r != null) {
        try {
          r.close();
        } catch (XMLStreamException ignored) {
          // Nothing to release beyond the array.
        }
      }
    }
  }

  /** One {@code <Grant>}: a {@code <Grantee>} and a {@code <Permission>}, the reader left on its end tag. */
  private static AclGrant grant(XMLStreamReader r) throws XMLStreamException {
    String type = null;
    Map<String, String> grantee = null;
    String permission = null;
    while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
      switch (r.getLocalName()) {
        case "Grantee" -> {
          type = r.getAttributeValue(XSI, "type");
          grantee = new LinkedHashMap<>();
          while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String name = r.getLocalName();
            grantee.put(name, r.getElementText().trim());
          }
        }
        case "Permission" -> permission = r.getElementText().trim();
        default -> throw malformed();
      }
    }
    if (type == null || grantee == null || permission == null || !PERMISSIONS.contains(permission)) {
      throw malformed();
    }
    return switch (type) {
      case AclGrant.CANONICAL_USER -> user(checkId(required(grantee, "ID")), permission);
      case AclGrant.GROUP -> group(checkGroup(required(grantee, "URI")), permission);
      case "AmazonCustomerByEmail" -> throw unresolvable(required(grantee, "EmailAddress"));
      default -> throw malformed();
    };
  }

  private static String required(Map<String, String> grantee, String name) {
    String v = grantee.get(name);
    if (v == null || v.isEmpty()) {
      throw malformed();
    }
    return v;
  }

  private static void require(XMLStreamReader r, String name) {
    if (!r.getLocalName().equals(name)) {
      throw malformed();
    }
  }

  private static void skip(XMLStreamReader r) throws XMLStreamException {
    int depth = 1;
    while (depth > 0) {
      int e = r.next();
      if (e == XMLStreamConstants.START_ELEMENT) {
        if (++depth > 8) {
          throw malformed();
        }
      } else if (e == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }

  private static S3ErrorException malformed() {
    return new S3ErrorException(S3ErrorCode.MALFORMED_ACL_ERROR);
  }
}
