package dev.tracepaper.source;

/** A YAML node that knows where it came from. Immutable. */
public sealed interface YamlNode permits ScalarNode, MappingNode, SequenceNode {

  SourceLocation location();

  /** The number of nodes in this subtree, counting shared (aliased) subtrees each time. */
  long size();

  /** A word for this kind of node, for messages: "a mapping", "a list", "a text". */
  String describe();
}
