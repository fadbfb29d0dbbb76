package io.s3wire.fuzz;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * The properties every fuzz target checks, written once: a parse returns a value or throws one of the
 * parser's typed errors (never anything else), and the memory it allocates for one input stays within
 * a budget that grows with the input's length only (no entity expansion, no allocation sized by a
 * length field in the input).
 *
 * <p>A violated property is an {@link AssertionError} naming the input's length and the exception,
 * which Jazzer reports as a finding.
 */
public final class FuzzChecks {
  /** Allocation any single parse may make whatever its input: class loading and buffers included. */
  public static final long BASE_ALLOCATION = 16L * 1024 * 1024;
  /** Allocation a parse may make per input byte on top of {@link #BASE_ALLOCATION}. */
  public static final long ALLOCATION_PER_INPUT_BYTE = 256;

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private FuzzChecks() {}

  /**
   * Runs {@code parse} on an input of {@code inputLength} bytes or chars.
   *
   * @return the value, or {@code null} when the parse threw one of {@code typed}
   * @throws AssertionError when it threw anything else, or allocated more than the budget
   */
  public static <T> T valueOrTyped(int inputLength, List<Class<? extends Throwable>> typed, Callable<T> parse) {
    long budget = BASE_ALLOCATION + ALLOCATION_PER_INPUT_BYTE * inputLength;
    long before = THREADS.getCurrentThreadAllocatedBytes();
    T value = run(inputLength, typed, parse);
    long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
    if (allocated > budget) {
      // A first run may load and instrument classes on this thread: only a second run over the
      // budget too is the input's doing.
      before = THREADS.getCurrentThreadAllocatedBytes();
      run(inputLength, typed, parse);
      allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
      if (allocated > budget) {
        throw new AssertionError("an input of " + inputLength + " bytes made the parser allocate " + allocated
            + " bytes (budget " + budget + ")");
      }
    }
    return value;
  }

  private static <T> T run(int inputLength, List<Class<? extends Throwable>> typed, Callable<T> parse) {
    try {
      return parse.call();
    } catch (Throwable t) {
      if (typed.stream().noneMatch(c -> c.isInstance(t))) {
        throw new AssertionError("an input of " + inputLength + " bytes threw " + t.getClass().getName()
            + ", not one of the parser's typed errors " + typed, t);
      }
      return null;
    }
  }

  /** Runs {@code task} with {@code locale} as the default locale (all categories), then restores it. */
  public static <T> T underLocale(Locale locale, Callable<T> task) throws Exception {
    Locale saved = Locale.getDefault();
    Locale savedFormat = Locale.getDefault(Locale.Category.FORMAT);
    Locale savedDisplay = Locale.getDefault(Locale.Category.DISPLAY);
    Locale.setDefault(locale);
    try {
      return task.call();
    } finally {
      Locale.setDefault(saved);
      Locale.setDefault(Locale.Category.FORMAT, savedFormat);
      Locale.setDefault(Locale.Category.DISPLAY, savedDisplay);
    }
  }
}
