/**
 * Credentials providers the way AWS users configure them: the default chain (environment, web
 * identity, profile with {@code credential_process}, SSO and {@code role_arn}, container, EC2
 * instance metadata) and a caching, refreshing {@link io.s3wire.credentials.RefreshingCredentialsProvider}
 * that signs every attempt with credentials valid at that moment. See {@code docs/credentials.md}.
 */
package io.s3wire.credentials;
