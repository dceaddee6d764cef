package io.flinkha.testing;

import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.pulumi.Context;
import com.pulumi.deployment.internal.DeploymentImpl;
import com.pulumi.resources.Resource;
import com.pulumi.resources.ResourceTransformation;
import com.pulumi.test.Mocks;
import com.pulumi.test.TestOptions;
import com.pulumi.test.internal.MockMonitor;
import com.pulumi.test.internal.PulumiTestInternal;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.logging.Level;

/**
 * The offline plan of any Pulumi Java program: runs it in-process on the SDK's mock engine, in preview mode, and records
 * every registration exactly as the engine would receive it ({@link PlanRenderer#json} prints it in the shape of
 * {@code pulumi preview --json}, which the plan diff and the policy pack read). This is the only class that touches SDK
 * internals ({@code com.pulumi.test.internal}): the public test API takes no stack config and
 * hides the registration requests.
 *
 * <p>Resources echo their inputs as outputs, as a preview does for creates; every other output is
 * unknown, so values that exist only after deployment (ARNs, generated ids) stay unknown and print
 * as {@link Plan#UNKNOWN}.
 */
public final class PlanEngine {
    private static final String UNKNOWN_SENTINEL = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    private static final String SIG_KEY = "4dabf18193072939515e22adb298388d";
    private static final String SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
    private static final String RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
    private static final String OUTPUT_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";

    /** Told of each registration as it happens, e.g. to show progress on a long plan. */
    private static final List<Runnable> LISTENERS = new java.util.concurrent.CopyOnWriteArrayList<>();

    private PlanEngine() {
    }

    /**
     * @param listener run on each resource registration, on the engine's thread; it must be quick
     */
    public static void onRegistration(Runnable listener) {
        LISTENERS.add(listener);
    }

    /**
     * @param project Pulumi project name
     * @param stack   stack name
     * @param config  config as the engine passes it: {@code <namespace>:<key>} to text (structured values as JSON)
     * @param program the program
     * @return the registered resources
     * @throws RuntimeException the program's own exception, unwrapped, when it fails
     */
    public static Plan run(String project, String stack, Map<String, String> config, Consumer<Context> program) {
        return run(project, stack, config, program, (type, name) -> Map.of());
    }

    /**
     * Like {@link #run(String, String, Map, Consumer)}, with outputs a provider would compute (ARNs,
     * issuer URLs) supplied by {@code computed}, as unit tests with mocks do. A resource that gets
     * computed outputs also gets the id {@code <name>-id}; every other id stays unknown.
     *
     * @param project  Pulumi project name
     * @param stack    stack name
     * @param config   config as the engine passes it
     * @param program  the program
     * @param computed a resource's type and name to the outputs a provider would compute for it; empty for none
     * @return the registered resources
     */
    public static Plan run(String project, String stack, Map<String, String> config, Consumer<Context> program,
                           BiFunction<String, String, Map<String, Object>> computed) {
        return run(project, stack, config, program, computed, PlanEngine::offlineInvoke);
    }

    /**
     * What a provider function returns without credentials: the values only the account knows are unknown, as they would
     * be for a reviewer without access to it.
     */
    static Map<String, Object> offlineInvoke(String token, Map<String, Object> args) {
        return switch (token) {
            case "aws:eks/getAddonVersion:getAddonVersion" -> Map.of("addonName", String.valueOf(args.get("addonName")),
                    "kubernetesVersion", String.valueOf(args.get("kubernetesVersion")), "id", UNKNOWN_SENTINEL, "version", UNKNOWN_SENTINEL);
            case "aws:index/getCallerIdentity:getCallerIdentity" -> Map.of("accountId", UNKNOWN_SENTINEL, "arn", UNKNOWN_SENTINEL,
                    "id", UNKNOWN_SENTINEL, "userId", UNKNOWN_SENTINEL);
            default -> Map.of();
        };
    }

