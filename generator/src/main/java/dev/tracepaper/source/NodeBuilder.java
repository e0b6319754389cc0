package dev.tracepaper.source;

import dev.tracepaper.diagnostic.Diagnostic;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.resolver.CoreScalarResolver;

/**
 * Builds located nodes from the parser's event stream. Building from events rather than through the
 * library's composer lets us bound nesting depth and alias expansion while we go, report duplicate
 * keys with both places, and never recurse (so deep input cannot overflow the stack).
 */
final class NodeBuilder {

  /** Thrown to stop reading a file as soon as one of the {@link ReadLimits} is crossed. */
  static final class LimitExceeded extends RuntimeException {
    private final transient Diagnostic diagnostic;

    LimitExceeded(Diagnostic diagnostic) {
      super(diagnostic.message(), null, false, false);
      this.diagnostic = diagnostic;
    }

    Diagnostic diagnostic() {
      return diagnostic;
    }
  }

  private static final String STR_TAG = "tag:yaml.org,2002:str";
  private static final CoreScalarResolver RESOLVER = new CoreScalarResolver(true);

  private final String file;
  private final ReadLimits limits;
  private final List<Diagnostic> diagnostics;
  private final Deque<Frame> stack = new ArrayDeque<>();
  private final Map<String, YamlNode> anchors = new HashMap<>();
  private final List<YamlNode> documents = new ArrayList<>();
  private long totalNodes;
  private int aliases;

  NodeBuilder(String file, ReadLimits limits, List<Diagnostic> diagnostics) {
    this.file = file;
    this.limits = limits;
    this.diagnostics = diagnostics;
  }

  /** A collection being built, and for a mapping the key waiting for its value. */
  private static final class Frame {
    final boolean mapping;
    final SourceLocation location;
    final Optional<String> anchor;
    final List<MappingNode.Entry> entries = new ArrayList<>();
    final Map<String, SourceLocation> keys = new HashMap<>();
    final List<YamlNode> items = new ArrayList<>();
    ScalarNode pendingKey;
    boolean skipNextValue;
    long size = 1;

    Frame(boolean mapping, SourceLocation location, Optional<String> anchor) {
      this.mapping = mapping;
      this.location = location;
      this.anchor = anchor;
    }
  }

  void consume(Iterable<Event> events) {
    for (Event event : events) {
      switch (event.getEventId()) {
        case MappingStart -> open(true, (NodeEvent) event);
        case SequenceStart -> open(false, (NodeEvent) event);
        case MappingEnd, SequenceEnd -> close();
        case Scalar -> add(scalar((ScalarEvent) event), anchorOf((NodeEvent) event));
        case Alias -> add(alias((AliasEvent) event), Optional.empty());
        default -> {
          // Stream and document boundaries and comments carry nothing for the model.
        }
      }
    }
  }

  /** The single document's root, when it is a mapping; otherwise reports why not. */
  Optional<MappingNode> root(SourceFile source) {
    if (documents.size() > 1) {
      diagnostics.add(
          Diagnostic.error(
                  "YamlMultipleDocuments",
                  documents.get(1).location(),
                  "The file holds %d YAML documents; a model file holds exactly one."
                      .formatted(documents.size()))
              .withHint("remove the `---` separator or move each document to a file of its own"));
      return Optional.empty();
    }
    if (documents.isEmpty() || documents.get(0) instanceof ScalarNode scalar && scalar.isNull()) {
      diagnostics.add(
          Diagnostic.error(
                  "YamlEmpty",
                  SourceLocation.of(source.path(), 1, 1),
                  "The file is empty; a model file holds a mapping such as `tracepaper: 1`.")
              .withHint("delete the file, or give it content"));
      return Optional.empty();
    }
    YamlNode root = documents.get(0);
    if (root instanceof MappingNode mapping) {
      return Optional.of(mapping);
    }
    diagnostics.add(
        Diagnostic.error(
            "YamlNotAMapping",
            root.location(),
            "The file holds %s; a model file holds a mapping of sections (`app:`, `aggregates:`, …)."
                .formatted(root.describe())));
    return Optional.empty();
  }

  private void open(boolean mapping, NodeEvent event) {
    if (stack.size() >= limits.maxDepth()) {
      throw new LimitExceeded(
          Diagnostic.error(
                  "YamlTooDeep",
                  location(event),
                  "The YAML nests deeper than %d levels.".formatted(limits.maxDepth()))
              .withHint("a model never needs this depth; check the indentation"));
    }
    stack.push(new Frame(mapping, location(event), anchorOf(event)));
  }

  private void close() {
    Frame frame = stack.pop();
    YamlNode node =
        frame.mapping
            ? new MappingNode(frame.entries, frame.location, frame.size)
            : new SequenceNode(frame.items, frame.location, frame.size);
    add(node, frame.anchor);
  }

