#!/usr/bin/env bash
# Runs test/keychain against a real GNOME Keyring: a private D-Bus session, and HOME plus the XDG folders in a fresh
# temporary folder, so the tests never see or touch the user's own keyring. Extra arguments go to vitest.
#   npm run test:keychain            (needs: apt install gnome-keyring dbus-x11 libsecret-1-dev)
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in dbus-run-session gnome-keyring-daemon gdbus; do
  command -v "$tool" >/dev/null || { echo "keychain tests: $tool not found; install gnome-keyring and dbus-x11 (apt)" >&2; exit 2; }
done

sandbox=$(mktemp -d "${TMPDIR:-/tmp}/dpsso-keychain-XXXXXX")
trap 'rm -rf "$sandbox"' EXIT
mkdir -p "$sandbox/home" "$sandbox/data" "$sandbox/config" "$sandbox/cache"
mkdir -m 700 "$sandbox/runtime"

export DPSSO_KEYCHAIN_SANDBOX="$sandbox"
export HOME="$sandbox/home" XDG_DATA_HOME="$sandbox/data" XDG_CONFIG_HOME="$sandbox/config" XDG_CACHE_HOME="$sandbox/cache"
export XDG_RUNTIME_DIR="$sandbox/runtime"
# Without a display, gnome-keyring cannot pop up an unlock prompt on a developer's desktop.
unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS GNOME_KEYRING_CONTROL
export DPSSO_KEYRING_PASSWORD="throwaway-$$"
vitest="$PWD/node_modules/.bin/vitest"

# The keyring daemon starts with a new, unlocked "login" keyring, and exits with the session bus.
dbus-run-session -- bash -c '
  printf %s "$DPSSO_KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec "$0" run --config vitest.keychain.config.ts "$@"
' "$vitest" "$@"
