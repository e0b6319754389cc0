package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Command;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.Query;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import dev.tracepaper.validate.rules.GeneratedNames.Claim;
import dev.tracepaper.validate.rules.GeneratedNames.Namespace;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Two different names that the generator would turn into one: {@code Book} the type and {@code
 * Book} the view (one GraphQL type), a type {@code PlaceOrderInput} and the input of command {@code
 * PlaceOrder}, fields {@code orderId} and {@code OrderId} of one owner, views {@code Book} and
 * {@code Books} (one {@code listBooks} query), or classes that differ only in case (one file on
 * Windows and macOS). Each pair is reported once, at the later of the two, naming the other.
 */
public final class NameCollision implements Rule {

  /** A generated name and the element that produces it. */
  private record Owned(NamedElement element, Claim claim) {}

  @Override
  public void check(ModelIndex model, Reporter report) {
    GeneratedNames generated = GeneratedNames.of(model);
    // Most telling namespace first: a pair that collides as GraphQL types and as files is
    // reported as GraphQL types. Claims are grouped by namespace in model order (a stable sort
    // by namespace, without sorting: a large model has a hundred thousand claims).
    Map<Namespace, List<Owned>> byNamespace = new EnumMap<>(Namespace.class);
    int count = 0;
    for (NamedElement e : NamedElements.of(model)) {
      // A second definition is DuplicateName's to report, and so is all it would generate.
      if (!e.shadowed() && ValidNames.isUsable(e)) {
        for (Claim c : generated.of(e)) {
          byNamespace.computeIfAbsent(c.namespace(), n -> new ArrayList<>()).add(new Owned(e, c));
          count++;
        }
      }
    }
    Map<GeneratedNames.Key, Owned> first = new HashMap<>(count * 2);
    Set<String> reportedPairs = new HashSet<>();
    for (List<Owned> claims : byNamespace.values()) {
      for (Owned claim : claims) {
        Owned earlier = first.putIfAbsent(claim.claim().key(), claim);
        if (earlier != null && earlier.element() != claim.element()) {
          reportOnce(earlier, claim, reportedPairs, report);
        }
      }
    }
  }

  private static void reportOnce(Owned a, Owned b, Set<String> reportedPairs, Reporter report) {
    boolean aFirst = a.element().location().compareTo(b.element().location()) <= 0;
    Owned earlier = aFirst ? a : b;
    Owned later = aFirst ? b : a;
    // A query's collision is its view's: views `Order` and `Orders` collide once, not per query.
    String pair = identity(root(earlier.element())) + " & " + identity(root(later.element()));
    if (reportedPairs.add(pair)) {
      report.error(
          later.element().location(),
          message(earlier, later),
          apiField(later.claim()) && (hasApiName(earlier.element()) || hasApiName(later.element()))
              ? "give one of them another `api` name"
              : "rename one of them",
          earlier.element().location());
    }
  }

  private static String message(Owned earlier, Owned later) {
    String both =
        "%s collides with %s, defined at %s"
            .formatted(
                later.element().describeCapitalized(),
                earlier.element().describe(),
                earlier.element().location());
    if (later.claim().namespace() == Namespace.FILE
        && !later.claim().name().equals(earlier.claim().name())) {
      return ("%s: their files `%s` and `%s` differ only in case, and would be one file on a"
              + " case-insensitive file system (Windows, macOS).")
          .formatted(both, later.claim().name(), earlier.claim().name());
    }
    return "%s: both would produce %s."
        .formatted(both, later.claim().namespace().describe(later.claim().name()));
  }

  private static boolean apiField(Claim claim) {
    return claim.namespace() == Namespace.GRAPHQL_MUTATION
        || claim.namespace() == Namespace.GRAPHQL_QUERY;
  }

  /** Whether its API field is named by {@code api}, which is what to change, not its name. */
  private static boolean hasApiName(NamedElement e) {
    return e.definition() instanceof Command c
        ? c.api().isPresent()
        : e.definition() instanceof Query q && q.api().isPresent();
  }

  private static NamedElement root(NamedElement e) {
    return e.kind() == NamedElement.Kind.QUERY ? e.owner().orElse(e) : e;
  }

  private static String identity(NamedElement e) {
    return e.kind() + " " + e.name() + " " + e.location();
  }
}
