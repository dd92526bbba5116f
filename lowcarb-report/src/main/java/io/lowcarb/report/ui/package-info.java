/**
 * {@code lowcarb ui}: a local web dashboard over the run store (runs list with filters, a run's
 * page, several runs compared), on Javalin, drawing with the report's pages.
 */
package io.lowcarb.report.ui;
