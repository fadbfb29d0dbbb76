package io.s3wire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The table of subcommands {@link Main} adds one at a time: each name is the one the command's
 * {@code @Command} gives, and a command line for a command's arguments holds that command alone,
 * while anything else (help, a leading option, a mistyped name, completion) holds them all.
 */
class SubcommandTableTest {
  private static final Map<String, String> ENV = Map.of();

  private static CommandLine forArgs(String... args) {
    return Main.commandLine(ENV, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), args);
  }

  @Test
  void eachEntryIsNamedAsItsCommand() {
    Map<String, Supplier<Object>> table = Main.subcommands(ENV);
    assertThat(table).hasSize(15);
    table.forEach((name, command) -> {
      Object c = command.get();
      String declared = c instanceof CommandLine cl ? cl.getCommandName() : new CommandLine(c).getCommandName();
      assertThat(declared).as("entry %s", name).isEqualTo(name);
    });
  }

  @Test
  void aCommandsArgumentsBuildThatCommandAlone() {
    assertThat(forArgs("ls", "s3://b").getSubcommands().keySet()).containsExactly("help", "ls"); // picocli's help is Main's own
    assertThat(forArgs("config", "show").getSubcommands().get("config").getSubcommands()).containsKey("show");
  }

  @Test
  void anythingElseBuildsEveryCommand() {
    for (String[] args : new String[][] {{}, {"--help"}, {"help", "ls"}, {"--endpoint", "http://h", "ls"}, {"lss"},
        {"completion"}}) {
      assertThat(forArgs(args).getSubcommands()).as(String.join(" ", args)).hasSize(16); // with picocli's help
    }
  }

  @Test
  void theSameAnswersWhicheverWayTheCommandLineWasBuilt() {
    StringWriter alone = new StringWriter();
    StringWriter all = new StringWriter();
    int a = Main.run(ENV, new PrintWriter(alone), new PrintWriter(alone), "ls", "--bogus");
    int b = Main.run(ENV, new PrintWriter(all), new PrintWriter(all), "--region", "us-east-1", "ls", "--bogus");
    assertThat(a).isEqualTo(b).isEqualTo(Main.USAGE);
    assertThat(alone.toString()).contains("Unknown option: '--bogus'");
    assertThat(all.toString()).contains("Unknown option: '--bogus'");
  }
}
