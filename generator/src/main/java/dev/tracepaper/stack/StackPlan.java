package dev.tracepaper.stack;

import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.EventRef;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.View;
import dev.tracepaper.model.ViewHandler;
import dev.tracepaper.naming.Case;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which CloudFormation stack each element of a model goes into, and how many resources each stack
 * holds after the SAM transform. The validation rule TooManyResources and the template data model
 * both read this one plan, so what is checked is what is generated.
 * docs/generated-infrastructure.md states the rule:
 *
 * <ul>
 *   <li>the root stack ({@code template.yaml}) holds the shared resources, every aggregate without
 *       a {@code subdomain} and every automation;
 *   <li>each subdomain is a nested stack ({@code stacks/<Subdomain>.yaml}) holding its aggregates
 *       (command function, data source, resolvers, policies) and the views that read only its
 *       aggregates; a view reading several subdomains stays in the root;
 *   <li>a subdomain too large for one stack (resources, or command functions for its command role's
 *       IAM policy) is split in two by a bit of a hash of each element's name, and each half again
 *       while it is too large. The half whose bit is 0 keeps the name, so growth moves elements
 *       only out of the stack that overflowed, never between others.
 * </ul>
 *
 * <p>A relation's resolver goes with the view it reads (its data source is there).
 */
public final class StackPlan {

  public static final int STACK_LIMIT = 500;

  /** IAM's limit on the inline policies of one role, counted without white space. */
  public static final int ROLE_POLICY_LIMIT = 10_240;

  /**
   * An alias ARN at its longest, as the role AppSync invokes a stack's command functions with names
   * it: partition ({@code aws-us-gov}: 10) and region (16, more than any has) generous, an account,
   * a function name of 64 (CloudFormation's names are cut there) and the alias.
   */
  private static final int ALIAS_ARN =
      "arn:".length() + 10 + ":lambda:".length() + 16 + 1 + 12 + ":function:".length() + 64 + 5;

  /**
   * The command functions one stack holds at most: its command role names each alias in its policy
   * (quoted, with a comma), and the statement around them and the policy's name take less than 200
   * characters.
   */
  public static final int COMMAND_FUNCTION_LIMIT = (ROLE_POLICY_LIMIT - 200) / (ALIAS_ARN + 3);

  /** Deepest split of one subdomain: 2^12 stacks, far more than any model needs. */
  private static final int MAX_DEPTH = 12;

  /**
   * One stack and what it holds.
   *
   * @param name the stack's name: empty for the root, else the subdomain in PascalCase, with {@code
   *     Part<bits>} after it for a part of a split subdomain ({@code Catalog}, {@code
   *     CatalogPart1})
   * @param subdomain the subdomain as written; empty for the root
   * @param aggregates the aggregates whose resources it holds, in model order
   * @param views the views whose resources it holds, in model order
   * @param count its resources after the SAM transform, by what they serve
   * @param commandFunctions its command functions, which its command role names one by one
   */
  public record Stack(
      String name,
      String subdomain,
      List<String> aggregates,
      List<String> views,
      Count count,
      int commandFunctions) {

    public Stack {
      aggregates = List.copyOf(aggregates);
      views = List.copyOf(views);
    }

    public boolean nested() {
      return !name.isEmpty();
    }

    public int resources() {
      return count.total();
    }

    /** How messages name it. */
    public String describe() {
      return nested()
          ? "the nested stack " + name + " (stacks/" + name + ".yaml)"
          : "the root stack";
    }
  }

  /**
   * Resources by what they serve.
   *
   * @param commands command functions, their data sources and resolvers
   * @param policies policy functions and what triggers them
   * @param views view tables, their data sources and resolvers
   * @param shared what the stack's elements share (the root: event store, API, auth, read side, a
   *     resource per nested stack)
   * @param automations the automations' functions, queues and triggers (the root only)
   */
  public record Count(int commands, int policies, int views, int shared, int automations) {

    static final Count NONE = new Count(0, 0, 0, 0, 0);

    public int total() {
      return commands + policies + views + shared + automations;
    }

