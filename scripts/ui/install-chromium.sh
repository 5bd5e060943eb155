#!/usr/bin/env bash
# Installs headless Chromium and its WebDriver (Debian packages `chromium` and
# `chromium-driver`) for the browser acceptance tests
# (crates/serve/tests/browser.rs), unless both are already present.
#
# Exit status 0: /usr/bin/chromium and /usr/bin/chromedriver exist afterwards.
# Otherwise the last line on stderr says why installation failed (the tests
# print it in their "SKIPPED browser tests" line).
#
# Safe to run concurrently with other apt users: an flock serialises our own
# runs and apt's DPkg::Lock::Timeout waits for anyone else's dpkg lock
# instead of failing at once.
set -euo pipefail

CHROMIUM=/usr/bin/chromium
CHROMEDRIVER=/usr/bin/chromedriver

present() { [[ -x "$CHROMIUM" && -x "$CHROMEDRIVER" ]]; }

if present; then
    exit 0
fi

fail() {
    echo "install-chromium: $*" >&2
    exit 1
}

command -v apt-get >/dev/null 2>&1 || fail "apt-get not found (not a Debian-family system)"

# Root runs apt directly; otherwise only passwordless sudo will do (never prompt).
if [[ "$(id -u)" == 0 ]]; then
    AS_ROOT=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    AS_ROOT=(sudo -n)
else
    fail "not root and passwordless sudo is unavailable"
fi

APT=("${AS_ROOT[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -y -q
    -o DPkg::Lock::Timeout=600 --no-install-recommends)
PACKAGES=(chromium chromium-driver)

LOCK="${TMPDIR:-/tmp}/parallax-install-chromium.lock"
exec 9>"$LOCK"
flock -w 900 9 || fail "timed out waiting for $LOCK"
# Another run may have finished the job while we waited for the lock.
if present; then
    exit 0
fi

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
# Try with the current package lists first (fast when they are fresh); a
# clean CI image usually has none, so on failure refresh them and retry.
if ! "${APT[@]}" install "${PACKAGES[@]}" >"$log" 2>&1; then
    "${APT[@]}" update >>"$log" 2>&1 || true
    if ! "${APT[@]}" install "${PACKAGES[@]}" >>"$log" 2>&1; then
        tail -n 5 "$log" >&2
        fail "apt-get install ${PACKAGES[*]} failed (see the lines above)"
    fi
fi

present || fail "apt-get succeeded but $CHROMIUM or $CHROMEDRIVER is missing"
