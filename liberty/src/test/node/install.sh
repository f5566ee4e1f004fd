#!/usr/bin/env bash
# Installs the Node.js clients that the integration tests run (NodeOpenAiClientIT: the openai npm client,
# src/test/node/openai-sdk) into DEST, with `npm ci` from the committed package-lock.json. Run by the build in
# pre-integration-test (exec-maven-plugin, after llm-server.sh start), once per build; an unchanged lock file
# with the packages already in DEST installs nothing.
#
#   src/test/node/install.sh DEST
#
# Node.js 18+ and npm: when missing and run as root (CI, a fresh Debian machine), installed from Debian's
# packages as tools/llm-server/llm-server.sh does. When they cannot be had, or npm ci fails, this prints why and
# exits 0: the build goes on and NodeOpenAiClientIT fails with a message pointing here, instead of every other
# integration test being held up.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SRC=$HERE/openai-sdk
DEST=${1:?usage: install.sh DEST}
LOG=$DEST/install.log
MIN_NODE=18

say() { printf '[node-clients] %s\n' "$*" >&2; }
give_up() { say "WARNING: $*"; say "NodeOpenAiClientIT will fail; see $LOG"; printf '%s\n' "$*" >> "$LOG"; exit 0; }

mkdir -p "$DEST"
: > "$LOG"

node_ok() {
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 \
    && node -e "process.exit(+process.versions.node.split('.')[0] >= $MIN_NODE ? 0 : 1)" 2>/dev/null
}

if ! node_ok; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing nodejs npm from Debian's packages"
    export DEBIAN_FRONTEND=noninteractive
    { apt-get update -qq && apt-get install -y -qq --no-install-recommends nodejs npm; } >> "$LOG" 2>&1 \
      || give_up "apt-get install nodejs npm failed"
  fi
  node_ok || give_up "Node.js $MIN_NODE+ and npm are required (found: node $(node --version 2>/dev/null || echo none), \
npm $(npm --version 2>/dev/null || echo none)); install them (Debian: apt-get install nodejs npm) or build as root"
fi

cp "$SRC/package.json" "$SRC/package-lock.json" "$SRC/sdk-cases.mjs" "$DEST/"
# npm ci writes node_modules/.package-lock.json: the same lock as ours means the same packages are installed
if [ -f "$DEST/node_modules/.package-lock.json" ] && [ -f "$DEST/.installed-lock.json" ] \
    && cmp -s "$DEST/package-lock.json" "$DEST/.installed-lock.json"; then
  say "openai npm client up to date in $DEST (node $(node --version))"
  exit 0
fi
say "npm ci in $DEST (node $(node --version), npm $(npm --version))"
(cd "$DEST" && npm ci --no-audit --no-fund --loglevel=error) >> "$LOG" 2>&1 || give_up "npm ci failed"
cp "$DEST/package-lock.json" "$DEST/.installed-lock.json"
say "installed openai $(node -p "require('$DEST/node_modules/openai/package.json').version") in $DEST"
