/** Green training on Deep Java Library: a trainer that accounts energy and CO2e per epoch and stops on budgets. */
package io.lowcarb.train;
