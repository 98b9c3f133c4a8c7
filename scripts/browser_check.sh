#!/usr/bin/env bash
# Builds the HTML report of the demo story (and of ../shared/seeds when that folder is
# there), opens each in headless Chromium at 1280 px and 390 px, takes full-page
# screenshots and checks the page with the DOM (browser_check.cjs: the findings list is
# there, each row's two sides start at the same height on the desktop and stack on a
# phone, no text overflows its box). Exits non-zero on a failed check.
#
#   scripts/browser_check.sh [OUT_DIR]      (default: target/browser-check)
#
# Needs Chromium (CHROMIUM, else /usr/bin/chromium) and Node; playwright-core (the
# driver only, no browser download) is installed with npm into a temporary folder when
# it is not found, never into the repository. Exit 3: a tool is missing (CI reports it
# and goes on; see .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-target/browser-check}"
mkdir -p "$out"
chromium="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  echo "browser check: no Chromium at $chromium (apt-get install chromium)" >&2
  exit 3
fi
command -v node >/dev/null 2>&1 || { echo "browser check: no node" >&2; exit 3; }

if ! NODE_PATH="${NODE_PATH:-}" node -e 'require("playwright-core")' >/dev/null 2>&1; then
  driver="$(mktemp -d)"
  trap 'rm -rf "$driver"' EXIT
  if ! (cd "$driver" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --silent --no-audit \
      --no-fund playwright-core >/dev/null 2>&1); then
    echo "browser check: npm could not install playwright-core" >&2
    exit 3
  fi
  export NODE_PATH="$driver/node_modules"
fi

cargo build --quiet
bin=target/debug/wirediff
# A fixed date: the same report bytes on every run.
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1796114520}"
reports=("$out/demo.html")
# Exit 1 means "the versions differ", which they do.
"$bin" export --format html --force -o "$out/demo.html" || [ $? -eq 1 ]
seeds=../shared/seeds
if [ -d "$seeds" ] && compgen -G "$seeds/*.txt" >/dev/null; then
  "$bin" export --format html --force -o "$out/seeds.html" "$seeds"/*.txt || [ $? -eq 1 ]
  reports+=("$out/seeds.html")
fi
CHROMIUM="$chromium" node scripts/browser_check.cjs "$out" "${reports[@]}"