    Count plus(Count other) {
      return new Count(
          commands + other.commands,
          policies + other.policies,
          views + other.views,
          shared + other.shared,
          automations + other.automations);
    }
  }

  private final Stack root;
  private final List<Stack> nested;

  private StackPlan(Stack root, List<Stack> nested) {
    this.root = root;
    this.nested = List.copyOf(nested);
  }

  /** The plan of a model, computed once per index. */
  public static StackPlan of(ModelIndex model) {
    return model.derived(StackPlan.class, StackPlan::compute);
  }

  public Stack root() {
    return root;
  }

  /** The nested stacks, sorted by name. */
  public List<Stack> nested() {
    return nested;
  }

  /** The stack that holds an element (an aggregate's or view's name). */
  public Stack stackOf(String element) {
    for (Stack stack : nested) {
      if (stack.aggregates().contains(element) || stack.views().contains(element)) {
        return stack;
      }
    }
    return root;
  }

  private static StackPlan compute(ModelIndex model) {
    ResourceCounter counter = new ResourceCounter(model);
    // Units by the stack name of their subdomain ("" for the root), in model order.
    Map<String, List<Unit>> groups = new LinkedHashMap<>();
    Map<String, String> subdomains = new LinkedHashMap<>();
    Readers readers = new Readers(model);
    for (Aggregate aggregate : model.model().aggregates()) {
      String subdomain = aggregate.subdomain().map(Located::value).orElse("");
      String group = stackName(subdomain);
      readers.add(aggregate, group);
      // Named even by an aggregate of no resources: the views that read it may make a stack.
      subdomains.putIfAbsent(group, subdomain);
      Count count = counter.aggregate(aggregate);
      if (count.total() == 0) {
        continue; // no commands, no policies: nothing of it is in any template
      }
      groups
          .computeIfAbsent(group, g -> new ArrayList<>())
          .add(new Unit(aggregate.name(), true, count, !aggregate.commands().isEmpty()));
    }
    for (View view : model.model().views()) {
      String group = readers.viewGroup(view);
      groups
          .computeIfAbsent(group, g -> new ArrayList<>())
          .add(new Unit(view.name(), false, counter.view(view), false));
    }

    List<Stack> nested = new ArrayList<>();
    List<Unit> atRoot = groups.getOrDefault("", List.of());
    for (Map.Entry<String, List<Unit>> group : groups.entrySet()) {
      if (!group.getKey().isEmpty()) {
        split(group.getKey(), subdomains.get(group.getKey()), group.getValue(), "", nested);
      }
    }
    nested.sort((a, b) -> a.name().compareTo(b.name()));

    int shared = counter.shared() + nested.size() + perStack(atRoot);
    Stack root =
        stack("", "", atRoot, sum(atRoot).plus(new Count(0, 0, 0, shared, counter.automations())));
    return new StackPlan(root, nested);
  }

  /**
   * Puts a subdomain's units into one stack, or, when they pass a limit, into two by the next bit
   * of each unit's hash, recursively.
   */
  private static void split(
      String base, String subdomain, List<Unit> units, String bits, List<Stack> out) {
    Count count = sum(units).plus(new Count(0, 0, 0, perStack(units), 0));
    boolean fits =
        count.total() <= STACK_LIMIT && commandFunctions(units) <= COMMAND_FUNCTION_LIMIT;
    if (fits || units.size() < 2 || bits.length() == MAX_DEPTH) {
      if (!units.isEmpty()) {
        out.add(stack(partName(base, bits), subdomain, units, count));
      }
      return;
    }
    List<Unit> zero = new ArrayList<>();
    List<Unit> one = new ArrayList<>();
    for (Unit unit : units) {
      (bit(unit.hashKey(), bits.length()) ? one : zero).add(unit);
    }
    split(base, subdomain, zero, bits + "0", out);
    split(base, subdomain, one, bits + "1", out);
  }

  private static Count sum(List<Unit> units) {
    Count count = Count.NONE;
    for (Unit unit : units) {
      count = count.plus(unit.count());
    }
    return count;
  }

