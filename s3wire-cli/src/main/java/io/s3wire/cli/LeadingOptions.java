package io.s3wire.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Lets a command's options come before its name, as {@code docs/cli.md} calls them global:
 * {@code s3wire --endpoint URL ls s3://b} runs as {@code s3wire ls --endpoint URL s3://b}. Options
 * are recognised (and their values counted) from picocli's model of the commands, so nothing here
 * repeats what an option is; anything it does not recognise is left where it was for picocli to
 * report.
 */
final class LeadingOptions {
  private LeadingOptions() {}

  static String[] moveAfterCommand(CommandLine main, String[] args) {
    if (args.length == 0 || !args[0].startsWith("-") || main.getCommandSpec().findOption(args[0]) != null) {
      return args;
    }
    Map<String, CommandLine> commands = main.getSubcommands();
    int i = 0;
    while (i < args.length && !commands.containsKey(args[i])) {
      OptionSpec option = anyCommandsOption(commands, args[i]);
      if (option == null) {
        return args;
      }
      i += 1 + (args[i].contains("=") ? 0 : option.arity().max());
    }
    if (i >= args.length) {
      return args;
    }
    // The command path: "ls", or "config show".
    int end = i + 1;
    CommandLine command = commands.get(args[i]);
    while (end < args.length && command.getSubcommands().containsKey(args[end])) {
      command = command.getSubcommands().get(args[end]);
      end++;
    }
    List<String> out = new ArrayList<>(Arrays.asList(args).subList(i, end));
    out.addAll(Arrays.asList(args).subList(0, i));
    out.addAll(Arrays.asList(args).subList(end, args.length));
    return out.toArray(String[]::new);
  }

  /** The option {@code token} names ({@code --endpoint} or {@code --endpoint=URL}) in any command. */
  private static OptionSpec anyCommandsOption(Map<String, CommandLine> commands, String token) {
    if (!token.startsWith("-") || token.equals("--")) {
      return null;
    }
    String name = token.contains("=") ? token.substring(0, token.indexOf('=')) : token;
    for (CommandLine c : commands.values()) {
      OptionSpec o = find(c, name);
      if (o != null) {
        return o;
      }
    }
    return null;
  }

  private static OptionSpec find(CommandLine c, String name) {
    OptionSpec o = c.getCommandSpec().findOption(name);
    if (o != null) {
      return o;
    }
    for (CommandLine sub : c.getSubcommands().values()) {
      o = find(sub, name);
      if (o != null) {
        return o;
      }
    }
    return null;
  }
}
