package org.ova.site.render.internal;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A record class's component accessors, made callable once per class: in component order (for
 * {@link ContentHash}, which walks every component) and by name (for {@link RecordAttributes},
 * which reads one). Not a record: no components.
 */
final class RecordAccessors {

    private static final ClassValue<RecordAccessors> OF_CLASS = new ClassValue<>() {
        @Override
        protected RecordAccessors computeValue(Class<?> type) {
            return new RecordAccessors(type);
        }
    };

    private final List<Method> inOrder;
    private final Map<String, Method> byName = new HashMap<>();

    private RecordAccessors(Class<?> type) {
        RecordComponent[] components = type.isRecord() ? type.getRecordComponents() : new RecordComponent[0];
        Method[] accessors = new Method[components.length];
        for (int i = 0; i < components.length; i++) {
            try {
                accessors[i] = components[i].getAccessor();
                accessors[i].setAccessible(true);
            } catch (RuntimeException e) {
                throw new IllegalStateException("cannot read " + type.getName() + "." + components[i].getName(), e);
            }
            byName.put(components[i].getName(), accessors[i]);
        }
        inOrder = List.of(accessors);
    }

    static RecordAccessors of(Class<?> type) {
        return OF_CLASS.get(type);
    }

    /** Every component's accessor, in the record's order. */
    List<Method> inOrder() {
        return inOrder;
    }

    /** The accessor of the component {@code name}, or null when there is none. */
    Method named(String name) {
        return byName.get(name);
    }
}
