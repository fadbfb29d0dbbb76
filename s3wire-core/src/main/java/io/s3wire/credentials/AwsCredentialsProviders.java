package io.s3wire.credentials;

import io.s3wire.auth.CredentialsProvider;
import io.s3wire.config.AwsProfileFiles;
import io.s3wire.credentials.internal.ContainerLoader;
import io.s3wire.credentials.internal.CredentialsThreads;
import io.s3wire.credentials.internal.InstanceMetadataLoader;
import io.s3wire.credentials.internal.LoaderChain;
import io.s3wire.credentials.internal.ProcessLoader;
import io.s3wire.credentials.internal.ProfileLoader;
import io.s3wire.credentials.internal.ServiceEndpoints;
import io.s3wire.credentials.internal.StsClient;
import io.s3wire.credentials.internal.WebIdentityLoader;
import io.s3wire.http.TransportConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The credential sources AWS users configure, each as a {@link CredentialsLoader} to wrap in a
 * {@link RefreshingCredentialsProvider}, and the default chain of all of them.
 *
 * <p>The environment and home directory are given, never read from the process here, so tests
 * control them. The HTTP calls (STS, SSO portal, container agent, instance metadata) trust servers
 * as the transport settings given to {@link #defaultChain} do (its TLS provider, minimum version and
 * CA bundle, certificates or trust store); the single-source factories trust the system's store.
 */
public final class AwsCredentialsProviders {
  private AwsCredentialsProviders() {}

  /**
   * The AWS SDKs' default chain, refreshing: environment variables ({@code AWS_ACCESS_KEY_ID},
   * {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_SESSION_TOKEN}); web identity ({@code
   * AWS_WEB_IDENTITY_TOKEN_FILE}, {@code AWS_ROLE_ARN}, {@code AWS_ROLE_SESSION_NAME}); the profile
   * ({@code role_arn}, SSO, {@code credential_process}, static keys); container credentials; EC2
   * instance metadata.
   *
   * @param env the environment variables
   * @param home the home directory ({@code ~/.aws/sso/cache} is under it)
   * @param files the shared config and credentials files
   * @param profile the profile name in use
   * @param region the region for STS, or {@code null} for the global endpoint
   * @param clock decides expiry and refresh (tests pin it)
   * @param tls the client's transport settings; the credential calls use their TLS provider, minimum
   *     version and trust (never {@code insecure}: those calls carry tokens and source credentials),
   *     nothing else of them
   * @return the chain, refreshing temporary credentials before they expire; nothing is read until the
   *     first call asks for credentials
   */
  public static RefreshingCredentialsProvider defaultChain(Map<String, String> env, Path home, AwsProfileFiles files,
      String profile, String region, Clock clock, TransportConfig tls) {
    Objects.requireNonNull(env, "env");
    Objects.requireNonNull(files, "files");
    Objects.requireNonNull(tls, "tls");
    LoaderChain chain = new LoaderChain(List.of(
        new LoaderChain.Named("environment variables AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY", environment(env)),
        new LoaderChain.Named("web identity (AWS_WEB_IDENTITY_TOKEN_FILE)",
            webIdentity(env, files, profile, region, clock, tls)),
        new LoaderChain.Named("profile " + profile + " (" + files.configFile() + ", " + files.credentialsFile() + ")",
            new ProfileLoader(files, profile, env, home, region, clock, tls)),
        new LoaderChain.Named(ContainerLoader.description(), new ContainerLoader(env, tls)),
        new LoaderChain.Named(InstanceMetadataLoader.description(),
            new InstanceMetadataLoader(env, files.profile(profile), tls))),
        CredentialsThreads::warn);
    return RefreshingCredentialsProvider.builder(chain, chain.description()).clock(clock).build();
  }

  /**
   * {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, optional {@code AWS_SESSION_TOKEN}.
   *
   * @param env the environment variables to read (a copy of {@code System.getenv()} in production)
   * @return the loader; it finds nothing when the two keys are not both set
   */
  public static CredentialsLoader environment(Map<String, String> env) {
    CredentialsProvider p = CredentialsProvider.environment(env);
    return () -> p.find().map(r -> new ProvidedCredentials(r.value(), r.source(), null));
  }

