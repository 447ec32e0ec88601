#!/usr/bin/env bash
# Installs what the test suite needs beyond npm packages, only when missing:
# Debian's Chromium (for the viewer's browser tests; never a downloaded browser)
# and the Maven build of the embedded Neo4j server (for the export tests).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${KG_CHROMIUM:-}" ] && ! [ -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium for the browser tests…" >&2
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

if [ -z "${NEO4J_URI:-}" ]; then
  node --input-type=module -e "const m = await import('./scripts/neo4j/start.mjs'); m.ensureBuilt();"
fi
