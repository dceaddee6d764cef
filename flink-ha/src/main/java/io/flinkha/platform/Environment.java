package io.flinkha.platform;

import io.flinkha.storage.HaStorage;
import io.flinkha.aws.s3.S3StorageArgs;
import io.flinkha.validation.ArgsCheck;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What one environment (one stack) is, beside its components: the facts every component's Args take a part of.
 *
 * @param name       used in every storage path, so environments never share HA data
 * @param production whether it serves production, which tightens the rules (retained storage, jobs that keep state)
 * @param namespace  Kubernetes namespace of the Flink jobs
 * @param awsRegion  the AWS region of every AWS resource, when the cluster or the storage is on AWS
 * @param checkedOn  the day the platform is checked on: the EKS support calendar is read against it
 */
public record Environment(String name, boolean production, String namespace, Optional<String> awsRegion, LocalDate checkedOn) {
    /**
     * Checks the facts.
     *
     * @param name       used in every storage path
     * @param production whether it serves production
     * @param namespace  Kubernetes namespace of the Flink jobs
     * @param awsRegion  the AWS region, when anything is on AWS
     * @param checkedOn  the day the platform is checked on
     * @throws IllegalArgumentException naming every problem
     */
    public Environment {
        ArgsCheck.of("Environment")
                .check(name != null && HaStorage.PATH_SEGMENT.matcher(name).matches(), "name", name,
                        "expected a DNS label ([a-z0-9-], at most 63 characters); it is a storage path segment")
                .check(namespace != null && HaStorage.PATH_SEGMENT.matcher(namespace).matches(), "namespace", namespace,
                        "expected a Kubernetes namespace name ([a-z0-9-], at most 63 characters)")
                .problem("awsRegion", awsRegion.orElse(null), awsRegion.filter(r -> !S3StorageArgs.REGION.matcher(r).matches())
                        .map(r -> "expected an AWS region such as eu-west-1"))
                .required("checkedOn", checkedOn, "expected the day of the plan")
                .done();
    }
}
