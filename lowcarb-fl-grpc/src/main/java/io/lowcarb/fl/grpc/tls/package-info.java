/** TLS for the federation's connections, from PEM files. */
package io.lowcarb.fl.grpc.tls;
