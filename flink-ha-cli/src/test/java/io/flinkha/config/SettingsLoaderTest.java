package io.flinkha.config;

import io.flinkha.Settings;
import io.flinkha.aws.eks.EksClusterArgs;
import io.flinkha.cluster.ExistingClusterArgs;
import io.flinkha.platform.FlinkPlatformArgs;
import io.flinkha.storage.NfsStorageArgs;
import io.flinkha.aws.s3.S3StorageArgs;
import io.flinkha.flink.crd.UpgradeMode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsLoaderTest {

    private static SettingsException rejected(Settings settings) {
        return assertThrows(SettingsException.class, settings::load);
    }

    private static void assertProblem(SettingsException e, String key, String... fragments) {
        String problem = e.problems().stream().filter(p -> p.startsWith(key + ":")).findFirst()
                .orElseThrow(() -> new AssertionError("no problem for " + key + " in " + e.problems()));
        for (String f : fragments) {
            assertTrue(problem.contains(f), () -> "'" + problem + "' should mention '" + f + "'");
        }
    }

    @Test
    void appliesSecureDefaults() {
        FlinkPlatformArgs s = Settings.valid().load();
        var job = s.jobs().get(0).args();
        assertEquals("flink", s.environment().namespace());
        assertEquals("1.15.0", s.operator().version());
        assertEquals("https://archive.apache.org/dist/flink/flink-kubernetes-operator-1.15.0/", s.operator().chartRepository());
        assertEquals(false, s.operator().webhook());
        assertEquals("flink:1.20.1-java17", job.image());
        assertEquals(UpgradeMode.LAST_STATE, job.upgradeMode());
        assertEquals(1, job.jobManagerReplicas(), "derived: 1, or 2 when the objective needs a standby");
        assertEquals("60s", job.checkpointInterval());
        var nfs = (NfsStorageArgs) s.storage();
        assertEquals(List.of("nfs-client", "10Gi", "/flink-data", true, true),
                List.of(nfs.storageClass(), nfs.size(), nfs.mountPath(), nfs.retainOnDelete(), nfs.protect()));
    }

    @Test
    void aJobsReadyTimeoutDefaultsToTenMinutesAndIsReadFromSettings() {
        assertEquals(java.time.Duration.ofMinutes(10), Settings.valid().load().jobs().get(0).args().readyTimeout());
        assertEquals(java.time.Duration.ofMinutes(20), Settings.valid().with("jobs",
                "[{\"name\":\"orders\",\"jarUri\":\"local:///j.jar\",\"readyTimeout\":\"20min\"}]").load().jobs().get(0).args().readyTimeout());
    }

    @Test
    void rejectsAReadyTimeoutUnderAMinute() {
        assertProblem(rejected(Settings.valid().with("jobs", "[{\"name\":\"orders\",\"jarUri\":\"local:///j.jar\",\"readyTimeout\":\"30s\"}]")),
                "flink-ha.jobs[0].readyTimeout", "got '30s'", "expected at least 1min");
    }

    /** A value is echoed to a terminal and a PR comment: a bidi override or a control character must not act there. */
    @Test
    void controlCharactersAndBidiOverridesInAValueArePrintedEscaped() {
        SettingsException e = rejected(Settings.valid().with("environment", "dev\u202egnp.exe\u0007"));
        assertProblem(e, "flink-ha.environment", "got 'dev\\u202egnp.exe\\u0007'");
        assertTrue(e.problems().stream().noneMatch(p -> p.contains("\u202e") || p.contains("\u0007")), e.problems()::toString);
    }

    /** Exactly the marks that reorder text are escaped: the ends of each bidi range, and none of their neighbours. */
    @Test
    void onlyTheBidiMarksAndControlCharactersAreEscapedNotTheirNeighbours() {
        for (int c : new int[] {0x061C, 0x200E, 0x200F, 0x202A, 0x202E, 0x2066, 0x2069, 0x0000, 0x001F, 0x007F, 0x009F}) {
            assertEquals(String.format("\\u%04x", c), Problems.printable(Character.toString(c)), () -> Integer.toHexString(c));
        }
        for (int c : new int[] {0x061B, 0x061D, 0x200D, 0x2010, 0x2029, 0x202F, 0x2065, 0x206A, 0x0020, 0x00A0, '\n'}) {
            assertEquals(Character.toString(c), Problems.printable(Character.toString(c)), () -> Integer.toHexString(c));
        }
    }

    @Test
    void aPlatformOwnedKeyNamesTheSettingThatControlsItOrWhyNoneDoes() {
        assertProblem(rejected(Settings.valid().with("jobs", "[{\"name\":\"orders\",\"jarUri\":\"local:///j.jar\",\"flinkConfiguration\":"
                        + "{\"high-availability.type\":\"zookeeper\"}}]")), "flink-ha.jobs[0].flinkConfiguration.high-availability.type",
                "got 'zookeeper'; this key is set by the platform; no setting changes it: the platform always runs Flink's Kubernetes HA");
        assertProblem(rejected(Settings.valid().with("jobs", "[{\"name\":\"orders\",\"jarUri\":\"local:///j.jar\",\"flinkConfiguration\":"
                        + "{\"execution.checkpointing.interval\":\"10s\"}}]")), "flink-ha.jobs[0].flinkConfiguration.execution.checkpointing.interval",
                "this key is set by the platform; set the job's checkpointInterval instead");
    }

    @Test
    void rejectsAJarUriWithoutAScheme() {
        assertProblem(rejected(Settings.valid().with("jobs", "[{\"name\":\"orders\",\"jarUri\":\"/opt/flink/usrlib/job.jar\"}]")),
                "flink-ha.jobs[0].jarUri", "got '/opt/flink/usrlib/job.jar'; expected a URI with a scheme: local:// for a jar in the image");
    }

    @Test
    void rejectsAStatelessProductionJobUnlessTheLossIsSaid() {
        String stateless = "[{\"name\":\"orders\",\"jarUri\":\"local:///j.jar\",\"upgradeMode\":\"stateless\"%s}]";
        assertProblem(rejected(Settings.valid().with("production", "true").with("jobs", String.format(stateless, ""))),
                "flink-ha.jobs[0].upgradeMode", "got 'stateless'; a production job restarts empty on every change");
        assertEquals(UpgradeMode.STATELESS, Settings.valid().with("production", "true")
                .with("jobs", String.format(stateless, ",\"acknowledgeStateLoss\":\"rebuilt from Kafka\"")).load().jobs().get(0).args().upgradeMode());
        assertEquals(UpgradeMode.STATELESS, Settings.valid().with("jobs", String.format(stateless, "")).load().jobs().get(0).args().upgradeMode());
    }

    @Test
    void rejectsAProductionHaVolumeMountedUnderTmp() {
        assertProblem(rejected(Settings.valid().with("production", "true").with("storage", "{\"kind\":\"nfs\",\"mountPath\":\"/tmp/flink\"}")),
                "flink-ha.storage.mountPath", "got '/tmp/flink'; a production stack keeps its HA data off /tmp");
        assertEquals("/tmp/flink", ((NfsStorageArgs) Settings.valid().with("storage", "{\"kind\":\"nfs\",\"mountPath\":\"/tmp/flink\"}")
                .load().storage()).mountPath());
    }

    private static final String TWO_JOBMANAGERS = "[{\"name\":\"orders\",\"jarUri\":\"local:///j.jar\",\"jobManagerReplicas\":2}]";

    @Test
    void anExistingClusterWithFewerNodesThanJobManagersIsRefused() {
        assertProblem(rejected(Settings.valid().with("cluster", "{\"kind\":\"existing\",\"context\":\"kind-flink\",\"nodes\":1}")
                        .with("jobs", TWO_JOBMANAGERS)), "flink-ha.cluster.nodes",
                "got 1; job orders runs 2 JobManagers, which never share a node (required anti-affinity, so the standby survives the "
                        + "leader's node), but the cluster has 1 node: 1 would stay Pending");
        Settings.valid().with("cluster", "{\"kind\":\"existing\",\"context\":\"kind-flink\",\"nodes\":2}").with("jobs", TWO_JOBMANAGERS).load();
    }

    @Test
    void theNodeCountIsCheckedAgainstTheJobManagersARecoveryObjectiveDerives() {
        assertProblem(rejected(Settings.valid().with("cluster", "{\"kind\":\"existing\",\"context\":\"kind-flink\",\"nodes\":1}")
                        .with("recovery", "{\"objective\":\"40s\"}")), "flink-ha.cluster.nodes",
                "got 1; job orders runs 2 JobManagers");
    }

    @Test
    void anExistingClusterThatDeclaresNoNodeCountIsWarnedWhatStandbysNeed() {
        var s = Settings.valid().with("jobs", TWO_JOBMANAGERS).load();
        assertEquals(List.of("flink-ha.cluster.nodes: job orders runs 2 JobManagers, which never share a node (required anti-affinity): "
                + "the cluster needs at least 2 nodes, which the plan cannot count offline; declare cluster.nodes to have it checked"),
                SettingsLoader.warnings(s).stream().filter(w -> w.startsWith("flink-ha.cluster.nodes")).toList());
    }

    @Test
    void rejectsAnAcknowledgementOfAnIdTheReleasesDefectsDoNotInclude() {
        assertProblem(rejected(Settings.valid().with("operator", "{\"version\":\"1.10.0\",\"acknowledgeDefects\":[\"FLINK-1\"]}")),
                "flink-ha.operator.acknowledgeDefects", "got 'FLINK-1'; operator 1.10.0 has no known defect of that id (known: FLINK-39270, "
                        + "FLINK-38033)");
    }

    @Test
    void rejectsARedeployNonceWithoutTheSavepointToRedeployFrom() {
        assertProblem(rejected(Settings.valid().with("jobs", "[{\"name\":\"orders\",\"jarUri\":\"local:///j.jar\",\"savepointRedeployNonce\":1}]")),
                "flink-ha.jobs[0].savepointRedeployNonce", "got 1; expected initialSavepointPath beside it");
    }

    @Test
    void warnsOfADeployerAndAPreviewerInAwssExampleAccount() {
        var s = onAws().with("cluster", EKS.replace("\"deployer\":\"arn:aws:iam::777700001111:role/deploy\"",
                "\"deployer\":\"arn:aws:iam::111122223333:role/deploy\",\"previewers\":[\"arn:aws:iam::111122223333:role/preview\"]")).loadOn(REVIEW_DAY);
        List<String> w = SettingsLoader.warnings(s);
        assertTrue(w.contains("flink-ha.cluster.deployer: 'arn:aws:iam::111122223333:role/deploy' is in AWS's example account 111122223333; "
                + "name the role your pulumi up runs as"), w::toString);
        assertTrue(w.contains("flink-ha.cluster.previewers: 'arn:aws:iam::111122223333:role/preview' is in AWS's example account "
                + "111122223333; name the role your pull-request previews run as"), w::toString);
    }

    @Test
    void environmentDefaultsToStackName() {
        assertEquals("test", Settings.valid().without("environment").load().environment().name());
    }

    @Test
    void rejectsMissingCluster() {
        assertProblem(rejected(Settings.valid().without("cluster")), "flink-ha.cluster", "is required");
    }

    @Test
    void rejectsMalformedStructuredValue() {
        assertProblem(rejected(Settings.valid().with("storage", "{kind: nfs")), "flink-ha:storage", "expected a YAML/JSON object");
    }

    @Test
    void rejectsUnsupportedStorageKind() {
        assertProblem(rejected(Settings.valid().with("storage", "{\"kind\":\"hostPath\"}")),
                "flink-ha.storage.kind", "'hostPath'", "allowed: nfs");
    }

    /** An unknown kind is one problem: the fields of either known kind are not reported a second time as unknown keys. */
    @Test
    void anUnknownStorageKindIsOneProblemWhateverFieldsComeWithIt() {
        SettingsException e = rejected(Settings.valid().with("storage", "{\"kind\":\"efs\",\"storageClass\":\"efs-sc\",\"bucket\":\"b\"}"));
        assertEquals(1, e.problems().stream().filter(p -> p.startsWith("flink-ha.storage")).count(), e.problems()::toString);
        assertProblem(e, "flink-ha.storage.kind", "'efs'", "allowed: nfs");
    }

    /** One typo per settings section: each section refuses keys it does not know, so a typo never falls back to a default. */
    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> typoInEverySection() {
        String oidc = "\"oidc\":{\"providerArn\":\"arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC\","
                + "\"issuerUrl\":\"https://oidc.eks.eu-west-1.amazonaws.com/id/ABC\",\"issuerUrll\":\"x\"}";
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("aws", "{\"region\":\"eu-west-1\",\"regoin\":\"x\"}", "aws.regoin"),
                org.junit.jupiter.params.provider.Arguments.of("cluster", "{\"kind\":\"existing\",\"context\":\"c\",\"contxt\":\"x\"}", "cluster.contxt"),
                org.junit.jupiter.params.provider.Arguments.of("cluster", "{\"kind\":\"existing\",\"context\":\"c\"," + oidc + "}", "cluster.oidc.issuerUrll"),
                org.junit.jupiter.params.provider.Arguments.of("cluster", EKS.replace("}}", "},\"kubernetesVersoin\":\"1.35\"}"), "cluster.kubernetesVersoin"),
                org.junit.jupiter.params.provider.Arguments.of("cluster", EKS.replace("\"cidr\"", "\"cidrr\":\"x\",\"cidr\""), "cluster.vpc.cidrr"),
                org.junit.jupiter.params.provider.Arguments.of("cluster", "{\"kind\":\"eks\",\"deployer\":\"arn:aws:iam::777700001111:role/deploy\",\"subnets\":{\"private\":[\"subnet-0a\",\"subnet-0b\"],"
                        + "\"privat\":[]}}", "cluster.subnets.privat"),
                org.junit.jupiter.params.provider.Arguments.of("cluster", eksWith("{\"minsize\":3}"), "cluster.nodeGroup.minsize"),
                org.junit.jupiter.params.provider.Arguments.of("operator", "{\"versoin\":\"1.10.0\"}", "operator.versoin"),
                org.junit.jupiter.params.provider.Arguments.of("storage", "{\"kind\":\"s3\",\"bucketName\":\"acme-flink-ha-test\",\"bucketname\":\"x\"}", "storage.bucketname"),
                org.junit.jupiter.params.provider.Arguments.of("storage", "{\"kind\":\"nfs\",\"storageClass\":\"x\",\"mountpath\":\"/x\"}", "storage.mountpath"),
                org.junit.jupiter.params.provider.Arguments.of("flink", "{\"version\":\"1.20.1\",\"imagee\":\"x\"}", "flink.imagee"),
                org.junit.jupiter.params.provider.Arguments.of("recovery", "{\"objective\":\"3min\",\"objectve\":\"x\"}", "recovery.objectve"),
                org.junit.jupiter.params.provider.Arguments.of("jobs", "[{\"name\":\"orders\",\"jarUri\":\"local:///j.jar\",\"paralelism\":2}]", "jobs[0].paralelism"),
                org.junit.jupiter.params.provider.Arguments.of("jobs", "[{\"name\":\"orders\",\"jarUri\":\"local:///j.jar\",\"jobManager\":{\"cpu\":1,\"memroy\":\"1g\"}}]",
                        "jobs[0].jobManager.memroy"));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{2}")
    @org.junit.jupiter.params.provider.MethodSource("typoInEverySection")
    void everySectionRefusesAKeyItDoesNotKnow(String setting, String value, String key) {
        assertProblem(rejected(onAws().with(setting, value)), "flink-ha." + key, "unknown key");
    }

    @Test
    void rejectsUnknownNestedKeySoTyposAreNotIgnored() {
        assertProblem(rejected(Settings.valid().with("storage", "{\"kind\":\"nfs\",\"storageClas\":\"x\"}")),
                "flink-ha.storage.storageClas", "unknown key", "storageClass");
    }

    @Test
    void rejectsJobNameOverFortyFiveCharacters() {
        String name = "a".repeat(46);
        assertProblem(rejected(Settings.valid().with("jobs", "[{\"name\":\"" + name + "\",\"jarUri\":\"local:///j.jar\"}]")),
                "flink-ha.jobs[0].name", name, "46 characters", "at most 45");
    }

    @Test
    void rejectsJobNameThatIsNotADnsLabel() {
        assertProblem(rejected(Settings.valid().with("jobs", "[{\"name\":\"Orders_1\",\"jarUri\":\"local:///j.jar\"}]")),
                "flink-ha.jobs[0].name", "Orders_1");
    }

    @Test
    void rejectsJobManagerReplicasBelowOne() {
        assertProblem(rejected(Settings.valid().with("jobs",
                        "[{\"name\":\"orders\",\"jarUri\":\"local:///j.jar\",\"jobManagerReplicas\":0}]")),
                "flink-ha.jobs[0].jobManagerReplicas", "got '0'", "from 1 to 5");
    }

    @Test
    void rejectsMissingJarUri() {
        assertProblem(rejected(Settings.valid().with("jobs", "[{\"name\":\"orders\"}]")), "flink-ha.jobs[0].jarUri", "is required");
    }

    @Test
    void rejectsDuplicateJobNames() {
        assertProblem(rejected(Settings.valid().with("jobs",
                        "[{\"name\":\"orders\",\"jarUri\":\"local:///a.jar\"},{\"name\":\"orders\",\"jarUri\":\"local:///b.jar\"}]")),
                "flink-ha.jobs[1].name", "unique");
    }

    @Test
    void rejectsUnknownUpgradeMode() {
        assertProblem(rejected(Settings.valid().with("jobs",
                        "[{\"name\":\"orders\",\"jarUri\":\"local:///j.jar\",\"upgradeMode\":\"last_state\"}]")),
                "flink-ha.jobs[0].upgradeMode", "'last_state'", "last-state");
    }

    @Test
    void rejectsMalformedCheckpointInterval() {
        assertProblem(rejected(Settings.valid().with("jobs",
                        "[{\"name\":\"orders\",\"jarUri\":\"local:///j.jar\",\"checkpointInterval\":\"soon\"}]")),
                "flink-ha.jobs[0].checkpointInterval", "'soon'", "30s");
    }

    @Test
    void acceptsEveryDurationSyntaxFlinkAccepts() {
        for (String interval : new String[]{"30s", "30 s", "500ms", "2min", "1h", "1d", "30000"}) {
            assertEquals(interval, Settings.valid().with("jobs", "[{\"name\":\"orders\",\"jarUri\":\"local:///j.jar\","
                    + "\"checkpointInterval\":\"" + interval + "\"}]").load().jobs().get(0).args().checkpointInterval());
        }
    }

    @Test
    void rejectsFileUriNotOnTheMountedVolume() {
        assertProblem(rejected(Settings.valid().with("jobs", "[{\"name\":\"orders\",\"jarUri\":\"local:///j.jar\","
                        + "\"flinkConfiguration\":{\"jobmanager.archive.fs.dir\":\"file:///tmp/archive\"}}]")),
                "flink-ha.jobs[0].flinkConfiguration.jobmanager.archive.fs.dir", "file:///tmp/archive", "file:///flink-data/");
    }

    @Test
    void acceptsFileUriOnTheMountedVolume() {
        FlinkPlatformArgs s = Settings.valid().with("jobs", "[{\"name\":\"orders\",\"jarUri\":\"local:///j.jar\","
                + "\"flinkConfiguration\":{\"jobmanager.archive.fs.dir\":\"file:///flink-data/archive\"}}]").load();
        assertEquals("file:///flink-data/archive", s.jobs().get(0).args().flinkConfiguration().get("jobmanager.archive.fs.dir"));
    }

    @Test
    void rejectsAFlinkValueThatFlinkCannotParseAlongsideEveryOtherProblem() {
        SettingsException e = rejected(Settings.valid().with("jobs", "[{\"name\":\"orders\",\"jarUri\":\"local:///j.jar\","
                + "\"parallelism\":\"two\",\"flinkConfiguration\":{\"heartbeat.timeout\":\"soon\","
                + "\"restart-strategy.exponential-delay.initial-backoff\":\"soon\"}}]"));
        assertProblem(e, "flink-ha.jobs[0].flinkConfiguration.heartbeat.timeout", "got 'soon'", "as a duration");
        assertProblem(e, "flink-ha.jobs[0].flinkConfiguration.restart-strategy.exponential-delay.initial-backoff", "got 'soon'");
        assertProblem(e, "flink-ha.jobs[0].parallelism", "got 'two'");
    }

    @Test
    void rejectsAMisspelledKeyInAFamilyThePlatformReliesOnAndNamesTheRightOne() {
        assertProblem(rejected(Settings.valid().with("jobs", "[{\"name\":\"orders\",\"jarUri\":\"local:///j.jar\","
                        + "\"flinkConfiguration\":{\"heartbeat.timout\":\"50 s\"}}]")),
                "flink-ha.jobs[0].flinkConfiguration.heartbeat.timout", "did you mean 'heartbeat.timeout'?");
    }

    @Test
    void warnsOfAnUnknownFlinkKeyOutsideThePlatformsFamilies() {
        FlinkPlatformArgs s = Settings.valid().with("jobs", "[{\"name\":\"orders\",\"jarUri\":\"local:///j.jar\","
                + "\"flinkConfiguration\":{\"parallelism.defualt\":\"4\"}}]").load();
        List<String> w = SettingsLoader.warnings(s);
        assertTrue(w.stream().anyMatch(x -> x.startsWith("flink-ha.jobs[0].flinkConfiguration.parallelism.defualt: ")
                && x.contains("did you mean 'parallelism.default'?")), w::toString);
    }

    @Test
    void rejectsPlatformOwnedFlinkKeys() {
        SettingsException e = rejected(Settings.valid().with("jobs", "[{\"name\":\"orders\",\"jarUri\":\"local:///j.jar\","
                + "\"flinkConfiguration\":{\"high-availability.type\":\"NONE\",\"kubernetes.cluster-id\":\"x\"}}]"));
        assertProblem(e, "flink-ha.jobs[0].flinkConfiguration.high-availability.type", "set by the platform");
        assertProblem(e, "flink-ha.jobs[0].flinkConfiguration.kubernetes.cluster-id", "set by the platform");
    }

    @Test
    void rejectsAnOperatorVersionOutsideTheTableListingTheSupportedReleases() {
        assertProblem(rejected(Settings.valid().with("operator", "{\"version\":\"1.11.0\"}")), "flink-ha.operator.version",
                "got '1.11.0'; operator 1.11.0 is not a release this platform supports; supported: 1.10.0, 1.15.0 (default 1.15.0)");
    }

    @Test
    void operator1100PlansWithAWarningPerDefectNamingTheJobsAtRisk() {
        var s = Settings.valid().with("operator", "{\"version\":\"1.10.0\"}").with("jobs", "[{\"name\":\"orders\",\"jarUri\":\"local:///j.jar\"},"
                + "{\"name\":\"clicks\",\"jarUri\":\"local:///j.jar\",\"upgradeMode\":\"savepoint\"}]").load();
        List<String> w = SettingsLoader.warnings(s).stream().filter(x -> x.startsWith("flink-ha.operator")).toList();
        assertEquals(2, w.size(), w::toString);
        assertTrue(w.get(0).startsWith("flink-ha.operator.version: operator 1.10.0 has FLINK-39270 (fixed in 1.15.0): "), w.get(0));
        assertTrue(w.get(0).endsWith("; jobs at risk: orders, clicks (last-state, savepoint)"), w.get(0));
        assertTrue(w.get(1).startsWith("flink-ha.operator.version: operator 1.10.0 has FLINK-38033 (fixed in 1.13.0): "), w.get(1));
        assertTrue(w.get(1).endsWith("; jobs at risk: clicks (savepoint)"), w.get(1));
    }

    @Test
    void operator1150PlansWithoutADefectWarning() {
        var s = Settings.valid().load();
        assertTrue(SettingsLoader.warnings(s).stream().noneMatch(x -> x.contains("FLINK-")));
    }

    @Test
    void rejectsAProductionStatefulJobOnAnOperatorWithAKnownStateLossDefect() {
        assertProblem(rejected(Settings.valid().with("production", "true").with("operator", "{\"version\":\"1.10.0\"}")),
                "flink-ha.operator.version", "got '1.10.0'; operator 1.10.0 has FLINK-39270 (fixed in 1.15.0)", "jobs at risk: orders (last-state, savepoint)",
                "A production stack moves to operator 1.15.0, or acknowledges the defect with operator.acknowledgeDefects: [FLINK-39270]");
    }

    @Test
    void aProductionStackMayAcknowledgeADefectByIdAndIsStillWarned() {
        var s = Settings.valid().with("production", "true")
                .with("operator", "{\"version\":\"1.10.0\",\"acknowledgeDefects\":[\"FLINK-39270\"]}").load();
        assertTrue(SettingsLoader.warnings(s).stream().anyMatch(x -> x.contains("FLINK-39270")));
    }

    @Test
    void aProductionStatelessJobIsNotAtRiskOfAnUpgradeDefect() {
        var s = Settings.valid().with("production", "true").with("operator", "{\"version\":\"1.10.0\"}")
                .with("jobs", "[{\"name\":\"orders\",\"jarUri\":\"local:///j.jar\",\"upgradeMode\":\"stateless\","
                        + "\"acknowledgeStateLoss\":\"rebuilt from Kafka\"}]").load();
        assertEquals("1.10.0", s.operator().version(), "no defect of 1.10.0 refuses a stateless job");
    }

    @Test
    void rejectsAnAcknowledgementOfADefectTheReleaseDoesNotHave() {
        assertProblem(rejected(Settings.valid().with("operator", "{\"acknowledgeDefects\":[\"FLINK-39270\"]}")),
                "flink-ha.operator.acknowledgeDefects", "got 'FLINK-39270'; operator 1.15.0 has no known defect of that id (it has none)");
    }

    @Test
    void rejectsAFlink1KeyNameOnAFlink2JobNamingTheKeyToUse() {
        assertProblem(rejected(Settings.valid().with("flink", "{\"version\":\"2.2.0\"}").with("jobs",
                        "[{\"name\":\"orders\",\"jarUri\":\"local:///j.jar\",\"flinkConfiguration\":{\"state.backend\":\"rocksdb\"}}]")),
                "flink-ha.jobs[0].flinkConfiguration.state.backend", "got 'rocksdb'; 'state.backend' is a Flink 1.x name that Flink 2.2.0 "
                        + "reads only as a deprecated key of 'state.backend.type': use 'state.backend.type'");
    }

    @Test
    void rejectsOverlappingKeysOnAFlink2JobQuotingBoth() {
        assertProblem(rejected(Settings.valid().with("flink", "{\"version\":\"2.2.0\"}").with("jobs", "[{\"name\":\"orders\",\"jarUri\":"
                        + "\"local:///j.jar\",\"flinkConfiguration\":{\"state.backend.type\":\"rocksdb\",\"state.backend.type.x\":\"1\"}}]")),
                "flink-ha.jobs[0].flinkConfiguration.state.backend.type.x", "got '1'; Overlapping key prefixes detected "
                        + "(state.backend.type -> state.backend.type.x), please replace with Flink v2 compatible, non-deprecated keys.");
    }

    @Test
    void theStorageClaimIsRetainedAndProtectedByDefault() {
        var nfs = (NfsStorageArgs) Settings.valid().load().storage();
        assertTrue(nfs.retainOnDelete() && nfs.protect());
    }

    @Test
    void aNonProductionStackMayTurnProtectionOff() {
        var nfs = (NfsStorageArgs) Settings.valid().with("storage", "{\"kind\":\"nfs\",\"protect\":false,\"retainOnDelete\":false}").load().storage();
        assertTrue(!nfs.retainOnDelete() && !nfs.protect());
    }

    @Test
    void rejectsAProductionStorageThatIsNotRetainedOrNotProtected() {
        var e = rejected(Settings.valid().with("production", "true").with("storage", "{\"kind\":\"nfs\",\"protect\":false,\"retainOnDelete\":false}"));
        assertProblem(e, "flink-ha.storage.retainOnDelete", "got false; a production stack must retain its HA storage when the stack is destroyed");
        assertProblem(e, "flink-ha.storage.protect", "got false; a production stack protects its HA storage, so no replace or delete takes");
    }

    @Test
    void aJobMayRunItsOwnFlinkReleaseCheckedByItsOwnOptions() {
        var s = Settings.valid().with("jobs", "[{\"name\":\"orders\",\"jarUri\":\"local:///j.jar\"},{\"name\":\"clicks\",\"jarUri\":"
                + "\"local:///j.jar\",\"flink\":{\"version\":\"2.2.0\"},\"flinkConfiguration\":{\"state.backend.type\":\"rocksdb\"}}]").load();
        assertEquals("flink:1.20.1-java17", s.jobs().get(0).args().image());
        assertEquals("flink:2.2.0-java17", s.jobs().get(1).args().image());
        assertProblem(rejected(Settings.valid().with("jobs", "[{\"name\":\"orders\",\"jarUri\":\"local:///j.jar\",\"flink\":{\"version\":"
                + "\"2.2.0\"},\"flinkConfiguration\":{\"state.backend.async\":\"true\"}}]")),
                "flink-ha.jobs[0].flinkConfiguration.state.backend.async", "Flink 2.2.0 removed 'state.backend.async'");
    }

    @Test
    void saysQuoteItWhenYamlReadAVersionAsANumber() {
        assertProblem(rejected(Settings.valid().with("operator", "{\"version\":1.1}")), "flink-ha.operator.version", "quote it");
    }

    @Test
    void rejectsAKmsAliasInsteadOfAKeyArn() {
        assertProblem(rejected(Settings.valid()
                        .with("aws", "{\"region\":\"eu-west-1\"}")
                        .with("cluster", "{\"kind\":\"eks\",\"deployer\":\"arn:aws:iam::777700001111:role/deploy\"}")
                        .with("storage", "{\"kind\":\"s3\",\"bucketName\":\"acme-flink\",\"kmsKeyArn\":\"arn:aws:kms:eu-west-1:123456789012:alias/flink\"}")),
                "flink-ha.storage.kmsKeyArn", "not an alias", "IAM applies a policy that names an alias to the alias only");
    }

    @Test
    void rejectsLatestImage() {
        assertProblem(rejected(Settings.valid().with("flink", "{\"image\":\"flink:latest\"}")), "flink-ha.flink.image", "latest");
    }

    @Test
    void rejectsUntaggedImage() {
        assertProblem(rejected(Settings.valid().with("flink", "{\"image\":\"flink\"}")), "flink-ha.flink.image", "explicit tag");
    }

    @Test
    void rejectsAnImageWhoseTagNamesAnotherFlinkVersion() {
        assertProblem(rejected(Settings.valid().with("flink", "{\"version\":\"1.20.9\",\"image\":\"flink:1.20.1-java17\"}")),
                "flink-ha.flink.image", "its tag says Flink 1.20.1, but flinkVersion is 1.20.9", "image@sha256:");
    }

    @Test
    void rejectsAnImageWhoseTagNamesNoFlinkVersion() {
        assertProblem(rejected(Settings.valid().with("flink", "{\"version\":\"1.20.1\",\"image\":\"registry.example.com/orders:2.3\"}")),
                "flink-ha.flink.image", "its tag names no Flink version");
    }

    @Test
    void acceptsAnOwnImageThatNamesTheFlinkVersionOrIsPinnedByDigest() {
        assertEquals("registry.example.com/orders:2.3-flink1.20.1", Settings.valid()
                .with("flink", "{\"version\":\"1.20.1\",\"image\":\"registry.example.com/orders:2.3-flink1.20.1\"}").load().jobs().get(0).args().image());
        String digest = "registry.example.com/orders@sha256:" + "a".repeat(64);
        assertEquals(digest, Settings.valid().with("flink", "{\"version\":\"1.20.1\",\"image\":\"" + digest + "\"}").load().jobs().get(0).args().image());
    }

    @Test
    void rejectsFlinkVersionTheOperatorDoesNotKnowNamingItsRange() {
        assertProblem(rejected(Settings.valid().with("operator", "{\"version\":\"1.10.0\"}").with("flink", "{\"version\":\"2.0.0\"}")),
                "flink-ha.flink.version", "got '2.0.0'; operator 1.10.0 runs Flink 1.15 to 1.20", "Flink 2 needs operator 1.15.0");
        assertProblem(rejected(Settings.valid().with("flink", "{\"version\":\"2.3.0\"}")),
                "flink-ha.flink.version", "got '2.3.0'; operator 1.15.0 runs Flink 1.15 to 2.2");
    }

    @Test
    void rejectsAJobsOwnFlinkVersionTheOperatorDoesNotKnow() {
        assertProblem(rejected(Settings.valid().with("jobs", "[{\"name\":\"orders\",\"jarUri\":\"local:///j.jar\",\"flink\":{\"version\":\"2.3.0\"}}]")),
                "flink-ha.jobs[0].flink.version", "got '2.3.0'; operator 1.15.0 runs Flink 1.15 to 2.2");
    }

    @Test
    void rejectsHelmValuesThePlatformOwns() {
        assertProblem(rejected(Settings.valid().with("operator", "{\"helmValues\":{\"watchNamespaces\":[\"default\"]}}")),
                "flink-ha.operator.helmValues.watchNamespaces", "set by the platform");
    }

    @Test
    void operatorPodsRequestAQuarterCoreAnd512MiUnlessTold() {
        var defaults = Settings.valid().load().operator();
        assertEquals(List.of(250, 512), List.of(defaults.milliCpu(), defaults.memoryMib()));
        var larger = Settings.valid().with("operator", "{\"resources\":{\"cpu\":1,\"memory\":\"1Gi\"}}").load().operator();
        assertEquals(List.of(1000, 1024), List.of(larger.milliCpu(), larger.memoryMib()));
    }

    @Test
    void rejectsOperatorResourcesItsJvmCannotRunIn() {
        assertProblem(rejected(Settings.valid().with("operator", "{\"resources\":{\"memory\":\"128Mi\"}}")),
                "flink-ha.operator.resources", "128Mi", "256Mi to 16Gi");
        assertProblem(rejected(Settings.valid().with("operator", "{\"resources\":{\"cpu\":\"lots\"}}")),
                "flink-ha.operator.resources.cpu", "got 'lots'");
    }

    @Test
    void theOperatorsPodsCountAgainstTheNodeGroupsCapacity() {
        // 3 x m6i.2xlarge fit the prod jobs with a node to spare, but not with 4 operator pods of 2 CPU each
        String cluster = eksWith("{\"instanceTypes\":[\"m6i.2xlarge\"],\"minSize\":3,\"desiredSize\":3,\"maxSize\":3}");
        onAws().with("production", "true").with("jobs", PROD_JOBS).with("cluster", cluster).load();
        SettingsException e = rejected(onAws().with("production", "true").with("jobs", PROD_JOBS).with("cluster", cluster)
                .with("operator", "{\"replicas\":4,\"resources\":{\"cpu\":2,\"memory\":\"4Gi\"}}"));
        assertProblem(e, "flink-ha.cluster.nodeGroup", "18200m CPU", "(with CoreDNS and the Flink operator)");
    }

    @Test
    void rejectsAMaxSizeNothingWouldScaleTo() {
        assertProblem(rejected(onAws().with("cluster", eksWith("{\"minSize\":2,\"desiredSize\":2,\"maxSize\":6}"))),
                "flink-ha.cluster.nodeGroup.maxSize", "got 6", "nothing would start nodes above desiredSize 2",
                "installs no cluster autoscaler", "Set maxSize to 2, or autoscaling: external");
    }

    @Test
    void aNodeGroupRunsItsDesiredSizeUnlessAnExternalAutoscalerScalesIt() {
        var fixed = (EksClusterArgs) onAws().with("cluster", eksWith("{\"desiredSize\":3}")).load().cluster();
        assertEquals(3, fixed.nodeGroup().maxSize());
        assertEquals(io.flinkha.aws.eks.NodeGroupSpec.Autoscaling.NONE, fixed.nodeGroup().autoscaling());
        var scaled = (EksClusterArgs) onAws().with("cluster", eksWith("{\"minSize\":2,\"desiredSize\":2,\"maxSize\":6,"
                + "\"autoscaling\":\"external\"}")).load().cluster();
        assertEquals(6, scaled.nodeGroup().maxSize());
        assertEquals(io.flinkha.aws.eks.NodeGroupSpec.Autoscaling.EXTERNAL, scaled.nodeGroup().autoscaling());
    }

    @Test
    void theDayTheSettingsAreCheckedOnIsTheDayTheClusterChecksItsSupportOn() {
        var day = java.time.LocalDate.of(2027, 1, 15);
        assertEquals(day, onAws().loadOn(day).environment().checkedOn());
    }

    @Test
    void rejectsAnEksClusterWithoutTheIdentityThatDeploysIt() {
        assertProblem(rejected(onAws().with("cluster", EKS.replace("\"deployer\":\"arn:aws:iam::777700001111:role/deploy\",", ""))),
                "flink-ha.cluster.deployer", "is required; expected the IAM role or user that runs pulumi up");
    }

    @Test
    void rejectsADeployerThatIsAlsoAnAdmin() {
        assertProblem(rejected(onAws().with("cluster", EKS.replace("{\"kind\":\"eks\",", "{\"kind\":\"eks\",\"admins\":[\"arn:aws:iam::777700001111:role/deploy\"],"))),
                "flink-ha.cluster.admins", "which is also in deployer; an IAM principal can be in only one EKS access entry");
    }

    @Test
    void podIdentityIsAnOptInOfEksClusters() {
        assertEquals(false, ((EksClusterArgs) onAws().load().cluster()).podIdentity());
        assertEquals(true, ((EksClusterArgs) onAws().with("cluster", EKS.replace("{\"kind\":\"eks\",\"deployer\":\"arn:aws:iam::777700001111:role/deploy\",", "{\"kind\":\"eks\",\"deployer\":\"arn:aws:iam::777700001111:role/deploy\",\"identity\":\"podIdentity\","))
                .load().cluster()).podIdentity());
        assertProblem(rejected(onAws().with("cluster", EKS.replace("{\"kind\":\"eks\",\"deployer\":\"arn:aws:iam::777700001111:role/deploy\",", "{\"kind\":\"eks\",\"deployer\":\"arn:aws:iam::777700001111:role/deploy\",\"identity\":\"iam\","))),
                "flink-ha.cluster.identity", "iam", "irsa", "podIdentity");
    }

    @Test
    void refusesPodIdentityWhereTheFlinkReleasesS3ClientCannotReadItsCredentials() {
        assertProblem(rejected(onAws().with("cluster", EKS.replace("{\"kind\":\"eks\",\"deployer\":\"arn:aws:iam::777700001111:role/deploy\",", "{\"kind\":\"eks\",\"deployer\":\"arn:aws:iam::777700001111:role/deploy\",\"identity\":\"podIdentity\","))
                        .with("flink", "{\"version\":\"1.19.1\"}")),
                "flink-ha.cluster.identity", "Flink 1.19.1's S3 filesystems bundle an AWS SDK older than 1.12.746", "or IRSA");
    }

    @Test
    void refusesPodIdentityWhereOneJobsOwnFlinkReleaseCannotReadItsCredentials() {
        assertProblem(rejected(onAws().with("cluster", EKS.replace("{\"kind\":\"eks\",\"deployer\":\"arn:aws:iam::777700001111:role/deploy\",", "{\"kind\":\"eks\",\"deployer\":\"arn:aws:iam::777700001111:role/deploy\",\"identity\":\"podIdentity\","))
                        .with("jobs", "[{\"name\":\"orders\",\"jarUri\":\"local:///j.jar\",\"flink\":{\"version\":\"1.19.1\"}}]")),
                "flink-ha.cluster.identity", "Flink 1.19.1's S3 filesystems bundle an AWS SDK older than 1.12.746");
    }

    @Test
    void aReadyTimeoutOfExactlyOneMinuteIsEnough() {
        assertEquals(java.time.Duration.ofMinutes(1), Settings.valid().with("jobs",
                "[{\"name\":\"orders\",\"jarUri\":\"local:///j.jar\",\"readyTimeout\":\"60s\"}]").load().jobs().get(0).args().readyTimeout());
        assertProblem(rejected(Settings.valid().with("jobs", "[{\"name\":\"orders\",\"jarUri\":\"local:///j.jar\",\"readyTimeout\":\"59s\"}]")),
                "flink-ha.jobs[0].readyTimeout", "got '59s'");
    }

    @Test
    void tellsToQuoteAFlinkVersionYamlReadAsANumber() {
        assertProblem(rejected(Settings.valid().with("flink", "{\"version\":1.2}")), "flink-ha.flink.version", "quote it");
        SettingsException e = rejected(Settings.valid().with("flink", "{\"version\":\"one\"}"));
        assertProblem(e, "flink-ha.flink.version", "expected an exact Flink version");
        assertTrue(e.problems().stream().noneMatch(p -> p.contains("quote it")), e.problems()::toString);
    }

    @Test
    void storageWithoutAKindNamesTheKindsAllowed() {
        assertProblem(rejected(Settings.valid().with("storage", "{\"storageClass\":\"efs\"}")), "flink-ha.storage.kind",
                "is required", "allowed: nfs, s3");
    }

    @Test
    void aRecoverySectionWithoutAnObjectiveIsRefused() {
        assertProblem(rejected(Settings.valid().with("recovery", "{\"podStartup\":\"30s\"}")), "flink-ha.recovery.objective",
                "is required", "expected the recovery objective");
    }

    @Test
    void existingSubnetsMustBeTwoDistinctSubnetIds() {
        String subnets = "{\"kind\":\"eks\",\"deployer\":\"arn:aws:iam::777700001111:role/deploy\",\"subnets\":{\"private\":[%s]}}";
        onAws().with("cluster", String.format(subnets, "\"subnet-0a1b2c3d\",\"subnet-0a1b2c3e\"")).load();
        assertProblem(rejected(onAws().with("cluster", String.format(subnets, "\"subnet-0a1b2c3d\",\"subnet-0a1b2c3d\""))),
                "flink-ha.cluster.subnets.private", "at least two private subnets");
        assertProblem(rejected(onAws().with("cluster", String.format(subnets, "\"subnet-0a1b2c3d\",\"sn-1\""))),
                "flink-ha.cluster.subnets.private/public", "sn-1", "expected subnet ids such as subnet-0a1b2c3d");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        SettingsException e = rejected(Settings.valid()
                .without("cluster")
                .with("storage", "{\"kind\":\"tmpfs\"}")
                .with("jobs", "[{\"name\":\"" + "x".repeat(50) + "\",\"jarUri\":\"local:///j.jar\",\"jobManagerReplicas\":0}]"));
        assertEquals(4, e.problems().size(), () -> String.valueOf(e.problems()));
        assertTrue(e.getMessage().contains("invalid settings for stack 'test' (4 problems)"), e.getMessage());
    }

    private static final String EKS = "{\"kind\":\"eks\",\"deployer\":\"arn:aws:iam::777700001111:role/deploy\",\"vpc\":{\"cidr\":\"10.0.0.0/16\",\"availabilityZones\":[\"eu-west-1a\",\"eu-west-1b\"]}}";

    private static Settings onAws() {
        return Settings.valid().with("aws", "{\"region\":\"eu-west-1\"}").with("cluster", EKS)
                .with("storage", "{\"kind\":\"s3\",\"bucketName\":\"acme-flink-ha-test\"}");
    }

    private static final java.time.LocalDate REVIEW_DAY = java.time.LocalDate.of(2026, 11, 29);

    private static String eksWith(String nodeGroup) {
        return "{\"kind\":\"eks\",\"deployer\":\"arn:aws:iam::777700001111:role/deploy\",\"vpc\":{\"cidr\":\"10.0.0.0/16\",\"availabilityZones\":[\"eu-west-1a\",\"eu-west-1b\"]},\"kubernetesVersion\":\"1.35\",\"nodeGroup\":" + nodeGroup + "}";
    }

    /** The prod stack's jobs before the review: 10 vCPU of requests in pods of 1 and 2 vCPU. */
    private static final String PROD_JOBS = "[{\"name\":\"state-machine\",\"jarUri\":\"local:///j.jar\",\"parallelism\":4,"
            + "\"jobManagerReplicas\":2,\"jobManager\":{\"cpu\":1,\"memory\":\"2048m\"},\"taskManager\":{\"cpu\":2,\"memory\":\"4096m\"},"
            + "\"flinkConfiguration\":{\"taskmanager.numberOfTaskSlots\":\"2\"}},"
            + "{\"name\":\"top-speed-windowing\",\"jarUri\":\"local:///t.jar\",\"parallelism\":2,\"upgradeMode\":\"savepoint\","
            + "\"jobManagerReplicas\":2,\"jobManager\":{\"cpu\":1,\"memory\":\"2048m\"},\"taskManager\":{\"cpu\":1,\"memory\":\"2048m\"}}]";

    @Test
    void rejectsJobsThatDoNotFitTheNodeGroupAndNamesWhatStaysPending() {
        SettingsException e = rejected(onAws().with("jobs", PROD_JOBS)
                .with("cluster", eksWith("{\"instanceTypes\":[\"m6i.xlarge\",\"m5.xlarge\"],\"minSize\":3,\"desiredSize\":3,\"maxSize\":3}")));
        assertProblem(e, "flink-ha.cluster.nodeGroup", "do not fit 3 nodes of m6i.xlarge (3795m CPU",
                "Left Pending: 1 x top-speed-windowing JobManager (1000m CPU, 2048 MiB)",
                "10450m CPU and 21132 MiB in all (with CoreDNS and the Flink operator)",
                "set desiredSize to at least 4");
    }

    @Test
    void rejectsMoreJobManagersThanNodesBecauseTheyNeverShareANode() {
        SettingsException e = rejected(onAws().with("jobs", "[{\"name\":\"orders\",\"jarUri\":\"local:///j.jar\",\"jobManagerReplicas\":3}]")
                .with("cluster", eksWith("{\"instanceTypes\":[\"m6i.2xlarge\"],\"minSize\":2,\"desiredSize\":2,\"maxSize\":2}")));
        assertProblem(e, "flink-ha.cluster.nodeGroup", "job orders runs 3 JobManagers, which never share a node",
                "1 would stay Pending", "desiredSize to at least 3");
    }

    @Test
    void keepsTwoCheckpointsUnlessToldAndAtLeastTwoInProduction() {
        assertEquals(2, Settings.valid().load().jobs().get(0).args().retainedCheckpoints());
        assertEquals(1, Settings.valid().with("jobs", "[{\"name\":\"orders\",\"jarUri\":\"local:///j.jar\",\"retainedCheckpoints\":1}]")
                .load().jobs().get(0).args().retainedCheckpoints());
        assertProblem(rejected(Settings.valid().with("production", "true").with("storage", "{\"kind\":\"nfs\",\"storageClass\":\"efs\"}")
                        .with("jobs", "[{\"name\":\"orders\",\"jarUri\":\"local:///j.jar\",\"retainedCheckpoints\":1}]")),
                "flink-ha.jobs[0].retainedCheckpoints", "got 1", "at least 2 checkpoints");
    }

    @Test
    void rejectsALogRetentionCloudWatchDoesNotAccept() {
        assertProblem(rejected(onAws().with("cluster", EKS.replace("}}", "},\"logRetentionDays\":100}"))),
                "flink-ha.cluster.logRetentionDays", "got 100", "CloudWatch Logs' periods");
        assertEquals(365, ((EksClusterArgs) onAws().with("cluster", EKS.replace("}}", "},\"logRetentionDays\":365}"))
                .load().cluster()).logRetentionDays());
    }

    @Test
    void rejectsZonesOutsideTheAwsRegion() {
        assertProblem(rejected(onAws().with("aws", "{\"region\":\"eu-central-1\"}")), "flink-ha.cluster.vpc.availabilityZones",
                "eu-west-1a", "expected zones of aws.region eu-central-1");
    }

    @Test
    void productionJobsMustStillFitAfterLosingANode() {
        SettingsException e = rejected(onAws().with("production", "true").with("jobs", PROD_JOBS)
                .with("cluster", eksWith("{\"instanceTypes\":[\"m6i.xlarge\"],\"minSize\":4,\"desiredSize\":4,\"maxSize\":4}")));
        assertProblem(e, "flink-ha.cluster.nodeGroup", "fit 4 nodes of m6i.xlarge", "but not the 3 left after losing one",
                "set desiredSize to at least 5 (one node to spare)");
    }

    private static String eksEncryption(String encryption) {
        return "{\"kind\":\"eks\",\"deployer\":\"arn:aws:iam::777700001111:role/deploy\",\"vpc\":{\"cidr\":\"10.0.0.0/16\","
                + "\"availabilityZones\":[\"eu-west-1a\",\"eu-west-1b\"]},\"nodeGroup\":{\"instanceTypes\":[\"m6i.2xlarge\"],"
                + "\"minSize\":3,\"desiredSize\":3,\"maxSize\":3},\"encryption\":" + encryption + "}";
    }

    @Test
    void aProductionEksClusterEncryptsWithAKeyOfItsOwnUnlessToldAndThenIsRefused() {
        var prod = onAws().with("production", "true").with("jobs", PROD_JOBS);
        assertEquals(Optional.of(io.flinkha.aws.eks.ControlPlaneEncryption.stackKey()),
                ((io.flinkha.aws.eks.EksClusterArgs) prod.with("cluster", eksWith("{\"instanceTypes\":[\"m6i.2xlarge\"],\"minSize\":3,"
                        + "\"desiredSize\":3,\"maxSize\":3}")).load().cluster()).encryption());
        assertProblem(rejected(prod.with("cluster", eksEncryption("{\"enabled\":false}"))), "flink-ha.cluster.encryption.enabled",
                "got false", "a production EKS cluster envelope-encrypts its secrets");
    }

    @Test
    void aGivenControlPlaneKeyMustBeAKeyOfTheClustersRegionAndOnlyWithEncryptionOn() {
        assertProblem(rejected(onAws().with("cluster", eksEncryption("{\"kmsKeyArn\":\"arn:aws:kms:us-east-1:777700001111:key/"
                + "1234abcd-12ab-34cd-56ef-1234567890ab\"}"))), "flink-ha.cluster.encryption.kmsKeyArn", "expected a key in the cluster's region eu-west-1");
        assertProblem(rejected(onAws().with("cluster", eksEncryption("{\"kmsKeyArn\":\"arn:aws:kms:eu-west-1:777700001111:alias/eks\"}"))),
                "flink-ha.cluster.encryption.kmsKeyArn", "not an alias");
        assertProblem(rejected(onAws().with("cluster", eksEncryption("{\"enabled\":false,\"kmsKeyArn\":\"arn:aws:kms:eu-west-1:"
                + "777700001111:key/1234abcd-12ab-34cd-56ef-1234567890ab\"}"))), "flink-ha.cluster.encryption.kmsKeyArn", "encryption is off");
    }

    private static String vpcWith(String s3Endpoint) {
        return "{\"kind\":\"eks\",\"deployer\":\"arn:aws:iam::777700001111:role/deploy\",\"vpc\":{\"cidr\":\"10.0.0.0/16\","
                + "\"availabilityZones\":[\"eu-west-1a\",\"eu-west-1b\"],\"s3Endpoint\":" + s3Endpoint + "}}";
    }

    @Test
    void aRestrictedS3EndpointNamesItsBucketsAndAnOpenOneNone() {
        assertEquals(Optional.of(new io.flinkha.aws.eks.S3EndpointPolicy(List.of("acme-lookups"))), onAws()
                .with("cluster", vpcWith("{\"restricted\":true,\"buckets\":[\"acme-lookups\"]}")).load().network().orElseThrow().s3EndpointPolicy());
        assertProblem(rejected(onAws().with("cluster", vpcWith("{\"buckets\":[\"acme-lookups\"]}"))),
                "flink-ha.cluster.vpc.s3Endpoint.buckets", "but it is open");
        assertProblem(rejected(onAws().with("cluster", vpcWith("{\"restricted\":true,\"buckets\":[\"Acme_Lookups\"]}"))),
                "flink-ha.cluster.vpc.s3Endpoint.buckets[0]", "Acme_Lookups");
    }

    @Test
    void acceptsJobsThatFitWithANodeToSpareInProduction() {
        FlinkPlatformArgs s = onAws().with("production", "true").with("jobs", PROD_JOBS)
                .with("cluster", eksWith("{\"instanceTypes\":[\"m6i.2xlarge\",\"m5.2xlarge\"],\"minSize\":3,\"desiredSize\":3,\"maxSize\":3}")).load();
        assertEquals(2, s.jobs().size());
    }

    @Test
    void theSmallestInstanceTypeOfTheNodeGroupDecidesTheFit() {
        assertProblem(rejected(onAws().with("jobs", PROD_JOBS)
                .with("cluster", eksWith("{\"instanceTypes\":[\"m6i.2xlarge\",\"m6i.large\"],\"minSize\":3,\"desiredSize\":3,\"maxSize\":3}"))),
                "flink-ha.cluster.nodeGroup", "nodes of m6i.large");
    }

    @Test
    void rejectsAnEksVersionPastItsSupportOnTheDayOfThePlan() {
        SettingsException e = assertThrows(SettingsException.class, () -> onAws()
                .with("cluster", "{\"kind\":\"eks\",\"deployer\":\"arn:aws:iam::777700001111:role/deploy\",\"kubernetesVersion\":\"1.31\"}").loadOn(REVIEW_DAY));
        assertProblem(e, "flink-ha.cluster.kubernetesVersion", "got '1.31'", "ended on 2025-11-26", "pin 1.35");
    }

    @Test
    void warnsWithinNinetyDaysOfTheEndOfSupport() {
        FlinkPlatformArgs s = onAws().with("cluster", "{\"kind\":\"eks\",\"deployer\":\"arn:aws:iam::777700001111:role/deploy\",\"vpc\":{\"cidr\":\"10.0.0.0/16\",\"availabilityZones\":[\"eu-west-1a\",\"eu-west-1b\"]},\"kubernetesVersion\":\"1.34\"}").loadOn(REVIEW_DAY);
        List<String> w = SettingsLoader.warnings(s);
        assertTrue(w.contains("flink-ha.cluster.kubernetesVersion: standard support of Kubernetes 1.34 on EKS ends on 2026-12-02 (in 3 days); "
                + "after that EKS upgrades the cluster itself. Plan the upgrade to 1.35 now"), w::toString);
    }

    @Test
    void theUpgradePolicyIsStandardUnlessExtendedIsAsked() {
        assertEquals(io.flinkha.aws.eks.EksVersions.SupportType.STANDARD, ((EksClusterArgs) onAws().load().cluster()).supportType());
        FlinkPlatformArgs extended = onAws().with("cluster", "{\"kind\":\"eks\",\"deployer\":\"arn:aws:iam::777700001111:role/deploy\",\"vpc\":{\"cidr\":\"10.0.0.0/16\",\"availabilityZones\":[\"eu-west-1a\",\"eu-west-1b\"]},\"kubernetesVersion\":\"1.32\",\"upgradePolicy\":\"EXTENDED\"}")
                .loadOn(REVIEW_DAY);
        assertEquals(io.flinkha.aws.eks.EksVersions.SupportType.EXTENDED, ((EksClusterArgs) extended.cluster()).supportType());
    }

    @Test
    void rejectsTheSameAdminTwice() {
        assertProblem(rejected(onAws().with("cluster", "{\"kind\":\"eks\",\"deployer\":\"arn:aws:iam::777700001111:role/deploy\",\"vpc\":{\"cidr\":\"10.0.0.0/16\",\"availabilityZones\":[\"eu-west-1a\",\"eu-west-1b\"]},\"admins\":[\"arn:aws:iam::123456789012:role/a\","
                + "\"arn:aws:iam::123456789012:role/a\"]}")), "flink-ha.cluster.admins", "twice", "only one EKS access entry");
    }

    @Test
    void warnsAboutDocumentationRangesAndExampleAccounts() {
        FlinkPlatformArgs s = onAws().with("cluster", "{\"kind\":\"eks\",\"deployer\":\"arn:aws:iam::777700001111:role/deploy\",\"vpc\":{\"cidr\":\"10.0.0.0/16\",\"availabilityZones\":[\"eu-west-1a\",\"eu-west-1b\"]},\"publicAccessCidrs\":[\"203.0.113.0/24\"],"
                + "\"admins\":[\"arn:aws:iam::111122223333:role/platform-admins\"]}")
                .with("storage", "{\"kind\":\"s3\",\"bucketName\":\"acme-flink-ha-test\","
                        + "\"kmsKeyArn\":\"arn:aws:kms:eu-west-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab\"}").load();
        List<String> w = SettingsLoader.warnings(s);
        assertEquals(3, w.size(), w::toString);
        assertTrue(w.get(0).startsWith("flink-ha.cluster.publicAccessCidrs: '203.0.113.0/24' is a documentation range (RFC 5737)"), w.get(0));
        assertTrue(w.get(1).startsWith("flink-ha.cluster.admins: 'arn:aws:iam::111122223333:role/platform-admins' is in AWS's example account"), w.get(1));
        assertTrue(w.get(2).startsWith("flink-ha.storage.kmsKeyArn:"), w.get(2));
    }

    @Test
    void warnsAboutAHeartbeatTimeoutSetBelowItsFloorAndKeepsIt() {
        FlinkPlatformArgs s = Settings.valid().with("jobs", "[{\"name\":\"orders\",\"jarUri\":\"local:///j.jar\","
                + "\"flinkConfiguration\":{\"heartbeat.timeout\":\"5 s\"}}]").load();
        assertEquals("5 s", s.jobs().get(0).args().flinkConfiguration().get("heartbeat.timeout"));
        assertEquals(List.of("flink-ha.jobs[0].flinkConfiguration.heartbeat.timeout: 5s is below the 20s floor: a TaskManager in a long "
                + "GC pause or on a saturated node is declared lost and every task restarts from the last checkpoint"),
                SettingsLoader.warnings(s));
    }

    @Test
    void realValuesRaiseNoWarning() {
        FlinkPlatformArgs s = onAws().with("cluster", "{\"kind\":\"eks\",\"deployer\":\"arn:aws:iam::777700001111:role/deploy\",\"vpc\":{\"cidr\":\"10.0.0.0/16\",\"availabilityZones\":[\"eu-west-1a\",\"eu-west-1b\"]},\"publicAccessCidrs\":[\"81.2.69.0/24\"],"
                + "\"admins\":[\"arn:aws:iam::380012345678:role/platform-admins\"]}").load();
        assertEquals(List.of(), SettingsLoader.warnings(s));
    }

    @Test
    void acceptsAnEksClusterWithS3Storage() {
        FlinkPlatformArgs s = onAws().load();
        assertTrue(s.cluster() instanceof EksClusterArgs);
        var s3 = (S3StorageArgs) s.storage();
        assertEquals(List.of("acme-flink-ha-test", true, java.util.Optional.empty(), "presto", 30, true),
                List.of(s3.bucketName(), s3.retainOnDelete(), s3.kmsKeyArn(), s3.plugin(), s3.noncurrentVersionDays(), s3.protect()));
    }

    @Test
    void rejectsFewerThanTwoAvailabilityZones() {
        assertProblem(rejected(onAws().with("cluster", "{\"kind\":\"eks\",\"deployer\":\"arn:aws:iam::777700001111:role/deploy\",\"vpc\":{\"availabilityZones\":[\"eu-west-1a\"]}}")),
                "flink-ha.cluster.vpc.availabilityZones", "[eu-west-1a]", "two to four");
    }

    @Test
    void rejectsFewerThanTwoExistingPrivateSubnets() {
        assertProblem(rejected(onAws().with("cluster", "{\"kind\":\"eks\",\"deployer\":\"arn:aws:iam::777700001111:role/deploy\",\"subnets\":{\"private\":[\"subnet-0123abcd\"]}}")),
                "flink-ha.cluster.subnets.private", "subnet-0123abcd", "at least two private subnets");
    }

    @Test
    void rejectsBucketNamesS3WouldRefuse() {
        for (String[] bad : new String[][]{{"Acme-Flink", "lowercase"}, {"ab", "3 to 63"}, {"192.168.1.10", "IP address"},
                {"acme..flink", "adjacent periods"}, {"xn--flink", "prefix xn--"}, {"flink-s3alias", "suffix -s3alias"}}) {
            assertProblem(rejected(onAws().with("storage", "{\"kind\":\"s3\",\"bucketName\":\"" + bad[0] + "\"}")),
                    "flink-ha.storage.bucketName", bad[0], bad[1]);
        }
    }

    @Test
    void rejectsAProductionStackWhoseStorageIsNotRetained() {
        assertProblem(rejected(onAws().with("production", "true")
                        .with("storage", "{\"kind\":\"s3\",\"bucketName\":\"acme-flink-ha-test\",\"retainOnDelete\":false}")),
                "flink-ha.storage.retainOnDelete", "production stack must retain");
    }

    @Test
    void rejectsS3StorageOnAClusterWithoutAnOidcProvider() {
        assertProblem(rejected(onAws().with("cluster", "{\"kind\":\"existing\",\"context\":\"kind-flink\"}")),
                "flink-ha.storage.kind", "IRSA", "cluster.oidc");
    }

    @Test
    void acceptsS3StorageOnAnExistingClusterThatNamesItsOidcProvider() {
        FlinkPlatformArgs s = onAws().with("cluster", "{\"kind\":\"existing\",\"context\":\"eks-prod\",\"oidc\":{"
                + "\"providerArn\":\"arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC\","
                + "\"issuerUrl\":\"https://oidc.eks.eu-west-1.amazonaws.com/id/ABC\"}}").load();
        assertTrue(((ExistingClusterArgs) s.cluster()).oidc().isPresent());
    }

    @Test
    void rejectsAwsResourcesWithoutARegion() {
        assertProblem(rejected(onAws().without("aws")), "flink-ha.aws", "is required");
    }

    @Test
    void rejectsAnApiEndpointOpenToTheWholeInternet() {
        assertProblem(rejected(onAws().with("cluster", "{\"kind\":\"eks\",\"deployer\":\"arn:aws:iam::777700001111:role/deploy\",\"vpc\":{\"cidr\":\"10.0.0.0/16\",\"availabilityZones\":[\"eu-west-1a\",\"eu-west-1b\"]},\"publicAccessCidrs\":[\"0.0.0.0/0\"],"
                        + "\"vpc\":{\"availabilityZones\":[\"eu-west-1a\",\"eu-west-1b\"]}}")),
                "flink-ha.cluster.publicAccessCidrs", "0.0.0.0/0", "whole internet");
    }

    @Test
    void rejectsANodeGroupWhoseDesiredSizeIsOutsideItsBounds() {
        assertProblem(rejected(onAws().with("cluster", "{\"kind\":\"eks\",\"deployer\":\"arn:aws:iam::777700001111:role/deploy\",\"nodeGroup\":{\"minSize\":3,\"desiredSize\":2},"
                        + "\"vpc\":{\"availabilityZones\":[\"eu-west-1a\",\"eu-west-1b\"]}}")),
                "flink-ha.cluster.nodeGroup.desiredSize", "minSize <= desiredSize <= maxSize");
    }

    @Test
    void jobsInheritTheEnvironmentsRecoveryObjectiveAndMayOverrideIt() {
        FlinkPlatformArgs s = Settings.valid().with("recovery", "{\"objective\":\"90s\",\"podStartup\":\"20s\"}")
                .with("jobs", "[{\"name\":\"a\",\"jarUri\":\"local:///a.jar\"},"
                        + "{\"name\":\"b\",\"jarUri\":\"local:///b.jar\",\"recovery\":{\"objective\":\"2min\",\"restoreTime\":\"30s\"}}]").load();
        var a = s.jobs().get(0).args().recoveryObjective().orElseThrow();
        var b = s.jobs().get(1).args().recoveryObjective().orElseThrow();
        assertEquals(java.time.Duration.ofSeconds(90), a.target());
        assertEquals(java.time.Duration.ofSeconds(20), a.podStartup());
        assertEquals(java.time.Duration.ofMinutes(2), b.target());
        assertEquals(java.time.Duration.ofSeconds(20), b.podStartup(), "inherited");
        assertEquals(java.time.Duration.ofSeconds(30), b.restoreTime());
    }

    @Test
    void rejectsARecoveryObjectiveThatCannotBeMet() {
        assertProblem(rejected(Settings.valid().with("recovery", "{\"objective\":\"15s\"}")),
                "flink-ha.jobs[0].recovery", "checkpoint restore time is not bounded by configuration");
    }

    @Test
    void rejectsAMalformedRecoveryObjective() {
        assertProblem(rejected(Settings.valid().with("recovery", "{\"objective\":\"fast\"}")),
                "flink-ha.recovery.objective", "'fast'", "positive Flink duration");
    }
    private static String existingWithOidc(String providerArn, String issuerUrl) {
        return "{\"kind\":\"existing\",\"context\":\"eks-prod\",\"oidc\":{\"providerArn\":\"" + providerArn + "\",\"issuerUrl\":\"" + issuerUrl + "\"}}";
    }

    private static final String OIDC_ARN = "arn:aws:iam::314159265358:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC";
    private static final String ISSUER = "https://oidc.eks.eu-west-1.amazonaws.com/id/ABC";

    @Test
    void rejectsARegionThatIsNotAnAwsRegion() {
        assertProblem(rejected(onAws().with("aws", "{\"region\":\"europe\"}")), "flink-ha.aws.region", "got 'europe'", "expected an AWS region");
    }

    @Test
    void rejectsAnOidcProviderThatIsNotAnIamOidcProviderArn() {
        assertProblem(rejected(onAws().with("cluster", existingWithOidc("arn:aws:iam::314159265358:role/oidc", ISSUER))),
                "flink-ha.cluster.oidc.providerArn", "got 'arn:aws:iam::314159265358:role/oidc'", "expected arn:aws:iam::<account>:oidc-provider/");
    }

    @Test
    void rejectsAnOidcIssuerThatIsNotHttps() {
        assertProblem(rejected(onAws().with("cluster", existingWithOidc(OIDC_ARN, "http://oidc.eks.eu-west-1.amazonaws.com/id/ABC"))),
                "flink-ha.cluster.oidc.issuerUrl", "expected an https:// issuer URL");
    }

    @Test
    void warnsWhenAnExistingClustersOidcProviderIsInAwsExampleAccount() {
        FlinkPlatformArgs s = onAws().with("cluster", existingWithOidc(OIDC_ARN.replace("314159265358", "123456789012"), ISSUER)).load();
        assertTrue(SettingsLoader.warnings(s).stream().anyMatch(w -> w.contains("cluster.oidc.providerArn")
                && w.contains("AWS's example account 123456789012")), () -> SettingsLoader.warnings(s).toString());
        FlinkPlatformArgs own = onAws().with("cluster", existingWithOidc(OIDC_ARN, ISSUER)).load();
        assertTrue(SettingsLoader.warnings(own).stream().noneMatch(w -> w.contains("example account")),
                () -> SettingsLoader.warnings(own).toString());
    }

    @Test
    void rejectsAClusterWithoutKind() {
        assertProblem(rejected(Settings.valid().with("cluster", "{\"context\":\"kind-flink\"}")), "flink-ha.cluster.kind",
                "is required", "allowed: eks, existing");
    }

    @Test
    void rejectsAnEksClusterGivenBothANewVpcAndExistingSubnets() {
        assertProblem(rejected(onAws().with("cluster", EKS.replace("}}", "},\"subnets\":{\"private\":[\"subnet-0a1b2c3d\"]}}"))),
                "flink-ha.cluster.subnets", "give either vpc (a new VPC) or subnets (an existing VPC), not both");
    }

    @Test
    void rejectsAStackWithoutJobs() {
        assertProblem(rejected(Settings.valid().without("jobs")), "flink-ha.jobs", "is required", "each with at least name and jarUri");
    }

    @Test
    void rejectsAnEmptyListOfJobs() {
        assertProblem(rejected(Settings.valid().with("jobs", "[]")), "flink-ha.jobs", "got '[]'", "expected at least one job");
    }

    @Test
    void rejectsAStackWithoutStorage() {
        assertProblem(rejected(Settings.valid().without("storage")), "flink-ha.storage", "is required", "expected {kind: nfs");
    }

    @Test
    void rejectsACheckpointIntervalOfZero() {
        assertProblem(rejected(Settings.valid().with("jobs", "[{\"name\":\"orders\",\"jarUri\":\"local:///j.jar\",\"checkpointInterval\":\"0s\"}]")),
                "flink-ha.jobs[0].checkpointInterval", "got '0s'", "expected a positive Flink duration");
    }

    @Test
    void rejectsARecoveryObjectiveOfZero() {
        assertProblem(rejected(Settings.valid().with("recovery", "{\"objective\":\"0s\"}")),
                "flink-ha.recovery.objective", "got '0s'", "expected a positive Flink duration");
    }

    @Test
    void aJobsRecoveryBlockWithoutAnObjectiveInheritsTheEnvironments() {
        var r = Settings.valid().with("recovery", "{\"objective\":\"90s\"}")
                .with("jobs", "[{\"name\":\"a\",\"jarUri\":\"local:///a.jar\",\"recovery\":{\"podStartup\":\"25s\"}}]").load().jobs().get(0).args().recoveryObjective().orElseThrow();
        assertEquals(java.time.Duration.ofSeconds(90), r.target());
        assertEquals(java.time.Duration.ofSeconds(25), r.podStartup());
    }

    @Test
    void aMalformedZoneIsReportedAsMalformedAndNotAlsoAsOutsideTheRegion() {
        SettingsException e = rejected(onAws().with("cluster", EKS.replace("\"eu-west-1b\"", "\"nowhere\"")));
        List<String> zones = e.problems().stream().filter(p -> p.startsWith("flink-ha.cluster.vpc.availabilityZones")).toList();
        assertEquals(1, zones.size(), zones::toString);
        assertTrue(zones.get(0).contains("nowhere") && !zones.get(0).contains("expected zones of aws.region"), zones.get(0));
    }

    @Test
    void anOperatorHelmValueThePlatformOwnsIsReportedUnderItsKeyWithTheReason() {
        SettingsException e = rejected(Settings.valid().with("operator", "{\"helmValues\":{\"watchNamespaces\":[\"default\"]}}"));
        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith("flink-ha.operator.helmValues.watchNamespaces: is set by the platform")),
                e.problems()::toString);
    }

    @Test
    void aJobManagerMemoryThatIsNotASizeIsReportedUnderItsKey() {
        SettingsException e = rejected(Settings.valid().with("jobs",
                "[{\"name\":\"orders\",\"jarUri\":\"local:///j.jar\",\"jobManager\":{\"memory\":\"lots\"}}]"));
        assertTrue(e.problems().contains("flink-ha.jobs[0].jobManager.memory: got 'lots'; expected a memory size such as 2048m, 2g or 2Gi"),
                e.problems()::toString);
    }

    @Test
    void asManyJobManagersAsNodesFitSinceEachGetsANodeOfItsOwn() {
        FlinkPlatformArgs s = onAws().with("jobs", "[{\"name\":\"orders\",\"jarUri\":\"local:///j.jar\",\"jobManagerReplicas\":2}]")
                .with("cluster", eksWith("{\"instanceTypes\":[\"m6i.2xlarge\"],\"minSize\":2,\"desiredSize\":2,\"maxSize\":2}")).load();
        assertEquals(2, s.jobs().get(0).args().jobManagerReplicas());
    }

    @Test
    void theStandbyARecoveryObjectiveDerivesCountsAgainstTheNodes() {
        // 40 s leave no time for a new JobManager pod (30 s) after the restore (15 s): a standby is derived
        SettingsException e = rejected(onAws().with("recovery", "{\"objective\":\"40s\",\"podStartup\":\"30s\",\"restoreTime\":\"15s\"}")
                .with("cluster", eksWith("{\"instanceTypes\":[\"m6i.2xlarge\"],\"minSize\":1,\"desiredSize\":1,\"maxSize\":1}")));
        assertProblem(e, "flink-ha.cluster.nodeGroup", "job orders runs 2 JobManagers");
    }

    @Test
    void aJobsProblemsFollowTheOrderItsKeysAreDocumentedWhicheverCheckFoundThem() {
        SettingsException e = rejected(Settings.valid().with("jobs", "[{\"name\":\"Orders_1\",\"jarUri\":\"job.jar\",\"parallelism\":\"two\","
                + "\"flinkConfiguration\":{\"high-availability.type\":\"zookeeper\"},\"paralelism\":2}]"));
        assertEquals(List.of("flink-ha.jobs[0].paralelism", "flink-ha.jobs[0].name", "flink-ha.jobs[0].jarUri",
                "flink-ha.jobs[0].flinkConfiguration.high-availability.type", "flink-ha.jobs[0].parallelism"),
                e.problems().stream().map(p -> p.substring(0, p.indexOf(": "))).toList());
    }

    @Test
    void anEksClustersProblemsFollowTheOrderItsKeysAreDocumented() {
        SettingsException e = rejected(onAws().with("cluster", "{\"kind\":\"eks\",\"deployer\":\"arn:aws:iam::777700001111:role/deploy\","
                + "\"logRetentionDays\":8,\"vpc\":{\"cidr\":\"10.0.0.0/30\",\"availabilityZones\":[\"eu-west-1a\",\"eu-west-1b\"]},"
                + "\"kubernetesVersion\":1.3}"));
        assertEquals(List.of("flink-ha.cluster.kubernetesVersion", "flink-ha.cluster.vpc.cidr", "flink-ha.cluster.logRetentionDays"),
                e.problems().stream().map(p -> p.substring(0, p.indexOf(": "))).toList());
        assertProblem(e, "flink-ha.cluster.kubernetesVersion", "got '1.3'; expected a pinned Kubernetes minor version such as",
                "(quote it: YAML reads 1.30 as the number 1.3)");
    }

    @Test
    void theRulesAcrossComponentsAreReportedInTheSameRoundAsEachComponentsOwn() {
        SettingsException e = rejected(Settings.valid().with("cluster", "{\"kind\":\"existing\",\"context\":\"kind-flink\",\"nodes\":1}")
                .with("storage", "{\"kind\":\"nfs\",\"size\":\"lots\"}").with("jobs", TWO_JOBMANAGERS));
        assertProblem(e, "flink-ha.storage.size", "got 'lots'");
        assertProblem(e, "flink-ha.cluster.nodes", "job orders runs 2 JobManagers");
    }

    @Test
    void aRegionThatIsNoRegionIsItsOneProblemNotAlsoAMissingAwsBlock() {
        SettingsException e = rejected(onAws().with("aws", "{\"region\":\"europe\"}"));
        assertEquals(List.of("flink-ha.aws.region"), e.problems().stream().map(p -> p.substring(0, p.indexOf(": "))).toList());
    }

    @Test
    void aJobsOwnFlinkBlockRefusesAKeyItDoesNotHave() {
        assertProblem(rejected(Settings.valid().with("jobs", "[{\"name\":\"orders\",\"jarUri\":\"local:///j.jar\",\"flink\":{\"versoin\":\"2.2.0\"}}]")),
                "flink-ha.jobs[0].flink.versoin", "unknown key; allowed keys: image, version");
    }

    @Test
    void anAwsBlockWithoutARegionIsOneProblem() {
        SettingsException e = rejected(onAws().with("aws", "{}"));
        assertEquals(List.of("flink-ha.aws.region: is required; expected an AWS region such as eu-west-1"), e.problems());
    }

    @Test
    void aBadEnvironmentNameStillLeavesTheZonesCheckedAgainstTheRegion() {
        SettingsException e = rejected(onAws().with("environment", "Bad_Env").with("cluster", EKS.replace("eu-west-1a", "us-east-1a")
                .replace("eu-west-1b", "us-east-1b")));
        assertProblem(e, "flink-ha.environment", "got 'Bad_Env'");
        assertProblem(e, "flink-ha.cluster.vpc.availabilityZones", "expected zones of aws.region eu-west-1");
    }

    @Test
    void aStackFlinkVersionThatYamlReadAsANumberIsReportedOnceWithTheHintOnceForEveryJob() {
        SettingsException e = rejected(Settings.valid().with("flink", "{\"version\":1.2}").with("jobs", "[{\"name\":\"orders\","
                + "\"jarUri\":\"local:///j.jar\"},{\"name\":\"clicks\",\"jarUri\":\"local:///j.jar\"}]"));
        List<String> version = e.problems().stream().filter(p -> p.startsWith("flink-ha.flink.version")).toList();
        assertEquals(1, version.size(), e.problems()::toString);
        assertTrue(version.get(0).endsWith("expected an exact Flink version such as 1.20.1 (YAML read an unquoted version as a number: quote it)"),
                version.get(0));
    }

    @Test
    void theEnvironmentsSavepointScheduleAppliesToEveryJobAndAJobMayTurnItOff() {
        var s = Settings.valid().with("savepoints", "{\"interval\":\"6h\",\"maxCount\":8}").with("jobs", "[{\"name\":\"orders\","
                + "\"jarUri\":\"local:///j.jar\"},{\"name\":\"clicks\",\"jarUri\":\"local:///j.jar\",\"savepoints\":{\"enabled\":false}}]").load();
        assertEquals(java.util.Optional.of(new io.flinkha.flink.PeriodicSavepoints(java.time.Duration.ofHours(6), 8, java.time.Duration.ofDays(7))),
                s.jobs().get(0).args().savepoints());
        assertEquals(java.util.Optional.empty(), s.jobs().get(1).args().savepoints());
    }

    @Test
    void aSavepointScheduleTooTightForTheOperatorNamesItsKey() {
        assertProblem(rejected(Settings.valid().with("jobs", "[{\"name\":\"orders\",\"jarUri\":\"local:///j.jar\",\"savepoints\":"
                + "{\"interval\":\"30s\"}}]")), "flink-ha.jobs[0].savepoints.interval", "got '30s'; expected at least 1min");
    }

    @Test
    void theOperatorsSavepointKeysAreSetThroughTheJobsSavepoints() {
        assertProblem(rejected(Settings.valid().with("jobs", "[{\"name\":\"orders\",\"jarUri\":\"local:///j.jar\",\"flinkConfiguration\":"
                        + "{\"kubernetes.operator.periodic.savepoint.interval\":\"1h\"}}]")),
                "flink-ha.jobs[0].flinkConfiguration.kubernetes.operator.periodic.savepoint.interval", "set the job's savepoints instead");
    }

    @Test
    void aMisspelledKeyOfTheMonitoringOrOfTheS3EndpointIsNamed() {
        assertProblem(rejected(Settings.valid().with("monitoring", "{\"enabled\":true,\"missedCheckpoint\":5}")),
                "flink-ha.monitoring.missedCheckpoint", "unknown key; allowed keys: enabled, labels, missedCheckpoints, prometheusNamespace");
        assertProblem(rejected(onAws().with("cluster", vpcWith("{\"restricted\":true,\"bucket\":[\"acme-lookups\"]}"))),
                "flink-ha.cluster.vpc.s3Endpoint.bucket", "unknown key; allowed keys: buckets, restricted");
    }

    @Test
    void aMisspelledKeyOfTheNetworkPoliciesOrOfASavepointScheduleIsNamed() {
        SettingsException e = rejected(Settings.valid().with("networkPolicies", "{\"enabeld\":false,\"egress\":[{\"cidr\":\"10.0.0.0/8\","
                + "\"port\":[9092],\"ports\":[9092]}]}").with("savepoints", "{\"intervall\":\"1h\"}"));
        assertProblem(e, "flink-ha.networkPolicies.enabeld", "unknown key; allowed keys: egress, enabled, reason");
        assertProblem(e, "flink-ha.networkPolicies.egress[0].port", "unknown key; allowed keys: cidr, ports");
        assertProblem(e, "flink-ha.savepoints.intervall", "unknown key; allowed keys: enabled, interval, maxAge, maxCount");
    }
}
