#!/usr/bin/env bash
# Validates the HTML report of the demo story (and of ../shared/seeds when that folder is
# there) with the Nu Html Checker (the W3C validator; npm package vnu-jar, run with a Java
# runtime: Debian's default-jre), its CSS too. Exits non-zero when the checker reports an
# error or a warning; exit 3 when Java or the checker is missing (CI reports it and goes on).
#
#   scripts/validate_html.sh [OUT_DIR]      (default: target/validate-html)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-target/validate-html}"
mkdir -p "$out"
command -v java >/dev/null 2>&1 || { echo "validate html: no java (apt-get install default-jre)" >&2; exit 3; }
jar="${VNU_JAR:-}"
if [ -z "$jar" ]; then
  command -v npm >/dev/null 2>&1 || { echo "validate html: no npm to install vnu-jar" >&2; exit 3; }
  tool="$(mktemp -d)"
  trap 'rm -rf "$tool"' EXIT
  if ! (cd "$tool" && npm install --silent --no-audit --no-fund vnu-jar >/dev/null 2>&1); then
    echo "validate html: npm could not install vnu-jar" >&2
    exit 3
  fi
  jar="$tool/node_modules/vnu-jar/build/dist/vnu.jar"
fi

cargo build --quiet
bin=target/debug/wirediff
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1796114520}"
reports=("$out/demo.html")
# Exit 1 means "the versions differ", which they do.
"$bin" export --format html --force -o "$out/demo.html" || [ $? -eq 1 ]
seeds=../shared/seeds
if [ -d "$seeds" ] && compgen -G "$seeds/*.txt" >/dev/null; then
  "$bin" export --format html --force -o "$out/seeds.html" "$seeds"/*.txt || [ $? -eq 1 ]
  reports+=("$out/seeds.html")
fi
# --Werror: warnings fail too; the checker prints nothing when the documents are valid.
java -jar "$jar" --Werror --also-check-css "${reports[@]}"
echo "validate html: ${#reports[@]} report(s) valid"
