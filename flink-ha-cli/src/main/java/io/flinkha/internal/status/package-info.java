/** {@code status <stack>}: each job's HA state in a live cluster, against what the stack declares. */
package io.flinkha.internal.status;
