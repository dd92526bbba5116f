/** The {@code lowcarb} command line: picocli commands that parse, call the library, and print. */
package io.lowcarb.cli;
