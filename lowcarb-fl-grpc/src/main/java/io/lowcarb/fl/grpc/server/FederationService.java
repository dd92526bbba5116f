package io.lowcarb.fl.grpc.server;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.lowcarb.fl.grpc.auth.BearerAuthentication;
import io.lowcarb.fl.grpc.proto.FederationGrpc;
import io.lowcarb.fl.grpc.proto.JoinReply;
import io.lowcarb.fl.grpc.proto.JoinRequest;
import io.lowcarb.fl.grpc.proto.Task;
import io.lowcarb.fl.grpc.proto.TaskRequest;
import io.lowcarb.fl.grpc.proto.Update;
import io.lowcarb.fl.grpc.proto.UpdateReply;
import java.util.concurrent.CompletableFuture;

/** The gRPC face of a {@link Coordinator}: the caller is the client its bearer token names. */
public final class FederationService extends FederationGrpc.FederationImplBase {
  private final Coordinator coordinator;

  public FederationService(Coordinator coordinator) {
    this.coordinator = coordinator;
  }

  @Override
  public void join(JoinRequest request, StreamObserver<JoinReply> reply) {
    reply.onNext(coordinator.join(BearerAuthentication.CLIENT.get(), request));
    reply.onCompleted();
  }

  @Override
  public void fetchTask(TaskRequest request, StreamObserver<Task> reply) {
    String client = BearerAuthentication.CLIENT.get();
    CompletableFuture<Task> task;
    try {
      task = coordinator.task(client, request.getGrid());
    } catch (IllegalStateException e) {
      reply.onError(Status.FAILED_PRECONDITION.withDescription(e.getMessage()).asRuntimeException());
      return;
    }
    ServerCallStreamObserver<Task> call = (ServerCallStreamObserver<Task>) reply;
    call.setOnCancelHandler(() -> coordinator.dropped(client, task));
    task.whenComplete((t, error) -> {
      try {
        if (!call.isCancelled()) {
          call.onNext(t);
          call.onCompleted();
        }
      } catch (IllegalStateException | io.grpc.StatusRuntimeException e) {
        // cancelled meanwhile: the client is gone, and dropped() saw to it
      }
    });
  }

  @Override
  public void submitUpdate(Update request, StreamObserver<UpdateReply> reply) {
    reply.onNext(coordinator.submit(BearerAuthentication.CLIENT.get(), request));
    reply.onCompleted();
  }
}
