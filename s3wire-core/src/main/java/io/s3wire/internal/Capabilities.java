package io.s3wire.internal;

import io.s3wire.config.AddressingStyle;
import io.s3wire.provider.ProviderProfile;
import java.util.Objects;

/**
 * The provider profile a client runs with, and the addressing style resolved from it and the user's
 * setting. Code asks the profile's capability questions; it never asks which provider it talks to.
 *
 * @param addressing PATH or VIRTUAL: what the user chose, or for AUTO what the profile says
 */
public record Capabilities(ProviderProfile profile, AddressingStyle addressing) {
  public Capabilities {
    Objects.requireNonNull(profile, "profile");
    if (addressing == null || addressing == AddressingStyle.AUTO) {
      throw new IllegalArgumentException("addressing must be resolved to PATH or VIRTUAL");
    }
  }

  /**
   * The addressing for a user setting: an explicit PATH or VIRTUAL wins; AUTO takes the profile's
   * style, whose own AUTO means virtual-hosted where the bucket name allows it (see {@link Endpoint}).
   */
  public static AddressingStyle resolve(AddressingStyle user, ProviderProfile profile) {
    if (user != null && user != AddressingStyle.AUTO) {
      return user;
    }
    return profile.addressingStyle() == AddressingStyle.PATH ? AddressingStyle.PATH : AddressingStyle.VIRTUAL;
  }
}
