package io.lowcarb.energy.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority and a server certificate it signed, for {@code localhost} and
 * {@code 127.0.0.1}, written as PEM files: what an operator would make with openssl, made here so
 * that the tests run anywhere. The servers' tests in other modules take it from this module's test jar.
 *
 * @param ca the authority's certificate, which clients trust
 * @param cert the server's certificate
 * @param key the server's private key, PKCS#8
 */
public record TestCertificates(Path ca, Path cert, Path key) {

  /** Makes a fresh authority and server certificate in {@code dir}. */
  public static TestCertificates make(Path dir) throws Exception {
    KeyPair caKeys = keys();
    X500Name caName = new X500Name("CN=lowcarb test CA");
    X509v3CertificateBuilder ca = builder(caName, caName, caKeys);
    ca.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    ca.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    X509Certificate caCert = sign(ca, caKeys.getPrivate());

    KeyPair serverKeys = keys();
    X509v3CertificateBuilder server = builder(caName, new X500Name("CN=localhost"), serverKeys);
    server.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
        new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
    server.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    X509Certificate serverCert = sign(server, caKeys.getPrivate());

    Files.createDirectories(dir);
    Path caFile = pem(dir.resolve("ca.pem"), caCert);
    Path certFile = pem(dir.resolve("server.pem"), serverCert);
    Path keyFile = pem(dir.resolve("server.key"), new JcaPKCS8Generator(serverKeys.getPrivate(), null));
    return new TestCertificates(caFile, certFile, keyFile);
  }

  /** A client's TLS context that trusts only the test authority, as a client given {@code --tls-ca} would. */
  public SSLContext clientContext() throws Exception {
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    try (InputStream in = Files.newInputStream(ca)) {
      trusted.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }

  private static KeyPair keys() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(256);
    return g.generateKeyPair();
  }

  private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys) {
    Instant now = Instant.now();
    return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(now.toEpochMilli()),
        Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))), subject, keys.getPublic());
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key) throws Exception {
    ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(key);
    return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
  }

  private static Path pem(Path file, Object object) throws IOException {
    try (Writer w = Files.newBufferedWriter(file); JcaPEMWriter pem = new JcaPEMWriter(w)) {
      pem.writeObject(object instanceof JcaPKCS8Generator g ? g.generate() : object);
    }
    return file;
  }
}
