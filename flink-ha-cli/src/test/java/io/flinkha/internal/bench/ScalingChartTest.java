package io.flinkha.internal.bench;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scaling picture draws each measured stack and both targets, as a document a browser renders. */
class ScalingChartTest {
    private static final List<ScalingChart.Point> POINTS = List.of(new ScalingChart.Point(100, 3000, 180),
            new ScalingChart.Point(1600, 22600, 581), new ScalingChart.Point(2000, 28000, 730));

    @Test
    void eachStackIsAPointOnTheTimeAndTheHeapLine() throws Exception {
        String svg = ScalingChart.svg(POINTS, 250, 30, 1024);
        var doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals(6, doc.getElementsByTagName("circle").getLength(), "a time and a heap point per stack");
        assertEquals(2, doc.getElementsByTagName("polyline").getLength());
        assertTrue(svg.contains("<title>1600 jobs: 22.6 s</title>") && svg.contains("<title>1600 jobs: 581 MiB</title>"), svg);
    }

    @Test
    void theTargetsAreDrawnAsTheFloorMultipleAndTheHeapBudget() {
        String svg = ScalingChart.svg(POINTS, 250, 30, 1024);
        assertTrue(svg.contains(">30x floor (7.5 s)</text>"), svg);
        assertTrue(svg.contains(">1024 MiB</text>"), svg);
    }

    @Test
    void aLowerTimeLiesHigherOnTheChartThanALongerOne() {
        String svg = ScalingChart.svg(POINTS, 250, 30, 1024);
        double fast = y(svg, "100 jobs: 3.0 s");
        double slow = y(svg, "2000 jobs: 28.0 s");
        assertTrue(fast > slow, "SVG y grows downwards: " + fast + " vs " + slow);
    }

    private static double y(String svg, String title) {
        int at = svg.indexOf("<title>" + title + "</title>");
        String circle = svg.substring(svg.lastIndexOf("<circle", at), at);
        String cy = circle.substring(circle.indexOf("cy=\"") + 4);
        return Double.parseDouble(cy.substring(0, cy.indexOf('"')));
    }
}
