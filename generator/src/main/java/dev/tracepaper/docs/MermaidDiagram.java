package dev.tracepaper.docs;

import dev.tracepaper.docs.Diagram.Edge;
import dev.tracepaper.docs.Diagram.Kind;
import dev.tracepaper.docs.Diagram.Node;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link Diagram} as Mermaid flowchart source, which GitHub and many editors draw: the same boxes
 * and arrows as the SVG, in the same colours. Boxes get short ids ({@code n0}, {@code n1}): the
 * model's names may hold characters Mermaid reads as syntax, so every label is quoted.
 */
public final class MermaidDiagram {

  private MermaidDiagram() {}

  public static String render(Diagram diagram) {
    StringBuilder out = new StringBuilder("flowchart LR\n");
    Map<String, String> ids = new HashMap<>();
    List<Node> nodes = diagram.nodes();
    for (int i = 0; i < nodes.size(); i++) {
      Node node = nodes.get(i);
      String id = "n" + i;
      ids.put(node.id(), id);
      out.append("  ")
          .append(id)
          .append("[\"")
          .append(label(node.label()))
          .append("\"]:::")
          .append(className(node.kind()))
          .append('\n');
    }
    for (Edge edge : diagram.edges()) {
      out.append("  ").append(ids.get(edge.from()));
      if (edge.label().isEmpty()) {
        out.append(" --> ");
      } else {
        out.append(" -- \"").append(label(edge.label())).append("\" --> ");
      }
      out.append(ids.get(edge.to())).append('\n');
    }
    for (Kind kind : Kind.values()) {
      if (nodes.stream().noneMatch(n -> n.kind() == kind)) {
        continue;
      }
      out.append("  classDef ")
          .append(className(kind))
          .append(" fill:")
          .append(kind.fill())
          .append(",stroke:#444,color:#111\n");
    }
    return out.toString();
  }

  private static String className(Kind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  /** Mermaid's entity codes for the characters that would end or break a quoted label. */
  private static String label(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("#quot;");
        case '#' -> out.append("#35;");
        case '<' -> out.append("#lt;");
        case '>' -> out.append("#gt;");
        case '\n', '\r' -> out.append(' ');
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
