package dev.tracepaper.docs;

import dev.tracepaper.docs.Diagram.Edge;
import dev.tracepaper.docs.Diagram.Node;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.text.StringEscapeUtils;

/**
 * Draws a {@link Diagram} as SVG. Its columns stand left to right; in each column after the first
 * whose boxes all have arrows coming in, the boxes are ordered by the mean row of where their
 * arrows come from (fewer crossings), else kept in the order added; columns are centred on the
 * tallest. No arrow crosses a box: an arrow to the next column is a curve between the boxes' sides;
 * one that skips columns runs along a lane above the boxes, and one back (or within a column) along
 * a lane below them. The text is measured by an estimate (no font is at hand when the site is
 * generated): boxes are sized for a wide sans-serif letter.
 */
public final class SvgDiagram {

  private static final int MARGIN = 12;
  private static final int BOX_HEIGHT = 36;
  private static final int ROW_GAP = 14;
  private static final int COLUMN_GAP = 90;
  private static final int MIN_BOX_WIDTH = 100;
  private static final double LETTER = 7.4;
  private static final double LABEL_LETTER = 6.3;
  private static final int LANE = 14;
  private static final int LOOP = 26;

  private record Box(int column, int x, int y, int width) {
    int middleY() {
      return y + BOX_HEIGHT / 2;
    }

    int centreX() {
      return x + width / 2;
    }

    int right() {
      return x + width;
    }
  }

  /** An arrow's path and where its label goes. */
  private record Route(String path, int labelX, int labelY) {}

  private final Diagram diagram;
  private final Map<String, Box> boxes = new HashMap<>();
  private int gap = COLUMN_GAP;
  private int width;
  private int height;

  private SvgDiagram(Diagram diagram) {
    this.diagram = diagram;
  }

  /** The diagram as an inline {@code <svg>} element; {@code cssId} names it on its page. */
  public static String render(Diagram diagram, String cssId) {
    return new SvgDiagram(diagram).draw(cssId);
  }

  private String draw(String cssId) {
    List<List<Node>> columns = columns();
    Map<String, Integer> columnOf = new HashMap<>();
    for (int c = 0; c < columns.size(); c++) {
      for (Node node : columns.get(c)) {
        columnOf.put(node.id(), c);
      }
    }
    int over = 0;
    int under = 0;
    boolean loops = false;
    for (Edge edge : diagram.edges()) {
      gap = Math.max(gap, (int) Math.ceil(edge.label().length() * LABEL_LETTER) + 24);
      int from = columnOf.get(edge.from());
      int to = columnOf.get(edge.to());
      if (edge.from().equals(edge.to())) {
        loops = true;
      } else if (to > from + 1) {
        over++;
      } else if (to <= from) {
        under++;
      }
    }
    int top = MARGIN + over * LANE + (over > 0 ? LANE : 0) + (loops ? LOOP : 0);
    int tallest = place(columns, top);
    int bottom = top + tallest;
    List<Route> routes = new ArrayList<>();
    int overLane = 0;
    int underLane = 0;
    for (Edge edge : diagram.edges()) {
      Box from = boxes.get(edge.from());
      Box to = boxes.get(edge.to());
      if (from == to) {
        routes.add(selfLoop(from));
      } else if (to.column > from.column + 1) {
        overLane++;
        routes.add(over(from, to, top - overLane * LANE));
      } else if (to.column > from.column) {
        routes.add(forward(from, to));
      } else {
        underLane++;
        routes.add(under(from, to, bottom + underLane * LANE));
      }
    }
    height = bottom + under * LANE + MARGIN + (under > 0 ? LANE : 0);
    return svg(cssId, routes);
  }

  /** The columns in order, each's boxes ordered to cross fewer arrows. */
  private List<List<Node>> columns() {
    Map<Integer, List<Node>> byColumn = new TreeMap<>();
    for (Node node : diagram.nodes()) {
      byColumn.computeIfAbsent(node.column(), c -> new ArrayList<>()).add(node);
    }
    List<List<Node>> columns = new ArrayList<>(byColumn.values());
    Map<String, List<String>> sources = new HashMap<>();
    for (Edge edge : diagram.edges()) {
      sources.computeIfAbsent(edge.to(), k -> new ArrayList<>()).add(edge.from());
    }
    Map<String, Integer> row = new HashMap<>();
    for (List<Node> column : columns) {
      Map<String, Double> mean = new HashMap<>();
      for (Node node : column) {
        mean.put(
            node.id(),
            sources.getOrDefault(node.id(), List.of()).stream()
                .filter(row::containsKey)
                .mapToInt(row::get)
                .average()
                .orElse(Double.NaN));
      }
      if (mean.values().stream().noneMatch(m -> m.isNaN())) {
        column.sort(Comparator.comparingDouble(n -> mean.get(n.id())));
      }
      for (int i = 0; i < column.size(); i++) {
        row.put(column.get(i).id(), i);
      }
    }
    return columns;
  }

  /** Places the boxes below {@code top}; returns the height of the tallest column. */
  private int place(List<List<Node>> columns, int top) {
    int tallest = 0;
    for (List<Node> column : columns) {
      tallest = Math.max(tallest, columnHeight(column.size()));
    }
    int x = MARGIN;
    for (int c = 0; c < columns.size(); c++) {
      List<Node> column = columns.get(c);
      int columnWidth = MIN_BOX_WIDTH;
      for (Node node : column) {
        columnWidth = Math.max(columnWidth, textWidth(node.label(), LETTER) + 24);
      }
      int y = top + (tallest - columnHeight(column.size())) / 2;
      for (Node node : column) {
        boxes.put(node.id(), new Box(c, x, y, columnWidth));
        y += BOX_HEIGHT + ROW_GAP;
      }
      x += columnWidth + gap;
    }
    width = Math.max(x - gap + MARGIN, 2 * MARGIN + MIN_BOX_WIDTH);
    return tallest;
  }

