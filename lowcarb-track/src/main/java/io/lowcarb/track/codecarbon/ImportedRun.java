package io.lowcarb.track.codecarbon;

import io.lowcarb.track.RunEnd;
import io.lowcarb.track.RunStart;

/**
 * One row of a CodeCarbon file, as a run.
 *
 * @param start its start
 * @param end its end
 * @param key what identifies the row (CodeCarbon's run id and timestamp), to import it once
 */
public record ImportedRun(RunStart start, RunEnd end, String key) {}
