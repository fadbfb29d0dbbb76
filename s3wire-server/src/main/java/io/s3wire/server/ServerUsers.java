package io.s3wire.server;

import java.util.ArrayList;
import java.util.List;

/** Puts a server's users together: the first from its credentials, then the further ones in order. */
final class ServerUsers {
  private ServerUsers() {}

  /**
   * The first user ({@code accessKey}, {@code secretKey}; none in anonymous mode, when both are
   * {@code null}) and then {@code more}; IllegalArgumentException for a repeated access key or id.
   */
  static List<ServerUser> all(String accessKey, String secretKey, List<ServerUser> more) {
    List<ServerUser> all = new ArrayList<>();
    if (accessKey != null) {
      all.add(ServerUser.first(accessKey, secretKey));
    }
    all.addAll(more);
    new io.s3wire.server.internal.auth.Users(all); // refuses duplicates before the server starts
    return List.copyOf(all);
  }
}
