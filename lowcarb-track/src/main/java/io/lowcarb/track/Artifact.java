package io.lowcarb.track;

/**
 * A file a run produced.
 *
 * @param name what it is: checkpoint, model, json, report
 * @param path where it was written
 */
public record Artifact(String name, String path) {}
