package io.s3wire.cli.commands;

/**
 * What {@code cp} or {@code mv} was asked, decided before any network use.
 *
 * @param source what to copy; with {@code recursive}, a directory or key prefix
 * @param target where to; for a single copy, already resolved to the full file path or key
 * @param parallel how many transfers run at once
 * @param transfer how each transfer runs (parts, checksums, resume)
 */
public record CopyRequest(Location source, Location target, boolean recursive, Filters filters, int parallel,
    CopyOptions options, TransferSettings transfer) {}
