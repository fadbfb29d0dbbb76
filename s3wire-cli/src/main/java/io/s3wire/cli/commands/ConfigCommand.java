package io.s3wire.cli.commands;

import io.s3wire.auth.Credentials;
import io.s3wire.config.Resolved;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code s3wire config}: the configuration commands ({@code show}). */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Inspect the effective configuration.",
    footerHeading = "%nExamples:%n", footer = {"  s3wire config show", "  s3wire config show --profile dev --json"})
public final class ConfigCommand implements Runnable {
  @Spec CommandSpec spec;

  /** {@code config} with its {@code show} subcommand, ready to register on the root command. */
  public static CommandLine commandLine(Map<String, String> env) {
    CommandLine cl = new CommandLine(new ConfigCommand());
    cl.addSubcommand(new Show(env));
    return cl;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "choose a subcommand: s3wire config show");
  }

  /** {@code s3wire config show}. */
  @Command(name = "show", mixinStandardHelpOptions = true,
      description = {"Print every effective setting and where it came from (flag, environment variable, which file, default).",
          "Secrets are never printed: credentials show the access key id and their source only."},
      footerHeading = "%nExamples:%n", footer = {"  s3wire config show", "  AWS_PROFILE=dev s3wire config show --json"})
  public static final class Show extends StorageCommand {
    public Show(Map<String, String> env) {
      super(env);
    }

    @Override
    int run() {
      ClientSettings s = settings(List.of());
      Resolution r = Resolution.of(s, env);
      CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
      for (Setting setting : ConfigCommand.settings(s, r, flag -> parsed != null && parsed.hasMatchedOption(flag))) {
        out().println(s.json()
            ? new Json().str("name", setting.name()).str("value", setting.value()).str("source", setting.source()).build()
            : setting.name() + " = " + setting.value() + (setting.source() == null ? "" : " (" + setting.source() + ")"));
      }
      return ExitCodes.OK;
    }
  }

  /** One line of {@code config show}; {@code source} is {@code null} where there is nothing to say. */
  record Setting(String name, String value, String source) {
    static Setting of(String name, Resolved<?> r) {
      return new Setting(name, String.valueOf(r.value()), r.source());
    }
  }

  /** Which provider supplied the credentials and when they expire; never the secret or the token. */
  static Setting credentials(io.s3wire.auth.CredentialsProvider provider) {
    Optional<Resolved<Credentials>> c;
    try {
      c = provider.find();
    } catch (io.s3wire.error.ClientException e) {
      return new Setting("credentials", "<none>", e.getMessage());
    }
    String expires = provider.expiration().map(t -> ", expires " + t).orElse("");
    return c.map(v -> new Setting("credentials", "access key " + v.value().accessKeyId()
            + (v.value().sessionToken() != null ? " with session token" : "") + ", secret <masked>" + expires, v.source()))
        .orElse(new Setting("credentials", "<not found>", "looked in " + provider.description()));
  }

  static List<Setting> settings(ClientSettings s, Resolution r, java.util.function.Predicate<String> given) {
    List<Setting> out = new ArrayList<>();
    out.add(Setting.of("profile", r.aws().profile()));
    out.add(Setting.of("provider", r.provider()));
    out.add(Setting.of("region", r.region()));
    out.add(Setting.of("endpoint_url", r.endpoint()));
    out.add(new Setting("s3.addressing_style", r.addressing().configName(),
        r.aws().addressingStyle().value().configName() + " from " + r.aws().addressingStyle().source()
            + ", resolved by provider " + r.profile().name()));
    out.add(credentials(r.aws().credentialsProvider()));
    out.add(new Setting("http", s.transport().policy().toString(), source(given, "--http")));
    out.add(new Setting("tls", s.transport().tlsProvider().toString(), source(given, "--tls")));
    out.add(new Setting("alpn", s.transport().alpnOffer().toString(), source(given, "--alpn")));
    out.add(ca(s, r, given));
    out.add(new Setting("insecure", Boolean.toString(s.transport().insecure()), source(given, "--insecure")));
    out.add(new Setting("keylog", s.transport().keyLog() == null ? "<not set>" : s.transport().keyLog().toString(),
        s.transport().keyLog() == null ? null : given.test("--keylog") ? "--keylog" : "environment variable SSLKEYLOGFILE"));
    out.add(new Setting("retries", s.retries() == null ? "client default" : s.retries().toString(), "--retries"));
    return out;
  }



  private static Setting ca(ClientSettings s, Resolution r, java.util.function.Predicate<String> given) {
    if (s.transport().ca() != null) {
      return new Setting("ca", s.transport().ca().toString(), source(given, "--ca"));
    }
    if (s.transport().insecure()) {
      return new Setting("ca", "none: certificates are not verified", "--insecure");
    }
    return r.aws().caBundle().map(b -> Setting.of("ca", b)).orElse(new Setting("ca", "system trust store", "default"));
  }

  private static String source(java.util.function.Predicate<String> given, String flag) {
    return given.test(flag) ? flag : "default";
  }
}
