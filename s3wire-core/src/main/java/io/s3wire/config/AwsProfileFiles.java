package io.s3wire.config;

import io.s3wire.config.internal.IniParser;
import io.s3wire.error.ClientException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The shared AWS config and credentials files, read once.
 *
 * <p>Where: {@code AWS_CONFIG_FILE} or {@code ~/.aws/config}; {@code AWS_SHARED_CREDENTIALS_FILE}
 * or {@code ~/.aws/credentials} ({@code ~} expanded with the given home). A file that does not exist
 * is empty. In the config file profiles are {@code [profile name]} (and {@code [default]}), and
 * {@code [services name]} sections hold per-service settings; in the credentials file a profile is
 * {@code [name]}. Immutable.
 */
public final class AwsProfileFiles {
  /** Config file sections that are profiles start with this. */
  static final String PROFILE_PREFIX = "profile ";
  static final String SERVICES_PREFIX = "services ";

  private final Path configFile;
  private final Path credentialsFile;
  private final Map<String, IniParser.Section> config;
  private final Map<String, IniParser.Section> credentials;

  private AwsProfileFiles(Path configFile, Path credentialsFile, Map<String, IniParser.Section> config,
      Map<String, IniParser.Section> credentials) {
    this.configFile = configFile;
    this.credentialsFile = credentialsFile;
    this.config = config;
    this.credentials = credentials;
  }

  /**
   * Finds and reads both files.
   *
   * @param env the environment (only {@code AWS_CONFIG_FILE} and {@code AWS_SHARED_CREDENTIALS_FILE}
   *     are read)
   * @param home the user's home directory
   * @return both files' profiles; a missing file counts as empty
   * @throws ClientException when a file exists but cannot be read or parsed (naming file and line)
   */
  public static AwsProfileFiles load(Map<String, String> env, Path home) {
    Path configFile = location(env.get("AWS_CONFIG_FILE"), home, "config");
    Path credentialsFile = location(env.get("AWS_SHARED_CREDENTIALS_FILE"), home, "credentials");
    return load(configFile, credentialsFile);
  }

  /**
   * Reads the given files.
   *
   * @param configFile the config file ({@code [profile name]} sections); may not exist
   * @param credentialsFile the credentials file ({@code [name]} sections); may not exist
   * @return both files' profiles; a missing file counts as empty
   * @throws ClientException when a file exists but cannot be read or parsed (naming file and line)
   */
  public static AwsProfileFiles load(Path configFile, Path credentialsFile) {
    return new AwsProfileFiles(configFile, credentialsFile, read(configFile), read(credentialsFile));
  }

  private static Path location(String fromEnv, Path home, String name) {
    if (fromEnv == null || fromEnv.isBlank()) {
      return home.resolve(".aws").resolve(name);
    }
    String p = fromEnv.strip();
    if (p.equals("~")) {
      return home;
    }
    if (p.startsWith("~/")) {
      return home.resolve(p.substring(2));
    }
    return Path.of(p);
  }

  private static Map<String, IniParser.Section> read(Path file) {
    if (!Files.exists(file)) {
      return Map.of();
    }
    try {
      return IniParser.parse(file);
    } catch (IOException e) {
      throw new ClientException("AWS configuration", "cannot read " + file + ": " + e.getMessage(), e);
    } catch (IniParser.IniException e) {
      throw new ClientException("AWS configuration", e.getMessage(), e);
    }
  }

  /**
   * Where the config file was looked for.
   *
   * @return its path, whether or not it exists
   */
  public Path configFile() {
    return configFile;
  }

  /**
   * Where the credentials file was looked for.
   *
   * @return its path, whether or not it exists
   */
  public Path credentialsFile() {
    return credentialsFile;
  }

  /**
   * Whether either file defines the profile.
   *
   * @param name the profile's name, {@code default} included
   * @return {@code true} when the config or the credentials file has a section for it
   */
  public boolean hasProfile(String name) {
    return configSection(name) != null || credentials.containsKey(name);
  }

