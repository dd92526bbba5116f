# Sourced by lowcarb's scripts: sets LOWCARB_JAVA_HOME to a JDK >= 25, from JAVA_HOME, then
# /usr/lib/jvm, or fails with a clear message.

lowcarb_jdk_major() {
  # The feature version of the JDK at $1, from its release file (fast), else from java -version.
  local home="$1" version=""
  if [ -r "$home/release" ]; then
    version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")
  fi
  if [ -z "$version" ] && [ -x "$home/bin/java" ]; then
    version=$("$home/bin/java" -version 2>&1 | sed -n 's/.* version "\([0-9]*\).*/\1/p' | head -n 1)
  fi
  echo "${version:-0}"
}

lowcarb_find_jdk() {
  local need=25 candidate best="" best_major=0 major
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(lowcarb_jdk_major "$JAVA_HOME")
    if [ "$major" -ge "$need" ]; then
      LOWCARB_JAVA_HOME="$JAVA_HOME"
      return 0
    fi
  fi
  for candidate in /usr/lib/jvm/*; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(lowcarb_jdk_major "$candidate")
    if [ "$major" -ge "$need" ] && [ "$major" -gt "$best_major" ]; then
      best="$candidate"
      best_major="$major"
    fi
  done
  if [ -z "$best" ]; then
    echo "lowcarb: needs a JDK $need or newer: none in JAVA_HOME (${JAVA_HOME:-unset}) or /usr/lib/jvm; install one (for example Temurin 25) and set JAVA_HOME" >&2
    return 1
  fi
  LOWCARB_JAVA_HOME="$best"
}
