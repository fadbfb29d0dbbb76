package io.s3wire.testing;

import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.lang.reflect.Field;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Makes Netty's leak detectors record every leak they find here, whatever logging is configured.
 *
 * <p>Registered as a JUnit {@link LauncherSessionListener} (META-INF/services), so the factory is set
 * before any test touches a buffer: Netty creates the buffers' detector once, when {@code
 * AbstractByteBuf} initialises, from the factory current at that moment.
 */
public final class LeakReports implements LauncherSessionListener {
  static final List<String> LEAKS = new CopyOnWriteArrayList<>();
  private static volatile boolean installed;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    install();
  }

  static synchronized void install() {
    if (installed) {
      return;
    }
    ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new ResourceLeakDetectorFactory() {
      @Override
      @SuppressWarnings("deprecation")
      public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval,
          long maxActive) {
        return new Counting<>(resource, samplingInterval);
      }
    });
    installed = true;
  }

  /** Fails unless the detector of Netty's buffers is one of ours (it would then miss every leak). */
  static void requireInstalled() {
    install();
    try {
      Field f = Class.forName("io.netty.buffer.AbstractByteBuf").getDeclaredField("leakDetector");
      f.setAccessible(true);
      Object detector = f.get(null);
      if (!(detector instanceof Counting)) {
        throw new IllegalStateException("Netty's buffer leak detector was made before LeakReports was installed ("
            + detector.getClass().getName() + "): register " + LeakReports.class.getName()
            + " as a LauncherSessionListener in META-INF/services");
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read Netty's buffer leak detector", e);
    }
  }

  /** A detector that reports regardless of the log level and keeps each report. */
  private static final class Counting<T> extends ResourceLeakDetector<T> {
    @SuppressWarnings("deprecation")
    Counting(Class<T> resource, int samplingInterval) {
      super(resource, samplingInterval);
    }

    @Override
    protected boolean needReport() {
      return true;
    }

    @Override
    protected void reportTracedLeak(String resourceType, String records) {
      LEAKS.add("LEAK: " + resourceType + ".release() was not called before it was garbage-collected." + records);
      super.reportTracedLeak(resourceType, records);
    }

    @Override
    protected void reportUntracedLeak(String resourceType) {
      LEAKS.add("LEAK: " + resourceType + ".release() was not called before it was garbage-collected.");
      super.reportUntracedLeak(resourceType);
    }
  }
}
