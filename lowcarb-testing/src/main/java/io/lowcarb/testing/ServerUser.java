package io.lowcarb.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The user the test PostgreSQL runs as: this JVM's own, or {@code nobody} when the JVM runs as
 * root, because PostgreSQL refuses root ("initdb: cannot be run as root"). Programs are started
 * through util-linux's {@code setpriv}, which also drops the supplementary groups and, for the
 * server, asks the kernel to stop it (SIGINT: fast shutdown) when the thread that started it
 * dies, so that a killed test JVM leaves no server behind.
 *
 * @param uid the user id the programs run as
 * @param gid their group id
 * @param switched whether that is another user than this JVM's (the JVM is root)
 * @param setpriv util-linux's setpriv, or empty where there is none (then only without switching)
 */
record ServerUser(int uid, int gid, boolean switched, Optional<Path> setpriv) {
  private static final HostTool SETPRIV = new HostTool("setpriv", List.of("setpriv"), "");

  /** The user for this JVM: itself, or nobody (from /etc/passwd) when it is root. */
  static ServerUser forThisJvm() throws IOException {
    int uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    int gid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:gid");
    Optional<Path> setpriv = SETPRIV.find(System.getenv());
    if (uid != 0) {
      return new ServerUser(uid, gid, false, setpriv);
    }
    if (setpriv.isEmpty()) {
      throw new IOException("this JVM runs as root, which PostgreSQL refuses, and there is no setpriv"
          + " (util-linux) on the PATH to run it as nobody");
    }
    for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
      String[] field = line.split(":");
      if (field.length > 3 && field[0].equals("nobody")) {
        return new ServerUser(Integer.parseInt(field[2]), Integer.parseInt(field[3]), true, setpriv);
      }
    }
    throw new IOException("this JVM runs as root, which PostgreSQL refuses, and /etc/passwd has no user"
        + " nobody to run it as");
  }

  /** {@code program} as this user; {@code tied}: stopped when the thread that starts it dies. */
  List<String> command(List<String> program, boolean tied) {
    List<String> command = new ArrayList<>();
    if (setpriv.isPresent() && (switched || tied)) {
      command.add(setpriv.get().toString());
      if (switched) {
        command.addAll(List.of("--reuid=" + uid, "--regid=" + gid, "--clear-groups"));
      }
      if (tied) {
        command.add("--pdeathsig=INT");
      }
    }
    command.addAll(program);
    return command;
  }

  /**
   * Fails unless this user can enter {@code directory}: with nobody, every directory above it
   * must let others pass (root's home, for one, does not).
   */
  void reach(Path directory) throws IOException {
    if (!switched) {
      return;
    }
    for (Path p = directory.toAbsolutePath(); p != null; p = p.getParent()) {
      if (!Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
        throw new IOException("the test PostgreSQL runs as nobody because this JVM is root, and nobody"
            + " cannot enter " + p + " on the way to " + directory + " (chmod o+x " + p
            + ", or set java.io.tmpdir elsewhere)");
      }
    }
  }

  /** Gives {@code path} to this user, where that is another one than the JVM's. */
  void own(Path path) throws IOException {
    if (switched) {
      Files.setAttribute(path, "unix:uid", uid);
      Files.setAttribute(path, "unix:gid", gid);
    }
  }
}
