package io.flinkha.internal.drill;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The failover as a picture: the steps a drill saw on one time axis from the kill (leader lost, new leader elected, job
 * RUNNING, first checkpoint after the restore), with the recovery objective as a line the RUNNING mark must not cross.
 */
final class DrillTimeline {
    private static final int WIDTH = 720;
    private static final int LEFT = 40;
    private static final int RIGHT = 40;
    private static final int AXIS_Y = 120;

    private DrillTimeline() {
    }

    private record Mark(String label, Duration at) {
    }

    /**
     * @param report a drill's report
     * @return the timeline as a standalone SVG document
     */
    static String svg(DrillReport report) {
        List<Mark> marks = new ArrayList<>();
        marks.add(new Mark("JobManager " + report.deletedPod() + " deleted", Duration.ZERO));
        report.timeline().leaderElected().ifPresent(d -> marks.add(new Mark("new leader elected", d)));
        report.timeline().running().ifPresent(d -> marks.add(new Mark("job RUNNING, restored", d)));
        report.timeline().firstCheckpoint().ifPresent(d -> marks.add(new Mark("first checkpoint after restore", d)));
        Duration end = marks.stream().map(Mark::at).max(Duration::compareTo).orElse(Duration.ZERO);
        if (report.objective().isPresent() && report.objective().get().compareTo(end) > 0) {
            end = report.objective().get();
        }
        double span = Math.max(1, end.toMillis() * 1.1);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"220\" viewBox=\"0 0 ")
                .append(WIDTH).append(" 220\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.append("  <title>Failover drill of ").append(escape(report.deployment())).append(": ").append(report.passed() ? "passed" : "failed")
                .append("</title>\n");
        svg.append("  <rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append("  <text x=\"").append(LEFT).append("\" y=\"24\" font-size=\"14\" font-weight=\"bold\">Failover drill of ")
                .append(escape(report.deployment())).append(": ").append(report.passed() ? "PASSED" : "FAILED").append("</text>\n");
        Optional<Duration> running = report.timeline().running();
        running.ifPresent(r -> {
            boolean inTime = report.objective().map(o -> r.compareTo(o) <= 0).orElse(true);
            svg.append("  <rect x=\"").append(LEFT).append("\" y=\"").append(AXIS_Y - 10).append("\" width=\"")
                    .append(format(x(r, span) - LEFT)).append("\" height=\"20\" fill=\"").append(inTime ? "#b7e1cd" : "#f4c7c3")
                    .append("\"><title>down for ").append(seconds(r)).append("</title></rect>\n");
        });
        svg.append("  <line x1=\"").append(LEFT).append("\" y1=\"").append(AXIS_Y).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y2=\"")
                .append(AXIS_Y).append("\" stroke=\"black\"/>\n");
        report.objective().ifPresent(o -> {
            double ox = x(o, span);
            svg.append("  <line x1=\"").append(format(ox)).append("\" y1=\"50\" x2=\"").append(format(ox)).append("\" y2=\"190\" stroke=\"#c0392b\" "
                    + "stroke-dasharray=\"6 4\"/>\n");
            // near the right edge the label goes on the line's left, so it is never cut off
            boolean left = ox > WIDTH - RIGHT - 80;
            svg.append("  <text x=\"").append(format(left ? ox - 4 : ox + 4)).append("\" y=\"60\" fill=\"#c0392b\"")
                    .append(left ? " text-anchor=\"end\"" : "").append(">objective ").append(seconds(o)).append("</text>\n");
        });
        for (int i = 0; i < marks.size(); i++) {
            Mark m = marks.get(i);
            double mx = x(m.at(), span);
            // labels alternate above and below the axis so neighbours do not overlap
            int ty = i % 2 == 0 ? AXIS_Y + 40 + (i / 2) * 16 : AXIS_Y - 26 - (i / 2) * 16;
            svg.append("  <circle cx=\"").append(format(mx)).append("\" cy=\"").append(AXIS_Y).append("\" r=\"5\" fill=\"#2c3e50\"/>\n");
            svg.append("  <line x1=\"").append(format(mx)).append("\" y1=\"").append(AXIS_Y).append("\" x2=\"").append(format(mx)).append("\" y2=\"")
                    .append(ty + (i % 2 == 0 ? -12 : 4)).append("\" stroke=\"#7f8c8d\"/>\n");
            svg.append("  <text x=\"").append(format(Math.min(mx, WIDTH - RIGHT - 200))).append("\" y=\"").append(ty).append("\">")
                    .append(seconds(m.at())).append(": ").append(escape(m.label())).append("</text>\n");
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static double x(Duration at, double span) {
        return LEFT + (WIDTH - LEFT - RIGHT) * at.toMillis() / span;
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
