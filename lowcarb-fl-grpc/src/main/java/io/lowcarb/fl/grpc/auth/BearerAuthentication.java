package io.lowcarb.fl.grpc.auth;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.util.Optional;

/**
 * Lets a call through only with {@code authorization: Bearer TOKEN} metadata carrying a known
 * token; others end with {@code UNAUTHENTICATED} before the service sees them. The client that the
 * token names is in {@link #CLIENT} for the call's duration.
 */
public final class BearerAuthentication implements ServerInterceptor {
  /** The authenticated client's id, set for every call that gets through. */
  public static final Context.Key<String> CLIENT = Context.key("lowcarb-fl-client");

  static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private static final String SCHEME = "Bearer ";

  private final Tokens tokens;

  public BearerAuthentication(Tokens tokens) {
    this.tokens = tokens;
  }

  @Override
  public <Q, A> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
    Optional<String> client = client(headers.get(AUTHORIZATION));
    if (client.isEmpty()) {
      call.close(Status.UNAUTHENTICATED.withDescription("a known bearer token is required"), new Metadata());
      return new ServerCall.Listener<>() {};
    }
    return Contexts.interceptCall(Context.current().withValue(CLIENT, client.get()), call, headers, next);
  }

  private Optional<String> client(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return Optional.empty();
    }
    return tokens.client(authorization.substring(SCHEME.length()).strip());
  }

  /** The metadata a client sends with every call. */
  public static Metadata headers(String token) {
    Metadata m = new Metadata();
    m.put(AUTHORIZATION, SCHEME + token);
    return m;
  }
}
