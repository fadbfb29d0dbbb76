package io.s3wire.cli.systemtools;

import io.s3wire.server.S3Server;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;

/**
 * Run by {@link Http3PortClashTest} in a network namespace where the OS may choose only ports 40000
 * and 40001 and UDP 40001 is taken (Linux offers odd ports to {@code bind} first, so the OS's first
 * choice is always the taken one): starts an HTTP/3 server on an OS-chosen port ten times and says
 * which port each got and whether it holds the UDP one; then, with UDP 40000 taken too, one more.
 */
public final class PortClashMain {
  private PortClashMain() {}

  public static void main(String[] args) throws Exception {
    try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress("127.0.0.1", 40001))) {
      for (int i = 0; i < 10; i++) {
        try (S3Server server = S3Server.builder().tls(true).http3(true).build().start()) {
          int port = server.endpoint().getPort();
          System.out.println("started on " + port + ", its UDP port held: " + !udpFree(port));
        }
      }
      try (DatagramSocket alsoTaken = new DatagramSocket(new InetSocketAddress("127.0.0.1", 40000))) {
        try (S3Server server = S3Server.builder().tls(true).http3(true).build().start()) {
          System.out.println("started on " + server.endpoint().getPort() + " with every UDP port taken");
        } catch (UncheckedIOException e) {
          System.out.println("refused: " + e.getMessage());
        }
      }
    }
  }

  private static boolean udpFree(int port) {
    try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress("127.0.0.1", port))) {
      return true;
    } catch (SocketException inUse) {
      return false;
    }
  }
}
