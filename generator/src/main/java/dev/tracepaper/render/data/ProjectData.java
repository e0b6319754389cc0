package dev.tracepaper.render.data;

import java.util.List;

/**
 * The root of the template data model: the whole generated project, every name already converted
 * for where it lands. Immutable; built once per generation by {@code ProjectDataBuilder}.
 *
 * @param name the app's name as written ({@code library}); names the stack and the API
 * @param artifactId the Maven artifact id (the app's name)
 * @param groupId the Maven group id (the base package)
 * @param basePackage the Java package of the generated code
 * @param runtimePackage the package of the runtime library the generated code uses
 * @param runtimeVersion the version of the runtime library the generated pom depends on
 * @param description the app's description, empty when it has none
 * @param modelVersion the model language version the project was generated from
 * @param api how the GraphQL API authenticates callers
 * @param enums the model's enums
 * @param types the model's value types
 * @param aggregates the write side
 * @param views the read side
 * @param queries the custom queries, which hand-written code answers
 * @param stacks the CloudFormation stacks and which elements each holds
 * @param scenarios the model's scenarios, run by the generated {@code ScenariosTest}
 * @param automations the automations' handlers, in model order
 * @param automationResources the infrastructure of each automation, in model order
 */
public record ProjectData(
    String name,
    String artifactId,
    String groupId,
    String basePackage,
    String runtimePackage,
    String runtimeVersion,
    String description,
    int modelVersion,
    ApiData api,
    List<EnumData> enums,
    List<RecordData> types,
    List<AggregateData> aggregates,
    List<ViewData> views,
    List<CustomQueryData> queries,
    StacksData stacks,
    ScenarioSuiteData scenarios,
    List<AutomationData> automations,
    List<AutomationStackData> automationResources) {

  public ProjectData {
    enums = List.copyOf(enums);
    types = List.copyOf(types);
    aggregates = List.copyOf(aggregates);
    views = List.copyOf(views);
    queries = List.copyOf(queries);
    automations = List.copyOf(automations);
    automationResources = List.copyOf(automationResources);
  }

  /**
   * The AWS SDK modules the automations reach, which the runtime holds as optional: {@code sesv2}
   * for e-mail, {@code s3} for objects, {@code secretsmanager} and {@code ssm} for the secrets
   * declared in each store; in that order, each once.
   */
  public List<String> automationSdkModules() {
    List<String> modules = new java.util.ArrayList<>();
    if (automationResources.stream().anyMatch(a -> !a.emailIdentityArns().isEmpty())) {
      modules.add("sesv2");
    }
    if (automationResources.stream().anyMatch(a -> !a.objectArns().isEmpty())) {
      modules.add("s3");
    }
    if (automationResources.stream().anyMatch(a -> !a.secretArns().isEmpty())) {
      modules.add("secretsmanager");
    }
    if (automationResources.stream().anyMatch(a -> !a.parameterArns().isEmpty())) {
      modules.add("ssm");
    }
    return modules;
  }

  /** Whether an automation fills a template: the project then depends on Mustache. */
  public boolean automationsFillTemplates() {
    return automationResources.stream().anyMatch(AutomationStackData::fillsTemplates);
  }

  /**
   * The artifacts ({@code groupId:artifactId}) only the automations' functions load: the SDK
   * modules and what they alone bring (S3's XML protocol and ARNs), and Mustache. The jar every
   * other function runs leaves them out, and the automations get a jar of their own.
   */
  public List<String> automationOnlyArtifacts() {
    List<String> artifacts = new java.util.ArrayList<>();
    for (String module : automationSdkModules()) {
      artifacts.add("software.amazon.awssdk:" + module);
      if (module.equals("s3")) {
        for (String brought : List.of("aws-xml-protocol", "aws-query-protocol", "arns")) {
          artifacts.add("software.amazon.awssdk:" + brought);
        }
      }
    }
    if (automationsFillTemplates()) {
      artifacts.add("com.samskivert:jmustache");
    }
    return artifacts;
  }

  /**
   * What the automations reach that the stack does not create, each once, with the automations that
   * need it: the SES identities they send from ({@code sender}), the S3 buckets they write to
   * ({@code bucket}), the secrets they read ({@code secretsManager}, {@code parameterStore}); in
   * that order, then model order. The generated README lists them, to be made before the first run.
   */
  public List<Prerequisite> automationPrerequisites() {
    List<Prerequisite> prerequisites = new java.util.ArrayList<>();
    for (String kind : List.of("sender", "bucket", "secretsManager", "parameterStore")) {
      // Each name once, with every automation that needs it.
      java.util.Map<String, java.util.Set<String>> users = new java.util.LinkedHashMap<>();
      for (AutomationData automation : automations) {
        List<String> names =
            switch (kind) {
              case "sender" -> automation.senders();
              case "bucket" -> automation.buckets();
              default ->
                  automation.secretStores().stream()
                      .filter(s -> s.store().equals(kind))
                      .map(AutomationData.StoredSecret::id)
                      .toList();
            };
        names.forEach(
            name ->
                users
                    .computeIfAbsent(name, n -> new java.util.LinkedHashSet<>())
                    .add(automation.name()));
      }
      users.forEach((name, by) -> prerequisites.add(new Prerequisite(kind, name, List.copyOf(by))));
    }
    return prerequisites;
  }

  /** The automations with a test whose side effects the moto_server test performs, in order. */
  public List<AutomationData> automationsOnMoto() {
    return automations.stream().filter(a -> !a.motoCases().isEmpty()).toList();
  }

  /**
   * What the automations' moto_server test imports: what their own tests import for their triggers
   * and handlers, with the moto harness instead of the recording one; sorted.
   */
  public List<String> automationMotoImports() {
    String testing = runtimePackage() + ".testing.";
    java.util.Set<String> imports = new java.util.TreeSet<>();
    automationsOnMoto().forEach(a -> imports.addAll(a.testImports()));
    imports.removeAll(
        List.of(
            testing + "RecordingEffects",
            testing + "InMemoryLedger",
            runtimePackage() + ".automation.Automations"));
    imports.addAll(
        List.of(
            testing + "AutomationsOnMoto",
            testing + "MotoServer",
            "org.junit.jupiter.api.AfterEach",
            "org.junit.jupiter.api.BeforeEach",
            "org.junit.jupiter.api.extension.RegisterExtension"));
    return List.copyOf(imports);
  }

  /**
   * Something an automation reaches outside the stack.
   *
   * @param kind {@code sender}, {@code bucket}, {@code secretsManager} or {@code parameterStore}
   * @param name the address, bucket, secret or parameter
   * @param automations the automations that need it, in model order
   */
  public record Prerequisite(String kind, String name, List<String> automations) {}

  /** Every policy of every aggregate, in model order. */
  public List<PolicyData> policies() {
    return aggregates.stream().flatMap(a -> a.policies().stream()).toList();
  }

  /** Every command of every aggregate, in model order. */
  public List<CommandData> commands() {
    return aggregates.stream().flatMap(a -> a.commands().stream()).toList();
  }
}
