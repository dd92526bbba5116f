/**
 * Bad input for readers' tests: a deterministic corpus made from valid samples ({@link Corpus}),
 * one entry per reader ({@link Target}) and a run ({@link FuzzRun}) that feeds every input to the
 * reader and checks the answer: the reader's own exception with one line naming the file, nothing
 * written beside the input, and the heap allocated kept in proportion to the input.
 */
package io.lowcarb.fuzz;
