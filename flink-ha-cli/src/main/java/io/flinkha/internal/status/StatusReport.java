package io.flinkha.internal.status;

import com.google.gson.GsonBuilder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The status of every job of a stack, and the HA ConfigMaps no deployment owns.
 *
 * @param namespace the jobs' namespace
 * @param jobs      each job the stack declares
 * @param orphans   HA ConfigMaps whose deployment is gone (left after a delete; they hold pointers to old state)
 */
record StatusReport(String namespace, List<JobHealth> jobs, List<String> orphans) {
    /** @return whether every job is healthy */
    boolean healthy() {
        return jobs.stream().allMatch(j -> j.risks().isEmpty());
    }

    /** @return the report as text */
    String render() {
        StringBuilder out = new StringBuilder();
        jobs.forEach(j -> out.append(j.render()));
        if (!orphans.isEmpty()) {
            out.append("HA ConfigMaps of no FlinkDeployment in ").append(namespace).append(" (left after a delete; remove them once no job "
                    + "should resume from them): ").append(String.join(", ", orphans)).append('\n');
        }
        long atRisk = jobs.stream().filter(j -> !j.risks().isEmpty()).count();
        out.append(jobs.size()).append(" job").append(jobs.size() == 1 ? "" : "s").append(", ").append(atRisk).append(" at risk\n");
        return out.toString();
    }

    /** @return the report as JSON, for scripts */
    String json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("namespace", namespace);
        m.put("healthy", healthy());
        m.put("jobs", jobs.stream().map(JobHealth::toMap).toList());
        m.put("orphanedHaConfigMaps", orphans);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(m) + "\n";
    }
}
