package io.flinkha.aws.eks;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What a node leaves for pods, by the EKS AMI's kubelet reserve: CPU 6% of the first core, 1% of the second, 0.5% of
 * the third and fourth, 0.25% of each further one; memory 255 MiB plus 11 MiB per pod it can hold; then the DaemonSets'
 * CPU (125m) and the eviction threshold (100 MiB). The figures below are worked out by hand from those rules.
 */
class Ec2InstanceTypesTest {
    private static int cpu(int vcpus) {
        return new Ec2InstanceTypes.InstanceType(vcpus, 1024, 8, false).allocatableMilliCpu();
    }

    @Test
    void oneCoreKeepsSixPercentForTheKubelet() {
        assertEquals(1000 - 60 - 125, cpu(1));
    }

    @Test
    void theSecondCoreAddsOnePercent() {
        assertEquals(2000 - 70 - 125, cpu(2));
    }

    @Test
    void theThirdAndFourthCoresAddHalfAPercentEach() {
        assertEquals(3000 - 75 - 125, cpu(3));
        assertEquals(4000 - 80 - 125, cpu(4));
    }

    @Test
    void everyFurtherCoreAddsAQuarterOfAPercent() {
        assertEquals(8000 - 90 - 125, cpu(8));
        assertEquals(6000 - 85 - 125, cpu(6));
    }

    @Test
    void memoryLeftIsTheKubeletsCapacityLessTheReservePerPodAndTheEvictionThreshold() {
        var m6iXlarge = Ec2InstanceTypes.of("m6i.xlarge").orElseThrow();
        assertEquals(15728, m6iXlarge.capacityMemoryMib(), "16384 MiB nominal, 4% kept by the VM");
        assertEquals(15728 - (255 + 11 * 58) - 100, m6iXlarge.allocatableMemoryMib());
        assertEquals(14735, m6iXlarge.allocatableMemoryMib());
        assertEquals(3795, m6iXlarge.allocatableMilliCpu());
    }

    /** The figure the review measured on a real node: about 30,600 MiB allocatable, where nominal memory gave 31,775. */
    @Test
    void anM6i2xlargeOffersWhatItsKubeletReportsNotItsNominalMemory() {
        int allocatable = Ec2InstanceTypes.of("m6i.2xlarge").orElseThrow().allocatableMemoryMib();
        assertEquals(30464, allocatable);
        org.junit.jupiter.api.Assertions.assertTrue(allocatable <= 30600 && allocatable > 30600 * 0.99,
                "at most the measured 30,600 MiB and within 1% of it: " + allocatable);
    }
}
