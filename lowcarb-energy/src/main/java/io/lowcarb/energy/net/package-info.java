/**
 * What lowcarb's servers share at the network's edge, on the JDK alone: whether an address is
 * loopback and plaintext may be served there, which Host headers a loopback server answers (against
 * DNS rebinding), and a TLS identity read from PEM files.
 */
package io.lowcarb.energy.net;
