# Shared set-up for the e2e scripts: `source lib.sh BINARY NAME TOOL...` checks the
# binary, /usr/bin/python3 and the tools (exit 77 = skipped when one is missing), makes
# BIN absolute, enters a fresh temporary folder removed on exit, and defines the helpers.

BIN=${1:-}
TEST_NAME=${2:-e2e}
if [[ -z "$BIN" || ! -x "$BIN" ]]; then
  echo "SKIP: storyline binary not given or not executable: '${BIN}'"
  exit 77
fi
PY=/usr/bin/python3
if [[ ! -x "$PY" ]]; then
  echo "SKIP: $PY is needed to build fixtures and check JSON"
  exit 77
fi
for tool in timeout "${@:3}"; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIP: '$tool' is not installed"
    exit 77
  fi
done
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")

TMP=$(mktemp -d "${TMPDIR:-/tmp}/storyline-$TEST_NAME.XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT
cd "$TMP" || exit 1

FAILS=0
PASSES=0
pass() { PASSES=$((PASSES + 1)); echo "  ok   $*"; }
fail() { FAILS=$((FAILS + 1)); echo "  FAIL $*"; }
show() { # show FILE: print the first lines of a file for diagnosis
  echo "    --- $1 (first 10 lines) ---"
  head -n 10 "$1" | cut -c1-300 | sed 's/^/    | /'
}

# run OUT ERR ARGS... : runs storyline under a timeout, sets RC and SECS. The timeout
# catches hangs, not slowness: it is generous, so a loaded machine does not fail a test.
RUN_TIMEOUT=${RUN_TIMEOUT:-120}
run() {
  local out=$1 err=$2 t0
  shift 2
  t0=$(date +%s.%N)
  timeout "$RUN_TIMEOUT" "$BIN" "$@" >"$out" 2>"$err"
  RC=$?
  SECS=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}')
  if [[ $RC -eq 124 ]]; then
    echo "    (storyline $* timed out after $RUN_TIMEOUT s)"
  fi
}

# finish: the summary line and the exit status.
finish() {
  echo
  echo "$TEST_NAME: $PASSES passed, $FAILS failed"
  [[ $FAILS -eq 0 ]]
  exit $?
}
