package io.s3wire.cli.commands;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code s3wire completion}: picocli's generated bash/zsh completion script. */
@Command(name = "completion", mixinStandardHelpOptions = true,
    description = "Print a bash/zsh completion script for s3wire.",
    footerHeading = "%nExamples:%n",
    footer = {"  source <(s3wire completion)", "  s3wire completion > /etc/bash_completion.d/s3wire"})
public final class CompletionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getOut().print(AutoComplete.bash("s3wire", spec.root().commandLine()));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
