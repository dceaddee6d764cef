package io.flinkha.storage;

import com.pulumi.core.Output;

/** A Kubernetes service account by namespace and name, before (or without) the object itself. */
public record ServiceAccountRef(Output<String> namespace, String name) {
}
