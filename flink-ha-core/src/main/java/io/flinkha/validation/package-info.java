/**
 * How component Args report bad arguments: every problem at once, naming the component, the field, the
 * value and what is allowed.
 */
package io.flinkha.validation;
