package dev.tracepaper.render.data;

import java.util.List;

/**
 * An automation's Lambda handler: its activities as Java statements, run by the runtime's {@code
 * Automations} once per trigger.
 *
 * @param name the model name ({@code WelcomeMember}), as logs, metrics and the ledger name it
 * @param javaPackage the package of the automations ({@code com.example.library.automations})
 * @param javaClass the handler class ({@code WelcomeMemberAutomation})
 * @param description the description, empty when none
 * @param trigger what runs it, as the class comment says: "each MemberJoined of Membership"
 * @param imports the classes the handler imports, sorted
 * @param secrets the Java list of the declared secrets ({@code
 *     List.of(SecretRef.secretsManager(…))}), laid out after {@code SECRETS =}
 * @param handlers the command handlers its {@code command} activities send to
 * @param locals the statements before the activities: the trigger's event, {@code now}, …
 * @param steps the activities, in order
 * @param tests the model's tests of it, for the generated test class
 * @param testImports the classes the test class imports, sorted
 * @param templates the model's templates it fills, copied into the project's resources
 * @param senders the addresses its e-mails are sent from (of {@code Name <address>}, the address),
 *     in model order, each once
 * @param buckets the S3 buckets it writes to, in model order, each once
 * @param secretStores its secrets as where they are kept ({@code secretsManager} or {@code
 *     parameterStore}, then the id), in model order
 * @param callsEndpoints whether it makes HTTP calls
 * @param motoCases the test its moto_server test performs: the first that expects an activity, if
 *     any (a list of at most one)
 * @param element how generated file headers name it
 */
public record AutomationData(
    String name,
    String javaPackage,
    String javaClass,
    String description,
    String trigger,
    List<String> imports,
    String secrets,
    List<Handler> handlers,
    List<String> locals,
    List<Step> steps,
    List<Case> tests,
    List<String> testImports,
    List<TemplateFile> templates,
    List<String> senders,
    List<String> buckets,
    List<StoredSecret> secretStores,
    boolean callsEndpoints,
    List<Case> motoCases,
    String element)
    implements ModelElement {

  public AutomationData {
    imports = List.copyOf(imports);
    handlers = List.copyOf(handlers);
    locals = List.copyOf(locals);
    steps = List.copyOf(steps);
    tests = List.copyOf(tests);
    testImports = List.copyOf(testImports);
    templates = List.copyOf(templates);
    senders = List.copyOf(senders);
    buckets = List.copyOf(buckets);
    secretStores = List.copyOf(secretStores);
    motoCases = List.copyOf(motoCases);
  }

  /** Where the runtime reads the model's templates from, below the project's resources. */
  public static final String TEMPLATES_FOLDER = "src/main/resources/automations/templates/";

  /**
   * A secret and where it is kept.
   *
   * @param store {@code secretsManager} or {@code parameterStore}, as the model writes it
   * @param id its name there
   */
  public record StoredSecret(String name, String store, String id) {}

  /** A template of the model: its path beside the model and its text. */
  public record TemplateFile(String path, String text) {}

  /**
   * A command handler the automation holds: {@code MembershipCommandHandler membership}.
   *
   * @param aggregate the aggregate's model name
   */
  public record Handler(String javaClass, String field, String aggregate) {}

  /**
   * One activity as Java.
   *
   * @param kind {@code let}, {@code stopIf}, {@code forEach} or {@code effect}
   * @param source the model's words, for a comment ({@code email to event.email})
   * @param condition the Java condition an effect is performed on, empty when always; for {@code
   *     stopIf}, the condition that stops
   * @param code the statement ({@code let}: the declaration; effect: the call), laid out at the
   *     indentation {@code depth} gives
   * @param variable a {@code forEach}'s item variable
   * @param items a {@code forEach}'s list
   * @param steps a {@code forEach}'s activities
   * @param indent the indentation of the step's first line
   */
  public record Step(
      String kind,
      String source,
      String condition,
      String code,
      String variable,
      String items,
      List<Step> steps,
      String indent) {
    public Step {
      steps = List.copyOf(steps);
    }
  }

  /**
   * A test of the model: the trigger and the activities expected.
   *
   * @param name the test's name as written
   * @param method the JUnit method
   * @param trigger the Java of the trigger it runs with, laid out at eight spaces
   * @param expected the activities expected, as the JSON list the runtime's check reads
   */
  public record Case(String name, String method, String trigger, String expected) {}
}
