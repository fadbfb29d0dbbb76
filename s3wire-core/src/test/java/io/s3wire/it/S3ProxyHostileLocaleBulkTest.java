package io.s3wire.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The bulk half of the client suite against s3proxy once more, under de-DE and America/St_Johns. */
@ExtendWith({HostileLocale.class, S3ProxyExtension.class})
class S3ProxyHostileLocaleBulkTest extends S3ClientBulkContract {
  private final S3ProxyPeer peer;

  S3ProxyHostileLocaleBulkTest(S3ProxyPeer peer) {
    this.peer = peer;
  }

  @Override
  protected S3Target target() {
    return S3ProxyTargets.of(peer);
  }

  @Test
  void theDefaultsAreHostile() {
    assertThat(Locale.getDefault()).isEqualTo(Locale.GERMANY);
    assertThat(TimeZone.getDefault().getID()).isEqualTo("America/St_Johns");
  }
}
