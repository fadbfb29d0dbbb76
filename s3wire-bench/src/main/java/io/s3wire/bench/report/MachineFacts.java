package io.s3wire.bench.report;

/** Prints {@link Report#machineFacts()}: used by {@code bench/run.sh} for the results file's header. */
public final class MachineFacts {
  private MachineFacts() {}

  public static void main(String[] args) {
    System.out.print(Report.machineFacts());
  }
}
