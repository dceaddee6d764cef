package io.flinkha.aws.eks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The node group's sizes, each accepted at its bounds and refused just past them. */
class NodeGroupSpecTest {
    private static final List<String> M6I = List.of("m6i.xlarge");

    @Test
    void oneNodeAndAThousandNodesAreTheBounds() {
        assertEquals(List.of(), NodeGroupSpec.problems(M6I, 1, 1, 1, 20));
        assertEquals(List.of(), NodeGroupSpec.problems(M6I, 1000, 1000, 1000, 20));
        assertEquals(List.of("minSize/maxSize: got 0/1001; expected 1 to 1000 nodes"),
                NodeGroupSpec.problems(M6I, 0, 1, 1001, 20).subList(0, 1));
    }

    @Test
    void theDesiredSizeMayEqualTheMinimumOrTheMaximum() {
        assertEquals(List.of(), NodeGroupSpec.problems(M6I, 2, 2, 3, 20));
        assertEquals(List.of(), NodeGroupSpec.problems(M6I, 2, 3, 3, 20));
        assertEquals(List.of("desiredSize: got 4; expected minSize <= desiredSize <= maxSize (2 <= 4 <= 3)"), NodeGroupSpec.problems(M6I, 2, 4, 3, 20));
        assertEquals(List.of("desiredSize: got 1; expected minSize <= desiredSize <= maxSize (2 <= 1 <= 3)"), NodeGroupSpec.problems(M6I, 2, 1, 3, 20));
    }

    @Test
    void aRootVolumeHas20To16384Gib() {
        assertEquals(List.of(), NodeGroupSpec.problems(M6I, 1, 1, 1, 16384));
        assertEquals(List.of("diskSize: got 19; expected 20 to 16384 GiB"), NodeGroupSpec.problems(M6I, 1, 1, 1, 19));
        assertEquals(List.of("diskSize: got 16385; expected 20 to 16384 GiB"), NodeGroupSpec.problems(M6I, 1, 1, 1, 16385));
    }
}