  /**
   * The profile, merged from both files (credentials file wins for keys both define); empty when
   * neither file has it.
   *
   * @param name the profile's name, {@code default} included
   * @return the merged profile, or empty
   */
  public Optional<AwsProfile> profile(String name) {
    IniParser.Section fromConfig = configSection(name);
    IniParser.Section fromCredentials = credentials.get(name);
    if (fromConfig == null && fromCredentials == null) {
      return Optional.empty();
    }
    Map<String, Resolved<String>> props = new LinkedHashMap<>();
    Map<String, Map<String, Resolved<String>>> nested = new HashMap<>();
    if (fromConfig != null) {
      add(props, nested, fromConfig, configFile + " [" + fromConfig.name() + "]");
    }
    if (fromCredentials != null) {
      add(props, nested, fromCredentials, credentialsFile + " [" + name + "]");
    }
    return Optional.of(new AwsProfile(name, props, nested));
  }

  /**
   * The profile as the credentials file alone defines it ({@code [name]}).
   *
   * @param name the profile's name
   * @return that section's properties, or empty when the file has none of that name
   */
  public Optional<AwsProfile> credentialsFileProfile(String name) {
    IniParser.Section s = credentials.get(name);
    return s == null ? Optional.empty() : Optional.of(single(name, s, credentialsFile + " [" + name + "]"));
  }

  /**
   * The profile as the config file alone defines it ({@code [profile name]}, or {@code [default]}).
   *
   * @param name the profile's name
   * @return that section's properties, or empty when the file has none of that name
   */
  public Optional<AwsProfile> configFileProfile(String name) {
    IniParser.Section s = configSection(name);
    return s == null ? Optional.empty() : Optional.of(single(name, s, configFile + " [" + s.name() + "]"));
  }

  private static AwsProfile single(String name, IniParser.Section s, String source) {
    Map<String, Resolved<String>> props = new LinkedHashMap<>();
    Map<String, Map<String, Resolved<String>>> nested = new HashMap<>();
    add(props, nested, s, source);
    return new AwsProfile(name, props, nested);
  }

  /**
   * A {@code [services name]} section of the config file: service (e.g. {@code s3}) to key to
   * value with its source.
   *
   * @param name the name after {@code services} in the section header
   * @return the section's service blocks, or empty when the config file has no such section
   */
  public Optional<Map<String, Map<String, Resolved<String>>>> services(String name) {
    IniParser.Section s = config.get(SERVICES_PREFIX + name);
    if (s == null) {
      return Optional.empty();
    }
    Map<String, Resolved<String>> ignored = new LinkedHashMap<>();
    Map<String, Map<String, Resolved<String>>> nested = new HashMap<>();
    add(ignored, nested, s, configFile + " [" + s.name() + "]");
    return Optional.of(Map.copyOf(nested));
  }

  /**
   * An {@code [sso-session name]} section of the config file: key to value with its source.
   *
   * @param name the session's name, as a profile's {@code sso_session} gives it
   * @return the section's settings, or empty when the config file has no such section
   */
  public Optional<Map<String, Resolved<String>>> ssoSession(String name) {
    IniParser.Section s = config.get("sso-session " + name);
    if (s == null) {
      return Optional.empty();
    }
    Map<String, Resolved<String>> props = new LinkedHashMap<>();
    add(props, new HashMap<>(), s, configFile + " [" + s.name() + "]");
    return Optional.of(Map.copyOf(props));
  }

  private IniParser.Section configSection(String name) {
    IniParser.Section s = config.get(PROFILE_PREFIX + name);
    if (s == null && name.equals("default")) {
      s = config.get("default");
    }
    return s;
  }

  private static void add(Map<String, Resolved<String>> props, Map<String, Map<String, Resolved<String>>> nested,
      IniParser.Section section, String source) {
    section.properties().forEach((k, v) -> props.put(k, Resolved.of(v, source)));
    section.nested().forEach((sub, values) -> {
      Map<String, Resolved<String>> target = nested.computeIfAbsent(sub, x -> new LinkedHashMap<>());
      values.forEach((k, v) -> target.put(k, Resolved.of(v, source + " " + sub + "." + k)));
    });
  }
}
