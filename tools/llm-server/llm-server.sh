#!/usr/bin/env bash
# A real OpenAI-compatible model server (llama.cpp's llama-server) for development and CI, installed
# from the package registries alone (Debian packages + the npm registry), on 127.0.0.1 only.
#
#   tools/llm-server/llm-server.sh start     build if needed, make the model if needed, start, wait until healthy
#   tools/llm-server/llm-server.sh stop      stop the server started for this port (by its PID file)
#   tools/llm-server/llm-server.sh status    running or not (exit 0 / 3), URL, model, PID
#   tools/llm-server/llm-server.sh build     only install and build (idempotent)
#   tools/llm-server/llm-server.sh model     only make the random model (idempotent); prints its path
#
# Every command is idempotent: a second `start` finds the running server and returns at once, the
# build and the model are made once and kept in the work directory.
#
# Settings (environment):
#   LLM_WORK          work directory (default: <repository>/.llm, git-ignored): npm packages, llama.cpp
#                     source and build (~4-5 min on 2 cores, once), models, PID and log files
#   LLM_PORT          port (default 8090); PID/log files are per port, so several servers can run
#   MODEL             a real GGUF model file to serve instead of the random one
#   LLM_RANDOM_MODEL  shape of the random-weight model: qwen2-0.5b (default: realistic speed, ~0.5 GB)
#                     or llama-15m (tiny and fast, what the Maven build uses for its tests)
#   LLM_THREADS       threads (default: all cores), LLM_CTX context size (default 4096),
#   LLM_PARALLEL      parallel slots (default 1)
#   LLM_START_TIMEOUT seconds to wait for /health (default 180)
#   LLM_EXTRA_ARGS    more llama-server arguments (e.g. "--jinja" for a real model's own template)
#   LLM_OPTIONAL      true: when the server cannot be built or started, print a warning and exit 0
#                     (a developer's `mvn verify` then skips the tests that need it; CI never sets it)
#
# No model weights are reachable from the package registries, so without MODEL the script writes a
# deterministic random-weight model with a real tokenizer (llama.cpp's vocabulary files): real
# protocol, real speed, gibberish text.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=${LLM_WORK:-$ROOT/.llm}
PORT=${LLM_PORT:-8090}
HOST=127.0.0.1
NLC_VERSION=3.22.1            # node-llama-cpp: ships prebuilt ggml CPU backends and llama.cpp's source
RANDOM_MODEL=${LLM_RANDOM_MODEL:-qwen2-0.5b}
THREADS=${LLM_THREADS:-$(nproc)}
CTX=${LLM_CTX:-4096}
PARALLEL=${LLM_PARALLEL:-1}
START_TIMEOUT=${LLM_START_TIMEOUT:-180}
OPTIONAL=${LLM_OPTIONAL:-false}

BIN=$WORK/llama.cpp/build/bin
PID_FILE=$WORK/server-$PORT.pid
LOG_FILE=$WORK/server-$PORT.log
INFO_FILE=$WORK/server-$PORT.info

say() { printf '[llm-server] %s\n' "$*" >&2; }
die() { say "ERROR: $*"; exit 1; }

# ---------------------------------------------------------------------------------------------
# tools

python_with_numpy() {
  for p in python3 /usr/bin/python3; do
    if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import numpy, yaml' >/dev/null 2>&1; then
      command -v "$p"; return 0
    fi
  done
  return 1
}

ensure_tools() {
  local missing=()
  for t in cmake g++ make git curl flock; do command -v "$t" >/dev/null 2>&1 || missing+=("$t"); done
  command -v npm >/dev/null 2>&1 || missing+=(npm)
  python_with_numpy >/dev/null || missing+=(python3-numpy)
  [ ${#missing[@]} -eq 0 ] && return 0
  local pkgs=()
  for t in "${missing[@]}"; do
    case $t in
      g++) pkgs+=(g++) ;; flock) pkgs+=(util-linux) ;; npm) pkgs+=(nodejs npm) ;;
      python3-numpy) pkgs+=(python3 python3-numpy python3-yaml) ;; *) pkgs+=("$t") ;;
    esac
  done
  if [ "$(id -u)" != 0 ]; then
    die "missing tools: ${missing[*]}; install them (Debian: apt-get install ${pkgs[*]}) or run as root"
  fi
  say "installing ${pkgs[*]} from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null
  # Debian's nodejs may come without npm when a newer nodejs is installed from elsewhere: check again
  for t in cmake g++ make git curl flock npm; do command -v "$t" >/dev/null 2>&1 || die "$t still missing"; done
  python_with_numpy >/dev/null || die "no python3 with numpy and yaml after installing python3-numpy"
}

