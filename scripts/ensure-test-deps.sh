#!/usr/bin/env bash
# Installs what the test suite needs beyond npm packages, only when missing:
# Debian's Chromium (for the viewer's browser tests; never a downloaded browser),
# Debian's redis-server (for the queue tests) and the Maven build of the embedded Neo4j server (for the export tests).
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
APT_UPDATED=""
apt_install() {
  [ -n "$APT_UPDATED" ] || { $SUDO apt-get update -qq; APT_UPDATED=1; }
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}

if [ -z "${KG_CHROMIUM:-}" ] && ! [ -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium for the browser tests…" >&2
  apt_install chromium
fi

# The queue tests start their own redis-server (unless REDIS_URL points at one).
if [ -z "${REDIS_URL:-}" ] && ! command -v redis-server >/dev/null 2>&1; then
  echo "Installing Debian's redis-server for the queue tests…" >&2
  apt_install redis-server
fi

if [ -z "${NEO4J_URI:-}" ]; then
  node --input-type=module -e "const m = await import('./scripts/neo4j/start.mjs'); m.ensureBuilt();"
fi
