/**
 * Federated learning across machines over gRPC: the wire format shared by the server ({@code
 * server}) and the clients ({@code client}), with bearer tokens ({@code auth}) and TLS ({@code tls}).
 */
package io.lowcarb.fl.grpc;
