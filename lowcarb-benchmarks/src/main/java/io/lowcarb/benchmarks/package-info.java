/** JMH benchmarks of lowcarb's hot paths; run them with {@code bench/jmh}. */
package io.lowcarb.benchmarks;
