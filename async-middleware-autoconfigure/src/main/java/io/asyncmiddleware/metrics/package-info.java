/**
 * The live figures of stack entries: recorded by the execution wrappers and run-time
 * detection, read by the actuator endpoint and Micrometer.
 */
package io.asyncmiddleware.metrics;
