package io.s3wire.auth;

import io.s3wire.config.AwsProfile;
import io.s3wire.config.AwsProfileFiles;
import io.s3wire.config.Resolved;
import io.s3wire.error.ClientException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where credentials come from. {@link #find()} looks; {@link #resolve()} insists.
 *
 * <p>Implementations must be thread-safe and must never put a secret into a message.
 */
public interface CredentialsProvider {
  /**
   * Looks for credentials in this provider's source. An implementation may block here (e.g. a
   * refreshing provider calling a service); a signer on an event loop uses {@link #currentAsync()}.
   *
   * @return the credentials with where they came from (for {@code config show}), or empty when
   *     this source has none at all
   * @throws ClientException when the source has partial or invalid credentials (e.g. an access key
   *     without its secret), naming the source
   */
  Optional<Resolved<Credentials>> find();

  /**
   * Where this provider looks, in words, for error messages such as "no AWS credentials found".
   *
   * @return e.g. {@code "environment variables AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY"} or a file
   *     and section; never contains a credential
   */
  String description();

  /**
   * The credentials, as {@link #find()} finds them, for callers that cannot go on without.
   *
   * @return the credentials, never {@code null}
   * @throws ClientException naming every place looked at when there are none
   */
  default Credentials resolve() {
    return find().map(Resolved::value).orElseThrow(() -> new ClientException("credentials",
        "no AWS credentials found; looked in " + description()));
  }

  /**
   * The credentials to sign with at this moment, without blocking the calling thread on I/O:
   * providers whose credentials expire (see {@code io.s3wire.credentials.RefreshingCredentialsProvider})
   * complete it from their cache or after their refresh. This default resolves at once, which suits
   * providers that only read memory.
   *
   * @return a future completed with the credentials, or failed with the exception {@link
   *     #resolve()} would throw (a {@link ClientException} when there are none)
   */
  default java.util.concurrent.CompletableFuture<Credentials> currentAsync() {
    try {
      return java.util.concurrent.CompletableFuture.completedFuture(resolve());
    } catch (RuntimeException e) {
      return java.util.concurrent.CompletableFuture.failedFuture(e);
    }
  }

  /**
   * When the credentials this provider last handed out expire, for display (e.g. {@code s3wire
   * config show}).
   *
   * @return the expiry instant, or empty for long-term keys or when none were handed out yet
   */
  default Optional<java.time.Instant> expiration() {
    return Optional.empty();
  }

  /**
   * Fixed credentials given by the caller, labelled {@code "explicit credentials"}.
   *
   * @param credentials the credentials every call returns
   * @return a provider that always finds {@code credentials}; it never expires
   * @throws NullPointerException if {@code credentials} is {@code null}
   */
  static CredentialsProvider of(Credentials credentials) {
    return of(credentials, "explicit credentials");
  }

  /**
   * Fixed credentials, with a source label for {@code config show}.
   *
   * @param credentials the credentials every call returns
   * @param source where they came from in words, e.g. {@code "--access-key"}; also the provider's
   *     {@link #description()}
   * @return a provider that always finds {@code credentials}; it never expires
   * @throws NullPointerException if {@code credentials} or {@code source} is {@code null}
   */
  static CredentialsProvider of(Credentials credentials, String source) {
    Objects.requireNonNull(credentials, "credentials");
    Resolved<Credentials> r = Resolved.of(credentials, source);
    return new CredentialsProvider() {
      @Override
      public Optional<Resolved<Credentials>> find() {
        return Optional.of(r);
      }

      @Override
      public String description() {
        return source;
      }
    };
  }

  /**
   * {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY} and optional {@code AWS_SESSION_TOKEN}
   * from the given environment (pass {@code System.getenv()} in production). Blank values count
   * as unset; values are stripped of surrounding white space.
   *
   * @param env the environment variables; copied, so later changes to the map are not seen
   * @return a provider that finds nothing when neither key variable is set, and whose {@link
   *     #find()} throws a {@link ClientException} when only one of the two is
   * @throws NullPointerException if {@code env} is {@code null} or holds a {@code null} key or value
   */
  static CredentialsProvider environment(Map<String, String> env) {
    Map<String, String> copy = Map.copyOf(env);
    return new CredentialsProvider() {
      @Override
      public Optional<Resolved<Credentials>> find() {
        String id = blankToNull(copy.get("AWS_ACCESS_KEY_ID"));
        String secret = blankToNull(copy.get("AWS_SECRET_ACCESS_KEY"));
        if (id == null && secret == null) {
          return Optional.empty();
        }
        if (id == null || secret == null) {
          throw new ClientException("credentials", (id == null ? "AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not"
              : "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not") + " (environment variables)");
        }
        return Optional.of(Resolved.of(new Credentials(id, secret, blankToNull(copy.get("AWS_SESSION_TOKEN"))),
            "environment variables AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY"));
      }

      @Override
      public String description() {
        return "environment variables AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY";
      }
    };
  }

  /**
   * {@code aws_access_key_id}, {@code aws_secret_access_key} and optional {@code aws_session_token}
   * of a profile: the credentials file's {@code [name]} first, then the config file's {@code
   * [profile name]}, each section taken whole (keys are never mixed across files). The legacy
   * {@code aws_security_token} is read when {@code aws_session_token} is absent.
   *
   * @param files the loaded credentials and config files
   * @param profileName the profile's name, e.g. {@code default}
   * @return a provider that finds nothing when neither section has a key pair, and whose {@link
   *     #find()} throws a {@link ClientException} naming the file when a section has only half of one
   * @throws NullPointerException if an argument is {@code null}
   */
  static CredentialsProvider profile(AwsProfileFiles files, String profileName) {
    Objects.requireNonNull(files, "files");
    Objects.requireNonNull(profileName, "profileName");
    return new CredentialsProvider() {
      @Override
      public Optional<Resolved<Credentials>> find() {
        Optional<Resolved<Credentials>> c = files.credentialsFileProfile(profileName).flatMap(p -> fromProfile(p));
        return c.isPresent() ? c : files.configFileProfile(profileName).flatMap(p -> fromProfile(p));
      }

      @Override
      public String description() {
        return files.credentialsFile() + " [" + profileName + "], " + files.configFile() + " ["
            + (profileName.equals("default") ? "default" : "profile " + profileName) + "]";
      }
    };
  }

  /**
   * The first provider that has credentials, in order. {@link #currentAsync()} and {@link
   * #expiration()} go to the member that last found credentials, so a refreshing member keeps
   * refreshing through the chain.
   *
   * @param providers the providers to ask, first first; copied
   * @return a provider whose {@link #description()} lists every member's, separated by {@code ;}
   * @throws NullPointerException if {@code providers} or one of its elements is {@code null}
   */
  static CredentialsProvider chain(List<CredentialsProvider> providers) {
    List<CredentialsProvider> copy = List.copyOf(providers);
    return new CredentialsProvider() {
      private volatile CredentialsProvider last;

      @Override
      public Optional<Resolved<Credentials>> find() {
        for (CredentialsProvider p : copy) {
          Optional<Resolved<Credentials>> c = p.find();
          if (c.isPresent()) {
            last = p;
            return c;
          }
        }
        return Optional.empty();
      }

      @Override
      public java.util.concurrent.CompletableFuture<Credentials> currentAsync() {
        // A refreshing member decides for itself, off the caller's thread; memory-only ones answer now.
        CredentialsProvider p = last;
        return p != null ? p.currentAsync() : CredentialsProvider.super.currentAsync();
      }

      @Override
      public Optional<java.time.Instant> expiration() {
        CredentialsProvider p = last;
        return p == null ? Optional.empty() : p.expiration();
      }

      @Override
      public String description() {
        List<String> parts = new ArrayList<>();
        for (CredentialsProvider p : copy) {
          parts.add(p.description());
        }
        return String.join("; ", parts);
      }
    };
  }

  /**
   * The AWS CLI's order: environment variables, then the profile ({@code AWS_PROFILE}, else
   * {@code AWS_DEFAULT_PROFILE}, else {@code default}) in the credentials file, then in the config
   * file.
   *
   * @param env the environment variables (pass {@code System.getenv()} in production); the profile
   *     name and the {@code AWS_CONFIG_FILE} and {@code AWS_SHARED_CREDENTIALS_FILE} locations are
   *     read from it too
   * @param home the user's home directory, where {@code .aws/credentials} and {@code .aws/config} are
   *     by default
   * @return the chain of {@link #environment(Map)} and {@link #profile(AwsProfileFiles, String)}
   * @throws ClientException when an AWS file exists but cannot be read or parsed (the files are
   *     read now, not on each {@link #find()})
   */
  static CredentialsProvider defaultChain(Map<String, String> env, Path home) {
    String profile = Optional.ofNullable(blankToNull(env.get("AWS_PROFILE")))
        .or(() -> Optional.ofNullable(blankToNull(env.get("AWS_DEFAULT_PROFILE"))))
        .orElse("default");
    return chain(List.of(environment(env), profile(AwsProfileFiles.load(env, home), profile)));
  }

  private static Optional<Resolved<Credentials>> fromProfile(AwsProfile profile) {
    Optional<Resolved<String>> id = profile.property("aws_access_key_id");
    Optional<Resolved<String>> secret = profile.property("aws_secret_access_key");
    if (id.isEmpty() && secret.isEmpty()) {
      return Optional.empty();
    }
    if (id.isEmpty() || secret.isEmpty()) {
      String where = id.orElseGet(secret::get).source();
      throw new ClientException("credentials", where + " has " + (id.isEmpty()
          ? "aws_secret_access_key but no aws_access_key_id" : "aws_access_key_id but no aws_secret_access_key"));
    }
    Optional<Resolved<String>> token = profile.property("aws_session_token")
        .or(() -> profile.property("aws_security_token"));
    return Optional.of(Resolved.of(new Credentials(id.get().value(), secret.get().value(),
        token.map(Resolved::value).orElse(null)), id.get().source()));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
