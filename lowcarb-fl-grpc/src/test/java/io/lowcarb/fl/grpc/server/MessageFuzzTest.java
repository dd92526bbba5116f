package io.lowcarb.fl.grpc.server;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.lowcarb.fl.check.UpdateCheck;
import io.lowcarb.fl.codec.Compression;
import io.lowcarb.fl.grpc.WireWeights;
import io.lowcarb.fl.grpc.proto.Grid;
import io.lowcarb.fl.grpc.proto.Task;
import io.lowcarb.fl.grpc.proto.Train;
import io.lowcarb.fl.grpc.proto.Update;
import io.lowcarb.fuzz.FuzzInput;
import io.lowcarb.fuzz.FuzzRun;
import io.lowcarb.fuzz.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The messages of lowcarb-fl-grpc over the bad-input corpus (lowcarb-fuzz): an update as the server
 * parses and reviews it, and a task's global weights as a client reads them.
 */
class MessageFuzzTest {
  private static final float[] GLOBAL = new float[300];
  private static final UpdateCheck CHECK = UpdateCheck.forModel(GLOBAL.length);

  @TempDir Path scratch;

  private static byte[] update(Compression c) {
    float[] delta = new float[GLOBAL.length];
    for (int i = 0; i < delta.length; i++) {
      delta[i] = (i % 7 - 3) * 0.01f;
    }
    return Update.newBuilder().setRound(2).setDelta(ByteString.copyFrom(c.encoder().encode(delta))).setExamples(40)
        .setEnergyJoules(12.5).setGrid(Grid.newBuilder().setZone("ES").setGPerKwh(120)).setMeanLoss(0.4).setPue(1.2)
        .build().toByteArray();
  }

  /** An update as the server takes it: parsed by gRPC's marshaller, then reviewed; a refusal is the clear answer. */
  private static void review(Path file) throws Exception {
    Update u = Update.parseFrom(Files.readAllBytes(file));
    if (UpdateReview.review(u, GLOBAL, CHECK, 50) instanceof UpdateReview.Refused r) {
      throw new IllegalArgumentException(r.reason());
    }
  }

  @Test
  void updatesAsTheServerReviewsThem() {
    Target t = Target.of("gRPC Update", "update.pb", MessageFuzzTest::review, InvalidProtocolBufferException.class,
            IllegalArgumentException.class)
        .samples(update(new Compression.None()), update(new Compression.Int8()), update(new Compression.TopK(0.1)))
        .extra(new FuzzInput("a delta field claiming 2 GiB", new byte[] {0x12, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
            (byte) 0xFF, 0x07, 1, 2, 3}))
        .anonymous() // a message has no file name: the server answers the client with the reason
        .heap(1 << 20, 16);
    FuzzRun.run(t, scratch).assertClean();
  }

  @Test
  void globalWeightsAsAClientReadsThem() {
    Task task = Task.newBuilder().setTrain(Train.newBuilder().setRound(1).setGlobalWeights(WireWeights.bytes(GLOBAL))
        .setLocalEpochs(1).setBatchSize(32).setLearningRate(0.01f).setCompression("int8")).build();
    Target t = Target.of("gRPC Task weights", "task.pb",
            f -> WireWeights.floats(Task.parseFrom(Files.readAllBytes(f)).getTrain().getGlobalWeights()),
            InvalidProtocolBufferException.class, IllegalArgumentException.class)
        .samples(task.toByteArray())
        .anonymous()
        .heap(1 << 20, 16);
    FuzzRun.run(t, scratch).assertClean();
  }
}
