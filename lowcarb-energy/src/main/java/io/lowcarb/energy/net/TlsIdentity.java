package io.lowcarb.energy.net;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A server's TLS identity: its certificate chain and private key, read from PEM files as openssl
 * writes them. The scheduler's HTTP API and the federation's gRPC server read theirs alike, so a
 * pair of files that works for one works for the other.
 */
public final class TlsIdentity {
  private static final String BEGIN_KEY = "-----BEGIN PRIVATE KEY-----";
  private static final String END_KEY = "-----END PRIVATE KEY-----";
  /** Guards only the in-memory key store that hands the key to the TLS engine. */
  private static final char[] STORE_PASSWORD = "lowcarb".toCharArray();

  private final X509Certificate[] chain;
  private final PrivateKey key;

  private TlsIdentity(X509Certificate[] chain, PrivateKey key) {
    this.chain = chain;
    this.key = key;
  }

  /**
   * The identity of {@code --tls-cert} and {@code --tls-key}, or empty when neither is given.
   *
   * @throws IllegalArgumentException when only one is given, or as {@link #read}
   */
  public static Optional<TlsIdentity> fromOptions(Optional<Path> certificate, Optional<Path> key) {
    if (certificate.isPresent() != key.isPresent()) {
      throw new IllegalArgumentException("--tls-cert and --tls-key go together: give both or neither");
    }
    return certificate.map(c -> read(c, key.get()));
  }

  /**
   * Reads a certificate chain (PEM, the server's own certificate first) and its private key
   * (unencrypted PKCS#8 PEM, {@code BEGIN PRIVATE KEY}).
   *
   * @throws IllegalArgumentException in one line naming the file and what is wrong with it
   */
  public static TlsIdentity read(Path certificate, Path key) {
    X509Certificate[] chain = chain(certificate);
    PrivateKey privateKey = privateKey(key, chain[0].getPublicKey().getAlgorithm());
    if (!matches(privateKey, chain[0].getPublicKey())) {
      throw new IllegalArgumentException("the key in " + key + " does not belong to the certificate in " + certificate);
    }
    return new TlsIdentity(chain, privateKey);
  }

  /** The chain, the server's certificate first. */
  public X509Certificate[] chain() {
    return chain.clone();
  }

  /** Key managers presenting this identity, for a TLS server (JDK or gRPC). */
  public KeyManager[] keyManagers() {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("server", key, STORE_PASSWORD, chain);
      KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      factory.init(store, STORE_PASSWORD);
      return factory.getKeyManagers();
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("the JDK cannot hold a TLS key: " + e.getMessage(), e);
    }
  }

  /** A TLS context for a server presenting this identity. */
  public SSLContext serverContext() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no TLS: " + e.getMessage(), e);
    }
  }

  private static X509Certificate[] chain(Path file) {
    Collection<? extends Certificate> read;
    try {
      read = CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes(file)));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot use " + file + " as a certificate chain: " + firstLine(e));
    }
    if (read.isEmpty()) {
      throw new IllegalArgumentException(file + " holds no PEM certificate");
    }
    return read.stream().map(X509Certificate.class::cast).toArray(X509Certificate[]::new);
  }

  private static PrivateKey privateKey(Path file, String algorithm) {
    String text = new String(bytes(file), StandardCharsets.US_ASCII);
    int begin = text.indexOf(BEGIN_KEY);
    int end = text.indexOf(END_KEY);
    if (begin < 0 || end < begin) {
      String hint = text.contains("ENCRYPTED PRIVATE KEY") ? "its key is encrypted"
          : text.contains("RSA PRIVATE KEY") || text.contains("EC PRIVATE KEY") ? "its key is not PKCS#8"
          : "it holds no 'BEGIN PRIVATE KEY' block";
      throw new IllegalArgumentException("cannot use " + file + " as a TLS key: " + hint
          + "; lowcarb reads unencrypted PKCS#8 (openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8)");
    }
    try {
      byte[] der = Base64.getMimeDecoder().decode(text.substring(begin + BEGIN_KEY.length(), end));
      return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "cannot use " + file + " as the certificate's " + algorithm + " key: " + firstLine(e));
    }
  }

  /** Whether {@code key} signs what {@code certified} verifies: a key file of another certificate fails every handshake. */
  private static boolean matches(PrivateKey key, PublicKey certified) {
    String algorithm = switch (certified.getAlgorithm()) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> "SHA256withECDSA";
      case "Ed25519", "Ed448", "EdDSA" -> certified.getAlgorithm();
      default -> null;
    };
    if (algorithm == null) {
      return true; // an algorithm we cannot test here: the handshake will tell
    }
    try {
      byte[] probe = "lowcarb".getBytes(StandardCharsets.US_ASCII);
      Signature sign = Signature.getInstance(algorithm);
      sign.initSign(key);
      sign.update(probe);
      Signature verify = Signature.getInstance(algorithm);
      verify.initVerify(certified);
      verify.update(probe);
      return verify.verify(sign.sign());
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file);
    }
  }

  private static String firstLine(Exception e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.lines().findFirst().orElse(m);
  }
}
