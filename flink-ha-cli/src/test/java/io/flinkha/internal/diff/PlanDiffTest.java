package io.flinkha.internal.diff;

import com.google.gson.Gson;
import io.flinkha.Plans;
import io.flinkha.testing.PlanRenderer;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanDiffTest {
    private static final String URN = "urn:pulumi:qa::flink-ha::pulumi:pulumi:Stack$";

    /** A plan in the offline plan's shape with the given resources (name -> inputs). */
    private static String plan(Map<String, Map<String, Object>> resources) {
        List<Object> steps = new ArrayList<>();
        resources.forEach((name, inputs) -> {
            String type = name.startsWith("cm-") ? "kubernetes:core/v1:ConfigMap" : "kubernetes:flink.apache.org/v1beta1:FlinkDeployment";
            String urn = URN + type + "::" + name;
            steps.add(Map.of("op", "create", "urn", urn, "newState", Map.of("urn", urn, "type", type, "custom", true, "inputs", inputs)));
        });
        return new Gson().toJson(Map.of("steps", steps, "changeSummary", Map.of("create", steps.size())));
    }

    private static Map<String, Map<String, Object>> resources(Object... nameAndInputs) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (int i = 0; i < nameAndInputs.length; i += 2) {
            @SuppressWarnings("unchecked")
            Map<String, Object> inputs = (Map<String, Object>) nameAndInputs[i + 1];
            out.put((String) nameAndInputs[i], inputs);
        }
        return out;
    }

    private static String diff(String base, String head) {
        return MarkdownReport.render(PlanDiff.diff(List.of(PlanReader.parse(base, "base.json")), List.of(PlanReader.parse(head, "head.json"))));
    }

    private static final Map<String, Object> JOB = Map.of("spec", Map.of("job", Map.of("parallelism", 2, "upgradeMode", "last-state"),
            "flinkConfiguration", Map.of("high-availability.type", "kubernetes")));

    @Test
    void aSecretInsideAValueThatChangesTypeStaysMasked() {
        String md = diff(plan(resources("cm-a", Map.of("cfg", Map.of("token", Map.of("4dabf18193072939515e22adb298388d",
                        "1b47061264138c4ac30d75fd1eb44270", "value", "hunter2"))))),
                plan(resources("cm-a", Map.of("cfg", "plain"))));
        assertFalse(md.contains("hunter2"), md);
        assertTrue(md.contains("[secret]"), md);
    }

    @Test
    void identicalPlansSayNoChanges() {
        String p = plan(resources("orders", JOB));
        assertEquals(MarkdownReport.MARKER + "\n## Infrastructure plan diff\n\nNo changes.\n", diff(p, p));
    }

    @Test
    void addedAndRemovedResourcesAreCreatesAndDeletes() {
        String md = diff(plan(resources("orders", JOB, "cm-old", Map.of())), plan(resources("orders", JOB, "cm-new", Map.of())));
        assertTrue(md.contains("| qa | 1 | 0 | 0 | 1 | 1 |"), md);
        assertTrue(md.contains("**create** `kubernetes:core/v1:ConfigMap` `cm-new`"), md);
        assertTrue(md.contains("**delete** `kubernetes:core/v1:ConfigMap` `cm-old`"), md);
    }

    @Test
    void aResourceThatCarriesTheOldUrnAsAnAliasIsAMoveNotADeleteAndACreate() {
        String oldUrn = URN + "kubernetes:core/v1:ConfigMap::cm-old";
        String newUrn = URN + "kubernetes:core/v1:ConfigMap::cm-new";
        String base = new Gson().toJson(Map.of("steps", List.of(Map.of("op", "create", "urn", oldUrn, "newState",
                Map.of("urn", oldUrn, "type", "kubernetes:core/v1:ConfigMap", "custom", true, "inputs", Map.of("data", Map.of("a", "1")))))));
        String head = new Gson().toJson(Map.of("steps", List.of(Map.of("op", "create", "urn", newUrn, "newState",
                Map.of("urn", newUrn, "type", "kubernetes:core/v1:ConfigMap", "custom", true, "inputs", Map.of("data", Map.of("a", "1")),
                        "aliases", List.of(oldUrn))))));
        String md = diff(base, head);
        assertTrue(md.contains("| qa | 0 | 1 | 0 | 0 | 0 |"), md);
        assertTrue(md.contains("**update** `kubernetes:core/v1:ConfigMap` `cm-new`"), md);
        assertTrue(md.contains("| `(urn)` | `\"" + oldUrn + "\"` | `\"" + newUrn + "\"` |"), md);
    }

    /** A plan with the platform's operator release at a version. */
    private static String operatorAt(String version) {
        String urn = URN + "flink-ha:operator:FlinkOperator$kubernetes:helm.sh/v3:Release::flink-ha-operator-release";
        return new Gson().toJson(Map.of("steps", List.of(Map.of("op", "create", "urn", urn, "newState", Map.of("urn", urn,
                "type", "kubernetes:helm.sh/v3:Release", "custom", true,
                "inputs", Map.of("chart", "flink-kubernetes-operator", "version", version))))));
    }

    @Test
    void anOperatorUpgradeComesWithTheStepsThatApplyItsCrdsFirst() throws Exception {
        String md = diff(operatorAt("1.10.0"), operatorAt("1.15.0"));
        assertTrue(md.contains("### qa: operator 1.10.0 -> 1.15.0, CRDs first"), md);
        String steps = java.nio.file.Files.readString(java.nio.file.Path.of("policies/test/fixtures/crd-upgrade-1.10.0-to-1.15.0.txt"));
        assertTrue(md.contains("```bash\n" + steps + "```"), md);
        assertTrue(md.contains("set `operator-crds.installed` in `policies/config/qa.json` to 1.15.0"), md);
    }

    @Test
    void theOperatorUpgradeReplacesTheThreeCrdsTheClusterHasAndCreatesTheBlueGreenOneServerSide() {
        String md = diff(operatorAt("1.10.0"), operatorAt("1.15.0"));
        String base = "https://raw.githubusercontent.com/apache/flink-kubernetes-operator/release-1.15.0/helm/flink-kubernetes-operator/crds/";
        for (String crd : List.of("flinkdeployments", "flinksessionjobs", "flinkstatesnapshots")) {
            assertTrue(md.contains("kubectl replace -f " + base + crd + ".flink.apache.org-v1.yml\n"), md);
        }
        assertTrue(md.contains("kubectl apply --server-side -f " + base + "flinkbluegreendeployments.flink.apache.org-v1.yml\n"), md);
    }

    @Test
    void anUnchangedOperatorAsksForNoCrdSteps() {
        assertFalse(diff(operatorAt("1.10.0"), operatorAt("1.10.0")).contains("CRDs first"));
    }

    @Test
    void nestedPropertyChangesShowTheirPathAndBothValues() {
        Map<String, Object> changed = Map.of("spec", Map.of("job", Map.of("parallelism", 4, "upgradeMode", "last-state"),
                "flinkConfiguration", Map.of("high-availability.type", "NONE")));
        String md = diff(plan(resources("orders", JOB)), plan(resources("orders", changed)));
        assertTrue(md.contains("| `spec.job.parallelism` | `2` | `4` |"), md);
        assertTrue(md.contains("| `spec.flinkConfiguration[\"high-availability.type\"]` | `\"kubernetes\"` | `\"NONE\"` |"), md);
        assertTrue(md.contains("| qa | 0 | 1 | 0 | 0 | 0 |"), md);
    }

    @Test
    void listChangesAreShownPerElement() {
        String md = diff(plan(resources("cm-a", Map.of("args", List.of("--a", "1")))), plan(resources("cm-a", Map.of("args", List.of("--a", "2", "--b")))));
        assertTrue(md.contains("| `args[1]` | `\"1\"` | `\"2\"` |"), md);
        assertTrue(md.contains("| `args[2]` | _(none)_ | `\"--b\"` |"), md);
    }

    @Test
    void secretValuesAreMasked() {
        String md = diff(plan(resources("cm-a", Map.of("kubeconfig", "[secret]", "token", Map.of("4dabf18193072939515e22adb298388d",
                        "1b47061264138c4ac30d75fd1eb44270", "value", "hunter2")))),
                plan(resources("cm-a", Map.of("kubeconfig", "[secret]", "token", Map.of("4dabf18193072939515e22adb298388d",
                        "1b47061264138c4ac30d75fd1eb44270", "value", "hunter3")))));
        assertTrue(md.contains("| `token` | `\"[secret]\"` | `\"[secret]\"` |"), md);
        assertFalse(md.contains("hunter"), md);
    }

    @Test
    void outputIsStableWhateverTheOrderOfTheInput() {
        String a = plan(resources("orders", JOB, "cm-x", Map.of("data", Map.of("b", "1", "a", "2"))));
        String b = plan(resources("cm-x", Map.of("data", Map.of("a", "3", "b", "4")), "orders", JOB));
        String c = plan(resources("orders", JOB, "cm-x", Map.of("data", Map.of("b", "4", "a", "3"))));
        assertEquals(diff(a, b), diff(a, c));
        String md = diff(a, b);
        assertTrue(md.indexOf("`data.a`") < md.indexOf("`data.b`"), md);
    }

    @Test
    void readsRealPulumiPreviewJson() throws Exception {
        String preview = new String(PlanDiffTest.class.getResourceAsStream("/preview/pulumi-preview.json").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        StackPlan plan = PlanReader.parse(preview, "preview.json");
        assertEquals("prod", plan.stack());
        assertEquals(3, plan.resources().size(), "delete steps have no new state");
        Map<String, Object> head = PlanDiff.diff(List.of(), List.of(plan)).get(0).resources().stream()
                .collect(LinkedHashMap::new, (m, r) -> m.put(r.name(), r.op()), Map::putAll);
        assertEquals(Map.of("flink-ha-prod", "create", "orders", "create", "k8s", "create"), head);
    }

    @Test
    void twoPreviewsOfTheSameStackDiffPropertyByProperty() throws Exception {
        String preview = new String(PlanDiffTest.class.getResourceAsStream("/preview/pulumi-preview.json").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        String older = preview.replace("\"parallelism\": 4", "\"parallelism\": 3").replace("v1:BBBB", "v1:CCCC");
        String md = diff(older, preview);
        assertTrue(md.contains("| `spec.job.parallelism` | `3` | `4` |"), md);
        assertTrue(md.contains("| `kubeconfig` | `\"[secret]\"` | `\"[secret]\"` |"), md);
        assertFalse(md.contains("v1:"), "ciphertext never printed");
    }

    @Test
    void oneSettingChangeInAStackShowsAsOneDeploymentUpdate() {
        String base = PlanRenderer.json(Plans.ofStack("dev"));
        String head = base.replace("\"parallelism\": 2", "\"parallelism\": 3");
        String md = diff(base, head);
        assertTrue(md.contains("| dev | 0 | 1 | 0 | 0 | 19 |"), md);
        assertTrue(md.contains("**update** `kubernetes:flink.apache.org/v1beta1:FlinkDeployment` `state-machine`"), md);
        assertTrue(md.contains("| `spec.job.parallelism` | `2` | `3` |"), md);
    }

    @Test
    void aClaimWhoseStorageClassChangesShowsAsAReplace() {
        String base = PlanRenderer.json(Plans.ofStack("dev"));
        String head = base.replace("\"storageClassName\": \"nfs-client\"", "\"storageClassName\": \"nfs-fast\"");
        String md = diff(base, head);
        assertTrue(md.contains("| dev | 0 | 0 | 1 | 0 | 19 |"), md);
        assertTrue(md.contains("**replace** `kubernetes:core/v1:PersistentVolumeClaim` `flink-ha-storage-pvc`"), md);
    }

    @Test
    void removingAnEksClustersSecretsEncryptionShowsAsAReplaceOfTheCluster() {
        String base = PlanRenderer.json(Plans.ofStack("prod"));
        String head = base.replaceFirst("\"encryptionConfig\": \\{[^{}]*\\{[^{}]*\\}[^{}]*\\},?", "");
        assertFalse(head.equals(base), "the prod plan carries an encryptionConfig");
        String md = diff(base, head);
        assertTrue(md.contains("**replace** `aws:eks/cluster:Cluster` `flink-ha-cluster-eks`"), md);
    }

    @Test
    void movingTheControlPlaneToOtherSubnetsUpdatesTheClusterInPlace() {
        String base = PlanRenderer.json(Plans.ofStackWithAwsOutputs("prod"));
        String head = base.replace("\"flink-ha-network-private-eu-west-1c-id\"", "\"subnet-0a1b2c3d4e5f60718\"");
        String md = diff(base, head);
        assertTrue(md.contains("**update** `aws:eks/cluster:Cluster` `flink-ha-cluster-eks`"), md);
    }
}
