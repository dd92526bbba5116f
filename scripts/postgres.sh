# Optional (the tests start a PostgreSQL of their own, see docs/reliability.md): sourced, makes
# sure Debian's PostgreSQL serves database lowcarb to role lowcarb (password lowcarb) on loopback,
# then exports LOWCARB_TEST_POSTGRES_URL, so that the PostgreSQL tests use that server instead,
# and LOWCARB_REQUIRE_POSTGRES=1.
# Installs Debian's postgresql when no server is installed. Safe to run again: every step
# checks first, and a cluster already running is left as it is.

lowcarb_as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  else
    sudo "$@"
  fi
}

lowcarb_as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    sudo -u postgres "$@"
  fi
}

lowcarb_postgres() {
  if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    echo "postgres: installing Debian's postgresql" >&2
    # A fresh image may have no package lists yet; fetch them only when the install needs them.
    lowcarb_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql \
      || { lowcarb_as_root apt-get update -q \
        && lowcarb_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql; } \
      || { echo "postgres: cannot install postgresql" >&2; return 1; }
  fi

  local version
  version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" { found = 1 } END { exit !found }'; then
    echo "postgres: creating cluster $version/main" >&2
    lowcarb_as_root pg_createcluster "$version" main >/dev/null || return 1
  fi
  # "online" already: leave it running; otherwise start it (listens on localhost by default).
  if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" && $4 ~ /^online/ { up = 1 } END { exit !up }'; then
    lowcarb_as_root pg_ctlcluster "$version" main start \
      || pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" && $4 ~ /^online/ { up = 1 } END { exit !up }' \
      || { echo "postgres: cluster $version/main does not start; see /var/log/postgresql/" >&2; return 1; }
  fi

  local port
  port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" { print $3 }')
  local psql=(psql -X -q -p "$port" -v ON_ERROR_STOP=1)
  # Runs from / so that runuser does not complain about an unreadable working directory.
  (cd / && lowcarb_as_postgres "${psql[@]}" -d postgres) <<'SQL' || return 1
DO $$
BEGIN
  CREATE ROLE lowcarb LOGIN PASSWORD 'lowcarb';
EXCEPTION WHEN duplicate_object THEN
  ALTER ROLE lowcarb LOGIN PASSWORD 'lowcarb';
END
$$;
SQL
  if ! (cd / && lowcarb_as_postgres "${psql[@]}" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'lowcarb'") | grep -q 1; then
    # Another run may create it at the same moment: only a database still missing is an error.
    (cd / && lowcarb_as_postgres "${psql[@]}" -d postgres -c "CREATE DATABASE lowcarb OWNER lowcarb") \
      || (cd / && lowcarb_as_postgres "${psql[@]}" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'lowcarb'") | grep -q 1 \
      || return 1
  fi

  export LOWCARB_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$port/lowcarb?user=lowcarb&password=lowcarb"
  export LOWCARB_REQUIRE_POSTGRES=1
  echo "postgres: $version/main on 127.0.0.1:$port, database lowcarb ready" >&2
}
