package io.s3wire.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code s3wire} command line. Exit codes: 0 success, 1 the operation failed (one line on
 * stderr says why), 2 usage error.
 */
@Command(name = "s3wire", mixinStandardHelpOptions = true, version = "s3wire 0.1.0",
    description = "S3-compatible storage client in which the network protocol is explicit and visible.",
    subcommands = CommandLine.HelpCommand.class)
public final class Main implements Runnable {
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;
  private static final String NETTY_JFR = "io.netty.jfr.enabled";
  /** Held so that its level stays set: java.util.logging keeps loggers only weakly. */
  private static final java.util.logging.Logger NETTY_LOG = java.util.logging.Logger.getLogger("io.netty");

  @Spec CommandSpec spec;

  /**
   * The subcommands by name, in the order help lists them; each made only when asked for. A new
   * command is one more entry here, under the name its {@code @Command} gives it.
   */
  static Map<String, Supplier<Object>> subcommands(Map<String, String> env) {
    Map<String, Supplier<Object>> m = new LinkedHashMap<>();
    m.put("doctor", () -> new io.s3wire.cli.doctor.DoctorCommand(env));
    m.put("probe", () -> new ProbeCommand(env));
    m.put("ls", () -> new io.s3wire.cli.commands.LsCommand(env));
    m.put("cp", () -> new io.s3wire.cli.commands.CpCommand(env));
    m.put("mv", () -> new io.s3wire.cli.commands.MvCommand(env));
    m.put("rm", () -> new io.s3wire.cli.commands.RmCommand(env));
    m.put("mb", () -> new io.s3wire.cli.commands.MbCommand(env));
    m.put("rb", () -> new io.s3wire.cli.commands.RbCommand(env));
    m.put("cat", () -> new io.s3wire.cli.commands.CatCommand(env));
    m.put("stat", () -> new io.s3wire.cli.commands.StatCommand(env));
    m.put("presign", () -> new io.s3wire.cli.commands.PresignCommand(env));
    m.put("sync", () -> new io.s3wire.cli.commands.SyncCommand(env));
    m.put("config", () -> io.s3wire.cli.commands.ConfigCommand.commandLine(env));
    m.put("serve", io.s3wire.cli.commands.ServeCommand::new);
    m.put("completion", io.s3wire.cli.commands.CompletionCommand::new);
    return m;
  }

  /** A configured command line with every subcommand; {@code env} stands for the process environment. */
  static CommandLine commandLine(Map<String, String> env, PrintWriter out, PrintWriter err) {
    return commandLine(env, out, err, new String[0]);
  }

  /**
   * A configured command line for {@code args}. When they start with a command's name, only that
   * command is added: picocli builds each command's model by reflection over its annotations, and
   * for all of them that was the largest share of a short command's start. Anything else (help, a
   * leading option, a mistyped name, {@code completion}, which writes the whole tree) gets them all.
   */
  static CommandLine commandLine(Map<String, String> env, PrintWriter out, PrintWriter err, String[] args) {
    CommandLine cl = new CommandLine(new Main());
    Map<String, Supplier<Object>> subcommands = subcommands(env);
    String first = args.length > 0 ? args[0] : "";
    if (subcommands.containsKey(first) && !first.equals("completion")) {
      cl.addSubcommand(first, subcommands.get(first).get());
    } else {
      subcommands.forEach((name, command) -> cl.addSubcommand(name, command.get()));
    }
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      commandLine.getErr().println("s3wire: " + io.s3wire.wire.Redaction.DEFAULT.text(ProbeRunner.message(e)));
      commandLine.getErr().flush();
      return FAILED;
    });
    return cl;
  }

  /** Runs the command line and returns its exit code; nothing here calls {@link System#exit}. */
  public static int run(Map<String, String> env, PrintWriter out, PrintWriter err, String... args) {
    String[] rewritten = TraceOptions.rewrite(args);
    CommandLine cl = commandLine(env, out, err, rewritten);
    int code = cl.execute(LeadingOptions.moveAfterCommand(cl, rewritten));
    out.flush();
    err.flush();
    return code;
  }

  public static void main(String[] args) {
    disableNettyJfrEvents();
    quietLibraryLogs(args);
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    System.exit(run(System.getenv(), out, err, args));
  }

  /**
   * Call before any Netty class loads. Netty 4.2 registers JFR events for its buffer allocator;
   * loading JFR for them costs a short-lived command about 0.3 s of CPU, and with it the JIT compiles
   * JFR's bytecode generator while the first transfer runs. -Dio.netty.jfr.enabled=true keeps them.
   */
  static void disableNettyJfrEvents() {
    if (System.getProperty(NETTY_JFR) == null) {
      System.setProperty(NETTY_JFR, "false");
    }
  }

  /**
   * Netty logs through java.util.logging here, with stack traces, for failures s3wire already reports
   * in its own one line: the terminal shows them only when the user asks with {@code -v}.
   */
  static void quietLibraryLogs(String[] args) {
    for (String a : args) {
      if (a.equals("--")) {
        break;
      }
      if (a.equals("-v")) {
        return;
      }
    }
    NETTY_LOG.setLevel(java.util.logging.Level.OFF);
  }

  @Override
  public void run() {
    // "s3wire" alone is a usage error: picocli prints this message and the usage, exit code 2.
    throw new CommandLine.ParameterException(spec.commandLine(), "choose a command, e.g. s3wire probe --local --trace");
  }
}