  private static int columnHeight(int boxes) {
    return boxes * BOX_HEIGHT + Math.max(0, boxes - 1) * ROW_GAP;
  }

  private static int textWidth(String text, double letter) {
    return (int) Math.ceil(text.length() * letter);
  }

  private Route forward(Box from, Box to) {
    int x1 = from.right();
    int y1 = from.middleY();
    int x2 = to.x;
    int y2 = to.middleY();
    int bend = (x2 - x1) / 2;
    return new Route(
        "M%d,%d C%d,%d %d,%d %d,%d".formatted(x1, y1, x1 + bend, y1, x2 - bend, y2, x2, y2),
        (x1 + x2) / 2,
        (y1 + y2) / 2 - 4);
  }

  /** Up into the gap after its column, along the lane, down in the gap before the target's. */
  private Route over(Box from, Box to, int laneY) {
    int x1 = from.right();
    int y1 = from.middleY();
    int x2 = to.x;
    int y2 = to.middleY();
    int half = gap / 2;
    return new Route(
        "M%d,%d C%d,%d %d,%d %d,%d L%d,%d C%d,%d %d,%d %d,%d"
            .formatted(
                x1,
                y1,
                x1 + half,
                y1,
                x1 + half / 2,
                laneY,
                x1 + half,
                laneY,
                x2 - half,
                laneY,
                x2 - half / 2,
                laneY,
                x2 - half,
                y2,
                x2,
                y2),
        (x1 + x2) / 2,
        laneY - 3);
  }

  private Route under(Box from, Box to, int laneY) {
    int x1 = from.centreX();
    int y1 = from.y + BOX_HEIGHT;
    int x2 = to.centreX() + 8;
    int y2 = to.y + BOX_HEIGHT;
    return new Route(
        "M%d,%d C%d,%d %d,%d %d,%d L%d,%d C%d,%d %d,%d %d,%d"
            .formatted(
                x1, y1, x1, laneY, x1, laneY, x1 - 10, laneY, x2 + 10, laneY, x2, laneY, x2, laneY,
                x2, y2),
        (x1 + x2) / 2,
        laneY - 3);
  }

  private Route selfLoop(Box box) {
    int x1 = box.right() - 30;
    int x2 = box.right() - 8;
    int y = box.y;
    return new Route(
        "M%d,%d C%d,%d %d,%d %d,%d".formatted(x1, y, x1 - 4, y - LOOP, x2 + 4, y - LOOP, x2, y),
        (x1 + x2) / 2,
        y - LOOP + 4);
  }

  private String svg(String cssId, List<Route> routes) {
    String id = xml(cssId);
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"diagram\" id=\"")
        .append(id)
        .append(
            "\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                .formatted(width, height, width, height))
        .append(" role=\"img\" aria-label=\"")
        .append(xml(diagram.title()))
        .append("\">\n<title>")
        .append(xml(diagram.title()))
        .append("</title>\n<defs><marker id=\"")
        .append(id)
        .append("-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\"")
        .append(" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\"")
        .append(" fill=\"#555\"/></marker></defs>\n")
        .append("<g class=\"edges\" fill=\"none\" stroke=\"#555\" stroke-width=\"1.3\"")
        .append(" marker-end=\"url(#")
        .append(id)
        .append("-arrow)\">\n");
    for (Route route : routes) {
      svg.append("<path d=\"").append(route.path()).append("\"/>\n");
    }
    svg.append("</g>\n");
    for (Node node : diagram.nodes()) {
      svg.append(box(node, boxes.get(node.id())));
    }
    // Labels after the boxes, so that no box hides one.
    List<Edge> edges = diagram.edges();
    for (int i = 0; i < edges.size(); i++) {
      if (!edges.get(i).label().isEmpty()) {
        svg.append(label(edges.get(i).label(), routes.get(i)));
      }
    }
    return svg.append("</svg>\n").toString();
  }

  private static String box(Node node, Box box) {
    StringBuilder g = new StringBuilder();
    if (!node.href().isEmpty()) {
      g.append("<a href=\"").append(xml(node.href())).append("\">");
    }
    g.append("<g class=\"node ")
        .append(node.kind().name().toLowerCase(Locale.ROOT))
        .append("\"><title>")
        .append(xml(node.kind().word() + " " + node.label()))
        .append("</title>")
        .append(
            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"4\" fill=\"%s\" stroke=\"#444\"/>"
                .formatted(box.x, box.y, box.width, BOX_HEIGHT, node.kind().fill()))
        .append(
            "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-family=\"sans-serif\""
                .formatted(box.centreX(), box.middleY() + 5))
        .append(" font-size=\"13\" fill=\"#111\">")
        .append(xml(node.label()))
        .append("</text></g>");
    if (!node.href().isEmpty()) {
      g.append("</a>");
    }
    return g.append('\n').toString();
  }

  private static String label(String text, Route route) {
    return ("<text class=\"edge-label\" x=\"%d\" y=\"%d\" text-anchor=\"middle\""
                + " font-family=\"sans-serif\" font-size=\"11\" fill=\"#333\" stroke=\"#fff\""
                + " stroke-width=\"3\" paint-order=\"stroke\">")
            .formatted(route.labelX(), route.labelY())
        + xml(text)
        + "</text>\n";
  }

  private static String xml(String text) {
    return StringEscapeUtils.escapeXml10(text);
  }
}
