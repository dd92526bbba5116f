/** Choosing names from the built-in tables: glob patterns, and close matches for a name that is not there. */
package io.lowcarb.advise.names;
