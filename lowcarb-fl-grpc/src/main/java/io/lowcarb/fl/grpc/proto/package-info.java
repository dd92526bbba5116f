/** The federation's messages and service stubs, generated from {@code federation.proto}. */
package io.lowcarb.fl.grpc.proto;
