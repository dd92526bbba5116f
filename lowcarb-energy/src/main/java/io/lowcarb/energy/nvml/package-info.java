/** NVIDIA GPU energy through NVML, bound with the FFM API ({@code java.lang.foreign}). */
package io.lowcarb.energy.nvml;
