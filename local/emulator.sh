#!/usr/bin/env bash
# The one way PaySaga starts and stops its local AWS emulator (moto in server mode).
# Used by .ci/run, by the tests (test-support's AwsEmulator) and by local/paysaga.
#
#   local/emulator.sh venv [--tools]      create / refresh the project virtualenv (.paysaga/venv)
#   local/emulator.sh start [--instance N] start moto on 127.0.0.1:<free port>; idempotent
#   local/emulator.sh stop  [--instance N] stop it; idempotent
#   local/emulator.sh status [--instance N] exit 0 when it answers
#   local/emulator.sh env   [--instance N] print the environment the AWS SDKs read
#
# `start` and `env` print shell `export` lines, so `eval "$(local/emulator.sh start)"` works.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="${PAYSAGA_HOME:-$ROOT/.paysaga}"
VENV="$STATE/venv"
PYTHON="${PAYSAGA_PYTHON:-python3}"
UV_VERSION=0.13.8

cmd="${1:-}"; shift || true
instance="default"
tools=false
while [ $# -gt 0 ]; do
  case "$1" in
    --instance) instance="$2"; shift 2 ;;
    --tools) tools=true; shift ;;
    *) echo "emulator.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
case "$instance" in (*[!A-Za-z0-9._-]*|"") echo "emulator.sh: bad instance name '$instance'" >&2; exit 2 ;; esac
DIR="$STATE/emulator/$instance"

log() { echo "emulator: $*" >&2; }

# Installs each requirements file once; a changed file (new pin) triggers a reinstall.
ensure_venv() {
  local files=("$ROOT/local/requirements-emulator.txt")
  $tools && files+=("$ROOT/local/requirements-tools.txt")
  if [ ! -x "$VENV/bin/python" ]; then
    log "creating virtualenv $VENV"
    mkdir -p "$STATE"
    "$PYTHON" -m venv "$VENV"
  fi
  # uv resolves and downloads in parallel: aws-sam-cli's dependency tree takes pip minutes.
  if [ ! -x "$VENV/bin/uv" ]; then
    "$VENV/bin/pip" install --quiet --disable-pip-version-check "uv==$UV_VERSION" >&2 \
      || log "uv could not be installed; falling back to pip"
  fi
  local f stamp sum
  for f in "${files[@]}"; do
    stamp="$VENV/.installed-$(basename "$f")"
    sum="$(sha256sum "$f" | cut -d' ' -f1)"
    if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$sum" ]; then
      log "installing $(basename "$f") into $VENV"
      if [ -x "$VENV/bin/uv" ]; then
        "$VENV/bin/uv" pip install --quiet --python "$VENV/bin/python" -r "$f" >&2
      else
        "$VENV/bin/pip" install --quiet --disable-pip-version-check -r "$f" >&2
      fi
      echo "$sum" > "$stamp"
    fi
  done
}

pid_alive() { [ -f "$DIR/pid" ] && kill -0 "$(cat "$DIR/pid")" 2>/dev/null; }

answers() {
  local port="$1"
  "$VENV/bin/python" - "$port" <<'PY' >/dev/null 2>&1
import sys, urllib.request
urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/moto-api/", timeout=2).read()
PY
}

print_env() {
  local port; port="$(cat "$DIR/port")"
  cat <<ENV
export AWS_ENDPOINT_URL=http://127.0.0.1:$port
export AWS_REGION=${AWS_REGION:-us-east-1}
export AWS_DEFAULT_REGION=${AWS_REGION:-us-east-1}
export AWS_ACCESS_KEY_ID=test
export AWS_SECRET_ACCESS_KEY=test
export AWS_REQUEST_CHECKSUM_CALCULATION=when_required
export AWS_RESPONSE_CHECKSUM_VALIDATION=when_required
ENV
}

start() {
  ensure_venv
  mkdir -p "$DIR"
  if pid_alive && answers "$(cat "$DIR/port")"; then
    print_env; return 0
  fi
  [ -f "$DIR/pid" ] && stop_quiet
  local port
  port="$("$VENV/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
  # setsid: the server must outlive the shell that started it (the launcher, a test JVM).
  setsid "$VENV/bin/moto_server" -H 127.0.0.1 -p "$port" >"$DIR/log" 2>&1 < /dev/null &
  echo $! > "$DIR/pid"
  echo "$port" > "$DIR/port"
  local i
  for i in $(seq 1 300); do
    if answers "$port"; then
      log "moto (instance $instance) answers on 127.0.0.1:$port, pid $(cat "$DIR/pid")"
      print_env; return 0
    fi
    if ! pid_alive; then
      log "moto exited during start-up; its log ($DIR/log):"; tail -n 20 "$DIR/log" >&2 || true
      rm -f "$DIR/pid" "$DIR/port"; return 1
    fi
    sleep 0.2
  done
  log "moto did not answer on 127.0.0.1:$port within 60 s; log: $DIR/log"
  stop_quiet; return 1
}

stop_quiet() {
  if pid_alive; then
    local pid; pid="$(cat "$DIR/pid")"
    kill "$pid" 2>/dev/null || true
    local i
    for i in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$DIR/pid" "$DIR/port"
}

case "$cmd" in
  venv) ensure_venv ;;
  start) start ;;
  stop)
    if pid_alive; then stop_quiet; log "stopped instance $instance"; else rm -f "$DIR/pid" "$DIR/port"; log "instance $instance was not running"; fi ;;
  status)
    if pid_alive && [ -x "$VENV/bin/python" ] && answers "$(cat "$DIR/port")"; then
      echo "running on 127.0.0.1:$(cat "$DIR/port") (pid $(cat "$DIR/pid"))"; exit 0
    fi
    echo "not running"; exit 1 ;;
  env)
    if pid_alive; then print_env; else log "instance $instance is not running"; exit 1; fi ;;
  *) sed -n '2,12p' "$0" >&2; exit 2 ;;
esac
