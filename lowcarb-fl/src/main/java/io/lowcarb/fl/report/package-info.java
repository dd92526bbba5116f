/** What a federated training reports: per round and in total, with the JSON contract. */
package io.lowcarb.fl.report;