# ---------------------------------------------------------------------------------------------
# build: llama-server from the llama.cpp source that node-llama-cpp ships, CPU backends prebuilt

build() {
  mkdir -p "$WORK"
  exec 9>"$WORK/.build.lock"
  flock 9
  if [ -x "$BIN/llama-server" ] && [ -x "$BIN/llama-quantize" ] && [ "$(cat "$WORK/.built" 2>/dev/null)" = "$NLC_VERSION" ]; then
    flock -u 9; return 0
  fi
  ensure_tools
  local t0=$SECONDS
  mkdir -p "$WORK/npm"
  [ -f "$WORK/npm/package.json" ] || echo '{"name":"stepcache-llm-server","private":true}' > "$WORK/npm/package.json"
  if [ ! -d "$WORK/npm/node_modules/node-llama-cpp/llama" ] || [ ! -d "$WORK/npm/node_modules/@node-llama-cpp/linux-x64" ]; then
    say "npm install node-llama-cpp@$NLC_VERSION (llama.cpp source + prebuilt CPU backends, ~46 MB)"
    (cd "$WORK/npm" && npm install --no-audit --no-fund --omit=optional --ignore-scripts --loglevel=error \
      "node-llama-cpp@$NLC_VERSION" "@node-llama-cpp/linux-x64@$NLC_VERSION" >/dev/null)
  fi
  if [ ! -d "$WORK/llama.cpp/.git" ]; then
    rm -rf "$WORK/llama.cpp"
    git -c advice.detachedHead=false clone -q "$WORK/npm/node_modules/node-llama-cpp/llama/gitRelease.bundle" "$WORK/llama.cpp"
  fi
  say "building llama-server with cmake on $(nproc) cores (once; ~4-5 min on 2 idle cores)"
  cmake -S "$WORK/llama.cpp" -B "$WORK/llama.cpp/build" -DCMAKE_BUILD_TYPE=Release -DLLAMA_CURL=OFF \
    -DLLAMA_OPENSSL=OFF -DLLAMA_BUILD_TESTS=OFF -DGGML_BACKEND_DL=ON -DGGML_NATIVE=OFF -DBUILD_SHARED_LIBS=ON \
    >"$WORK/cmake.log" 2>&1 || { tail -20 "$WORK/cmake.log" >&2; die "cmake configure failed (log: $WORK/cmake.log)"; }
  cmake --build "$WORK/llama.cpp/build" -j"$(nproc)" --target llama-server llama-quantize \
    >>"$WORK/cmake.log" 2>&1 || { tail -20 "$WORK/cmake.log" >&2; die "build failed (log: $WORK/cmake.log)"; }
  # node-llama-cpp's prebuilt, CPU-dispatched ggml backends (AVX2/AVX512/... variants) replace the
  # generic one we built (about 1.7x faster on this machine class)
  mkdir -p "$WORK/llama.cpp/build/own-cpu"
  if [ -f "$BIN/libggml-cpu.so" ]; then mv "$BIN/libggml-cpu.so" "$WORK/llama.cpp/build/own-cpu/"; fi
  cp "$WORK"/npm/node_modules/@node-llama-cpp/linux-x64/bins/linux-x64/libggml-cpu-*.so "$BIN/"
  echo "$NLC_VERSION" > "$WORK/.built"
  say "built $BIN/llama-server in $((SECONDS - t0)) s"
  flock -u 9
}

# ---------------------------------------------------------------------------------------------
# model

random_model_path() { echo "$WORK/models/random-$RANDOM_MODEL-Q8_0.gguf"; }

make_model() {
  if [ -n "${MODEL:-}" ]; then
    [ -f "$MODEL" ] || die "MODEL=$MODEL: no such file"
    echo "$MODEL"; return 0
  fi
  case $RANDOM_MODEL in qwen2-0.5b|llama-15m) ;; *) die "LLM_RANDOM_MODEL must be qwen2-0.5b or llama-15m";; esac
  local out; out=$(random_model_path)
  if [ ! -f "$out" ]; then
    build
    mkdir -p "$WORK/models"
    exec 8>"$WORK/.model.lock"
    flock 8
    if [ ! -f "$out" ]; then
      local py; py=$(python_with_numpy) || { ensure_tools; py=$(python_with_numpy); }
      say "writing a deterministic random-weight $RANDOM_MODEL model with a real tokenizer (gibberish output)"
      local f16="$WORK/models/random-$RANDOM_MODEL-f16.gguf.tmp"
      PYTHONPATH="$WORK/llama.cpp/gguf-py" "$py" "$HERE/make_random_gguf.py" "$RANDOM_MODEL" "$WORK/llama.cpp/models" "$f16" >&2
      "$BIN/llama-quantize" "$f16" "$out.tmp" Q8_0 >"$WORK/quantize.log" 2>&1 \
        || { tail -5 "$WORK/quantize.log" >&2; die "llama-quantize failed"; }
      rm -f "$f16"
      mv "$out.tmp" "$out"
    fi
    flock -u 8
  fi
  echo "$out"
}

