package dev.tracepaper.render;

import dev.tracepaper.render.data.AggregateData;
import dev.tracepaper.render.data.AutomationData;
import dev.tracepaper.render.data.CommandData;
import dev.tracepaper.render.data.CustomQueryData;
import dev.tracepaper.render.data.EventData;
import dev.tracepaper.render.data.FlowData;
import dev.tracepaper.render.data.PolicyData;
import dev.tracepaper.render.data.ProjectData;
import dev.tracepaper.render.data.RecordData;
import dev.tracepaper.render.data.ViewData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which file each template gives, and with what data. {@code templates/} mirrors the generated
 * tree: a template renders once, to its own path less {@code .ftl}, except
 *
 * <ul>
 *   <li>below {@code src/main/java/} and {@code src/test/java/} the base package's folders are left
 *       out ({@code src/main/java/ViewProjector.java.ftl} gives {@code
 *       src/main/java/com/example/library/ViewProjector.java}), which only a model with views gets
 *       ({@link #WITH_VIEWS});
 *   <li>the folders named after a kind of model element ({@code aggregate/}, {@code types/type/},
 *       ...) hold templates rendered once per element, named as {@link #PER_ELEMENT} says;
 *   <li>{@code src/main/resources/resolvers/view/} holds the resolvers of the read side, rendered
 *       once per query or relation field ({@link ViewResolverLayout});
 *   <li>{@code stacks/Stack.yaml.ftl} renders once per nested stack, to {@code stacks/<Name>.yaml}
 *       ({@link StackLayout});
 *   <li>{@code lib/} holds the shared macros, which give no file;
 *   <li>{@code github/} gives {@code .github/} (a dot folder would be left out of the jar);
 *   <li>{@code scripts/token.sh.ftl} renders only for an API with a user pool ({@link
 *       #WITH_USER_POOL});
 *   <li>a file without {@code .ftl} is copied as it is ({@code mvnw} stays executable, as do
 *       rendered {@code .sh} scripts); {@code gitignore} becomes {@code .gitignore} (a dot file
 *       would be left out of the jar).
 * </ul>
 */
public final class Layout {

  /**
   * One file to render: the template, where its output goes, its data, and whether it is a stub
   * (created once, then the engineer's: see {@link #STUBS}).
   */
  public record Output(String template, String path, Map<String, Object> data, boolean stub) {

    public Output(String template, String path, Map<String, Object> data) {
      this(template, path, data, false);
    }
  }

  /** One file copied as it is. */
  public record Copy(String template, String path, boolean executable) {}

  static final String MAIN = "src/main/java/";
  static final String TEST = "src/test/java/";
  static final String LIB = "lib/";
  private static final String GENERATION = "src/main/resources/resolvers/generation/";

  /** The templates of {@code .github/}: a dot folder would be left out of the jar. */
  static final String GITHUB = "github/";

  static final String FTL = ".ftl";

  /**
   * The templates of files that are then the engineer's, rendered only where the file does not
   * exist yet: hand-written classes, and {@code samconfig.toml}, where {@code sam deploy --guided}
   * saves its answers.
   */
  static final List<String> STUBS =
      List.of(
          MAIN + "aggregate/flow/CustomCode.java.ftl",
          MAIN + "views/view/CustomCode.java.ftl",
          MAIN + "views/query/QueryCode.java.ftl",
          "samconfig.toml.ftl");

  /**
   * What only a project with views has: the handlers of the view functions, which pass the model's
   * projections to the runtime, and the read side's pipeline functions, which every query and
   * relation resolver shares.
   */
  static final List<String> WITH_VIEWS =
      List.of(
          MAIN + "ViewProjector.java.ftl",
          MAIN + "ViewRebuilder.java.ftl",
          GENERATION + "ReadViewGeneration.js.ftl",
          GENERATION + "ReadBlue.js.ftl",
          GENERATION + "ReadGreen.js.ftl");

  /** The resolver of the views' internal change mutations: only a view that notifies has one. */
  static final List<String> WITH_NOTIFYING_VIEWS =
      List.of("src/main/resources/resolvers/PublishChange.js.ftl");

  /**
   * The script that signs a user in for a token (a stage's tests and first calls): only an API with
   * a user pool has users.
   */
  static final List<String> WITH_USER_POOL = List.of("scripts/token.sh.ftl");

  /** The resolver of the namespace fields: only {@code api} names with a namespace make them. */
  static final List<String> WITH_NAMESPACES =
      List.of("src/main/resources/resolvers/Namespace.js.ftl");

  /** The resolver every custom query shares: only a model with {@code queries:} has one. */
  static final List<String> WITH_CUSTOM_QUERIES =
      List.of("src/main/resources/resolvers/CustomQuery.js.ftl");

  /** The test of the model's scenarios: only a model with scenarios (or their coverage) has one. */
  static final List<String> WITH_SCENARIOS =
      List.of(TEST + "ScenariosTest.java.ftl", TEST + "ScenariosOnMotoTest.java.ftl");

  /** The templates rendered once per element, by the folder they are in. */
  static final List<String> PER_ELEMENT =
      List.of(
          MAIN + "aggregate/",
          TEST + "aggregate/",
          MAIN + "types/",
          MAIN + "views/",
          TEST + "views/",
          MAIN + "automations/",
          TEST + "automations/");

  private final ProjectData project;
  private final String packageFolder;

  public Layout(ProjectData project) {
    this.project = project;
    this.packageFolder = project.basePackage().replace('.', '/') + "/";
  }

  /** Every template's outputs, in template order, then element order. */
  public List<Output> outputs(List<String> templates) {
    List<Output> outputs = new ArrayList<>();
    for (String template : templates) {
      if (!template.endsWith(FTL)
          || template.startsWith(LIB)
          || (WITH_VIEWS.contains(template) && project.views().isEmpty())
          || (WITH_NOTIFYING_VIEWS.contains(template)
              && project.views().stream().noneMatch(v -> v.subscription().enabled()))
          || (WITH_USER_POOL.contains(template) && !project.api().userPool())
          || (WITH_NAMESPACES.contains(template) && project.api().namespaces().isEmpty())
          || (WITH_CUSTOM_QUERIES.contains(template) && project.queries().isEmpty())
          || (WITH_SCENARIOS.contains(template) && !project.scenarios().present())) {
        continue;
      }
      if (StackLayout.holds(template)) {
        outputs.addAll(StackLayout.outputs(template, project));
      } else if (ViewResolverLayout.holds(template)) {
        outputs.addAll(ViewResolverLayout.outputs(template, project));
      } else if (PER_ELEMENT.stream().anyMatch(template::startsWith)) {
        outputs.addAll(perElement(template));
      } else {
        outputs.add(
            new Output(template, projectPath(strip(template)), data(), STUBS.contains(template)));
      }
    }
    return outputs;
  }

  /** The files copied as they are. */
  public List<Copy> copies(List<String> templates) {
    return templates.stream()
        .filter(t -> !t.endsWith(FTL) && !t.startsWith(LIB))
        .map(t -> new Copy(t, t.equals("gitignore") ? ".gitignore" : t, executable(t)))
        .toList();
  }

  /** Whether the file at {@code path} is a program: the Maven wrapper, a shell script. */
  public static boolean executable(String path) {
    return path.equals("mvnw") || path.endsWith(".sh");
  }

  private String projectPath(String path) {
    for (String root : List.of(MAIN, TEST)) {
      if (path.startsWith(root)) {
        return root + packageFolder + path.substring(root.length());
      }
    }
    return path.startsWith(GITHUB) ? "." + path : path;
  }

  static String strip(String template) {
    return template.substring(0, template.length() - FTL.length());
  }

  private List<Output> perElement(String template) {
    String root = template.startsWith(TEST) ? TEST : MAIN;
    String kind = template.substring(root.length());
    List<Output> outputs = new ArrayList<>();
    switch (kind) {
      case "aggregate/State.java.ftl" ->
          eachAggregate(template, root, outputs, a -> a.stateClass());
      case "aggregate/Event.java.ftl" ->
          eachAggregate(template, root, outputs, a -> a.eventInterface());
      case "aggregate/Aggregate.java.ftl" ->
          eachAggregate(template, root, outputs, a -> a.aggregateClass());
      case "aggregate/CommandHandler.java.ftl" ->
          eachAggregate(template, root, outputs, a -> a.handlerClass());
      case "aggregate/CommandHandlerTest.java.ftl" -> {
        for (AggregateData a : project.aggregates()) {
          if (!a.handlerExamples().isEmpty()) {
            outputs.add(
                output(template, root, a.javaPackage(), a.handlerClass() + "Test", null, null, a));
          }
        }
      }
      case "aggregate/entity/Entity.java.ftl" -> {
        for (AggregateData a : project.aggregates()) {
          for (RecordData e : a.entities()) {
            outputs.add(output(template, root, a.javaPackage(), e.javaClass(), "entity", e, a));
          }
        }
      }
      case "aggregate/event/EventRecord.java.ftl" -> {
        for (AggregateData a : project.aggregates()) {
          for (EventData e : a.events()) {
            outputs.add(output(template, root, a.javaPackage(), e.javaClass(), "event", e, a));
          }
        }
      }
      case "aggregate/event/EventVersions.java.ftl" -> {
        for (AggregateData a : project.aggregates()) {
          for (EventData e : a.events()) {
            if (!e.versions().isEmpty()) {
              outputs.add(
                  output(template, root, a.javaPackage(), e.versionsClass(), "event", e, a));
            }
          }
        }
      }
      case "aggregate/command/Command.java.ftl" -> {
        for (AggregateData a : project.aggregates()) {
          for (CommandData c : a.commands()) {
            outputs.add(output(template, root, a.javaPackage(), c.javaClass(), "command", c, a));
          }
        }
      }
      case "aggregate/policy/PolicyHandler.java.ftl" -> {
        for (AggregateData a : project.aggregates()) {
          for (PolicyData p : a.policies()) {
            outputs.add(output(template, root, a.javaPackage(), p.handlerClass(), "policy", p, a));
          }
        }
      }
      case "aggregate/flow/Flow.java.ftl" -> eachFlow(template, root, outputs, false);
      case "aggregate/flow/Custom.java.ftl" -> eachCustomFlow(template, root, outputs, false);
      case "aggregate/flow/CustomCode.java.ftl" -> eachCustomFlow(template, root, outputs, true);
      case "views/view/Custom.java.ftl", "views/view/CustomCode.java.ftl" -> {
        boolean stub = STUBS.contains(template);
        for (ViewData v : project.views()) {
          if (v.custom().enabled()) {
            String javaClass = stub ? v.custom().codeClass() : v.custom().interfaceClass();
            Output output = output(template, root, v.javaPackage(), javaClass, "view", v, null);
            outputs.add(new Output(template, output.path(), output.data(), stub));
          }
        }
      }
      case "views/query/Query.java.ftl", "views/query/QueryCode.java.ftl" -> {
        boolean stub = STUBS.contains(template);
        for (CustomQueryData q : project.queries()) {
          String javaClass = stub ? q.codeClass() : q.interfaceClass();
          Output output = output(template, root, q.javaPackage(), javaClass, "query", q, null);
          outputs.add(new Output(template, output.path(), output.data(), stub));
        }
      }
      case "views/CustomQueryHandler.java.ftl", "views/CustomQueryHandlerTest.java.ftl" -> {
        if (!project.queries().isEmpty()) {
          String javaClass =
              template.startsWith(TEST) ? "CustomQueryHandlerTest" : "CustomQueryHandler";
          outputs.add(
              output(
                  template,
                  root,
                  project.queries().get(0).javaPackage(),
                  javaClass,
                  null,
                  null,
                  null));
        }
      }
      case "aggregate/flow/FlowTest.java.ftl" -> eachFlow(template, root, outputs, true);
      case "views/view/Row.java.ftl" -> {
        for (ViewData v : project.views()) {
          outputs.add(output(template, root, v.javaPackage(), v.javaClass(), "view", v, null));
        }
      }
      case "views/view/Projection.java.ftl" -> {
        for (ViewData v : project.views()) {
          outputs.add(
              output(template, root, v.javaPackage(), v.projectionClass(), "view", v, null));
        }
      }
      case "views/view/ProjectionTest.java.ftl" -> {
        for (ViewData v : project.views()) {
          if (!v.cases().isEmpty() || !v.tests().isEmpty()) {
            outputs.add(
                output(
                    template,
                    root,
                    v.javaPackage(),
                    v.projectionClass() + "Test",
                    "view",
                    v,
                    null));
          }
        }
      }
      case "types/type/Type.java.ftl" -> {
        for (RecordData t : project.types()) {
          outputs.add(output(template, root, t.javaPackage(), t.javaClass(), "type", t, null));
        }
      }
      case "types/enum/Enum.java.ftl" ->
          project
              .enums()
              .forEach(
                  e ->
                      outputs.add(
                          output(
                              template,
                              root,
                              e.qualifiedClass().substring(0, e.qualifiedClass().lastIndexOf('.')),
                              e.javaClass(),
                              "enum",
                              e,
                              null)));
      case "automations/automation/Automation.java.ftl" -> {
        for (AutomationData a : project.automations()) {
          outputs.add(
              output(template, root, a.javaPackage(), a.javaClass(), "automation", a, null));
        }
      }
      case "automations/automation/AutomationTest.java.ftl" -> {
        for (AutomationData a : project.automations()) {
          if (!a.tests().isEmpty()) {
            outputs.add(
                output(
                    template,
                    root,
                    a.javaPackage(),
                    a.javaClass() + "Test",
                    "automation",
                    a,
                    null));
          }
        }
      }
      case "automations/AutomationsOnMotoTest.java.ftl" -> {
        List<AutomationData> tested = project.automationsOnMoto();
        if (!tested.isEmpty()) {
          outputs.add(
              output(
                  template,
                  root,
                  tested.get(0).javaPackage(),
                  "AutomationsOnMotoTest",
                  null,
                  null,
                  null));
        }
      }
      default -> throw new IllegalStateException("no element gives the template " + template);
    }
    return outputs;
  }

  private interface ClassOf {
    String of(AggregateData aggregate);
  }

  private void eachAggregate(String template, String root, List<Output> outputs, ClassOf name) {
    for (AggregateData a : project.aggregates()) {
      outputs.add(output(template, root, a.javaPackage(), name.of(a), null, null, a));
    }
  }

  /** Commands and policies alike: their flows share one template, and so do their tests. */
  private void eachFlow(String template, String root, List<Output> outputs, boolean tests) {
    for (AggregateData a : project.aggregates()) {
      for (CommandData c : a.commands()) {
        addFlow(template, root, outputs, tests, a, c.flow(), "command", c);
      }
      // The events of a command's `on` run the command's flow: it has its class already.
      for (PolicyData p : a.policies()) {
        if (p.runs().isEmpty()) {
          addFlow(template, root, outputs, tests, a, p.flow(), "policy", p);
        }
      }
    }
  }

  /** The interface, or the hand-written class, of each custom command and policy. */
  private void eachCustomFlow(String template, String root, List<Output> outputs, boolean stub) {
    for (AggregateData a : project.aggregates()) {
      for (CommandData c : a.commands()) {
        addCustomFlow(template, root, outputs, stub, a, c.flow(), "command", c);
      }
      for (PolicyData p : a.policies()) {
        if (p.runs().isEmpty()) {
          addCustomFlow(template, root, outputs, stub, a, p.flow(), "policy", p);
        }
      }
    }
  }

  private void addCustomFlow(
      String template,
      String root,
      List<Output> outputs,
      boolean stub,
      AggregateData aggregate,
      FlowData flow,
      String kind,
      Object element) {
    if (!flow.custom().enabled()) {
      return;
    }
    String javaClass = stub ? flow.custom().codeClass() : flow.custom().interfaceClass();
    Output output =
        output(template, root, aggregate.javaPackage(), javaClass, kind, element, aggregate);
    output.data().put("flow", flow);
    outputs.add(new Output(template, output.path(), output.data(), stub));
  }

  private void addFlow(
      String template,
      String root,
      List<Output> outputs,
      boolean onlyTested,
      AggregateData aggregate,
      FlowData flow,
      String kind,
      Object element) {
    if (onlyTested && flow.tests().isEmpty()) {
      return;
    }
    String className = onlyTested ? flow.testClass() : flow.javaClass();
    Output output =
        output(template, root, aggregate.javaPackage(), className, kind, element, aggregate);
    output.data().put("flow", flow);
    outputs.add(output);
  }

  private Output output(
      String template,
      String root,
      String javaPackage,
      String javaClass,
      String kind,
      Object element,
      AggregateData aggregate) {
    Map<String, Object> data = data();
    if (aggregate != null) {
      data.put("aggregate", aggregate);
    }
    if (kind != null) {
      data.put(kind, element);
    }
    return new Output(
        template, root + javaPackage.replace('.', '/') + "/" + javaClass + ".java", data);
  }

  private Map<String, Object> data() {
    Map<String, Object> data = new TreeMap<>();
    data.put("project", project);
    return data;
  }
}
