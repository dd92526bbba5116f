package io.lowcarb.testing;

import java.nio.file.Path;

/**
 * A JVM that starts a server under the directory of its argument, prints
 * {@code serving <postmaster pid> <directory>} and waits until its input ends or it is killed.
 */
final class LocalPostgresProcess {
  private LocalPostgresProcess() {}

  public static void main(String[] args) throws Exception {
    ServerUser user = ServerUser.forThisJvm();
    Path binaries = PostgresBinaries.unpacked(PostgresBinaries.defaultCache(user));
    try (LocalPostgres server = LocalPostgres.start(binaries, Path.of(args[0]), user)) {
      System.out.println("serving " + server.process().pid() + " " + server.directory());
      System.out.flush();
      System.in.transferTo(java.io.OutputStream.nullOutputStream());
    }
  }
}
