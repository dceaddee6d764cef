package io.flinkha.aws;

import com.pulumi.Context;
import io.flinkha.ComponentPlans.Plan;
import io.flinkha.PublicApi;

import java.util.function.Function;

/** The AWS components' tests: programs that get an AWS provider, run on Pulumi's public test API. */
public final class AwsPlans {
    private AwsPlans() {
    }

    /** @return what a program that gets an AWS provider in eu-west-1 registers */
    public static Plan ofAwsComponent(Function<com.pulumi.aws.Provider, Object> component) {
        return new Plan(PublicApi.run((Context ctx) -> component.apply(new com.pulumi.aws.Provider("test-aws",
                com.pulumi.aws.ProviderArgs.builder().region("eu-west-1").build()))));
    }
}
