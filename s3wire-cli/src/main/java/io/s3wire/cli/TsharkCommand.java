package io.s3wire.cli;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The tshark command line that reads a {@code --pcap} capture: the user copies it as printed. The
 * capture puts every server at port 80, where tshark decodes HTTP/1.1 and HTTP/2 without a
 * decode-as ({@code -d}) option, so the command is the same for every endpoint.
 */
public final class TsharkCommand {
  /** Characters a POSIX shell takes literally in a word. */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

  private TsharkCommand() {}

  /** {@code tshark -r FILE -Y 'http || http2'}, FILE quoted for a POSIX shell where it needs it. */
  public static String reading(Path capture) {
    return "tshark -r " + shellWord(capture.toAbsolutePath().normalize().toString()) + " -Y 'http || http2'";
  }

  static String shellWord(String s) {
    return PLAIN.matcher(s).matches() ? s : "'" + s.replace("'", "'\\''") + "'";
  }
}
