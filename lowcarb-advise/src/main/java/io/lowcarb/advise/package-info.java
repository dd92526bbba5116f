/**
 * Hardware and region advice: from a run (measured, estimated or given) or a description of the work, the time, energy
 * and CO2e of the same work on other hardware and in other regions, with the assumptions stated and
 * an uncertainty, ranked by CO2e, by time or by a weighted cost.
 */
package io.lowcarb.advise;
