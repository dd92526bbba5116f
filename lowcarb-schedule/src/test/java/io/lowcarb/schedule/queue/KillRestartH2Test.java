package io.lowcarb.schedule.queue;

/** {@link KillRestartScenario} on an H2 file that both processes share (AUTO_SERVER). */
class KillRestartH2Test extends KillRestartScenario {

  @Override
  String url() {
    return "jdbc:h2:file:" + dir.resolve("queue") + ";AUTO_SERVER=TRUE";
  }
}