  /**
   * What a stack holds for its elements together: the role AppSync invokes its command functions
   * with, and what reads which generation of its views is live.
   */
  private static int perStack(List<Unit> units) {
    boolean views = units.stream().anyMatch(u -> !u.aggregate());
    return (commandRole(units) ? 1 : 0) + (views ? ResourceCounter.PER_STACK_WITH_VIEWS : 0);
  }

  /** Whether a stack needs the role AppSync invokes its command functions with. */
  private static boolean commandRole(List<Unit> units) {
    return units.stream().anyMatch(Unit::commandRole);
  }

  private static int commandFunctions(List<Unit> units) {
    return (int) units.stream().filter(Unit::commandRole).count();
  }

  /** The bits after the last 1 are left out, so the 0 half of a split keeps its parent's name. */
  private static String partName(String base, String bits) {
    int last = bits.lastIndexOf('1');
    return last < 0 ? base : base + "Part" + bits.substring(0, last + 1);
  }

  private static Stack stack(String name, String subdomain, List<Unit> units, Count count) {
    List<String> aggregates = units.stream().filter(Unit::aggregate).map(Unit::name).toList();
    List<String> views = units.stream().filter(u -> !u.aggregate()).map(Unit::name).toList();
    return new Stack(name, subdomain, aggregates, views, count, commandFunctions(units));
  }

  /** A subdomain's stack name: its PascalCase words, letters and digits only. */
  public static String stackName(String subdomain) {
    if (subdomain.isEmpty()) {
      return "";
    }
    String words = Case.pascal(subdomain).replaceAll("[^A-Za-z0-9]", "");
    if (words.isEmpty() || !Character.isLetter(words.charAt(0))) {
      words = "Subdomain" + words;
    }
    return words;
  }

  /**
   * The stack groups of the aggregates a view's events come from, looked up by aggregate and by
   * event name: scanning every aggregate for every handler grew with the square of the model. Every
   * definition counts, an aggregate defined twice included, as the scan did.
   */
  private static final class Readers {
    private final ModelIndex model;
    private final Map<String, Set<String>> groupsByAggregate = new HashMap<>();
    private final Map<String, Set<String>> groupsByEvent = new HashMap<>();

    Readers(ModelIndex model) {
      this.model = model;
    }

    /** Every aggregate of the model, before the first view is asked about. */
    void add(Aggregate aggregate, String group) {
      groupsByAggregate.computeIfAbsent(aggregate.name(), n -> new HashSet<>()).add(group);
      for (Event event : aggregate.events()) {
        groupsByEvent.computeIfAbsent(event.name(), n -> new HashSet<>()).add(group);
      }
    }

    /** The group of the aggregates a view reads, when they share one; else the root. */
    String viewGroup(View view) {
      Set<String> groups = new HashSet<>();
      view.from()
          .flatMap(from -> model.aggregate(from.value()))
          .ifPresent(a -> groups.add(stackName(a.subdomain().map(Located::value).orElse(""))));
      for (ViewHandler handler : view.handlers()) {
        EventRef event = handler.event();
        Set<String> readers =
            event.aggregate().isPresent()
                ? groupsByAggregate.get(event.aggregate().get())
                : groupsByEvent.get(event.event());
        if (readers != null) {
          groups.addAll(readers);
        }
      }
      return groups.size() == 1 ? groups.iterator().next() : "";
    }
  }

  private static boolean bit(byte[] hash, int index) {
    return (hash[index / 8] >> (7 - index % 8) & 1) == 1;
  }

  /**
   * An aggregate or a view with everything that goes with it.
   *
   * @param commandRole whether it has a command function, which its stack's command role invokes
   */
  private record Unit(String name, boolean aggregate, Count count, boolean commandRole) {

    /** SHA-256 of the element's kind and name: stable across runs, machines and models. */
    byte[] hashKey() {
      try {
        return MessageDigest.getInstance("SHA-256")
            .digest(((aggregate ? "aggregate " : "view ") + name).getBytes(StandardCharsets.UTF_8));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every Java runtime has SHA-256", e);
      }
    }
  }
}
