package io.flinkha.identity;

import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Flink service account's role in a cloud: what its pods assume to reach the jobs' state. A cloud's artifact
 * declares it (flink-ha-aws: {@code IamCloudRole}); this artifact only wires it into the account,
 * so a platform on an existing cluster with NFS storage needs no cloud SDK at all.
 */
public interface CloudRole {

    /** @return how the account's pods get the role's credentials, which decides how a filesystem client finds them */
    CloudCredentials credentials();

    /** @return what the ServiceAccount must carry for its pods to get the role (IRSA's role ARN annotation), possibly nothing */
    Output<Map<String, String>> serviceAccountAnnotations();

    /**
     * Adds a policy to the role; storage grants call it through {@link FlinkServiceAccount#addCloudPolicy}.
     *
     * @param name     logical name of the policy resource
     * @param document the policy document
     * @param options  options of the policy resource, e.g. the granting component as its parent
     * @return the policy; deployments that use the account wait for it
     */
    Resource addPolicy(String name, Output<String> document, CustomResourceOptions options);

    /** @return what a pod needs in place before it can use the role: the role, what hands it to pods, every policy added so far */
    List<Resource> readiness();

    /** Declares the cloud role of one account, as a child of it, when the account's cluster can hand roles to pods. */
    @FunctionalInterface
    interface Declaration {
        /**
         * @param name    the account component's logical name; the role's children are named {@code <name>-<part>}
         * @param args    the account's arguments: its cluster (and how that cluster hands roles to pods), namespace and name
         * @param account the account, the parent of what is declared
         * @return the role, or empty where the cluster hands no roles to pods
         */
        Optional<CloudRole> declare(String name, FlinkServiceAccountArgs args, FlinkServiceAccount account);
    }
}
