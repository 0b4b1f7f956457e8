#!/usr/bin/env bash
# The editor tier: builds the extension and the suite, then runs the suite inside code-server's
# extension host with chromium as the workbench. Exit code 0 when every editor test passed.
# Needs test/editor/install.sh to have run once.
set -euo pipefail
cd "$(dirname "$0")/../.."
node esbuild.mjs
node test/editor/build.mjs
exec node_modules/.bin/tsx test/editor/runSuite.ts
