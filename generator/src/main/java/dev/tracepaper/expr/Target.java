package dev.tracepaper.expr;

import dev.cel.common.types.CelType;
import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.TypeRef;
import java.util.Optional;

/**
 * The field an expression's value goes into.
 *
 * @param field the field's name
 * @param type its model type, as written
 * @param celType its CEL type
 * @param owner how messages name the field's owner, e.g. "the state of `Book`"
 * @param aggregate the aggregate whose entities {@code type} may name
 */
public record Target(
    String field, TypeRef type, CelType celType, String owner, Optional<Aggregate> aggregate) {}
