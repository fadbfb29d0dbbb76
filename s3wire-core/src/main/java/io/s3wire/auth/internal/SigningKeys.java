package io.s3wire.auth.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;

/**
 * Derives SigV4 signing keys ({@code kSigning = HMAC(HMAC(HMAC(HMAC("AWS4"+secret, date), region),
 * service), "aws4_request")}) and keeps a bounded cache of them per (secret, date, region,
 * service): the four HMACs run once a day per scope instead of per request.
 *
 * <p>Each cache entry holds a {@link Mac} already initialised with the signing key; each thread
 * keeps a clone of the last one it used, so consecutive signatures for one scope (the common case)
 * neither derive nor initialise anything. Thread-safe. Nothing here is ever
 * printed: the key record's {@code toString} does not show the secret.
 */
public final class SigningKeys {
  /** Enough for many credentials x regions x services on one day; cleared wholesale past it. */
  static final int MAX_ENTRIES = 256;

  private static final ConcurrentHashMap<Scope, Entry> CACHE = new ConcurrentHashMap<>();

  private SigningKeys() {}

  private record Scope(String secret, String date, String region, String service) {
    // Written out because a record's generated equals and hashCode are bootstrapped through method
    // handles on first use: about twenty classes spun at run time, on the first request's path.
    @Override
    public boolean equals(Object o) {
      return o instanceof Scope s && secret.equals(s.secret) && date.equals(s.date) && region.equals(s.region)
          && service.equals(s.service);
    }

    @Override
    public int hashCode() {
      return ((secret.hashCode() * 31 + date.hashCode()) * 31 + region.hashCode()) * 31 + service.hashCode();
    }

    @Override
    public String toString() {
      return date + "/" + region + "/" + service;
    }
  }

  private static final class Entry {
    final Mac prototype;
    final boolean cloneable;
    final byte[] key;

    Entry(byte[] key) {
      this.key = key;
      this.prototype = Crypto.initialisedMac(key);
      boolean ok;
      try {
        prototype.clone();
        ok = true;
      } catch (CloneNotSupportedException e) {
        ok = false;
      }
      this.cloneable = ok;
    }

    byte[] sign(byte[] data) {
      ThreadMac t = THREAD_MAC.get();
      if (t.owner != this) {
        t.mac = newMac();
        t.owner = this;
      }
      // doFinal leaves the Mac initialised with the same key, ready for the next signature.
      return t.mac.doFinal(data);
    }

    private Mac newMac() {
      if (cloneable) {
        try {
          return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
          // Checked once in the constructor; fall through to a fresh instance.
        }
      }
      return Crypto.initialisedMac(key);
    }
  }

  /** The last signing key's Mac on this thread: consecutive signatures for one scope reuse it. */
  private static final class ThreadMac {
    Entry owner;
    Mac mac;
  }

  private static final ThreadLocal<ThreadMac> THREAD_MAC = ThreadLocal.withInitial(ThreadMac::new);

  /** The derived signing key (a copy) for the scope; for tests and diagnostics. */
  public static byte[] signingKey(String secret, String date, String region, String service) {
    return entry(secret, date, region, service).key.clone();
  }

  /** HMAC-SHA256 of {@code stringToSign} under the scope's signing key, as lower-case hex. */
  public static String signatureHex(String secret, String date, String region, String service, String stringToSign) {
    byte[] mac = entry(secret, date, region, service).sign(stringToSign.getBytes(StandardCharsets.UTF_8));
    return Crypto.hex(mac);
  }

  private static Entry entry(String secret, String date, String region, String service) {
    Scope scope = new Scope(secret, date, region, service);
    Entry e = CACHE.get(scope);
    if (e != null) {
      return e;
    }
    if (CACHE.size() >= MAX_ENTRIES) {
      CACHE.clear();
    }
    return CACHE.computeIfAbsent(scope, s -> new Entry(derive(s)));
  }

  private static byte[] derive(Scope s) {
    byte[] secret = ("AWS4" + s.secret()).getBytes(StandardCharsets.UTF_8);
    byte[] kDate = Crypto.hmac(secret, s.date());
    Arrays.fill(secret, (byte) 0);
    byte[] kRegion = Crypto.hmac(kDate, s.region());
    byte[] kService = Crypto.hmac(kRegion, s.service());
    return Crypto.hmac(kService, "aws4_request");
  }
}
