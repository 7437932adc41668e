#!/usr/bin/env bash
# Runs a command in a fresh network namespace whose only interface is loopback, so nothing it
# starts (Kamailio, Chromium, sip.js) can send a packet beyond 127.0.0.1 — not even by mistake,
# e.g. an ICE candidate on the LAN address or a DNS lookup of the lab's SIP domain.
#
#   test/sip/netns.sh npx vitest run --project sip
#
# As root it uses `ip netns` (iproute2) and deletes the namespace afterwards, whatever happens.
# Otherwise it falls back to an unprivileged user + network namespace (`unshare -rn`), where
# the command runs as a mapped "root" with no real privileges; that needs
# kernel.unprivileged_userns_clone=1 (Debian's default since 11).
# The command's exit status is passed through. Costs a few milliseconds.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 command [args...]" >&2
  exit 2
fi

if [ "$(id -u)" -ne 0 ]; then
  exec unshare --map-root-user --net -- sh -c 'ip link set lo up && exec "$@"' sh "$@"
fi

name="leadphone-lab-$$"
ip netns add "$name"
trap 'ip netns delete "$name" 2>/dev/null || true' EXIT
ip netns exec "$name" ip link set lo up
# Not `exec`: the trap must run after the command to delete the namespace.
status=0
ip netns exec "$name" "$@" || status=$?
exit "$status"
