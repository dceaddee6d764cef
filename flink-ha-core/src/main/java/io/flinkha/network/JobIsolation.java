package io.flinkha.network;

import java.util.Optional;

/**
 * Whether the jobs' namespace gets its NetworkPolicies: on, with their Args, or off, with the reason someone gave. Without
 * them any pod in the cluster can reach a JobManager's REST API, which cancels jobs and runs submitted code, so turning
 * them off is a decision to record, and in production one the platform refuses without a reason.
 */
public sealed interface JobIsolation {
    /**
     * The policies are declared.
     *
     * @param args their Args, without the namespaces and deployments (the platform binds them)
     */
    record Policies(JobNetworkPoliciesArgs args) implements JobIsolation {
        /**
         * @param args the policies' Args
         * @throws IllegalArgumentException when they are missing
         */
        public Policies {
            if (args == null) {
                throw new IllegalArgumentException("Policies.args: expected the policies' Args");
            }
        }
    }

    /**
     * No policies: every pod in the cluster reaches the jobs, and the jobs reach everything.
     *
     * @param reason why, e.g. "the cluster's CNI enforces no NetworkPolicy; isolation is by security groups"; required in
     *               production
     */
    record Off(Optional<String> reason) implements JobIsolation {
        /**
         * @param reason why, if said; a blank one counts as none
         */
        public Off {
            reason = reason == null ? Optional.empty() : reason.map(String::strip).filter(r -> !r.isEmpty());
        }
    }

    /** @return the policies' Args, when they are on */
    default Optional<JobNetworkPoliciesArgs> policies() {
        return this instanceof Policies p ? Optional.of(p.args()) : Optional.empty();
    }

    /**
     * @param args the policies' Args
     * @return isolation by these policies
     */
    static JobIsolation policies(JobNetworkPoliciesArgs args) {
        return new Policies(args);
    }

    /** @return the default: policies with no egress beyond what HA and the jobs' own pods need */
    static JobIsolation byDefault() {
        return new Policies(JobNetworkPoliciesArgs.unbound(java.util.List.of()));
    }

    /**
     * @param reason why the jobs run unisolated
     * @return no policies, for this reason
     */
    static JobIsolation off(String reason) {
        return new Off(Optional.ofNullable(reason));
    }
}
