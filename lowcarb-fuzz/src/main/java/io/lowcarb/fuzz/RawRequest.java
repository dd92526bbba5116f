package io.lowcarb.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Sends a file's bytes as they are, an HTTP request, to a server on this machine and reads the
 * answer's status line: the reader for fuzzing an HTTP API.
 */
public final class RawRequest {
  /** How long a server may take to answer, or to close, after the request is sent. */
  private static final int ANSWER_MS = 10_000;

  private RawRequest() {}

  /** A refusal: a 4xx answer, or the connection closed without one (HTTP the server could not parse). */
  public static final class Refused extends Exception {
    Refused(String message) {
      super(message);
    }
  }

  /**
   * Sends {@code file} to {@code port} on 127.0.0.1, then half-closes the connection so that a
   * request cut short ends there.
   *
   * @return the status, 1xx to 3xx
   * @throws Refused for a 4xx status, 501 or 505 (a method or version the server does not speak), or no answer at all
   * @throws IllegalStateException for a 5xx status, an answer that is not HTTP, or none in 10 s
   */
  public static int send(int port, Path file) throws IOException, Refused {
    byte[] request = Files.readAllBytes(file);
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), ANSWER_MS);
      s.setSoTimeout(ANSWER_MS);
      try {
        s.getOutputStream().write(request);
        s.shutdownOutput();
      } catch (IOException e) {
        // the server closed first: what it answered, if anything, is still to be read
      }
      String status = statusLine(s.getInputStream());
      if (status.isEmpty()) {
        throw new Refused("the connection closed without an answer");
      }
      String[] parts = status.split(" ", 3);
      if (parts.length < 2 || !parts[0].startsWith("HTTP/") || !parts[1].matches("\\d{3}")) {
        throw new IllegalStateException("not an HTTP answer: " + status);
      }
      int code = Integer.parseInt(parts[1]);
      if (code == 501 || code == 505) {
        throw new Refused(status); // a method or HTTP version the server does not speak: the request's fault
      }
      if (code >= 500) {
        throw new IllegalStateException("the server failed: " + status);
      }
      if (code >= 400) {
        throw new Refused(status);
      }
      return code;
    } catch (SocketTimeoutException e) {
      throw new IllegalStateException("no answer in " + ANSWER_MS / 1000 + " s");
    } catch (java.net.SocketException e) {
      throw new Refused("the connection was reset: " + e.getMessage());
    }
  }

  private static String statusLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0 && b != '\n' && line.size() < 1024) {
      if (b != '\r') {
        line.write(b);
      }
    }
    in.transferTo(java.io.OutputStream.nullOutputStream()); // read the rest so that the server is never blocked writing
    return line.toString(StandardCharsets.ISO_8859_1);
  }

}
