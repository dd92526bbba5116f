/** Power models for machines without readable sensors: CPU from TDP and utilisation, RAM from its size. */
package io.lowcarb.energy.estimate;
