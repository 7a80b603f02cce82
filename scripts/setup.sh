#!/usr/bin/env bash
# Installs everything Shopclerk needs to build, run and test on a fresh
# Debian/Ubuntu machine: system libraries for the Wails window, Xvfb and
# Chromium for end-to-end tests, tools for the benchmarks, npm modules and Go
# modules. Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential pkg-config libgtk-3-dev libwebkit2gtk-4.1-dev # the Wails window (webkit2_41)
  xvfb xauth x11-utils iproute2 curl imagemagick chromium                             # end-to-end tests and screenshots
  nsis                                                          # the Windows installer
  sqlite3 time poppler-utils                                    # benchmarks' references, PDF checks
  fonts-dejavu-core
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

command -v go >/dev/null || { echo "setup: Go 1.26 is needed (https://go.dev/dl); it was not found on PATH" >&2; exit 1; }
command -v npm >/dev/null || { echo "setup: Node.js 20+ with npm is needed; it was not found on PATH" >&2; exit 1; }

go mod download
# npm ci only when the lock file changed since the last install.
stamp=frontend/node_modules/.shopclerk-lock
if [ ! -f "$stamp" ] || ! cmp -s frontend/package-lock.json "$stamp"; then
  (cd frontend && npm ci --no-audit --no-fund --loglevel=error)
  cp frontend/package-lock.json "$stamp"
fi
