package dev.tracepaper.run;

import dev.tracepaper.diagnostic.Diagnostic;
import dev.tracepaper.diagnostic.Severity;
import dev.tracepaper.diff.DiffRule;
import dev.tracepaper.diff.DiffRules;
import dev.tracepaper.diff.ModelChange;
import dev.tracepaper.diff.ModelDiff;
import dev.tracepaper.diff.RuleClass;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.render.TemplateFailure;
import dev.tracepaper.render.build.ProjectDataBuilder;
import dev.tracepaper.render.data.ProjectData;
import dev.tracepaper.source.SourceFile;
import dev.tracepaper.validate.ValidationReport;
import dev.tracepaper.validate.Validator;
import dev.tracepaper.validate.format.TextFormatter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The model a local run serves, and its reloads: the model's files validated, the stored events
 * replayed on it, its API built; a new model replaces the running one only when all of that
 * succeeds and {@code diff} finds no change that breaks the stored events. Otherwise the running
 * model stays, and what is wrong is printed as {@code validate} and {@code diff} print it.
 */
final class ModelHost {

  /** The prefix of the running model's files in the findings of a reload. */
  static final String RUNNING = "running:";

  /** One model running: its index, its data for the templates, the app, and its API. */
  record Running(ModelIndex index, ProjectData project, LocalApp app, LocalApi api) {}

  private final List<Path> paths;
  private final Path base;
  private final Function<String, Path> data;
  private EventLog log;
  private ModelSnapshot snapshot;
  private final CommandIds ids = new CommandIds();
  private final Clock clock;
  private final Consumer<String> console;
  private final Object lock = new Object();
  private volatile Running running;
  private volatile String problem = "";
  private final List<String> notices = new ArrayList<>();

  private static final int NOTICES = 20;

  /**
   * @param data the folder of the events of the app of this name (the name the model first loaded
   *     with has; a later rename keeps the folder)
   */
  ModelHost(
      List<Path> paths,
      Path base,
      Function<String, Path> data,
      Clock clock,
      Consumer<String> console) {
    this.paths = List.copyOf(paths);
    this.base = base;
    this.data = data;
    this.clock = clock;
    this.console = console;
  }

  Running running() {
    return running;
  }

  EventLog log() {
    return log;
  }

  Object lock() {
    return lock;
  }

  /** What kept the last change of the model from running; empty when it runs. */
  String problem() {
    return problem;
  }

  /**
   * Loads the model and replays the log; on failure prints why and returns false.
   *
   * @throws TemplateFailure when the schema does not render (a bug, or a broken template)
   */
  boolean load() throws TemplateFailure {
    synchronized (lock) {
      Validator.Outcome outcome = new Validator().run(paths, base);
      if (outcome.report().hasErrors() || outcome.index().isEmpty()) {
        refuse(
            new TextFormatter(true).format(outcome.report())
                + (running == null
                    ? "Nothing runs: fix the errors above first."
                    : "The model as it was before still runs: fix the errors above."));
        return false;
      }
      ModelIndex index = outcome.index().get();
      if (log == null) {
        log = new EventLog(data.apply(index.model().app().orElseThrow().name().value()));
        snapshot = new ModelSnapshot(log.folder());
      }
      List<EventLog.Line> lines;
      try {
        lines = log.read();
      } catch (EventLog.LogUnreadable e) {
        refuse(e.getMessage() + "\n" + keeping());
        return false;
      }
      // The model that wrote the events: the running one, or at a start the copy of the last.
      Optional<ModelIndex> writer =
          running != null ? Optional.of(running.index()) : snapshot.read();
      // The copy's files are named NAME.stored already.
      String prefix = running != null ? RUNNING : "";
      if (writer.isPresent() && !lines.isEmpty()) {
        Optional<String> breaking = breaking(writer.get(), prefix, index, outcome.report());
        if (breaking.isPresent()) {
          refuse(
              breaking.get()
                  + "The events stored in "
                  + log.file()
                  + " would not read as the model that wrote them wrote them "
                  + (running != null
                      ? "(the running model; its files are named running:FILE above)"
                      : "(the model that last ran; a copy is in " + snapshot.folder() + ")")
                  + ". "
                  + keeping());
          return false;
        }
      }
      LocalApp app;
      try {
        app = LocalApp.replay(index, lines);
      } catch (LocalApp.ReplayFailed e) {
        refuse(log.file() + ": " + e.getMessage() + "\n" + keeping());
        return false;
      }
      ProjectData project = ProjectDataBuilder.build(index);
      Commands commands = new Commands(app, log, ids, clock, this::notice, lock);
      LocalApi api = LocalApi.of(project, new Wiring(project, app, commands), console);
      running = new Running(index, project, app, api);
      snapshot.write(index.model());
      problem = "";
      return true;
    }
  }

  /** What the cascade refused (a policy's rule): printed, and the last ones kept for the page. */
  private void notice(String text) {
    console.accept(text);
    notices.add(text);
    if (notices.size() > NOTICES) {
      notices.remove(0);
    }
  }

  /** The last refusals of the cascade, oldest first. */
  List<String> notices() {
    synchronized (lock) {
      return List.copyOf(notices);
    }
  }

  private String keeping() {
    return running == null
        ? "Nothing runs: change the model back, or start with another --data folder."
        : "The model as it was before still runs.";
  }

  private void refuse(String text) {
    problem = text;
    console.accept(text);
  }

  /**
   * The findings of {@code diff} that break stored events (its "Stored data" errors), printed as
   * diff prints them, the files of the model that wrote the events named {@code prefix + FILE}.
   */
  private static Optional<String> breaking(
      ModelIndex old, String prefix, ModelIndex current, ValidationReport currentReport) {
    List<DiffRule> storedData =
        DiffRules.all().stream().filter(r -> r.ruleClass() == RuleClass.STORED_DATA).toList();
    List<Diagnostic> found =
        new ModelDiff(storedData)
                .compare(
                    new ModelChange(
                        new ModelChange.Side(old, prefix), ModelChange.Side.of(current)))
                .stream()
                .filter(d -> d.severity() == Severity.ERROR)
                .toList();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Map<String, SourceFile> sources = new HashMap<>(currentReport.sourcesByPath());
    for (SourceFile file : old.model().sources()) {
      sources.put(prefix + file.path(), file);
    }
    return Optional.of(TextFormatter.format(found, sources));
  }
}
