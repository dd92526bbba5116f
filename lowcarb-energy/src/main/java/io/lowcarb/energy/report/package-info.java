/** Writing a measured run: the JSON summary and rows in CodeCarbon's {@code emissions.csv} format. */
package io.lowcarb.energy.report;