  /**
   * The EKS/Kubernetes setup: {@code AWS_WEB_IDENTITY_TOKEN_FILE} + {@code AWS_ROLE_ARN} (and the
   * optional {@code AWS_ROLE_SESSION_NAME}), exchanged at STS by AssumeRoleWithWebIdentity.
   *
   * @param env the environment variables to read (a copy of {@code System.getenv()} in production)
   * @param files the shared config and credentials files (their {@code services} section may name the
   *     STS endpoint)
   * @param profile the profile name in use
   * @param region the region for STS, or {@code null} for the global endpoint
   * @param clock decides expiry (tests pin it)
   * @return the loader; it finds nothing when the two variables are not both set
   */
  public static CredentialsLoader webIdentity(Map<String, String> env, AwsProfileFiles files, String profile,
      String region, Clock clock) {
    return webIdentity(env, files, profile, region, clock, TransportConfig.defaults());
  }

  private static CredentialsLoader webIdentity(Map<String, String> env, AwsProfileFiles files, String profile,
      String region, Clock clock, TransportConfig tls) {
    ServiceEndpoints endpoints = new ServiceEndpoints(env, files, files.profile(profile));
    return new WebIdentityLoader(env.get("AWS_WEB_IDENTITY_TOKEN_FILE"), env.get("AWS_ROLE_ARN"),
        env.get("AWS_ROLE_SESSION_NAME"), "environment variables AWS_WEB_IDENTITY_TOKEN_FILE/AWS_ROLE_ARN",
        () -> new StsClient(endpoints.configured("STS", "sts"), region, clock, tls));
  }

  /**
   * One profile's credentials: {@code role_arn} (with {@code source_profile}, {@code credential_source}
   * or {@code web_identity_token_file}), SSO from the token cache, {@code credential_process}, or
   * static keys, in that order.
   *
   * @param env the environment variables to read (a copy of {@code System.getenv()} in production)
   * @param home the home directory ({@code ~/.aws/sso/cache} is under it)
   * @param files the shared config and credentials files
   * @param profile the profile's name
   * @param region the region for STS and SSO, or {@code null} for STS's global endpoint
   * @param clock decides expiry (tests pin it)
   * @return the loader; it finds nothing when the profile does not exist or names no credentials
   */
  public static CredentialsLoader profile(Map<String, String> env, Path home, AwsProfileFiles files, String profile,
      String region, Clock clock) {
    return new ProfileLoader(files, profile, env, home, region, clock, TransportConfig.defaults());
  }

  /**
   * ECS/EKS container credentials from {@code AWS_CONTAINER_CREDENTIALS_RELATIVE_URI}/{@code FULL_URI},
   * with the token of {@code AWS_CONTAINER_AUTHORIZATION_TOKEN(_FILE)}.
   *
   * @param env the environment variables to read (a copy of {@code System.getenv()} in production)
   * @return the loader; it finds nothing when neither URI variable is set
   */
  public static CredentialsLoader container(Map<String, String> env) {
    return new ContainerLoader(env, TransportConfig.defaults());
  }

  /**
   * EC2 instance metadata (IMDSv2); off when {@code AWS_EC2_METADATA_DISABLED=true}.
   *
   * @param env the environment variables to read (a copy of {@code System.getenv()} in production)
   * @return the loader; it reads nothing until asked to load
   */
  public static CredentialsLoader instanceMetadata(Map<String, String> env) {
    return new InstanceMetadataLoader(env, java.util.Optional.empty(), TransportConfig.defaults());
  }

  /**
   * EC2 instance metadata (IMDSv2), also honouring the profile's {@code ec2_metadata_service_endpoint}
   * and {@code ec2_metadata_service_endpoint_mode}; the environment variables take precedence.
   *
   * @param env the environment variables
   * @param files the shared config and credentials files
   * @param profile the profile name in use (its keys apply when it exists)
   * @return the loader; it reads nothing until asked to load
   */
  public static CredentialsLoader instanceMetadata(Map<String, String> env, AwsProfileFiles files, String profile) {
    return new InstanceMetadataLoader(env, files.profile(profile), TransportConfig.defaults());
  }

  /**
   * A {@code credential_process} command line, run through the platform shell; its standard output is
   * the JSON AWS documents ({@code Version} 1, keys, optional {@code Expiration}).
   *
   * @param command the command line, as a profile's {@code credential_process} holds it
   * @return the loader; a process that exits non-zero fails with its stderr's first line
   */
  public static CredentialsLoader credentialProcess(String command) {
    return new ProcessLoader(Objects.requireNonNull(command, "command"), "credentialProcess(...)");
  }
}
