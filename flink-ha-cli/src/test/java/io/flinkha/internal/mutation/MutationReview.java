package io.flinkha.internal.mutation;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads PIT's {@code mutations.xml} after a mutation run and writes {@code review.md} next to it: the score per
 * package, and every mutant that no test killed in the gated packages (settings validation, the upstream checks)
 * with the reason it may live, taken from the explained-survivors list. A gated survivor without a reason fails
 * the run: it is either a rule that can break unnoticed (write the test) or an equivalent mutant (explain it).
 *
 * <p>Usage: {@code MutationReview <mutations.xml> <explained.tsv> <gated package,...>}
 */
public final class MutationReview {
    /** One mutant as PIT reports it. */
    record Mutant(String status, String mutatedClass, String method, int line, String mutator, String description) {
        boolean detected() {
            return status.equals("KILLED") || status.equals("TIMED_OUT") || status.equals("MEMORY_ERROR") || status.equals("RUN_ERROR");
        }

        String packageName() {
            return mutatedClass.substring(0, mutatedClass.lastIndexOf('.'));
        }

        String mutatorName() {
            return mutator.substring(mutator.lastIndexOf('.') + 1);
        }

        boolean in(List<String> packages) {
            return packages.stream().anyMatch(p -> packageName().equals(p) || packageName().startsWith(p + "."));
        }
    }

    /**
     * Why one surviving mutant may live: {@code line} 0 stands for every line of the method, and a method ending in
     * {@code *} for every method it begins (a lambda's number, {@code lambda$readJobs$36}, changes as lambdas are added).
     */
    record Explanation(String mutatedClass, String method, String mutator, int line, String reason) {
        boolean covers(Mutant m) {
            boolean sameMethod = method.endsWith("*") ? m.method().startsWith(method.substring(0, method.length() - 1)) : m.method().equals(method);
            return m.mutatedClass().equals(mutatedClass) && sameMethod && m.mutatorName().equals(mutator) && (line == 0 || line == m.line());
        }
    }

    /** What the review found. */
    record Review(String markdown, List<Mutant> unexplained) {
    }

    private MutationReview() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: MutationReview <mutations.xml> <explained.tsv> <gated package,...>");
        }
        Path xml = Path.of(args[0]);
        Review review = review(read(xml), explanations(Files.readAllLines(Path.of(args[1]))), List.of(args[2].split(",")));
        Files.writeString(xml.resolveSibling("review.md"), review.markdown());
        System.out.print(review.markdown());
        if (!review.unexplained().isEmpty()) {
            System.err.println(review.unexplained().size() + " surviving mutants in " + args[2] + " have no test and no reason in "
                    + args[1] + ": kill each with a test of the rule it breaks, or explain why it is equivalent");
            System.exit(1);
        }
    }

    static List<Mutant> read(Path mutationsXml) throws Exception {
        NodeList nodes = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(mutationsXml.toFile())
                .getElementsByTagName("mutation");
        List<Mutant> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            out.add(new Mutant(e.getAttribute("status"), text(e, "mutatedClass"), text(e, "mutatedMethod"),
                    Integer.parseInt(text(e, "lineNumber")), text(e, "mutator"), text(e, "description")));
        }
        return out;
    }

    private static String text(Element e, String tag) {
        return e.getElementsByTagName(tag).item(0).getTextContent().trim();
    }

    /** Lines of {@code class<TAB>method<TAB>mutator<TAB>line or *<TAB>reason}; blank lines and {@code #} comments are skipped. */
    static List<Explanation> explanations(List<String> lines) {
        List<Explanation> out = new ArrayList<>();
        for (String raw : lines) {
            if (raw.isBlank() || raw.startsWith("#")) {
                continue;
            }
            String[] f = raw.split("\t");
            if (f.length != 5 || f[4].isBlank()) {
                throw new IllegalArgumentException("an explained survivor needs class, method, mutator, line (or *) and a reason, "
                        + "separated by tabs: '" + raw + "'");
            }
            out.add(new Explanation(f[0], f[1], f[2], f[3].equals("*") ? 0 : Integer.parseInt(f[3]), f[4]));
        }
        return out;
    }

    static Review review(List<Mutant> mutants, List<Explanation> explained, List<String> gated) {
        StringBuilder md = new StringBuilder("# Mutation review\n\n| package | mutants | killed | survived | no coverage | score |\n"
                + "|---|---:|---:|---:|---:|---:|\n");
        Map<String, List<Mutant>> byPackage = new TreeMap<>();
        mutants.forEach(m -> byPackage.computeIfAbsent(m.packageName(), p -> new ArrayList<>()).add(m));
        byPackage.forEach((p, ms) -> md.append(row(p, ms)));
        md.append(row("**all**", mutants));

        List<Mutant> unexplained = new ArrayList<>();
        md.append("\n## Mutants no test kills in ").append(String.join(", ", gated)).append("\n\n");
        md.append("| mutant | status | why it may live |\n|---|---|---|\n");
        for (Mutant m : mutants) {
            if (m.detected() || !m.in(gated)) {
                continue;
            }
            Optional<String> why = explained.stream().filter(x -> x.covers(m)).map(Explanation::reason).findFirst();
            if (why.isEmpty()) {
                unexplained.add(m);
            }
            md.append(String.format(Locale.ROOT, "| `%s.%s` line %d: %s (%s) | %s | %s |%n", simpleName(m.mutatedClass()), m.method(),
                    m.line(), m.description(), m.mutatorName(), m.status(), why.orElse("**UNEXPLAINED**")));
        }
        return new Review(md.toString(), unexplained);
    }

    // rounded down, so a package shown at 85% has reached it
    private static String row(String name, List<Mutant> ms) {
        long killed = ms.stream().filter(Mutant::detected).count();
        long survived = ms.stream().filter(m -> m.status().equals("SURVIVED")).count();
        long noCoverage = ms.stream().filter(m -> m.status().equals("NO_COVERAGE")).count();
        return String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d%% |%n", name, ms.size(), killed, survived, noCoverage,
                100 * killed / ms.size());
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
