package org.ova.site.render.internal;

import io.pebbletemplates.pebble.attributes.AttributeResolver;
import io.pebbletemplates.pebble.attributes.ResolvedAttribute;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.node.ArgumentsNode;
import io.pebbletemplates.pebble.template.EvaluationContextImpl;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Reads {@code video.title} from a record by its component, ahead of Pebble's general resolver. The
 * templates read a hundred attributes per video page from ova's view records, and Pebble's resolver
 * builds a cache key and looks it up in a shared map for each one (its cost is in
 * {@code bench/README.md}). Anything that is not a record component without arguments is left to
 * Pebble.
 */
public final class RecordAttributes implements AttributeResolver {

    @Override
    public ResolvedAttribute resolve(
            Object instance,
            Object attributeNameValue,
            Object[] argumentValues,
            ArgumentsNode args,
            EvaluationContextImpl context,
            String filename,
            int lineNumber) {
        if (instance == null || argumentValues != null) {
            return null;
        }
        Method accessor = RecordAccessors.of(instance.getClass()).named(String.valueOf(attributeNameValue));
        if (accessor == null) {
            return null;
        }
        try {
            return new ResolvedAttribute(accessor.invoke(instance));
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new PebbleException(
                    e,
                    "could not read " + attributeNameValue + " of "
                            + instance.getClass().getSimpleName(),
                    lineNumber,
                    filename);
        }
    }
}
