package io.flinkha.flink.check;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.InputArgs;
import com.pulumi.resources.ResourceArgs;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves resource args into the plain object the engine will receive: {@code @Import} names as
 * keys, Outputs resolved, nested args, lists and maps followed. It reads the same annotations the
 * SDK serializes, so a misspelled {@code @Import} name shows up here exactly as it would on the wire.
 */
public final class PlainInputs {
    private PlainInputs() {
    }

    /**
     * @param value an Output, resource args, a list, a map or a plain value
     * @return the plain value of {@code value}, known when every Output inside it is known
     */
    @SuppressWarnings("unchecked")
    public static Output<Object> resolve(Object value) {
        if (value == null) {
            return Output.of((Object) "").applyValue(x -> null);
        }
        if (value instanceof Output<?> o) {
            return ((Output<Object>) o).apply(PlainInputs::resolve);
        }
        if (value instanceof ResourceArgs || value instanceof InputArgs) {
            return args(value);
        }
        if (value instanceof List<?> l) {
            List<Output<Object>> items = new ArrayList<>();
            l.forEach(x -> items.add(resolve(x)));
            return Output.all(items).applyValue(x -> (Object) x);
        }
        if (value instanceof Map<?, ?> m) {
            List<String> keys = new ArrayList<>();
            List<Output<Object>> values = new ArrayList<>();
            m.forEach((k, v) -> {
                keys.add(String.valueOf(k));
                values.add(resolve(v));
            });
            return Output.all(values).applyValue(vs -> zip(keys, vs));
        }
        return Output.of(value);
    }

    private static Output<Object> args(Object args) {
        List<String> keys = new ArrayList<>();
        List<Output<Object>> values = new ArrayList<>();
        for (ImportedField f : IMPORTED.get(args.getClass())) {
            Object v;
            try {
                v = f.field().get(args);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read " + f.field(), e);
            }
            if (v != null) {
                keys.add(f.name());
                values.add(resolve(v));
            }
        }
        return Output.all(values).applyValue(vs -> zip(keys, vs));
    }

    /** A field the SDK serializes, and the name it has on the wire. */
    record ImportedField(Field field, String name) {
    }

    /** Each args class's {@code @Import} fields, read once per class, not per resource. */
    private static final ClassValue<List<ImportedField>> IMPORTED = byClass();

    /** @return a cache of {@link #importedFields} by class (a new one, so a test sees its computation) */
    static ClassValue<List<ImportedField>> byClass() {
        return new ClassValue<>() {
            @Override
            protected List<ImportedField> computeValue(Class<?> type) {
                return importedFields(type);
            }
        };
    }

    /**
     * @param type an args class
     * @return its {@code @Import} fields, its own first, then its superclasses', readable; static fields are not inputs
     */
    static List<ImportedField> importedFields(Class<?> type) {
        List<ImportedField> fields = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                Import imp = f.getAnnotation(Import.class);
                if (imp != null && !Modifier.isStatic(f.getModifiers())) {
                    f.setAccessible(true);
                    fields.add(new ImportedField(f, imp.name()));
                }
            }
        }
        return List.copyOf(fields);
    }

    private static Object zip(List<String> keys, List<Object> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            if (values.get(i) != null) {
                out.put(keys.get(i), values.get(i));
            }
        }
        return out;
    }
}
