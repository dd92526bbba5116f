/** Publishes a lowcarb meter's power, energy and emissions through Micrometer (and so to Prometheus). */
package io.lowcarb.micrometer;
