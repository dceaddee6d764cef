package io.flinkha.validation;

import java.util.regex.Pattern;

/** The shape of an IPv4 CIDR block, one rule for every Args that takes one (network policies, a VPC, an API endpoint). */
public final class Cidr {
    /** An IPv4 CIDR block such as {@code 10.20.0.0/16}. */
    public static final Pattern PATTERN = Pattern.compile("(\\d{1,3}\\.){3}\\d{1,3}/\\d{1,2}");

    private Cidr() {
    }
}
