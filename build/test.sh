#!/usr/bin/env bash
# The one test command of the project:  bash build/test.sh
#
# On a fresh Debian 12 machine (root, no stdin) it installs what is missing, starts a throwaway
# PostgreSQL 15 cluster, builds the solution in Release, runs every test project and ends with
# one plain line "N passed, N failed[, N skipped]". Exit code is non-zero when the build fails,
# a test fails, or no test ran at all.
#
# Environment:
#   CONTACTCENTER_TEST_POSTGRES  use this server instead of starting one
#                                (e.g. "Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres")
#   SKIP_BROWSER=1               do not install chromium (only the end-to-end tests need it)
#   Extra arguments are passed to `dotnet test` (e.g. --filter "FullyQualifiedName~Postgres").
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

SOLUTION="ContactCenter.sln"
CONFIGURATION="Release"
ARTIFACTS="$ROOT/artifacts"
RESULTS="$ARTIFACTS/test-results"
PG_VERSION=15
PG_BIN="/usr/lib/postgresql/$PG_VERSION/bin"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DEBIAN_FRONTEND=noninteractive

log() { printf '==> %s\n' "$*"; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

# --- system packages --------------------------------------------------------------------------

SUDO=""
if [[ "$(id -u)" -ne 0 ]]; then SUDO="sudo"; fi

APT_UPDATED=0
apt_install() {
  # Only called for something that is missing, so a warm machine never touches apt.
  if [[ "$APT_UPDATED" -eq 0 ]]; then
    log "apt-get update"
    $SUDO apt-get -o DPkg::Lock::Timeout=300 update -q
    APT_UPDATED=1
  fi
  log "apt-get install $*"
  $SUDO apt-get -o DPkg::Lock::Timeout=300 install -y -q "$@"
}

ensure_postgres_binaries() {
  if [[ -x "$PG_BIN/initdb" && -x "$PG_BIN/pg_ctl" && -x "$PG_BIN/pg_isready" ]]; then
    return
  fi
  apt_install "postgresql-$PG_VERSION"
  # The Debian package may start its own "main" cluster; we never use it, so stop it again.
  if command -v pg_ctlcluster >/dev/null 2>&1; then
    $SUDO pg_ctlcluster "$PG_VERSION" main stop >/dev/null 2>&1 || true
  fi
  [[ -x "$PG_BIN/initdb" ]] || die "postgresql-$PG_VERSION installed but $PG_BIN/initdb is missing"
}

ensure_browser() {
  if [[ "${SKIP_BROWSER:-0}" == "1" ]]; then
    log "SKIP_BROWSER=1: not checking for chromium"
    return
  fi
  command -v chromium >/dev/null 2>&1 || apt_install chromium
}

# The report tests convert workbooks to CSV with LibreOffice headless (about a minute to install here).
ensure_libreoffice() {
  if command -v soffice >/dev/null 2>&1 || command -v libreoffice >/dev/null 2>&1; then
    return
  fi
  apt_install --no-install-recommends libreoffice-calc-nogui
}

# --- throwaway PostgreSQL cluster --------------------------------------------------------------

PG_DIR=""     # temp dir holding data/, the socket and the server log; empty = we started nothing
PG_DATA=""

# initdb refuses to run as root, so as root the cluster belongs to the "postgres" system user.
as_pg() {
  if [[ "$(id -u)" -eq 0 ]]; then
    # cd first: the postgres user may not be allowed into the caller's working directory.
    (cd "$PG_DIR" && runuser -u postgres -- "$@")
  else
    (cd "$PG_DIR" && "$@")
  fi
}

stop_postgres() {
  if [[ -n "$PG_DIR" && -d "$PG_DIR" ]]; then
    if [[ -f "$PG_DATA/postmaster.pid" ]]; then
      as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" stop -m fast -w -t 30 >/dev/null 2>&1 \
        || as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" stop -m immediate -w >/dev/null 2>&1 \
        || true
    fi
    rm -rf "$PG_DIR"
  fi
  PG_DIR=""
}

on_exit() {
  local rc=$?
  stop_postgres
  exit "$rc"
}
trap on_exit EXIT
# Ctrl-C / kill: leave through the EXIT trap with the conventional status.
trap 'exit 130' INT
trap 'exit 143' TERM

port_in_use() {
  local port=$1
  if command -v ss >/dev/null 2>&1 && [[ -n "$(ss -Htan "sport = :$port" 2>/dev/null)" ]]; then
    return 0
  fi
  # Something answers on it?
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
}

free_port() {
  local port
  for port in $(seq "${1:-55432}" 55631); do
    if ! port_in_use "$port"; then echo "$port"; return 0; fi
  done
  return 1
}

start_postgres() {
  if ! id postgres >/dev/null 2>&1 && [[ "$(id -u)" -eq 0 ]]; then
    log "creating system user postgres"
    useradd --system --user-group --home-dir /var/lib/postgresql --shell /usr/sbin/nologin postgres
  fi

  # Under /tmp rather than $TMPDIR: the postgres user must be able to enter it, and the unix
  # socket path must stay short (about 100 bytes at most).
  PG_DIR="$(mktemp -d /tmp/contactcenter-pg.XXXXXX)"
  PG_DATA="$PG_DIR/data"
  mkdir -p "$PG_DIR/socket"
  if [[ "$(id -u)" -eq 0 ]]; then chown -R postgres: "$PG_DIR"; fi

  local locale=C
  if grep -qiE '^c\.utf-?8$' <(locale -a 2>/dev/null); then locale=C.UTF-8; fi

  log "initdb ($locale, UTF8) in $PG_DATA"
  as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust --encoding=UTF8 \
    --locale="$locale" --no-sync >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log" >&2; die "initdb failed"; }

  # A cluster that lives for one test run: durability is not wanted, speed is.
  as_pg tee -a "$PG_DATA/postgresql.conf" >/dev/null <<EOF

# --- build/test.sh: throwaway test cluster ---
listen_addresses = '127.0.0.1'
unix_socket_directories = '$PG_DIR/socket'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
EOF

  # Another run may grab the same port between our check and the start: then try the next one.
  local port=55431 attempt
  for attempt in 1 2 3 4 5; do
    port="$(free_port $((port + 1)))" || die "no free loopback port in 55432-55631"
    log "starting PostgreSQL $PG_VERSION on 127.0.0.1:$port"
    if as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DIR/server.log" -o "-p $port" -w -t 60 start >/dev/null; then
      break
    fi
    if [[ "$attempt" -eq 5 ]]; then
      cat "$PG_DIR/server.log" >&2 || true
      die "PostgreSQL did not start"
    fi
  done

  local i
  for i in $(seq 1 60); do
    if "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres -t 1; then break; fi
    [[ "$i" -eq 60 ]] && { cat "$PG_DIR/server.log" >&2; die "PostgreSQL is not accepting connections"; }
    sleep 0.5
  done

  export CONTACTCENTER_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
}

# --- SQL Server migration script ---------------------------------------------------------------

# Generates the idempotent SQL Server migration script once SQL Server migrations exist.
# Needs the Release build (--no-build): a stale or missing assembly gives an empty script.
check_sqlserver_migrations() {
  local migrations="ContactCenter.Infrastructure/Persistence/Migrations/SqlServer"
  local output="$ARTIFACTS/sqlserver-migrations.sql"
  if [[ ! -d "$migrations" ]]; then
    log "no $migrations yet: skipping the SQL Server migration script"
    return
  fi
  log "dotnet ef migrations script (SQL Server)"
  rm -f "$output"
  dotnet ef migrations script --idempotent --no-build --configuration "$CONFIGURATION" \
    --project ContactCenter.Infrastructure --startup-project ContactCenter.Portal \
    --context SqlServerContactCenterDbContext -o "$output" \
    -- --Database:Provider SqlServer
  # An empty (or whitespace-only) script means EF found no migrations: treat as failure.
  if [[ ! -s "$output" ]] || ! grep -q '[^[:space:]]' "$output"; then
    die "the SQL Server migration script $output is empty"
  fi
}

# --- test results -------------------------------------------------------------------------------

# Sums the <Counters .../> of every TRX file; prints "total passed failed skipped".
sum_trx_counters() {
  local files=("$RESULTS"/*.trx)
  [[ -e "${files[0]}" ]] || { echo "0 0 0 0"; return; }
  # Skipped tests are not in <Counters> (xunit reports them as results with outcome NotExecuted).
  local skipped
  skipped="$({ grep -ho '<UnitTestResult [^>]*outcome="NotExecuted"' "${files[@]}" || true; } | wc -l)"
  { grep -ho '<Counters [^>]*>' "${files[@]}" || true; } | awk -v skipped="$skipped" '
    function attr(name,   m) {
      if (match($0, " " name "=\"[0-9]+\"")) { m = substr($0, RSTART, RLENGTH); gsub(/[^0-9]/, "", m); return m + 0 }
      return 0
    }
    {
      total   += attr("total")
      passed  += attr("passed")
      # errors, time-outs and aborted runs count as failures too
      failed  += attr("failed") + attr("error") + attr("timeout") + attr("aborted")
    }
    END { printf "%d %d %d %d\n", total, passed, failed, skipped }'
}

# --- main ----------------------------------------------------------------------------------------

if [[ -n "${CONTACTCENTER_TEST_POSTGRES:-}" ]]; then
  log "CONTACTCENTER_TEST_POSTGRES is set: using that server"
else
  ensure_postgres_binaries
fi
ensure_browser
ensure_libreoffice

if [[ -z "${CONTACTCENTER_TEST_POSTGRES:-}" ]]; then
  start_postgres
fi

log "dotnet tool restore"
dotnet tool restore

log "dotnet build $SOLUTION -c $CONFIGURATION"
dotnet build "$SOLUTION" -c "$CONFIGURATION" || die "build failed"

check_sqlserver_migrations

# One TRX per test project. The TRX logger has no per-project file name token, and one fixed
# name in one --results-directory would be overwritten by every project of the solution; so each
# project writes TRX_NAME into its own TestResults/ and the files are gathered afterwards.
TRX_NAME="build-test.trx"
project_trx_files() {
  find "$ROOT" -path "$ARTIFACTS" -prune -o -path '*/TestResults/'"$TRX_NAME" -type f -print
}
project_trx_files | xargs -r rm -f
rm -rf "$RESULTS"
mkdir -p "$RESULTS"

log "dotnet test $SOLUTION -c $CONFIGURATION"
test_rc=0
dotnet test "$SOLUTION" -c "$CONFIGURATION" --no-build \
  --logger "trx;LogFileName=$TRX_NAME" \
  --logger "console;verbosity=minimal" \
  "$@" || test_rc=$?

# .../tests/ContactCenter.Domain.Tests/TestResults/build-test.trx -> artifacts/test-results/ContactCenter.Domain.Tests.trx
while IFS= read -r trx; do
  project="$(basename "$(dirname "$(dirname "$trx")")")"
  mv "$trx" "$RESULTS/$project.trx"
done < <(project_trx_files)

read -r total passed failed skipped < <(sum_trx_counters)

summary="$passed passed, $failed failed"
if [[ "$skipped" -gt 0 ]]; then summary+=", $skipped skipped"; fi

status=0
if [[ "$failed" -gt 0 ]]; then
  status=1
elif [[ "$test_rc" -ne 0 ]]; then
  echo "ERROR: dotnet test exited with $test_rc" >&2
  status=1
elif [[ "$total" -eq 0 || "$((passed + failed))" -eq 0 ]]; then
  echo "ERROR: no test ran" >&2
  status=1
fi

# The last line of the output: the plain summary.
echo "$summary"
exit "$status"
