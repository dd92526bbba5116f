/** lowcarb used from Java code: each class is a small program with a {@code main}. */
package io.lowcarb.examples;
