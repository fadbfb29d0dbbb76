/**
 * The S3 client: {@link io.s3wire.S3Client} (blocking) and {@link io.s3wire.S3AsyncClient}
 * ({@code CompletableFuture}s), built by {@link io.s3wire.S3ClientBuilder}, and the values their
 * operations take and return.
 *
 * <p>Requests compose small records rather than inheriting from a base: a {@link
 * io.s3wire.GetObjectRequest} holds a {@link io.s3wire.BucketKey}, a {@link io.s3wire.Range} and
 * {@link io.s3wire.Conditions}. Invalid input ({@link io.s3wire.BucketKey} with a bad bucket name or
 * key, an inverted {@link io.s3wire.Range}, a part number outside 1..10,000) is an {@code
 * io.s3wire.error.ClientException} raised before anything is sent.
 *
 * <p>What a provider accepts comes from its {@code io.s3wire.provider.ProviderProfile}; settings not
 * given to the builder come from the AWS configuration ({@code io.s3wire.config}).
 */
package io.s3wire;
