/**
 * Knowledge distillation (Hinton, Vinyals and Dean, 2015): a small student learns from a trained
 * teacher's softened outputs as well as from the labels.
 */
package io.lowcarb.compress.distill;
