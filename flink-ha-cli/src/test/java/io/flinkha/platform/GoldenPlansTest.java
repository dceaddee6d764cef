package io.flinkha.platform;

import io.flinkha.operator.FlinkOperator;
import io.flinkha.operator.OperatorRelease;

import io.flinkha.Plans;
import io.flinkha.internal.diff.ContractCheck;
import io.flinkha.internal.diff.PlanReader;
import io.flinkha.testing.PlanRenderer;
import io.flinkha.internal.plan.StackConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every stack's plan is committed in {@code plans/}, so a pull request that changes infrastructure
 * also shows the change in its file diff, and {@code diff <base> <head>} can compare revisions
 * without building either.
 */
class GoldenPlansTest {
    static final Path GOLDEN = Path.of("plans");
    static final String REFRESH = "./mvnw -q -B test -pl flink-ha-cli -am -Dtest=GoldenPlansTest -Dsurefire.failIfNoSpecifiedTests=false -Dgolden.update=true";

    @Test
    void everyStacksCommittedPlanIsCurrent() throws Exception {
        boolean update = Boolean.getBoolean("golden.update");
        List<String> stale = new ArrayList<>();
        List<String> stacks = StackConfig.stacks(Path.of("stacks"));
        for (String stack : stacks) {
            Path golden = GOLDEN.resolve(stack + ".json");
            // resources only: warnings depend on the day (an EKS version nearing its end of support), the
            // committed plans must not
            var plan = Plans.ofStack(stack);
            String current = PlanRenderer.json(new io.flinkha.testing.Plan(plan.project(), plan.stack(), plan.config(), plan.resources()));
            if (update) {
                // a refresh may not drop a resource identity silently: that would replace real infrastructure
                if (Files.isRegularFile(golden)) {
                    List<String> allowed = List.of(System.getProperty("golden.allowRemoval", "").split(","));
                    List<String> broken = ContractCheck.broken(PlanReader.parse(Files.readString(golden), golden.toString()),
                            PlanReader.parse(current, stack)).stream()
                            .filter(m -> allowed.stream().noneMatch(u -> !u.isBlank() && m.contains("(" + u + ")"))).toList();
                    if (!broken.isEmpty()) {
                        fail("not refreshing " + golden + ":\n  - " + String.join("\n  - ", broken));
                    }
                }
                Files.createDirectories(GOLDEN);
                Files.writeString(golden, current);
            } else if (!Files.isRegularFile(golden) || !Files.readString(golden).equals(current)) {
                stale.add(golden.toString());
            }
        }
        if (!stale.isEmpty()) {
            fail("stale golden plans: " + String.join(", ", stale) + ". The infrastructure changed: refresh them with\n  "
                    + REFRESH + "\nand commit them with the change, so reviewers see it.");
        }
    }

    /**
     * The policy {@code flink-state-safety} checks each environment against a state lock in its pack config,
     * written from the committed plan: a change to a job's identity changes the lock in the same review.
     */
    @Test
    @SuppressWarnings("unchecked")
    void everyStacksStateLockMatchesItsCommittedPlan() throws Exception {
        boolean update = Boolean.getBoolean("golden.update");
        List<String> stale = new ArrayList<>();
        var gson = new com.google.gson.GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
        for (String stack : StackConfig.stacks(Path.of("stacks"))) {
            var plan = PlanReader.parse(Files.readString(GOLDEN.resolve(stack + ".json")), stack);
            Path configFile = Path.of("policies/config/" + stack + ".json");
            Map<String, Object> config = new java.util.LinkedHashMap<>(gson.fromJson(Files.readString(configFile), Map.class));
            Map<String, Object> entry = new java.util.LinkedHashMap<>();
            entry.put("enforcementLevel", plan.production() ? "mandatory" : "advisory");
            entry.put("jobs", io.flinkha.internal.diff.StateSafety.lock(plan));
            Object current = gson.fromJson(gson.toJson(entry), Map.class);
            if (!current.equals(config.get("flink-state-safety"))) {
                if (update) {
                    config.put("flink-state-safety", entry);
                    Files.writeString(configFile, gson.toJson(config) + "\n");
                } else {
                    stale.add(configFile.toString());
                }
            }
        }
        if (!stale.isEmpty()) {
            fail("stale state locks: " + String.join(", ", stale) + ". Refresh them with the golden plans:\n  " + REFRESH);
        }
    }

    /**
     * The policy {@code operator-crds} stops an operator upgrade until the environment's CRDs are applied; its record is
     * never refreshed from the plans, because only someone who ran the steps against the cluster may change it.
     */
    @Test
    @SuppressWarnings("unchecked")
    void everyStacksOperatorIsTheReleaseWhoseCrdsItsClusterHasUnlessItsUpgradeIsPending() throws Exception {
        List<String> behind = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        for (String stack : StackConfig.stacks(Path.of("stacks"))) {
            var plan = PlanReader.parse(Files.readString(GOLDEN.resolve(stack + ".json")), stack);
            Map<String, Object> config = new com.google.gson.Gson().fromJson(Files.readString(Path.of("policies/config/" + stack + ".json")), Map.class);
            Object installed = config.get("operator-crds") instanceof Map<?, ?> crds ? crds.get("installed") : null;
            for (Map<String, Object> state : plan.resources().values()) {
                Map<String, Object> inputs = (Map<String, Object>) state.get("inputs");
                if (!"kubernetes:helm.sh/v3:Release".equals(state.get("type")) || !FlinkOperator.CHART.equals(inputs.get("chart"))) {
                    continue;
                }
                checked.add(stack);
                if (!inputs.get("version").equals(installed) && !io.flinkha.Plans.CRD_UPGRADES_PENDING.contains(stack)) {
                    behind.add(stack + ": the operator moves to " + inputs.get("version") + " but its cluster has the CRDs of " + installed
                            + "; run\n" + OperatorRelease.crdUpgradeCommands((String) inputs.get("version"), java.util.Optional.ofNullable((String) installed))
                            + "and set operator-crds.installed in policies/config/" + stack + ".json");
                }
            }
        }
        assertEquals(List.of(), behind);
        assertEquals(StackConfig.stacks(Path.of("stacks")), checked, "every stack's plan has the operator's release to check");
        for (String stack : io.flinkha.Plans.CRD_UPGRADES_PENDING) {
            Map<String, Object> config = new com.google.gson.Gson().fromJson(Files.readString(Path.of("policies/config/" + stack + ".json")), Map.class);
            Map<String, Object> crds = (Map<String, Object>) config.get("operator-crds");
            assertEquals("mandatory", crds.get("enforcementLevel"), stack + ": a pending CRD upgrade must stop pulumi up");
        }
    }

    @Test
    void theStepsTheDiffAndThePolicyPackPrintAreTheSame() throws Exception {
        assertEquals(Files.readString(Path.of("policies/test/fixtures/crd-upgrade-1.10.0-to-1.15.0.txt")),
                OperatorRelease.crdUpgradeCommands("1.15.0", java.util.Optional.of("1.10.0")));
    }

    @Test
    void noGoldenPlanIsLeftForAStackThatNoLongerExists() throws Exception {
        if (!Files.isDirectory(GOLDEN)) {
            fail("plans/ is missing: create it with\n  " + REFRESH);
        }
        try (var files = Files.list(GOLDEN)) {
            List<String> orphans = files.map(f -> f.getFileName().toString().replaceFirst("\\.json$", ""))
                    .filter(s -> !StackConfig.stacks(Path.of("stacks")).contains(s)).toList();
            assertEquals(List.of(), orphans, "delete plans/<stack>.json of removed stacks");
        }
    }
}
