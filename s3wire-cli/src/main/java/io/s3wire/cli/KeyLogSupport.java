package io.s3wire.cli;

import io.s3wire.http.TlsProvider;

/**
 * Decides whether a key log can be written for the chosen TLS provider in this JVM. BoringSSL
 * writes it through the transport; the JDK cannot export TLS 1.3 secrets, so the {@code
 * name.neykov:extract-tls-secrets} Java agent must be attached at launch (the {@code ./s3wire}
 * launcher does that when {@code --keylog} or {@code SSLKEYLOGFILE} is given with the JDK provider).
 */
final class KeyLogSupport {
  static final String AGENT_CLASS = "name.neykov.secrets.AgentMain";

  private KeyLogSupport() {}

  /** Whether the extract-tls-secrets agent is loaded (its jar is on the system class path when attached). */
  static boolean jdkAgentAttached() {
    try {
      Class.forName(AGENT_CLASS, false, ClassLoader.getSystemClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** Why a key log cannot be written with {@code provider} here, or {@code null} when it can. */
  static String problem(TlsProvider provider, boolean agentAttached) {
    if (provider == TlsProvider.JDK && !agentAttached) {
      return "the JDK TLS provider cannot export TLS 1.3 secrets by itself: run through the ./s3wire launcher,"
          + " which attaches the extract-tls-secrets agent, or use --tls openssl";
    }
    if (provider == TlsProvider.OPENSSL && !provider.isAvailable()) {
      return provider.unavailabilityCause();
    }
    return null;
  }
}
