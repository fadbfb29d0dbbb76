package io.s3wire.credentials.internal;

import io.s3wire.credentials.CredentialsLoader;
import io.s3wire.credentials.ProvidedCredentials;
import io.s3wire.error.ClientException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * AssumeRoleWithWebIdentity with a token file: from {@code AWS_WEB_IDENTITY_TOKEN_FILE}, {@code
 * AWS_ROLE_ARN} and {@code AWS_ROLE_SESSION_NAME} (the Kubernetes/EKS setup), or from a profile's
 * {@code web_identity_token_file}, {@code role_arn} and {@code role_session_name}. The file is read
 * at every load: the orchestrator rotates it.
 */
public final class WebIdentityLoader implements CredentialsLoader {
  private final String tokenFile;
  private final String roleArn;
  private final String sessionName;
  private final String origin;
  private final Supplier<StsClient> sts;

  /**
   * A loader for the given settings.
   *
   * @param tokenFile the token file, or {@code null} when not configured
   * @param roleArn the role, or {@code null}
   * @param sessionName the session name, or {@code null} for a generated one
   * @param origin where these settings came from, in words
   * @param sts the STS client to call, made when first needed
   */
  public WebIdentityLoader(String tokenFile, String roleArn, String sessionName, String origin, Supplier<StsClient> sts) {
    this.tokenFile = ContainerLoader.blankToNull(tokenFile);
    this.roleArn = ContainerLoader.blankToNull(roleArn);
    this.sessionName = ContainerLoader.blankToNull(sessionName);
    this.origin = origin;
    this.sts = sts;
  }

  @Override
  public Optional<ProvidedCredentials> load() {
    if (tokenFile == null && roleArn == null) {
      return Optional.empty();
    }
    if (tokenFile == null || roleArn == null) {
      throw new ClientException("credentials", origin + " has " + (tokenFile == null
          ? "a role ARN but no web identity token file" : "a web identity token file but no role ARN"));
    }
    String token;
    try {
      token = Files.readString(Path.of(tokenFile)).strip();
    } catch (IOException e) {
      throw new ClientException("credentials", "cannot read the web identity token file " + tokenFile + " (from "
          + origin + "): " + e.getClass().getSimpleName());
    }
    String session = sessionName != null ? sessionName : "s3wire-" + System.currentTimeMillis();
    return Optional.of(sts.get().assumeRoleWithWebIdentity(token, roleArn, session, origin));
  }
}
