#!/usr/bin/env bash
# Write every output wirediff makes (text, side-by-side, JSON, `render` screens) on the demo,
# the test fixtures, ../shared/seeds, ../shared/stories and large generated inputs into one
# folder, so that two builds can be compared byte for byte:
#
#   scripts/golden.sh BIN OUTDIR          # e.g. target/release/wirediff /tmp/before
#   diff -r /tmp/before /tmp/after        # nothing printed: byte-identical
#
# Used before and after every restructuring step (see CHANGELOG.md). The large inputs are
# generated once into $GOLDEN_DATA (default /tmp/wirediff-golden-data) with the crate's own
# generator, so both runs see the same bytes.
set -euo pipefail
bin=$(realpath "$1")
out=$2
top=$(cd "$(dirname "$0")/.." && pwd)
shared=$(cd "$top/.." && pwd)/shared
data=${GOLDEN_DATA:-/tmp/wirediff-golden-data}
mkdir -p "$out"
# Paths in the outputs are relative to the checkout, so two worktrees give the same bytes.
cd "$top"

if [ ! -f "$data/pair/a.txt" ]; then
  mkdir -p "$data"
  (cd "$top" && cargo run --quiet --release --example gen_story -- pair "$data/pair" 800000 >/dev/null)
  (cd "$top" && cargo run --quiet --release --example gen_story -- versions "$data/versions" 200 1000 >/dev/null)
fi

# run NAME ARGS...: stdout, stderr and exit status of one command.
run() {
  local name=$1
  shift
  local code=0
  (cd "$top" && "$bin" "$@") >"$out/$name.out" 2>"$out/$name.err" || code=$?
  echo "$code" >"$out/$name.code"
}

# exports NAME FILES...: every export format of one set of inputs.
exports() {
  local name=$1
  shift
  run "$name.text" export "$@"
  run "$name.sbs" export --format side-by-side --width 140 "$@"
  run "$name.sbs80" export --format side-by-side --width 80 "$@"
  run "$name.json" export --format json "$@"
}

# screens NAME FILES...: a few viewer screens of one set of inputs.
screens() {
  local name=$1
  shift
  run "$name.r1" render --size 120x40 "$@"
  run "$name.r2" render --size 160x48 --keys "n n Tab" "$@"
  run "$name.r3" render --size 100x30 --keys "o" "$@"
  run "$name.r4" render --size 120x40 --ansi --color always --keys "Tab f n" "$@"
  run "$name.r5" render --size 90x30 --keys "i Tab Tab n" "$@"
  run "$name.r6" render --size 120x30 --keys "?" "$@"
}

exports demo
screens demo
run demo.base3 export --base 3
run demo.lines export --segment lines --format json

fx=tests/fixtures
exports ferry "$fx/ferry-wire.txt" "$fx/ferry-copy.txt" "$fx/ferry-moved.txt" "$fx/ferry-pronoun.txt" "$fx/ferry-quote.txt"
screens ferry "$fx/ferry-wire.txt" "$fx/ferry-copy.txt" "$fx/ferry-moved.txt" "$fx/ferry-pronoun.txt" "$fx/ferry-quote.txt"
exports cjk "$fx/cjk-a.txt" "$fx/cjk-b.txt"
exports emoji "$fx/emoji-a.txt" "$fx/emoji-b.txt"
for story in tests/fixtures/stories/*/; do
  n=$(basename "$story")
  exports "fx-$n" "$story"*.txt
done

if [ -d "$shared/seeds" ]; then
  exports seeds "$shared"/seeds/*.txt
  screens seeds "$shared"/seeds/*.txt
  exports seeds-b2 --base 2 "$shared"/seeds/*.txt
fi
if [ -d "$shared/stories" ]; then
  for story in "$shared"/stories/*/; do
    n=$(basename "$story")
    exports "story-$n" "$story"*.txt
    screens "story-$n" "$story"*.txt
  done
fi

run pair.json export --format json "$data/pair/a.txt" "$data/pair/b.txt"
run pair.text export "$data/pair/a.txt" "$data/pair/b.txt"
run versions.json export --format json "$data"/versions/*.txt
run versions.r3 render --size 160x48 --keys "o" "$data"/versions/*.txt
# Large outputs are kept as checksums only.
for f in "$out"/pair.* "$out"/versions.*; do
  case "$f" in *.out) sha256sum "$f" | cut -d' ' -f1 >"$f.sha" && rm "$f" ;; esac
done
