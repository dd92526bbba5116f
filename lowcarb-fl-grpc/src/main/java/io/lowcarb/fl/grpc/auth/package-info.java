/** Who may join a federation: a tokens file, and the interceptor that checks every call's bearer token. */
package io.lowcarb.fl.grpc.auth;
