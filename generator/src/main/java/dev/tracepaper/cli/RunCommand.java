package dev.tracepaper.cli;

import dev.tracepaper.render.TemplateFailure;
import dev.tracepaper.run.LocalRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tracepaper run MODEL...}: the model served on this machine with its GraphQL API and a
 * playground, its events kept in a file, reloaded on every save (docs/local-run.md).
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Runs the model on this machine, without AWS: its GraphQL API at /graphql and a"
            + " playground at / to send commands and queries and watch events and views. Stored"
            + " events are kept between runs; a saved change of the model reloads them. It runs"
            + " until stopped (Ctrl-C).",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "1:the model is invalid, or the stored events do not fit it",
      "2:usage error, or the port is in use",
      "3:template or render error",
      "4:internal error (run with -x for the stack trace)"
    })
public final class RunCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "MODEL",
      description = "A model file, or a folder of *.yaml (and *.yml) files that make one model.")
  List<Path> paths;

  @Option(
      names = "--port",
      paramLabel = "N",
      defaultValue = "8080",
      description =
          "The port on 127.0.0.1 to serve on (default: ${DEFAULT-VALUE}; 0: any free one).")
  int port;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description =
          "The folder of the stored events (default: .tracepaper/run/APP in the model's folder).")
  Path data;

  @Override
  public Integer call() throws IOException, InterruptedException {
    for (Path path : paths) {
      if (!Files.exists(path)) {
        throw usage("%s does not exist.".formatted(path));
      }
    }
    if (port < 0 || port > 65535) {
      throw usage("--port must be between 0 and 65535, not " + port + ".");
    }
    PrintWriter out = spec.commandLine().getOut();
    LocalRun run;
    try {
      run =
          LocalRun.start(
              paths,
              Path.of("").toAbsolutePath(),
              Optional.ofNullable(data),
              port,
              text -> {
                out.println(text.endsWith("\n") ? text.substring(0, text.length() - 1) : text);
                out.flush();
              });
    } catch (LocalRun.NotRunnable e) {
      return ExitCode.INVALID_MODEL;
    } catch (BindException e) {
      throw usage("port " + port + " is in use; choose another with --port.");
    } catch (TemplateFailure e) {
      spec.commandLine().getErr().println("tracepaper: " + e.getMessage());
      return ExitCode.RENDER;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  run.close();
                  stopped.countDown();
                }));
    out.printf(
        "Running %s at %s (GraphQL: %sgraphql); %d stored events in %s.%n"
            + "Saving the model reloads it. Ctrl-C stops.%n",
        run.app(), run.url(), run.url(), run.events(), run.eventFile());
    out.flush();
    stopped.await();
    return ExitCode.OK;
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
