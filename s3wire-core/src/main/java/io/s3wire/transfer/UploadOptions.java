package io.s3wire.transfer;

import io.s3wire.ObjectMetadata;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Per-upload choices.
 *
 * @param metadata stored with the object
 * @param listener hears progress
 * @param resumable whether a failed or cancelled multipart upload is kept (not aborted) with a state
 *     file, so a later upload of the same file with {@code resumable} sends only the missing parts.
 *     Only file uploads can be resumed
 * @param stateFile where the state is kept; {@code null}: next to the source, named {@code
 *     <file>.s3wire-upload}. It holds the bucket, key, upload id, part size, the source's size and
 *     modification time and the completed parts' ETags; never credentials. Removed on success
 */
public record UploadOptions(ObjectMetadata metadata, TransferListener listener, boolean resumable, Path stateFile) {
  /** No metadata, no listener, not resumable. */
  public static final UploadOptions DEFAULTS = new UploadOptions(ObjectMetadata.NONE, TransferListener.NONE, false, null);

  /**
   * Replaces a {@code null} metadata or listener with none.
   *
   * @param metadata stored with the object, or {@code null} for none
   * @param listener hears progress, or {@code null} for none
   * @param resumable whether a failed multipart upload is kept with a state file
   * @param stateFile where the state is kept, or {@code null} for next to the source
   */
  public UploadOptions {
    metadata = metadata == null ? ObjectMetadata.NONE : metadata;
    listener = listener == null ? TransferListener.NONE : listener;
  }

  /**
   * These options with other metadata.
   *
   * @param v stored with the object, or {@code null} for none
   * @return new options
   */
  public UploadOptions withMetadata(ObjectMetadata v) {
    return new UploadOptions(v, listener, resumable, stateFile);
  }

  /**
   * These options with another progress listener.
   *
   * @param v the listener, not {@code null}; {@link TransferListener#NONE} for none
   * @return new options
   */
  public UploadOptions withListener(TransferListener v) {
    return new UploadOptions(metadata, Objects.requireNonNull(v), resumable, stateFile);
  }

  /**
   * These options made resumable, with the state file next to the source unless one was set.
   *
   * @return new options
   */
  public UploadOptions withResume() {
    return new UploadOptions(metadata, listener, true, stateFile);
  }

  /**
   * These options made resumable, with the state file at {@code file}.
   *
   * @param file where the state is kept, not {@code null}
   * @return new options
   */
  public UploadOptions withResume(Path file) {
    return new UploadOptions(metadata, listener, true, Objects.requireNonNull(file));
  }

}
