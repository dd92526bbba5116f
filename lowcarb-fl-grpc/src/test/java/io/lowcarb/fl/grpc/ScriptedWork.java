package io.lowcarb.fl.grpc;

import io.lowcarb.energy.EnergyBasis;
import io.lowcarb.fl.grpc.client.LocalWork;
import io.lowcarb.fl.grpc.proto.Grid;
import io.lowcarb.fl.grpc.proto.JoinReply;
import io.lowcarb.fl.grpc.proto.Train;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Local "training" that moves every value by {@code step}, reports 36 J obtained as {@code basis}
 * says, and remembers the global model of each round.
 */
final class ScriptedWork implements LocalWork {
  /** The energy of every round's training, J. */
  static final double JOULES = 36;

  final Map<Integer, float[]> globals = new ConcurrentHashMap<>();
  private final float step;
  private final double gPerKwh;
  private final EnergyBasis basis;

  ScriptedWork(float step) {
    this(step, 100);
  }

  /** @param gPerKwh the client's grid intensity, gCO2e/kWh */
  ScriptedWork(float step, double gPerKwh) {
    this(step, gPerKwh, new EnergyBasis(EnergyBasis.Obtained.MEASURED, 10));
  }

  /** @param basis how the client's meter obtained its energy */
  ScriptedWork(float step, double gPerKwh, EnergyBasis basis) {
    this.step = step;
    this.gPerKwh = gPerKwh;
    this.basis = basis;
  }

  @Override
  public int examples() {
    return 10;
  }

  @Override
  public String dataset() {
    return "tiny";
  }

  @Override
  public Grid grid() {
    return Grid.newBuilder().setZone("ES").setGPerKwh(gPerKwh).build();
  }

  @Override
  public void prepare(JoinReply model) {}

  @Override
  public Contribution train(Train task, float[] global) {
    globals.put(task.getRound(), global.clone());
    float[] local = global.clone();
    for (int i = 0; i < local.length; i++) {
      local[i] += step;
    }
    return new Contribution(local, 10, 0.5, JOULES, basis, 1);
  }
}
