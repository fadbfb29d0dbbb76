package io.s3wire.transfer.internal;

import io.s3wire.http.RequestBody;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/**
 * A part's body that reports the bytes the transport reads to the transfer's progress, and fails the
 * read when the transfer is cancelled so the part stops within one chunk. A reopened body (a retry)
 * first takes back the bytes its previous attempt reported, so a part counts once.
 */
final class CountingBody implements RequestBody {
  private final RequestBody delegate;
  private final int partNumber;
  private final TransferState state;
  private long reportedThisAttempt;

  CountingBody(RequestBody delegate, int partNumber, TransferState state) {
    this.delegate = delegate;
    this.partNumber = partNumber;
    this.state = state;
  }

  @Override
  public long contentLength() {
    return delegate.contentLength();
  }

  @Override
  public boolean isReplayable() {
    return delegate.isReplayable();
  }

  @Override
  public FileRegionSource fileRegion() {
    return delegate.fileRegion();
  }

  /** Takes back what the last attempt reported (the part failed and will be sent again, or not at all). */
  synchronized void forget() {
    if (reportedThisAttempt != 0) {
      state.bytes(partNumber, -reportedThisAttempt);
      reportedThisAttempt = 0;
    }
  }

  /**
   * The part was accepted: reports what the transport did not read through {@link #open()} (a file
   * region sent without passing through user space), so progress counts the part once either way.
   */
  synchronized void settle() {
    long rest = delegate.contentLength() - reportedThisAttempt;
    if (rest > 0) {
      add(rest);
    }
  }

  private synchronized void add(long n) {
    reportedThisAttempt += n;
    state.bytes(partNumber, n);
  }

  @Override
  public ReadableByteChannel open() throws IOException {
    state.checkCancelled();
    forget();
    ReadableByteChannel in = delegate.open();
    return new ReadableByteChannel() {
      @Override
      public int read(ByteBuffer dst) throws IOException {
        state.checkCancelled();
        int n = in.read(dst);
        if (n > 0) {
          add(n);
        }
        return n;
      }

      @Override
      public boolean isOpen() {
        return in.isOpen();
      }

      @Override
      public void close() throws IOException {
        in.close();
      }
    };
  }
}