    /**
     * Like {@link #run(String, String, Map, Consumer, BiFunction)}, with provider functions (invokes)
     * answered by {@code invoked} (token and arguments to result).
     *
     * @param project  Pulumi project name
     * @param stack    stack name
     * @param config   config as the engine passes it
     * @param program  the program
     * @param computed a resource's type and name to the outputs a provider would compute for it
     * @param invoked  a provider function's token and arguments to its result
     * @return the registered resources
     */
    public static synchronized Plan run(String project, String stack, Map<String, String> config, Consumer<Context> program,
                                        BiFunction<String, String, Map<String, Object>> computed,
                                        BiFunction<String, Map<String, Object>, Map<String, Object>> invoked) {
        List<Recorded> recorded = Collections.synchronizedList(new ArrayList<>());
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        List<String> notes = Collections.synchronizedList(new ArrayList<>());
        // Registrations reach the monitor as their inputs resolve, in no fixed order; the order in which
        // the program constructs resources is fixed, so plans are ordered by it. A stack transformation
        // runs inside each resource's constructor, which is where that order is visible.
        Map<Resource, Integer> constructed = Collections.synchronizedMap(new IdentityHashMap<>());
        AtomicInteger sequence = new AtomicInteger();
        ResourceTransformation recordOrder = args -> {
            constructed.putIfAbsent(args.resource(), sequence.incrementAndGet());
            return Optional.empty();
        };
        // The class of each resource being registered, by type and name: the monitor sees the resource, the mock only its args
        Map<String, Class<?>> classes = new java.util.concurrent.ConcurrentHashMap<>();
        Mocks mocks = new Mocks() {
            @Override
            public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
                // The engine answers a preview with every output it cannot know yet as unknown, and such an output still
                // belongs to its resource: a resource built from it depends on that one. An output the mock leaves out
                // would be completed without its resource, and its edge would be missing from the plan.
                Map<String, Object> state = new LinkedHashMap<>(unknownOutputs(classes.get(args.type + "::" + args.name)));
                state.putAll(args.inputs);
                Map<String, Object> extra = computed.apply(args.type, args.name);
                if (extra.isEmpty()) {
                    return CompletableFuture.completedFuture(ResourceResult.of(Optional.empty(), state));
                }
                state.putAll(extra);
                return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name + "-id"), state));
            }

            @Override
            public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
                Map<String, Object> callArgs = new LinkedHashMap<>();
                argsOf(args).forEach((k, v) -> callArgs.put(String.valueOf(k), v));
                return CompletableFuture.completedFuture(invoked.apply(args.token, callArgs));
            }
        };
        try {
            var test = PulumiTestInternal.builder()
                    .options(TestOptions.builder().projectName(project).stackName(stack).preview(true)
                            .resourceTransformations(List.of(recordOrder)).build())
                    .config(config)
                    .mocks(mocks)
                    // the engine would log a failing program with its whole stack; the command prints the cause
                    // itself. Warnings the program logs (ctx.log().warn) are the plan's diagnostics.
                    .standardLogger(warningsInto(warnings, notes))
                    .monitorDecorator(m -> new RecordingMonitor(mocks, recorded, constructed, classes, project, stack))
                    // the SDK's runner costs time quadratic in the resources (PlanRunner); the deployment is the SDK's own
                    .deploymentFactory(state -> {
                        state.runner = new PlanRunner(state.logger);
                        return new DeploymentImpl(state);
                    })
                    .build();
            var result = test.runTest(program);
            if (!result.exceptions().isEmpty()) {
                throw unwrap(result.exceptions().get(0));
            }
            if (!result.errors().isEmpty()) {
                throw new IllegalStateException(String.join("\n", result.errors()));
            }
        } finally {
            PulumiTestInternal.cleanup();
        }
        List<PlannedResource> resources = withInheritedAliases(recorded.stream()
                .sorted(Comparator.comparingInt(Recorded::sequence))
                .map(Recorded::resource)
                .toList(), project, stack);
        return new Plan(project, stack, config, resources, List.copyOf(warnings), List.copyOf(notes));
    }

    /**
     * The engine gives a child an alias under each alias of its parent (renaming a name that starts
     * with the parent's name along with it), so moving or renaming a component keeps its children.
     * Parents are constructed before their children, so one pass in construction order suffices.
     */
    static List<PlannedResource> withInheritedAliases(List<PlannedResource> resources, String project, String stack) {
        Map<String, PlannedResource> byUrn = new LinkedHashMap<>();
        List<PlannedResource> out = new ArrayList<>();
        for (PlannedResource r : resources) {
            PlannedResource parent = byUrn.get(r.parent());
            PlannedResource withAliases = r;
            if (parent != null && !parent.aliases().isEmpty()) {
                java.util.Set<String> aliases = new java.util.TreeSet<>(r.aliases());
                for (String parentAlias : parent.aliases()) {
                    String aliasName = r.name();
                    if (r.name().startsWith(parent.name())) {
                        aliasName = parentAlias.substring(parentAlias.lastIndexOf("::") + 2) + r.name().substring(parent.name().length());
                    }
                    aliases.add(com.pulumi.core.internal.Urn.create(stack, project, Optional.of(parentAlias), r.type(), aliasName));
                }
                withAliases = new PlannedResource(r.urn(), r.type(), r.name(), r.custom(), r.parent(), r.provider(), r.dependencies(),
                        r.inputs(), r.retainOnDelete(), r.protect(), r.ignoreChanges(), List.copyOf(aliases));
            }
            byUrn.put(r.urn(), withAliases);
            out.add(withAliases);
        }
        return out;
    }

    /** {@code CallArgs.args} is a Guava map, and Guava is only on Pulumi's runtime class path: read it as a Map. */
    private static Map<?, ?> argsOf(Mocks.CallArgs call) {
        try {
            return (Map<?, ?>) Mocks.CallArgs.class.getField("args").get(call);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the Pulumi SDK's Mocks.CallArgs changed", e);
        }
    }

    /** The program's warnings, and its own information ({@code flink-ha.*} messages; the SDK's chatter is left out). */
    private static java.util.logging.Logger warningsInto(List<String> warnings, List<String> notes) {
        var logger = java.util.logging.Logger.getAnonymousLogger();
        logger.setUseParentHandlers(false);
        logger.setLevel(Level.INFO);
        logger.addHandler(new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                if (r.getLevel() == Level.WARNING && r.getMessage() != null) {
                    warnings.add(r.getMessage());
                } else if (r.getLevel() == Level.INFO && r.getMessage() != null && r.getMessage().startsWith("flink-ha.")) {
                    notes.add(r.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        return logger;
    }

    /**
     * What the engine would print as errors when the program fails: the messages the SDK's runner logs to
     * the engine (a user error once, as its message; a bug with its stack trace and the JVM command line).
     *
     * @param project Pulumi project name
     * @param stack   stack name
     * @param config  config as the engine passes it
     * @param program the program
     * @return the engine's error messages, in order; empty when the program succeeds
     */
    public static synchronized List<String> engineErrors(String project, String stack, Map<String, String> config, Consumer<Context> program) {
        Mocks mocks = new Mocks() {
            @Override
            public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
                return CompletableFuture.completedFuture(ResourceResult.of(Optional.empty(), args.inputs));
            }
        };
        try {
            var test = PulumiTestInternal.builder()
                    .options(TestOptions.builder().projectName(project).stackName(stack).preview(true).build())
                    .config(config)
                    .mocks(mocks)
                    .standardLogger(PulumiTestInternal.logger(Level.OFF))
                    .build();
            return List.copyOf(test.runTest(program).errors());
        } finally {
            PulumiTestInternal.cleanup();
        }
    }

    /**
     * The engine wraps a program's exception in completion and SDK exceptions; the reader needs the
     * first one that explains itself: one of ours, or a plain argument or state error.
     */
    static RuntimeException unwrap(Throwable t) {
        for (Throwable cur = t; cur != null; cur = cur.getCause()) {
            if (cur.getClass().getName().startsWith("io.flinkha.")
                    || cur.getClass() == IllegalArgumentException.class || cur.getClass() == IllegalStateException.class) {
                return (RuntimeException) cur;
            }
        }
        Throwable root = t;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root instanceof RuntimeException re ? re : new RuntimeException(root.toString(), root);
    }

    private record Recorded(int sequence, PlannedResource resource) {
    }

    /** Every output a resource class declares ({@code @Export}), as the engine's unknown value; {@code id} and {@code urn} aside. */
    static Map<String, Object> unknownOutputs(Class<?> type) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                com.pulumi.core.annotations.Export export = f.getAnnotation(com.pulumi.core.annotations.Export.class);
                if (export != null && !export.name().equals("id") && !export.name().equals("urn")) {
                    out.putIfAbsent(export.name(), UNKNOWN_SENTINEL);
                }
            }
        }
        return out;
    }

    private static final class RecordingMonitor extends MockMonitor {
        private final List<Recorded> recorded;
        private final Map<Resource, Integer> constructed;
        private final Map<String, Class<?>> classes;
        private final String project;
        private final String stack;

        RecordingMonitor(Mocks mocks, List<Recorded> recorded, Map<Resource, Integer> constructed, Map<String, Class<?>> classes,
                         String project, String stack) {
            super(mocks, PulumiTestInternal.mockLog(PulumiTestInternal.logger(Level.WARNING)));
            this.recorded = recorded;
            this.constructed = constructed;
            this.classes = classes;
            this.project = project;
            this.stack = stack;
        }

        @Override
        public CompletableFuture<RegisterResourceResponse> registerResourceAsync(Resource resource, RegisterResourceRequest request) {
            // the stack itself is not transformed: it comes first
            int order = constructed.getOrDefault(resource, 0);
            classes.put(request.getType() + "::" + request.getName(), resource.getClass());
            LISTENERS.forEach(Runnable::run);
            return super.registerResourceAsync(resource, request).thenApply(response -> {
                recorded.add(new Recorded(order, new PlannedResource(
                        response.getUrn(),
                        request.getType(),
                        request.getName(),
                        request.getCustom(),
                        request.getParent(),
                        providerUrn(request.getProvider()),
                        request.getDependenciesList().stream().distinct().sorted().toList(),
                        inputs(request),
                        request.hasRetainOnDelete() && request.getRetainOnDelete(),
                        request.hasProtect() && request.getProtect(),
                        List.copyOf(request.getIgnoreChangesList()),
                        aliasUrns(request, project, stack))));
                return response;
            });
        }
    }

    /**
     * A provider resource's plugin version is one of its inputs in the engine's state (the engine puts it
     * there, and loads that plugin), so the plan shows it where {@code pulumi preview --json} does.
     */
    private static Map<String, Object> inputs(RegisterResourceRequest request) {
        Map<String, Object> inputs = plain(request.getObject());
        if (request.getType().startsWith("pulumi:providers:") && !request.getVersion().isEmpty()) {
            Map<String, Object> sorted = new java.util.TreeMap<>(inputs);
            sorted.put("version", request.getVersion());
            return new LinkedHashMap<>(sorted);
        }
        return inputs;
    }

    /** The URNs a resource's aliases stand for, computed as the engine does from each alias spec. */
    private static List<String> aliasUrns(RegisterResourceRequest request, String project, String stack) {
        List<String> urns = new ArrayList<>(request.getAliasURNsList());
        for (pulumirpc.AliasOuterClass.Alias alias : request.getAliasesList()) {
            if (alias.hasUrn()) {
                urns.add(alias.getUrn());
                continue;
            }
            var spec = alias.getSpec();
            // an empty parentUrn, as the SDK sends it, means the resource's own parent
            String parent = spec.getNoParent() ? "" : !spec.getParentUrn().isEmpty() ? spec.getParentUrn() : request.getParent();
            urns.add(com.pulumi.core.internal.Urn.create(
                    spec.getStack().isEmpty() ? stack : spec.getStack(),
                    spec.getProject().isEmpty() ? project : spec.getProject(),
                    parent.isEmpty() ? Optional.empty() : Optional.of(parent),
                    spec.getType().isEmpty() ? request.getType() : spec.getType(),
                    spec.getName().isEmpty() ? request.getName() : spec.getName()));
        }
        return urns.stream().distinct().sorted().toList();
    }

    /** Provider references are {@code <urn>::<id>}; the id is the mock's, so only the URN is kept. */
    private static String providerUrn(String reference) {
        int i = reference.lastIndexOf("::");
        return i > 0 ? reference.substring(0, i) : reference;
    }

    static Map<String, Object> plain(Struct struct) {
        Map<String, Object> out = new LinkedHashMap<>();
        struct.getFieldsMap().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.put(e.getKey(), plain(e.getValue())));
        return out;
    }

    private static Object plain(Value v) {
        switch (v.getKindCase()) {
            case NULL_VALUE:
            case KIND_NOT_SET:
                return null;
            case BOOL_VALUE:
                return v.getBoolValue();
            case NUMBER_VALUE: {
                double d = v.getNumberValue();
                // the wire format has only doubles; whole numbers are integers in every Kubernetes field
                return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) (long) d : (Object) d;
            }
            case STRING_VALUE:
                return UNKNOWN_SENTINEL.equals(v.getStringValue()) ? Plan.UNKNOWN : v.getStringValue();
            case LIST_VALUE: {
                ListValue l = v.getListValue();
                List<Object> out = new ArrayList<>();
                l.getValuesList().forEach(x -> out.add(plain(x)));
                return out;
            }
            case STRUCT_VALUE: {
                Struct s = v.getStructValue();
                Value sig = s.getFieldsMap().get(SIG_KEY);
                if (sig != null) {
                    String kind = sig.getStringValue();
                    if (SECRET_SIG.equals(kind)) {
                        return Plan.SECRET;
                    }
                    if (RESOURCE_SIG.equals(kind)) {
                        return s.getFieldsMap().get("urn").getStringValue();
                    }
                    if (OUTPUT_SIG.equals(kind)) {
                        if (s.getFieldsMap().containsKey("secret") && s.getFieldsMap().get("secret").getBoolValue()) {
                            return Plan.SECRET;
                        }
                        Value value = s.getFieldsMap().get("value");
                        return value == null ? Plan.UNKNOWN : plain(value);
                    }
                    return "[asset]";
                }
                return plain(s);
            }
            default:
                throw new IllegalStateException("unexpected protobuf value " + v);
        }
    }
}
