#!/usr/bin/env bash
# Installs a real VS Code for the editor test tier, using only the npm registry and Debian apt:
# code-server 4.100.3 (VS Code 1.100.3 with a Node extension host) plus Debian's chromium, driven by
# playwright-core (a devDependency of the project, no browser download).
# Idempotent: every step checks whether it is already done. Needs root for apt and Node 20.
#
# usage: test/editor/install.sh [--server-only]
#   EDITOR_HOME defaults to <repo>/.editor (git-ignored); --server-only skips chromium (npm start needs
#   only code-server: you bring your own browser).
set -euo pipefail
BROWSER=1
[ "${1:-}" = --server-only ] && BROWSER=0
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
P=${EDITOR_HOME:-$ROOT/.editor}
CS_VERSION=4.100.3
T0=$(date +%s)
step() { echo "[editor-install +$(( $(date +%s) - T0 ))s] $*"; }
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" = 20 ] || { echo "code-server $CS_VERSION runs on Node 20 only, found $(node -v); install Node 20 and retry" >&2; exit 1; }

# node-gyp must build against the local Node headers: it cannot download them here.
if [ -f /usr/include/node/node.h ]; then NODEDIR=/usr
elif [ -f "$(dirname "$(dirname "$(command -v node)")")/include/node/node.h" ]; then NODEDIR=$(dirname "$(dirname "$(command -v node)")")
else echo "no local Node headers (include/node/node.h); install the Node development headers and retry" >&2; exit 1; fi
export npm_config_nodedir=$NODEDIR

# chromium: the workbench client; ripgrep replaces @vscode/ripgrep's download; libkrb5-dev for kerberos;
# build-essential/python3/pkg-config for the native addons of the VS Code server.
APT_PKGS="ripgrep build-essential python3 pkg-config libkrb5-dev curl ca-certificates"
[ "$BROWSER" = 1 ] && APT_PKGS="chromium fonts-liberation $APT_PKGS"
missing=""
for p in $APT_PKGS; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
if [ -n "$missing" ]; then
  step "apt-get install$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y --no-install-recommends $missing >/dev/null \
    || { apt-get update >/dev/null && apt-get install -y --no-install-recommends $missing >/dev/null; }
fi

GYP="$(npm root -g)/npm/node_modules/node-gyp/bin/node-gyp.js"
[ -f "$GYP" ] || { echo "npm's bundled node-gyp is missing at $GYP; reinstall npm" >&2; exit 1; }

# code-server without lifecycle scripts: its postinstall downloads from GitHub. The steps below do its work.
mkdir -p "$P/cs"
CSD="$P/cs/node_modules/code-server"
if [ "$(node -p "try{require('$CSD/package.json').version}catch{''}")" != "$CS_VERSION" ]; then
  step "npm install --ignore-scripts code-server@$CS_VERSION"
  [ -f "$P/cs/package.json" ] || echo '{"name":"editor-host","private":true}' > "$P/cs/package.json"
  ( cd "$P/cs" && npm install --ignore-scripts "code-server@$CS_VERSION" >/dev/null )
fi

# argon2 is loaded at startup; its prebuilt download fails, so build it from source.
if ! ls "$P/cs/node_modules/argon2/lib/binding/"*/argon2.node >/dev/null 2>&1; then
  step "build argon2"
  ( cd "$P/cs" && npm rebuild argon2 --foreground-scripts ) > "$P/cs/argon2-build.log" 2>&1 \
    || { tail -30 "$P/cs/argon2-build.log"; exit 1; }
fi

VS="$CSD/lib/vscode"
if [ ! -f "$VS/node_modules/.package-lock.json" ]; then
  step "VS Code server dependencies"
  ( cd "$VS" && npm install --omit=dev --ignore-scripts >/dev/null )
fi
for m in node-pty @vscode/spdlog native-watchdog @vscode/deviceid kerberos; do
  if ! ls "$VS/node_modules/$m/build/Release/"*.node >/dev/null 2>&1; then
    step "build $m"
    log="$P/cs/gyp-${m//\//_}.log"
    ( cd "$VS/node_modules/$m" && node "$GYP" rebuild --nodedir="$NODEDIR" -j "$(nproc)" ) > "$log" 2>&1 \
      || { tail -30 "$log"; exit 1; }
  fi
done
mkdir -p "$VS/node_modules/@vscode/ripgrep/bin"
[ -x "$VS/node_modules/@vscode/ripgrep/bin/rg" ] || cp "$(command -v rg)" "$VS/node_modules/@vscode/ripgrep/bin/rg"
ln -sfn node_modules "$VS/node_modules.asar"
( cd "$VS/bin/remote-cli" && ln -sfn code-linux.sh code-server )
( cd "$VS/bin/helpers" && ln -sfn browser-linux.sh browser.sh )
if [ ! -f "$VS/extensions/node_modules/typescript/package.json" ]; then
  step "built-in extensions' dependencies"
  ( cd "$VS/extensions" && npm install --omit=dev >/dev/null )
fi

( cd "$VS" && node -e 'for (const m of ["node-pty","@vscode/spdlog","native-watchdog","@vscode/deviceid","kerberos","@parcel/watcher"]) require(m)' ) \
  || { echo "a native module of the VS Code server does not load; delete $P and run this script again" >&2; exit 1; }
scratch=$(mktemp -d)
version=$(XDG_CONFIG_HOME=$scratch XDG_DATA_HOME=$scratch "$P/cs/node_modules/.bin/code-server" --version | tail -1 | cut -d' ' -f1)
rm -rf "$scratch"
if [ "$BROWSER" = 1 ]; then
  [ -f "$ROOT/node_modules/playwright-core/package.json" ] \
    || { echo "playwright-core is missing from node_modules; run npm ci first" >&2; exit 1; }
  step "ready: code-server $version, $(chromium --version 2>/dev/null | tail -1)"
else
  step "ready: code-server $version"
fi
