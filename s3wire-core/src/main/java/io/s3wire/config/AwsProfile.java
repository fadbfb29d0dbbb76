package io.s3wire.config;

import java.util.Map;
import java.util.Optional;

/**
 * One named profile as the AWS CLI sees it: the {@code [profile name]} section of the config file
 * (or {@code [default]}) merged with the {@code [name]} section of the credentials file, the
 * credentials file winning for keys both define.
 *
 * @param name the profile name
 * @param properties each key's value and the file and section it came from
 * @param nested nested sections ({@code s3 =} followed by indented lines): section name to key to
 *     value with its source
 */
public record AwsProfile(
    String name, Map<String, Resolved<String>> properties, Map<String, Map<String, Resolved<String>>> nested) {
  /**
   * Copies the maps: a profile does not change when the maps it was made from do.
   *
   * @param name the profile name
   * @param properties each key's value and the file and section it came from
   * @param nested nested sections: section name to key to value with its source
   */
  public AwsProfile {
    properties = Map.copyOf(properties);
    Map<String, Map<String, Resolved<String>>> copy = new java.util.HashMap<>();
    nested.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
    nested = Map.copyOf(copy);
  }

  /**
   * A plain property.
   *
   * @param key e.g. {@code region}, as written in the file
   * @return its value and source, or empty when the profile does not set it
   */
  public Optional<Resolved<String>> property(String key) {
    return Optional.ofNullable(properties.get(key));
  }

  /**
   * A property of a nested section.
   *
   * @param section the nested section, e.g. {@code s3}
   * @param key the key inside it, e.g. {@code addressing_style}
   * @return its value and source, or empty when the profile does not set it
   */
  public Optional<Resolved<String>> nestedProperty(String section, String key) {
    Map<String, Resolved<String>> s = nested.get(section);
    return s == null ? Optional.empty() : Optional.ofNullable(s.get(key));
  }
}
