/** Model specs (a list of layers, JSON), the MLP and CNN presets, and their DJL blocks. */
package io.lowcarb.train.model;
