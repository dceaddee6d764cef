package io.flinkha.rbac;

import java.util.EnumSet;
import java.util.Set;

/** Kubernetes RBAC verbs. There is deliberately no wildcard. */
public enum Verb {
    /** Read one object. */
    GET,
    /** Read all objects of the kind. */
    LIST,
    /** Follow changes. */
    WATCH,
    /** Create an object. */
    CREATE,
    /** Replace an object. */
    UPDATE,
    /** Change part of an object. */
    PATCH,
    /** Delete an object. */
    DELETE;

    /** Read, watch and change, as Flink's leader election and HA cleanup need on ConfigMaps. */
    public static final Set<Verb> READ_WRITE = Set.copyOf(EnumSet.allOf(Verb.class));
    /** Read and watch only. */
    public static final Set<Verb> READ = Set.copyOf(EnumSet.of(GET, LIST, WATCH));

    /** @return the verb as the API server spells it */
    public String value() {
        return name().toLowerCase();
    }
}
