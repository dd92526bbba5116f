package io.lowcarb.schedule.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The secret that {@code Authorization: Bearer TOKEN} must carry. Tokens are compared as SHA-256
 * digests in constant time, so neither the content nor the length leaks through timing.
 */
final class BearerToken {
  private final byte[] digest;

  BearerToken(String token) {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("the jobs API needs a non-blank bearer token");
    }
    this.digest = sha256(token);
  }

  /** Whether an Authorization header carries the token (null or another scheme: no). */
  boolean accepts(String authorization) {
    if (authorization == null) {
      return false;
    }
    String h = authorization.trim();
    if (!h.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    return MessageDigest.isEqual(digest, sha256(h.substring(7).trim()));
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
