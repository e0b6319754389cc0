package dev.tracepaper.model;

import dev.tracepaper.source.MappingNode;
import dev.tracepaper.source.SourceLocation;
import java.util.List;
import java.util.Optional;

/**
 * What the application does outside its own event store when something happens: an event is
 * recorded, a schedule comes round, or the application is deployed. Its activities send e-mail,
 * call HTTP endpoints, write S3 objects and send commands to the application's own aggregates; its
 * side effects are derived from those activities ({@code dev.tracepaper.automation.SideEffects}).
 *
 * @param role the role the automation's commands are sent with ({@code as}), one of {@code
 *     app.auth.roles}
 */
public record Automation(
    String name,
    Optional<String> description,
    Trigger trigger,
    List<Secret> secrets,
    Optional<Located<String>> role,
    List<Activity> activities,
    List<Test> tests,
    SourceLocation location) {

  public Automation {
    secrets = List.copyOf(secrets);
    activities = List.copyOf(activities);
    tests = List.copyOf(tests);
  }

  /** What starts an automation. */
  public sealed interface Trigger {
    SourceLocation location();
  }

  /** {@code on: Aggregate.Event}: each time the event is recorded. */
  public record OnEvent(EventRef event, SourceLocation location) implements Trigger {}

  /**
   * {@code schedule: {at: 'cron(0 9 ? * MON *)', timezone: Europe/Amsterdam}}, or {@code rate(1
   * day)}: EventBridge Scheduler's expressions.
   */
  public record OnSchedule(
      Located<String> expression, Optional<Located<String>> timezone, SourceLocation location)
      implements Trigger {}

  /** {@code afterDeployment: true}: once each time the application is deployed. */
  public record AfterDeployment(SourceLocation location) implements Trigger {}

  /** Where a secret is read from at run time; the model holds only its name and where it lives. */
  public enum SecretSource {
    SECRETS_MANAGER("secretsManager"),
    PARAMETER_STORE("parameterStore");

    private final String key;

    SecretSource(String key) {
      this.key = key;
    }

    /** The key that names it in the model. */
    public String key() {
      return key;
    }
  }

  /**
   * {@code secrets: {token: {secretsManager: library/supplier-token}}}: read as {@code
   * secrets.token}.
   */
  public record Secret(
      String name, SecretSource source, Located<String> id, SourceLocation location) {}

  /** A template file beside the model, filled from {@code with}. */
  public record Template(
      Located<String> path, Optional<String> text, List<Let> with, SourceLocation location) {
    public Template {
      with = List.copyOf(with);
    }
  }

  /** One step of an automation. */
  public sealed interface Activity {
    SourceLocation location();

    /** The kind as the model writes it: {@code email}, {@code http}, … */
    String kind();
  }

  /** A side effect, performed only when its {@code if} holds. */
  public sealed interface Effect extends Activity {
    Optional<Expression> condition();
  }

  /** {@code - let: {name: CEL}}: variables for the activities after it. */
  public record SetVariables(List<Let> variables, SourceLocation location) implements Activity {
    public SetVariables {
      variables = List.copyOf(variables);
    }

    @Override
    public String kind() {
      return "let";
    }
  }

  /** {@code - stopIf: CEL}: the activities after it are skipped when it holds. */
  public record Stop(Expression condition, SourceLocation location) implements Activity {
    @Override
    public String kind() {
      return "stopIf";
    }
  }

  /** {@code - forEach: {in: CEL, as: name, do: […]}}: the activities once per item of a list. */
  public record ForEach(
      Expression items, Located<String> as, List<Activity> activities, SourceLocation location)
      implements Activity {
    public ForEach {
      activities = List.copyOf(activities);
    }

    @Override
    public String kind() {
      return "forEach";
    }
  }

  /** {@code - email: {from, to, subject, template, with}}: one e-mail through Amazon SES. */
  public record Email(
      Located<String> from,
      List<Expression> to,
      Expression subject,
      Template body,
      Optional<Expression> condition,
      SourceLocation location)
      implements Effect {
    public Email {
      to = List.copyOf(to);
    }

    @Override
    public String kind() {
      return "email";
    }
  }

  /** A header or query parameter of an HTTP call. */
  public record NamedValue(String name, Expression value, SourceLocation location) {}

  /**
   * {@code - http: {method, url, query, headers, template, with}}: one HTTP request; {@code
   * allowHttp} admits a plain {@code http:} URL.
   */
  public record Http(
      Located<String> method,
      Expression url,
      List<NamedValue> query,
      List<NamedValue> headers,
      Optional<Template> body,
      boolean allowHttp,
      Optional<Expression> condition,
      SourceLocation location)
      implements Effect {
    public Http {
      query = List.copyOf(query);
      headers = List.copyOf(headers);
    }

    @Override
    public String kind() {
      return "http";
    }
  }

  /** {@code - s3Object: {bucket, key, template, with}}: a template rendered into an S3 object. */
  public record S3Object(
      Located<String> bucket,
      Expression key,
      Template content,
      Optional<Expression> condition,
      SourceLocation location)
      implements Effect {
    @Override
    public String kind() {
      return "s3Object";
    }
  }

  /** {@code - command: {send: Aggregate.Command, with: {field: CEL}}}: as the automation's role. */
  public record SendCommand(
      Located<String> command,
      List<Assignment.SetValue> with,
      Optional<Expression> condition,
      SourceLocation location)
      implements Effect {
    public SendCommand {
      with = List.copyOf(with);
    }

    @Override
    public String kind() {
      return "command";
    }

    /** The aggregate named before the dot, if any. */
    public Optional<String> aggregate() {
      int dot = command.value().indexOf('.');
      return dot < 0 ? Optional.empty() : Optional.of(command.value().substring(0, dot));
    }

    /**
     * The command sent, when the model has exactly one of that name (in the aggregate named, if one
     * is).
     */
    public Optional<Command> resolve(Model model) {
      List<Command> found = candidates(model);
      return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    /** The commands of the name, in the aggregate named if one is. */
    public List<Command> candidates(Model model) {
      return model
          .commands()
          .filter(c -> c.name().equals(commandName()))
          .filter(c -> aggregate().map(a -> a.equals(c.aggregate())).orElse(true))
          .toList();
    }

    /** The command's name, after the dot if any. */
    public String commandName() {
      int dot = command.value().indexOf('.');
      return command.value().substring(dot + 1);
    }
  }

  /**
   * A test: given the trigger event's fields ({@code when}) and the time ({@code at}), the
   * activities performed, complete and in order ({@code then}); each expected activity is {@code
   * kind: {field: value}}, its named fields compared.
   */
  public record Test(
      String name,
      Optional<MappingNode> when,
      Optional<Located<String>> at,
      List<Expected> then,
      SourceLocation location) {
    public Test {
      then = List.copyOf(then);
    }
  }

  /** An activity a test expects: its kind and the values it names. */
  public record Expected(String kind, MappingNode fields, SourceLocation location) {}
}
