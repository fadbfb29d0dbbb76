/**
 * Provider profiles: what an S3-compatible service accepts, as capabilities the client consults
 * ({@link io.s3wire.provider.ProviderProfile}), the built-in profiles ({@link
 * io.s3wire.provider.ProviderProfiles}), per-capability overrides ({@link
 * io.s3wire.provider.Capability}) and a small text file format ({@link
 * io.s3wire.provider.ProviderProfileFile}). Code branches on capabilities, never on a provider's name.
 */
package io.s3wire.provider;
