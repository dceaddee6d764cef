package io.flinkha.internal.build;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * A build step, not API: writes what one Flink release declares of its configuration (every key of every
 * {@code ConfigOption} in its flink-core, flink-kubernetes and flink-runtime jars (and flink-streaming-java, where given), with the option's current key, the
 * value type, and whether the key is a deprecated name) to {@code options.tsv}. Each release is read in a class
 * loader of its own over that release's own jars, so the checks know a 2.2 job's keys from Flink 2.2 and a 1.20
 * job's from Flink 1.20, without carrying either release's runtime classes.
 *
 * <p>Arguments: the jars folder ({@code <dir>/<version>/*.jar}), the output folder ({@code <dir>/<version>/options.tsv}),
 * then the versions.
 */
public final class FlinkOptionsMetadataWriter {
    /**
     * The jars whose {@code *Options} classes are read; the others only let their static initialisers run. Up to 1.19 the
     * checkpoint options lived in flink-streaming-java; 1.20 moved them to flink-core.
     */
    private static final List<String> OPTION_JARS = List.of("flink-core", "flink-kubernetes", "flink-runtime", "flink-streaming-java");

    private FlinkOptionsMetadataWriter() {
    }

    /**
     * @param args the jars folder, the output folder, then the Flink versions
     * @throws Exception when a release cannot be read; the build fails
     */
    public static void main(String[] args) throws Exception {
        Path jars = Path.of(args[0]);
        Path out = Path.of(args[1]);
        for (String version : Arrays.asList(args).subList(2, args.length)) {
            Map<String, String> lines = read(version, jars.resolve(version));
            if (lines.size() < 500) {
                throw new IllegalStateException("Flink " + version + ": only " + lines.size() + " keys read from " + jars.resolve(version));
            }
            Path file = out.resolve(version).resolve("options.tsv");
            Files.createDirectories(file.getParent());
            StringBuilder text = new StringBuilder("# key\tcurrent key\tdeprecated\ttype\tlist\tenum values (Flink ")
                    .append(version).append(", generated at build time from its jars)\n");
            lines.forEach((k, v) -> text.append(k).append('\t').append(v).append('\n'));
            Files.writeString(file, text, StandardCharsets.UTF_8);
            System.out.println("[flink-options] Flink " + version + ": " + lines.size() + " keys -> " + file);
        }
    }

    private static Map<String, String> read(String version, Path dir) throws IOException, ReflectiveOperationException {
        File[] files = dir.toFile().listFiles((d, n) -> n.endsWith(".jar"));
        if (files == null || files.length == 0) {
            throw new IllegalStateException("no jars of Flink " + version + " in " + dir);
        }
        Arrays.sort(files);
        List<URL> urls = new ArrayList<>();
        for (File f : files) {
            urls.add(f.toURI().toURL());
        }
        Map<String, String> byKey = new TreeMap<>();
        try (URLClassLoader loader = new URLClassLoader("flink-" + version, urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Class<?> configOption = loader.loadClass("org.apache.flink.configuration.ConfigOption");
            Method fallbackKeys = configOption.getMethod("fallbackKeys");
            Method clazz = configOption.getDeclaredMethod("getClazz");
            clazz.setAccessible(true);
            Method isList = configOption.getDeclaredMethod("isList");
            isList.setAccessible(true);
            Class<?> fallbackKey = loader.loadClass("org.apache.flink.configuration.FallbackKey");
            Method fallbackName = fallbackKey.getMethod("getKey");
            Method deprecated = fallbackKey.getMethod("isDeprecated");
            for (File f : files) {
                if (OPTION_JARS.stream().noneMatch(j -> f.getName().startsWith(j + "-" + version))) {
                    continue;
                }
                for (Class<?> c : optionClasses(f, loader)) {
                    for (Field field : c.getFields()) {
                        if (!Modifier.isStatic(field.getModifiers()) || !configOption.isAssignableFrom(field.getType())) {
                            continue;
                        }
                        Object o;
                        try {
                            o = field.get(null);
                        } catch (LinkageError e) {
                            continue;
                        }
                        String key = (String) configOption.getMethod("key").invoke(o);
                        Class<?> type = (Class<?>) clazz.invoke(o);
                        String enums = type.isEnum() ? String.join(",", Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList()) : "";
                        String describe = (type.isEnum() ? "Enum:" + type.getName() : type.getSimpleName()) + "\t" + isList.invoke(o) + "\t" + enums;
                        byKey.putIfAbsent(key, key + "\tfalse\t" + describe);
                        for (Object k : (Iterable<?>) fallbackKeys.invoke(o)) {
                            byKey.putIfAbsent((String) fallbackName.invoke(k), key + "\t" + deprecated.invoke(k) + "\t" + describe);
                        }
                    }
                }
            }
        }
        return byKey;
    }

    /** The public {@code *Options} classes of one jar, in name order so that a key two classes declare reads the same every build. */
    private static List<Class<?>> optionClasses(File jar, ClassLoader loader) {
        TreeSet<String> names = new TreeSet<>();
        try (JarFile j = new JarFile(jar)) {
            for (JarEntry e : Collections.list(j.entries())) {
                String n = e.getName();
                if (n.startsWith("org/apache/flink/") && n.endsWith("Options.class") && !n.contains("$")) {
                    names.add(n.substring(0, n.length() - ".class".length()).replace('/', '.'));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Class<?>> out = new ArrayList<>();
        for (String n : names) {
            try {
                Class<?> c = Class.forName(n, true, loader);
                if (Modifier.isPublic(c.getModifiers())) {
                    out.add(c);
                }
            } catch (ClassNotFoundException | LinkageError skipped) {
                // an options class whose initialiser needs a dependency the build does not give it
            }
        }
        return out;
    }

}