# ---------------------------------------------------------------------------------------------
# server

running_pid() {
  [ -f "$PID_FILE" ] || return 1
  local pid; pid=$(cat "$PID_FILE" 2>/dev/null) || return 1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  # the PID must still be our llama-server (PIDs are reused)
  tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q "llama-server.*--port $PORT" || return 1
  echo "$pid"
}

healthy() { curl -sf -m 2 "http://$HOST:$PORT/health" >/dev/null 2>&1; }

start() {
  local pid model
  if pid=$(running_pid); then
    if healthy; then
      say "already running: http://$HOST:$PORT/v1 (pid $pid, $(cat "$INFO_FILE" 2>/dev/null || echo '?'))"
      return 0
    fi
  else
    if healthy; then die "port $PORT is taken by a server this script did not start (no PID file in $WORK)"; fi
    build
    model=$(make_model) || die "no model"
    rm -f "$PID_FILE"
    local args=()
    # The random models use llama-server's built-in ChatML formatting: with the Jinja path this
    # llama.cpp version puts the generation prompt into response_format grammars, which then fail
    # ("Failed to initialize samplers"). A real MODEL keeps its own template.
    if [ -z "${MODEL:-}" ]; then args+=(--no-jinja --chat-template chatml); fi
    # shellcheck disable=SC2206
    args+=(${LLM_EXTRA_ARGS:-})
    say "starting llama-server on $HOST:$PORT with $(basename "$model") ($THREADS threads, ctx $CTX, $PARALLEL slot(s))"
    # setsid: the server is not killed with the shell or Maven JVM that started it; `stop` ends it by PID
    LD_LIBRARY_PATH="$BIN${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" setsid nohup "$BIN/llama-server" \
      -m "$model" --host "$HOST" --port "$PORT" -t "$THREADS" -c "$CTX" -np "$PARALLEL" \
      --alias "$(basename "$model" .gguf)" --no-webui ${args[@]+"${args[@]}"} >"$LOG_FILE" 2>&1 < /dev/null &
    pid=$!
    echo "$pid" > "$PID_FILE"
    echo "model=$model" > "$INFO_FILE"
  fi
  local t0=$SECONDS
  until healthy; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -20 "$LOG_FILE" >&2; rm -f "$PID_FILE"; die "llama-server exited during start (log: $LOG_FILE)"
    fi
    if [ $((SECONDS - t0)) -ge "$START_TIMEOUT" ]; then
      tail -20 "$LOG_FILE" >&2; die "llama-server not healthy after $START_TIMEOUT s (log: $LOG_FILE)"
    fi
    sleep 0.3
  done
  say "up: http://$HOST:$PORT/v1 (pid $pid, log $LOG_FILE)"
}

stop() {
  local pid
  if ! pid=$(running_pid); then
    rm -f "$PID_FILE"
    say "not running on port $PORT"
    return 0
  fi
  kill "$pid"
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
  rm -f "$PID_FILE"
  say "stopped (pid $pid)"
}

status() {
  local pid
  if pid=$(running_pid) && healthy; then
    echo "running: http://$HOST:$PORT/v1 pid $pid $(cat "$INFO_FILE" 2>/dev/null)"
    return 0
  fi
  echo "stopped (port $PORT)"
  return 3
}

optional() {
  # runs "$@"; with LLM_OPTIONAL=true a failure becomes a warning
  if [ "$OPTIONAL" = true ]; then
    # not inside an if/!/|| context, so that set -e stays in force in the subshell
    local rc
    set +e
    ( set -e; "$@" )
    rc=$?
    set -e
    if [ "$rc" -ne 0 ]; then
      say "WARNING: the model server could not be started; tests that need it will be skipped."
      say "WARNING: see the messages above; CI (CI=true) runs them for real."
      mkdir -p "$WORK" && date > "$WORK/unavailable-$PORT"
    else
      rm -f "$WORK/unavailable-$PORT"
    fi
    return 0
  fi
  "$@"
}

case "${1:-}" in
  start) optional start ;;
  stop) stop ;;
  restart) stop; optional start ;;
  status) status ;;
  build) build ;;
  model) make_model ;;
  *) echo "usage: $0 start|stop|restart|status|build|model" >&2; exit 2 ;;
esac
