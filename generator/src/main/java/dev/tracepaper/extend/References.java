package dev.tracepaper.extend;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * The names a block of template text refers to, with where each is written: {@code Ref}, {@code
 * Fn::GetAtt} (the {@code X.Attr} and list forms), the {@code ${X}} and {@code ${X.Attr}} of {@code
 * Fn::Sub}, and the condition of {@code Fn::If}, in their short ({@code !Ref}) and long ({@code
 * Ref:}) forms. Each knows how to be rewritten to read a parameter instead.
 */
final class References {

  /** {@code ${Name}} or {@code ${Name.Attr}}; {@code ${!Literal}} is not a reference. */
  private static final Pattern SUB_VARIABLE =
      Pattern.compile("\\$\\{([A-Za-z0-9:]+)(?:\\.([A-Za-z0-9.]+))?}");

  /**
   * A name the text refers to: {@code attribute} is null for a {@code Ref} (or a variable of a
   * {@code Sub}), {@code condition} is set for the condition of an {@code If}. The text {@code
   * [from, to)} is replaced by {@code rewrite} applied to a parameter's name.
   */
  record Reference(
      String name,
      String attribute,
      boolean condition,
      int line,
      int column,
      int from,
      int to,
      UnaryOperator<String> rewrite) {}

  private final Text text;
  private final List<Reference> found = new ArrayList<>();

  private References(String source) {
    this.text = new Text(source);
  }

  /** The references in {@code source}, in the order written; none when it is not YAML. */
  static List<Reference> in(String source) {
    Optional<Node> node = SamTemplate.compose(source);
    References references = new References(source);
    node.ifPresent(references::walk);
    return references.found;
  }

  private void walk(Node node) {
    switch (node.getTag().getValue()) {
      case "!Ref" -> {
        if (node instanceof ScalarNode name) {
          add(name.getValue(), null, false, node, node, p -> "!Ref " + p);
        }
      }
      case "!GetAtt" -> getAtt(node, node, p -> "!Ref " + p);
      case "!Sub" -> sub(node);
      case "!If" -> ifCondition(node);
      default -> {
        if (node instanceof MappingNode map && map.getValue().size() == 1 && longForm(map)) {
          return;
        }
        children(node);
      }
    }
  }

  /** A one-key mapping {@code Ref:}, {@code Fn::GetAtt:}, {@code Fn::Sub:} or {@code Fn::If:}. */
  private boolean longForm(MappingNode map) {
    NodeTuple only = map.getValue().get(0);
    Node value = only.getValueNode();
    switch (SamTemplate.scalar(only.getKeyNode())) {
      case "Ref" -> {
        if (value instanceof ScalarNode name) {
          add(name.getValue(), null, false, value, value, p -> p);
        }
        return true;
      }
      case "Fn::GetAtt" -> {
        getAtt(value, only.getKeyNode(), p -> "Ref: " + p);
        return true;
      }
      case "Fn::Sub" -> {
        sub(value);
        return true;
      }
      case "Fn::If" -> {
        ifCondition(value);
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  /** {@code X.Attr} or {@code [X, Attr]}; the text from {@code start} to its end is rewritten. */
  private void getAtt(Node value, Node start, UnaryOperator<String> rewrite) {
    if (value instanceof ScalarNode scalar && scalar.getValue().contains(".")) {
      String[] parts = scalar.getValue().split("\\.", 2);
      add(parts[0], parts[1], false, value, start, rewrite);
    } else if (value instanceof SequenceNode list
        && list.getValue().size() == 2
        && list.getValue().get(0) instanceof ScalarNode name
        && list.getValue().get(1) instanceof ScalarNode attribute) {
      add(name.getValue(), attribute.getValue(), false, value, start, rewrite);
    } else {
      children(value);
    }
  }

  /** The variables of a {@code Sub}'s string, but for those its own mapping defines. */
  private void sub(Node value) {
    Set<String> local = new HashSet<>();
    Node string = value;
    if (value instanceof SequenceNode list && !list.getValue().isEmpty()) {
      string = list.getValue().get(0);
      if (list.getValue().size() > 1 && list.getValue().get(1) instanceof MappingNode variables) {
        local.addAll(SamTemplate.keys(Optional.of(variables)));
        variables.getValue().forEach(t -> walk(t.getValueNode()));
      }
    }
    if (!(string instanceof ScalarNode)) {
      return;
    }
    int from = offset(string.getStartMark().orElseThrow());
    int to = offset(string.getEndMark().orElseThrow());
    Matcher variable = SUB_VARIABLE.matcher(text.text()).region(from, to);
    while (variable.find()) {
      if (!local.contains(variable.group(1))) {
        found.add(
            new Reference(
                variable.group(1),
                variable.group(2),
                false,
                text.lineOf(variable.start()) - 1,
                text.columnOf(variable.start()) - 1,
                variable.start(),
                variable.end(),
                p -> "${" + p + "}"));
      }
    }
  }

  private void ifCondition(Node value) {
    if (value instanceof SequenceNode list && !list.getValue().isEmpty()) {
      Node condition = list.getValue().get(0);
      if (condition instanceof ScalarNode name) {
        add(name.getValue(), null, true, condition, condition, p -> p);
      }
      list.getValue().stream().skip(1).forEach(this::walk);
    } else {
      children(value);
    }
  }

  private void children(Node node) {
    if (node instanceof MappingNode map) {
      for (NodeTuple tuple : map.getValue()) {
        walk(tuple.getKeyNode());
        walk(tuple.getValueNode());
      }
    } else if (node instanceof SequenceNode list) {
      list.getValue().forEach(this::walk);
    }
  }

  private void add(
      String name,
      String attribute,
      boolean condition,
      Node value,
      Node start,
      UnaryOperator<String> rewrite) {
    Mark at = value.getStartMark().orElseThrow();
    found.add(
        new Reference(
            name,
            attribute,
            condition,
            at.getLine(),
            at.getColumn(),
            offset(start.getStartMark().orElseThrow()),
            end(value),
            rewrite));
  }

  /**
   * Where {@code node}'s text ends: a block collection's end mark is the next token's start, past
   * line breaks and comments that are not the node's, so its last item's end is taken.
   */
  private int end(Node node) {
    Node last = node;
    while (!SamTemplate.isFlow(last)) {
      if (last instanceof MappingNode m && !m.getValue().isEmpty()) {
        last = m.getValue().get(m.getValue().size() - 1).getValueNode();
      } else if (last instanceof SequenceNode s && !s.getValue().isEmpty()) {
        last = s.getValue().get(s.getValue().size() - 1);
      } else {
        break;
      }
    }
    return offset(last.getEndMark().orElseThrow());
  }

  private int offset(Mark mark) {
    return text.offset(mark.getLine() + 1, mark.getColumn() + 1);
  }
}
