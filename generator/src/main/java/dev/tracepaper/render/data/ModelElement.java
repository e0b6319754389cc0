package dev.tracepaper.render.data;

/** Data of one element of the model, which generated headers and error messages name. */
public interface ModelElement {

  /** The element as a sentence names it: {@code command Book.LendBook}. */
  String element();
}
