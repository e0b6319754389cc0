package dev.tracepaper.docs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A diagram before it is drawn: boxes in columns, read left to right, and arrows between them. The
 * flow of an aggregate and the lifecycle of its state are both drawn from one.
 */
public final class Diagram {

  /** What a box stands for; decides its event-storming colour. */
  public enum Kind {
    COMMAND("#a6d2ff", "command"),
    AGGREGATE("#fff176", "aggregate"),
    EVENT("#ffb74d", "event"),
    POLICY("#d7b8f3", "policy"),
    VIEW("#a5d6a7", "view"),
    EXTERNAL("#f8bbd0", "other aggregate"),
    STATE("#fff9c4", "state"),
    START("#eceff1", "lifecycle marker");

    private final String fill;
    private final String word;

    Kind(String fill, String word) {
      this.fill = fill;
      this.word = word;
    }

    /** The fill colour of its box. */
    public String fill() {
      return fill;
    }

    /** What a reader calls it, for the legend and the boxes' titles. */
    public String word() {
      return word;
    }
  }

  /**
   * A box: {@code id} is unique in the diagram, {@code href} the page (and anchor) it links to,
   * relative to the page that shows the diagram, or empty.
   */
  public record Node(String id, String label, Kind kind, int column, String href) {}

  /** An arrow, with an optional label (empty: none). */
  public record Edge(String from, String to, String label) {}

  private final String title;
  private final Map<String, Node> nodes = new LinkedHashMap<>();
  private final List<Edge> edges = new ArrayList<>();

  public Diagram(String title) {
    this.title = title;
  }

  /** Adds a box unless one with its id is there already; returns the one in the diagram. */
  public Node node(String id, String label, Kind kind, int column, String href) {
    return nodes.computeIfAbsent(id, k -> new Node(id, label, kind, column, href));
  }

  /** Adds an arrow between two boxes of the diagram, once. */
  public void edge(String from, String to, String label) {
    if (!nodes.containsKey(from) || !nodes.containsKey(to)) {
      throw new IllegalArgumentException("an arrow between unknown boxes: " + from + " -> " + to);
    }
    Edge edge = new Edge(from, to, label);
    if (!edges.contains(edge)) {
      edges.add(edge);
    }
  }

  public String title() {
    return title;
  }

  public List<Node> nodes() {
    return List.copyOf(nodes.values());
  }

  public List<Edge> edges() {
    return List.copyOf(edges);
  }

  public Node nodeById(String id) {
    return nodes.get(id);
  }

  /** The kinds of box the diagram has, in the order of {@link Kind}: its legend. */
  public List<Kind> kinds() {
    return java.util.Arrays.stream(Kind.values())
        .filter(k -> nodes.values().stream().anyMatch(n -> n.kind() == k))
        .toList();
  }

  public boolean isEmpty() {
    return nodes.isEmpty();
  }
}
