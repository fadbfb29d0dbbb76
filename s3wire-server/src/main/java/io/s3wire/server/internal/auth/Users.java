package io.s3wire.server.internal.auth;

import io.s3wire.server.ServerUser;
import io.s3wire.xml.Owner;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The identities a server knows, by access key and by canonical id. Empty in anonymous mode, where
 * every request acts as {@link #defaultOwner()}. Immutable, thread-safe.
 */
public final class Users {
  private final Map<String, ServerUser> byAccessKey = new LinkedHashMap<>();
  private final Map<String, Owner> byId = new LinkedHashMap<>();
  private final Owner defaultOwner;

  /**
   * @param users the users, the first one owning every bucket without a recorded owner; empty for
   *     anonymous mode. IllegalArgumentException when two share an access key or a canonical id.
   */
  public Users(List<ServerUser> users) {
    for (ServerUser u : users) {
      if (byAccessKey.put(u.accessKey(), u) != null) {
        throw new IllegalArgumentException("access key '" + u.accessKey() + "' is given twice");
      }
      if (byId.put(u.ownerId(), new Owner(u.ownerId(), u.displayName())) != null) {
        throw new IllegalArgumentException("owner id '" + u.ownerId() + "' is given to two users");
      }
    }
    this.defaultOwner = users.isEmpty() ? new Owner(ServerUser.DEFAULT_OWNER_ID, ServerUser.DEFAULT_DISPLAY_NAME)
        : owner(users.get(0));
  }

  /** Whether the server runs without identities (anonymous mode). */
  public boolean isEmpty() {
    return byAccessKey.isEmpty();
  }

  /** The user of {@code accessKey}, or {@code null} when the server does not know it. */
  public ServerUser byAccessKey(String accessKey) {
    return byAccessKey.get(accessKey);
  }

  /** The owner of buckets without a recorded owner: the first user (anonymous mode: the default owner). */
  public Owner defaultOwner() {
    return defaultOwner;
  }

  /** The owner with canonical id {@code id}, its display name when the server knows it, else none. */
  public Owner owner(String id) {
    Owner o = byId.get(id);
    return o != null ? o : id.equals(defaultOwner.id()) ? defaultOwner : new Owner(id, null);
  }

  /** {@code user} as an {@code <Owner>}. */
  public static Owner owner(ServerUser user) {
    return new Owner(user.ownerId(), user.displayName());
  }
}
