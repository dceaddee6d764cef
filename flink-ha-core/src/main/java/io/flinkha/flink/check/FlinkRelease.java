package io.flinkha.flink.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;

/**
 * One Flink release's own configuration classes, loaded in a class loader of their own. The program
 * already has the image's Flink on its class path; the operator reads the same configuration with
 * the Flink release it was built on, and one class path cannot hold two {@code flink-core} versions.
 * The build puts that release's jars inside the library ({@code io/flinkha/flink-release/<version>/});
 * they are read into memory once, nothing is written to disk.
 */
final class FlinkRelease {
    /** flink-core-api exists from Flink 1.20 on (it took {@code MemorySize} and others from flink-core); 1.19 has none. */
    private static final List<String> JARS = List.of("flink-core.jar", "flink-core-api.jar", "flink-annotations.jar");
    private static final Map<String, FlinkRelease> LOADED = new ConcurrentHashMap<>();

    private final String version;
    private final Method probe;
    private final Method valueProbe;

    private FlinkRelease(String version) {
        this.version = version;
        Map<String, byte[]> classes = new HashMap<>();
        for (String jar : JARS) {
            readClasses("/io/flinkha/flink-release/" + version + "/" + jar, classes);
        }
        if (classes.isEmpty()) {
            throw new IllegalStateException("Flink " + version + " is not bundled with this build");
        }
        String probeName = OperatorConfigProbe.class.getName();
        String valueProbeName = ValueProbe.class.getName();
        classes.put(probeName, bytesOf(probeName));
        classes.put(valueProbeName, bytesOf(valueProbeName));
        try {
            Isolated loader = new Isolated(version, classes);
            this.probe = Class.forName(probeName, true, loader).getMethod("read", Map.class);
            this.valueProbe = Class.forName(valueProbeName, true, loader).getMethod("problem", String.class, String.class, boolean.class, String.class);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load Flink " + version + "'s configuration classes", e);
        }
    }

    /** @return the bundled release, loaded on first use */
    static FlinkRelease bundled(String version) {
        return LOADED.computeIfAbsent(version, FlinkRelease::load);
    }

    /** @return the bundled release, loaded again: {@link #bundled} keeps the one it loaded first */
    static FlinkRelease load(String version) {
        return new FlinkRelease(version);
    }

    /** @see OperatorConfigProbe#read(Map) */
    @SuppressWarnings("unchecked")
    Map<String, String> readConfiguration(Map<String, String> flinkConfiguration) {
        try {
            return (Map<String, String>) probe.invoke(null, Map.copyOf(flinkConfiguration));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Flink " + version + " could not read the configuration", e);
        }
    }

    /** @see ValueProbe#problem(String, String, boolean, String) */
    String valueProblem(String key, String type, boolean list, String value) {
        try {
            return (String) valueProbe.invoke(null, key, type, list, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Flink " + version + " could not read '" + key + "'", e);
        }
    }

    private static void readClasses(String resource, Map<String, byte[]> into) {
        try (InputStream in = FlinkRelease.class.getResourceAsStream(resource)) {
            if (in == null) {
                return;
            }
            try (JarInputStream jar = new JarInputStream(in)) {
                for (JarEntry e = jar.getNextJarEntry(); e != null; e = jar.getNextJarEntry()) {
                    String n = e.getName();
                    if (n.endsWith(".class") && !n.startsWith("META-INF/") && !n.equals("module-info.class")) {
                        into.put(n.substring(0, n.length() - ".class".length()).replace('/', '.'), jar.readAllBytes());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static byte[] bytesOf(String className) {
        String resource = "/" + className.replace('.', '/') + ".class";
        try (InputStream in = FlinkRelease.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Child-first for the release's own classes, the JDK for {@code java.*}, and the program's class
     * path only for the logging API Flink compiles against (it is no part of what is checked).
     */
    private static final class Isolated extends ClassLoader {
        private final Map<String, byte[]> classes;

        Isolated(String version, Map<String, byte[]> classes) {
            super("flink-" + version, ClassLoader.getPlatformClassLoader());
            this.classes = classes;
        }

        // resolve is ignored: ClassLoader.resolveClass links nothing on HotSpot, the JVM links on first use
        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c != null) {
                    return c;
                }
                byte[] bytes = classes.get(name);
                if (bytes != null) {
                    return defineClass(name, bytes, 0, bytes.length);
                }
                return name.startsWith("org.slf4j.") ? FlinkRelease.class.getClassLoader().loadClass(name) : super.loadClass(name, false);
            }
        }
    }
}
