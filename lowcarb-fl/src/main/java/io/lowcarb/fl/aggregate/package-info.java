/** How the server turns the clients' updates into the next global model: weighted mean, median, trimmed mean. */
package io.lowcarb.fl.aggregate;
