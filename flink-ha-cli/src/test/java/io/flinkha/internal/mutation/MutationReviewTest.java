package io.flinkha.internal.mutation;

import io.flinkha.internal.mutation.MutationReview.Explanation;
import io.flinkha.internal.mutation.MutationReview.Mutant;
import io.flinkha.internal.mutation.MutationReview.Review;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The review after a mutation run: scores per package, and no unexplained survivor where the rules are. */
class MutationReviewTest {
    private static final String NEGATE = "org.pitest.mutationtest.engine.gregor.mutators.NegateConditionalsMutator";
    private static final List<String> GATED = List.of("io.flinkha.config");

    private static Mutant mutant(String status, String cls, String method, int line) {
        return new Mutant(status, cls, method, line, NEGATE, "negated conditional");
    }

    private static Explanation why(String cls, String method, int line) {
        return new Explanation(cls, method, "NegateConditionalsMutator", line, "equivalent: both branches return the same value");
    }

    @Test
    void readsEveryMutantOfPitsXmlReport(@TempDir Path dir) throws Exception {
        Path xml = dir.resolve("mutations.xml");
        Files.writeString(xml, """
                <?xml version="1.0" encoding="UTF-8"?>
                <mutations partial="true">
                <mutation detected='false' status='SURVIVED' numberOfTestsRun='4'><sourceFile>Node.java</sourceFile>\
                <mutatedClass>io.flinkha.config.Node</mutatedClass><mutatedMethod>strings</mutatedMethod>\
                <methodDescription>()V</methodDescription><lineNumber>42</lineNumber><mutator>%s</mutator><indexes><index>3</index></indexes>\
                <blocks><block>1</block></blocks><killingTest/><description>negated conditional</description></mutation>
                </mutations>
                """.formatted(NEGATE));
        assertEquals(List.of(new Mutant("SURVIVED", "io.flinkha.config.Node", "strings", 42, NEGATE, "negated conditional")),
                MutationReview.read(xml));
    }

    @Test
    void scoresEachPackageByTheShareOfMutantsATestDetectsRoundedDown() {
        List<Mutant> ms = List.of(mutant("KILLED", "io.flinkha.config.A", "a", 1), mutant("TIMED_OUT", "io.flinkha.config.A", "a", 2),
                mutant("SURVIVED", "io.flinkha.config.A", "a", 3), mutant("KILLED", "io.flinkha.rbac.Grant", "g", 1),
                mutant("NO_COVERAGE", "io.flinkha.rbac.Grant", "g", 2));
        String md = MutationReview.review(ms, List.of(why("io.flinkha.config.A", "a", 3)), GATED).markdown();
        assertTrue(md.contains("| io.flinkha.config | 3 | 2 | 1 | 0 | 66% |"), md);
        assertTrue(md.contains("| io.flinkha.rbac | 2 | 1 | 0 | 1 | 50% |"), md);
        assertTrue(md.contains("| **all** | 5 | 3 | 1 | 1 | 60% |"), md);
    }

    @Test
    void aGatedSurvivorWithoutAReasonIsUnexplained() {
        Mutant survivor = mutant("SURVIVED", "io.flinkha.config.A", "a", 3);
        Review r = MutationReview.review(List.of(survivor), List.of(why("io.flinkha.config.A", "a", 4)), GATED);
        assertEquals(List.of(survivor), r.unexplained());
        assertTrue(r.markdown().contains("| `A.a` line 3: negated conditional (NegateConditionalsMutator) | SURVIVED | **UNEXPLAINED** |"),
                r.markdown());
    }

    @Test
    void aGatedMutantWithoutCoverageNeedsAReasonToo() {
        Mutant uncovered = mutant("NO_COVERAGE", "io.flinkha.config.sub.B", "b", 9);
        assertEquals(List.of(uncovered), MutationReview.review(List.of(uncovered), List.of(), GATED).unexplained());
    }

    @Test
    void aReasonForEveryLineOfAMethodCoversEachOfItsSurvivorsAndIsShownWithThem() {
        Review r = MutationReview.review(List.of(mutant("SURVIVED", "io.flinkha.config.A", "a", 3), mutant("SURVIVED", "io.flinkha.config.A", "a", 8)),
                List.of(why("io.flinkha.config.A", "a", 0)), GATED);
        assertEquals(List.of(), r.unexplained());
        assertTrue(r.markdown().contains("| `A.a` line 8: negated conditional (NegateConditionalsMutator) | SURVIVED | equivalent: both"), r.markdown());
    }

    @Test
    void aSurvivorOutsideTheGatedPackagesIsCountedButNotGated() {
        Review r = MutationReview.review(List.of(mutant("SURVIVED", "io.flinkha.configx.A", "a", 3)), List.of(), GATED);
        assertEquals(List.of(), r.unexplained());
    }

    @Test
    void anExplanationLineNamesClassMethodMutatorLineAndReason() {
        assertEquals(List.of(new Explanation("io.flinkha.config.A", "a", "NegateConditionalsMutator", 0, "why")),
                MutationReview.explanations(List.of("# comment", "", "io.flinkha.config.A\ta\tNegateConditionalsMutator\t*\twhy")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MutationReview.explanations(List.of("io.flinkha.config.A\ta\tNegateConditionalsMutator\t3\t ")));
        assertTrue(e.getMessage().contains("needs class, method, mutator, line (or *) and a reason"), e.getMessage());
    }

    @Test
    void aMethodEndingInAStarCoversEveryLambdaOfThatMethod() {
        Mutant inLambda = mutant("SURVIVED", "io.flinkha.config.A", "lambda$read$12", 5);
        Explanation lambdas = new Explanation("io.flinkha.config.A", "lambda$read$*", "NegateConditionalsMutator", 0, "why");
        assertEquals(List.of(), MutationReview.review(List.of(inLambda), List.of(lambdas), GATED).unexplained());
        assertEquals(List.of(inLambda), MutationReview.review(List.of(inLambda),
                List.of(new Explanation("io.flinkha.config.A", "lambda$readAll$*", "NegateConditionalsMutator", 0, "why")), GATED).unexplained());
    }
}
