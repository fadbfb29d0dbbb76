package io.s3wire.it;

import java.util.Locale;
import java.util.TimeZone;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class under the de-DE locale and the America/St_Johns time zone (UTC-3:30, half-hour
 * offset and daylight saving), restoring the previous defaults afterwards: any date, number or case
 * conversion that follows the default locale or zone shows up as a wrong header or signature.
 * Surefire runs classes one after another in one JVM, so no other test sees these defaults.
 */
public final class HostileLocale implements BeforeAllCallback, AfterAllCallback {
  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(HostileLocale.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NS);
    store.put("locale", Locale.getDefault());
    store.put("zone", TimeZone.getDefault());
    Locale.setDefault(Locale.GERMANY);
    TimeZone.setDefault(TimeZone.getTimeZone("America/St_Johns"));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NS);
    Locale.setDefault(store.get("locale", Locale.class));
    TimeZone.setDefault(store.get("zone", TimeZone.class));
  }
}