  private void add(YamlNode node, Optional<String> anchor) {
    anchor.ifPresent(name -> anchors.put(name, node));
    totalNodes += node instanceof ScalarNode ? 1 : 0;
    if (totalNodes > limits.maxNodes()) {
      throw new LimitExceeded(
          Diagnostic.error(
              "YamlTooLarge",
              node.location(),
              "The file expands to more than %d YAML nodes.".formatted(limits.maxNodes())));
    }
    Frame parent = stack.peek();
    if (parent == null) {
      documents.add(node);
      return;
    }
    parent.size += node.size();
    if (!parent.mapping) {
      parent.items.add(node);
    } else if (parent.pendingKey == null && !parent.skipNextValue) {
      acceptKey(parent, node);
    } else {
      if (!parent.skipNextValue) {
        parent.entries.add(new MappingNode.Entry(parent.pendingKey, node));
      }
      parent.pendingKey = null;
      parent.skipNextValue = false;
    }
  }

  private void acceptKey(Frame parent, YamlNode key) {
    if (!(key instanceof ScalarNode scalar)) {
      diagnostics.add(
          Diagnostic.error(
              "YamlComplexKey",
              key.location(),
              "A key here is %s; keys in a model are plain names.".formatted(key.describe())));
      parent.skipNextValue = true;
      return;
    }
    SourceLocation first = parent.keys.putIfAbsent(scalar.value(), scalar.location());
    if (first != null) {
      diagnostics.add(
          Diagnostic.error(
                  "YamlDuplicateKey",
                  scalar.location(),
                  "The key `%s` appears twice in this mapping; it was first given at line %d."
                      .formatted(scalar.value(), first.line()))
              .withHint("remove one of them or merge their contents")
              .withRelated(first));
      parent.skipNextValue = true;
      return;
    }
    parent.pendingKey = scalar;
  }

  private YamlNode alias(AliasEvent event) {
    String name = event.getAlias().getValue();
    YamlNode target = anchors.get(name);
    if (target == null) {
      throw new LimitExceeded(
          Diagnostic.error(
                  "YamlSyntax",
                  location(event),
                  "The value `*%s` starts with `*`, which YAML reads as a reference to an anchor `&%s`; there is no such anchor."
                      .formatted(name, name))
              .withHint("if this is a text, put it in quotes"));
    }
    aliases++;
    totalNodes += target.size();
    if (aliases > limits.maxAliases() || totalNodes > limits.maxNodes()) {
      throw new LimitExceeded(
          Diagnostic.error(
                  "YamlAliasLimit",
                  location(event),
                  "The aliases in this file expand beyond the limit of %d aliases and %d nodes."
                      .formatted(limits.maxAliases(), limits.maxNodes()))
              .withHint("write the repeated content out, or reuse it through `types:`"));
    }
    return target;
  }

  private ScalarNode scalar(ScalarEvent event) {
    ScalarNode.Kind kind = kindOf(event);
    return new ScalarNode(event.getValue(), kind, styleOf(event.getScalarStyle()), location(event));
  }

  private static ScalarNode.Kind kindOf(ScalarEvent event) {
    if (event.getTag().isPresent()) {
      return STR_TAG.equals(event.getTag().get()) || "!!str".equals(event.getTag().get())
          ? ScalarNode.Kind.STRING
          : resolve(event.getValue());
    }
    return event.isPlain() ? resolve(event.getValue()) : ScalarNode.Kind.STRING;
  }

  private static ScalarNode.Kind resolve(String value) {
    if (value.isEmpty() || !mayBeNonText(value)) {
      return value.isEmpty() ? ScalarNode.Kind.NULL : ScalarNode.Kind.STRING;
    }
    String tag = RESOLVER.resolve(value, true).getValue();
    return switch (tag) {
      case "tag:yaml.org,2002:int" -> ScalarNode.Kind.INT;
      case "tag:yaml.org,2002:float" -> ScalarNode.Kind.FLOAT;
      case "tag:yaml.org,2002:bool" -> ScalarNode.Kind.BOOLEAN;
      case "tag:yaml.org,2002:null" -> ScalarNode.Kind.NULL;
      default -> ScalarNode.Kind.STRING;
    };
  }

  /**
   * Whether a plain scalar starting with {@code c} can resolve to anything but text under the core
   * schema (numbers, true/false, null, ~, .inf, .nan). Most scalars of a model are names and
   * expressions; skipping the resolver's regular expressions for them halves the reading time.
   */
  private static boolean mayBeNonText(String value) {
    char c = value.charAt(0);
    if ("tTfFnN".indexOf(c) >= 0) {
      return value.equalsIgnoreCase("true")
          || value.equalsIgnoreCase("false")
          || value.equalsIgnoreCase("null");
    }
    return (c >= '0' && c <= '9') || "+-.~".indexOf(c) >= 0;
  }

  private static ScalarNode.Style styleOf(ScalarStyle style) {
    return switch (style) {
      case SINGLE_QUOTED -> ScalarNode.Style.SINGLE_QUOTED;
      case DOUBLE_QUOTED -> ScalarNode.Style.DOUBLE_QUOTED;
      case LITERAL -> ScalarNode.Style.LITERAL;
      case FOLDED -> ScalarNode.Style.FOLDED;
      default -> ScalarNode.Style.PLAIN;
    };
  }

  private static Optional<String> anchorOf(NodeEvent event) {
    return event.getAnchor().map(a -> a.getValue());
  }

  private SourceLocation location(Event event) {
    return event
        .getStartMark()
        .map(m -> YamlReader.locate(file, m))
        .orElseGet(() -> SourceLocation.ofFile(file));
  }
}
