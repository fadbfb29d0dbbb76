package io.s3wire.wire;

/**
 * The names of HTTP/2 settings as {@link WireEvent.SettingsFrame} carries them ({@code
 * SETTINGS_MAX_CONCURRENT_STREAMS}, ...), and back to their identifiers. Emitters name settings with
 * {@link #nameOf}; trace formats print the identifier next to the name.
 */
public final class Http2SettingNames {
  private static final String[] NAMES = {
    null,
    "SETTINGS_HEADER_TABLE_SIZE",
    "SETTINGS_ENABLE_PUSH",
    "SETTINGS_MAX_CONCURRENT_STREAMS",
    "SETTINGS_INITIAL_WINDOW_SIZE",
    "SETTINGS_MAX_FRAME_SIZE",
    "SETTINGS_MAX_HEADER_LIST_SIZE",
    null,
    "SETTINGS_ENABLE_CONNECT_PROTOCOL",
  };
  private static final String UNKNOWN_PREFIX = "SETTINGS_UNKNOWN_0x";

  private Http2SettingNames() {}

  /**
   * The name of a SETTINGS parameter, as traces print it.
   *
   * @param id the parameter's identifier from the frame
   * @return its RFC 9113 (or RFC 8441) name, or {@code SETTINGS_UNKNOWN_0x} and the identifier in hex
   */
  public static String nameOf(int id) {
    if (id > 0 && id < NAMES.length && NAMES[id] != null) {
      return NAMES[id];
    }
    return UNKNOWN_PREFIX + Integer.toHexString(id);
  }

  /**
   * The identifier behind a name, for reading a trace back.
   *
   * @param name a name as {@link #nameOf} produces it
   * @return the identifier, or {@code -1} for a name {@link #nameOf} never produces
   */
  public static int idOf(String name) {
    for (int i = 1; i < NAMES.length; i++) {
      if (name.equals(NAMES[i])) {
        return i;
      }
    }
    if (name.startsWith(UNKNOWN_PREFIX)) {
      try {
        return Integer.parseInt(name.substring(UNKNOWN_PREFIX.length()), 16);
      } catch (NumberFormatException e) {
        return -1;
      }
    }
    return -1;
  }
}
