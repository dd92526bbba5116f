package io.lowcarb.schedule.queue;

/** {@link TwoWorkersScenario} on an H2 file that both processes share (AUTO_SERVER). */
class TwoWorkersH2Test extends TwoWorkersScenario {

  @Override
  String url() {
    return "jdbc:h2:file:" + dir.resolve("queue") + ";AUTO_SERVER=TRUE";
  }
}
