package io.s3wire.http.internal.pcap;

import io.netty.handler.pcap.PcapWriteHandler;
import io.s3wire.error.ClientException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * One pcap file that every connection of a transport writes to, through a {@link PcapTap} each.
 *
 * <p>Transports in one JVM that name the same file share it (counted: the last {@link #close}
 * closes it), so a CLI run that builds several clients still writes one capture. Opening truncates
 * the file and writes the pcap global header (Netty's {@link PcapWriteHandler#writeGlobalHeader});
 * each tap's {@link PcapWriteHandler} then writes its packets under the stream's lock (Netty's
 * shared-output mode). Each connection keeps its real local port, so the trace's {@code connected to
 * ... from} line names its TCP stream ({@code tcp.port == PORT}); a port already open in this file (a
 * connection to another server from the same port) gets a free one counted from 49152 instead, so
 * Wireshark follows every connection as its own TCP stream.
 */
public final class PcapFile implements AutoCloseable {
  private static final int FIRST_PORT = 49152;
  private static final Map<Path, PcapFile> OPEN = new HashMap<>();

  private final Path path;
  private final OutputStream out;
  private int users;
  private int nextPort = FIRST_PORT;
  /** Client ports of the connections open in this file. */
  private final Set<Integer> openPorts = new HashSet<>();

  private PcapFile(Path path, OutputStream out) {
    this.path = path;
    this.out = out;
  }

  /**
   * Opens {@code file} for writing, or joins the transports already writing it.
   *
   * @throws ClientException when the file cannot be created or written
   */
  public static PcapFile open(Path file) {
    Path key = file.toAbsolutePath().normalize();
    synchronized (OPEN) {
      PcapFile f = OPEN.get(key);
      if (f == null) {
        try {
          OutputStream out = new BufferedOutputStream(Files.newOutputStream(key, StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), 64 * 1024);
          PcapWriteHandler.writeGlobalHeader(out);
          f = new PcapFile(key, out);
        } catch (IOException e) {
          throw new ClientException("pcapFile", "cannot write the capture " + file + ": " + e.getMessage(), e);
        }
        OPEN.put(key, f);
      }
      f.users++;
      return f;
    }
  }

  /** A tap for one new connection: add it to the pipeline right after TLS (or first, on plain TCP). */
  public PcapTap newTap() {
    return new PcapTap(this);
  }

  OutputStream out() {
    return out;
  }

  /**
   * The client port of a new connection in the capture: {@code localPort} when no open connection
   * of this file uses it, else the next free port from 49152 to 65535. {@link #releaseClientPort}
   * gives it back.
   */
  int clientPort(int localPort) {
    synchronized (OPEN) {
      int p = localPort;
      for (int tries = 0; (p <= 0 || !openPorts.add(p)) && tries <= 65535 - FIRST_PORT; tries++) {
        p = nextPort;
        nextPort = p == 65535 ? FIRST_PORT : p + 1;
      }
      return p;
    }
  }

  /** Ends the use of a port {@link #clientPort} gave. */
  void releaseClientPort(int port) {
    synchronized (OPEN) {
      openPorts.remove(port);
    }
  }

  /** Leaves the file; the last user flushes and closes it. Idempotent per user only: call once. */
  @Override
  public void close() {
    synchronized (OPEN) {
      if (--users > 0) {
        return;
      }
      OPEN.remove(path);
    }
    synchronized (out) {
      try {
        out.close();
      } catch (IOException e) {
        // The packets written so far are what the file holds; nothing else to do at close.
      }
    }
  }
}
