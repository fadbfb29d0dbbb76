package io.s3wire.cli.commands;

import io.s3wire.wire.WireEvent;
import io.s3wire.wire.WireListener;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects what the client reported about upload encodings during a command, as one note line each
 * (a step-down to a simpler encoding, a checksum the server did not confirm), without repeats: a
 * transfer of many parts says each thing once. Printed on stderr when the command ends, so an exit
 * code of 0 never hides that an integrity check was not the one asked for. Thread-safe; as a {@link
 * WireListener} it is fast and never throws.
 */
final class UploadNotes implements WireListener {
  private final Set<String> notes = new LinkedHashSet<>();

  @Override
  public void onEvent(WireEvent event) {
    String note = null;
    if (event instanceof WireEvent.UploadStepDown e) {
      note = "uploads stepped down from " + e.from() + " to " + e.to() + ": " + evidence(e.reason());
    } else if (event instanceof WireEvent.ChecksumUnconfirmed e) {
      note = "the server did not confirm the " + e.algorithm() + " checksum of " + e.operation()
          + "; integrity was checked by " + e.checkedBy();
    }
    if (note != null) {
      synchronized (notes) {
        notes.add(note);
      }
    }
  }

  /** The notes so far, oldest first. */
  List<String> notes() {
    synchronized (notes) {
      return new ArrayList<>(notes);
    }
  }

  /** Prints each note as {@code s3wire: note: ...}. */
  void print(PrintWriter err) {
    for (String n : notes()) {
      err.println("s3wire: note: " + n);
    }
    err.flush();
  }

  /** The evidence of a step-down's reason: up to its first {@code ;} (the rest says what was done about it). */
  private static String evidence(String reason) {
    int end = reason.indexOf(';');
    return end > 0 ? reason.substring(0, end) : reason;
  }
}
