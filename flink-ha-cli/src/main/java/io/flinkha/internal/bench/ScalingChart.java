package io.flinkha.internal.bench;

import java.util.List;
import java.util.Locale;

/**
 * Plan time and peak heap against the number of FlinkDeployments, as an SVG: two lines over one axis of job counts, each
 * against its target (a multiple of the JVM floor for time, a heap budget for memory), so a regression shows at a glance.
 */
final class ScalingChart {
    private static final int WIDTH = 720;
    private static final int HEIGHT = 320;
    private static final int LEFT = 60;
    private static final int RIGHT = 60;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;

    private ScalingChart() {
    }

    /**
     * One measured stack.
     *
     * @param jobs     its FlinkDeployments
     * @param wallMs   the plan's wall time
     * @param heapMiB  its peak heap
     */
    record Point(int jobs, long wallMs, long heapMiB) {
    }

    /**
     * @param points        the measured stacks, by job count
     * @param floorMs       the JVM floor measured in the same run
     * @param timeTarget    the time target, as a multiple of the floor
     * @param heapTargetMiB the heap target
     * @return the chart, a standalone SVG document
     */
    static String svg(List<Point> points, long floorMs, int timeTarget, long heapTargetMiB) {
        int maxJobs = points.stream().mapToInt(Point::jobs).max().orElse(1);
        double maxSeconds = Math.max(timeTarget * floorMs, points.stream().mapToLong(Point::wallMs).max().orElse(1)) / 1000.0 * 1.1;
        double maxHeap = Math.max(heapTargetMiB, points.stream().mapToLong(Point::heapMiB).max().orElse(1)) * 1.1;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        s.append("  <title>Plan time and peak heap against FlinkDeployments</title>\n");
        s.append("  <rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        s.append("  <text x=\"").append(LEFT).append("\" y=\"22\" font-size=\"14\" font-weight=\"bold\">Plan time (blue, left) and peak heap "
                + "(orange, right) against FlinkDeployments</text>\n");
        int x0 = LEFT;
        int x1 = WIDTH - RIGHT;
        int y0 = HEIGHT - BOTTOM;
        s.append(line(x0, y0, x1, y0, "black", "")).append(line(x0, TOP, x0, y0, "#1f77b4", "")).append(line(x1, TOP, x1, y0, "#ff7f0e", ""));
        for (Point p : points) {
            double x = x0 + (x1 - x0) * (double) p.jobs() / maxJobs;
            s.append(text(x, y0 + 16, "middle", "black", Integer.toString(p.jobs())));
        }
        s.append(text((x0 + x1) / 2.0, HEIGHT - 12, "middle", "black", "FlinkDeployments"));
        for (int i = 0; i <= 4; i++) {
            double y = y0 - (y0 - TOP) * i / 4.0;
            s.append(text(x0 - 6, y + 4, "end", "#1f77b4", fmt(maxSeconds * i / 4) + " s"));
            s.append(text(x1 + 6, y + 4, "start", "#ff7f0e", Math.round(maxHeap * i / 4) + " MiB"));
        }
        double timeY = y0 - (y0 - TOP) * (timeTarget * floorMs / 1000.0) / maxSeconds;
        s.append(line(x0, timeY, x1, timeY, "#1f77b4", " stroke-dasharray=\"6 4\""))
                .append(text(x0 + 4, timeY - 4, "start", "#1f77b4", timeTarget + "x floor (" + fmt(timeTarget * floorMs / 1000.0) + " s)"));
        double heapY = y0 - (y0 - TOP) * heapTargetMiB / maxHeap;
        s.append(line(x0, heapY, x1, heapY, "#ff7f0e", " stroke-dasharray=\"2 4\""))
                .append(text(x1 - 4, heapY - 4, "end", "#ff7f0e", heapTargetMiB + " MiB"));
        StringBuilder time = new StringBuilder();
        StringBuilder heap = new StringBuilder();
        for (Point p : points) {
            double x = x0 + (x1 - x0) * (double) p.jobs() / maxJobs;
            double ty = y0 - (y0 - TOP) * (p.wallMs() / 1000.0) / maxSeconds;
            double hy = y0 - (y0 - TOP) * p.heapMiB() / maxHeap;
            time.append(fmt(x)).append(',').append(fmt(ty)).append(' ');
            heap.append(fmt(x)).append(',').append(fmt(hy)).append(' ');
            s.append("  <circle cx=\"").append(fmt(x)).append("\" cy=\"").append(fmt(ty)).append("\" r=\"3\" fill=\"#1f77b4\"><title>")
                    .append(p.jobs()).append(" jobs: ").append(fmt(p.wallMs() / 1000.0)).append(" s</title></circle>\n");
            s.append("  <circle cx=\"").append(fmt(x)).append("\" cy=\"").append(fmt(hy)).append("\" r=\"3\" fill=\"#ff7f0e\"><title>")
                    .append(p.jobs()).append(" jobs: ").append(p.heapMiB()).append(" MiB</title></circle>\n");
        }
        s.append("  <polyline fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"2\" points=\"").append(time.toString().trim()).append("\"/>\n");
        s.append("  <polyline fill=\"none\" stroke=\"#ff7f0e\" stroke-width=\"2\" points=\"").append(heap.toString().trim()).append("\"/>\n");
        s.append("</svg>\n");
        return s.toString();
    }

    private static String line(double xa, double ya, double xb, double yb, String colour, String extra) {
        return "  <line x1=\"" + fmt(xa) + "\" y1=\"" + fmt(ya) + "\" x2=\"" + fmt(xb) + "\" y2=\"" + fmt(yb) + "\" stroke=\"" + colour + "\""
                + extra + "/>\n";
    }

    private static String text(double x, double y, String anchor, String colour, String text) {
        return "  <text x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" text-anchor=\"" + anchor + "\" fill=\"" + colour + "\">" + text + "</text>\n";
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
