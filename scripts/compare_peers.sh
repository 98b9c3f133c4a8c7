#!/usr/bin/env bash
# Compare wirediff with peer word-diff tools on large generated story pairs.
#
# For each size in SIZES (words per version) it generates a pair A/B with
# `examples/gen_story.rs` (B: a small word edit in every 7th sentence, one paragraph in a
# hundred moved), then measures in the same run:
#   wirediff export --format json A B
#   git diff --no-index --word-diff A B
#   wdiff A B
# printing median wall time, mean CPU time (user+sys, less sensitive to a busy machine),
# the ratio of wirediff's median wall time to each command's ("wd/this": 10 means wirediff
# takes ten times as long), and median peak RSS (GNU time) with its ratio to the input size
# (A+B bytes). Timing uses hyperfine when installed, otherwise
# RUNS runs under /usr/bin/time. A missing peer is reported as MISSING and skipped.
#
# Usage: scripts/compare_peers.sh
# Environment:
#   SIZES="800000"            words per version, space separated (e.g. "100000 400000 800000")
#   RUNS=10                   timed runs per command
#   RSS_RUNS=3                runs for peak memory when hyperfine does the timing
#   WIREDIFF_ARGS="export --format json"
#   CARGO_TARGET_DIR          where the release build goes (default: ./target)
#   NO_HYPERFINE=1            time with the GNU time loop even if hyperfine is installed
#   KEEP_DIR=path             keep the generated inputs there instead of a temp dir
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SIZES=${SIZES:-800000}
RUNS=${RUNS:-10}
RSS_RUNS=${RSS_RUNS:-3}
WIREDIFF_ARGS=${WIREDIFF_ARGS:-export --format json}
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}

if [[ -n "${KEEP_DIR:-}" ]]; then
    WORK=$KEEP_DIR
    mkdir -p "$WORK"
else
    WORK=$(mktemp -d)
    trap 'rm -rf "$WORK"' EXIT
fi

echo "== building release binary and generator"
(cd "$ROOT" && cargo build --release --quiet --bin wirediff --example gen_story)
WD=$TARGET/release/wirediff
GEN=$TARGET/release/examples/gen_story
[[ -x "$WD" ]] || { echo "error: $WD not built" >&2; exit 2; }

# --- tools ---------------------------------------------------------------------------------
GNU_TIME=""
if [[ -x /usr/bin/time ]] && /usr/bin/time -f "%e %M" true 2>/dev/null; then
    GNU_TIME=/usr/bin/time
else
    echo "MISSING: GNU time (/usr/bin/time); peak memory will not be measured" \
        "(install with: apt-get install -y time)"
fi
HYPERFINE=$(command -v hyperfine || true)
[[ -n "${NO_HYPERFINE:-}" ]] && HYPERFINE=""
if [[ -z "$HYPERFINE" ]]; then
    echo "MISSING: hyperfine; timing with a loop of $RUNS runs under /usr/bin/time" \
        "(install with: apt-get install -y hyperfine)"
fi
if [[ -z "$HYPERFINE" && -z "$GNU_TIME" ]]; then
    echo "error: need hyperfine or GNU time to measure anything" >&2
    exit 2
fi
HAVE_GIT=1
command -v git >/dev/null || { HAVE_GIT=0; echo "MISSING: git; 'git diff --word-diff' skipped"; }
HAVE_WDIFF=1
command -v wdiff >/dev/null || { HAVE_WDIFF=0; echo "MISSING: wdiff; skipped (install with: apt-get install -y wdiff)"; }

echo "== environment"
echo "date:     $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine:  $(uname -sm), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | sed 's/^ //')"
echo "load:     $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null) (1/5/15 min, at start)"
echo "wirediff: $(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo '?') ($WD $WIREDIFF_ARGS)"
[[ $HAVE_GIT == 1 ]] && echo "git:      $(git --version)"
[[ $HAVE_WDIFF == 1 ]] && echo "wdiff:    $(wdiff --version | head -1)"
[[ -n "$HYPERFINE" ]] && echo "timing:   $($HYPERFINE --version), $RUNS runs + 1 warm-up; memory: $RSS_RUNS runs of GNU time"
[[ -z "$HYPERFINE" ]] && echo "timing:   GNU time, $RUNS runs (median)"

# median of numbers on stdin
median() {
    sort -g | awk '{v[NR]=$1} END {if (NR==0) {print "nan"; exit}
        if (NR%2) print v[(NR+1)/2]; else printf "%.6g\n", (v[NR/2]+v[NR/2+1])/2}'
}

# run_time LABEL N CMD... : N runs under GNU time; appends "secs kb" lines to $WORK/LABEL.t
# Exit status 0 and 1 (no difference / differences) are success; anything else fails.
run_time() {
    local label=$1 n=$2
    shift 2
    : >"$WORK/$label.t"
    for ((i = 0; i < n; i++)); do
        local rc=0
        "$GNU_TIME" -f "%e %M %U %S" -o "$WORK/$label.one" "$@" >/dev/null 2>"$WORK/$label.err" || rc=$?
        if ((rc > 1)); then
            echo "FAILED: $label exited with $rc: $(head -c 300 "$WORK/$label.err")"
            return 1
        fi
        tail -1 "$WORK/$label.one" >>"$WORK/$label.t"
    done
}

printf '\n%-8s %-8s %-14s %9s %9s %8s %9s %10s\n' "words" "MB(A+B)" "command" "median s" "cpu s" "wd/this" "peak MB" "RSS/input"
for words in $SIZES; do
    dir=$WORK/w$words
    "$GEN" pair "$dir" "$words" 42 2>/dev/null
    A=$dir/a.txt
    B=$dir/b.txt
    in_bytes=$(($(stat -c %s "$A") + $(stat -c %s "$B")))
    in_mb=$(awk -v b="$in_bytes" 'BEGIN {printf "%.2f", b/1048576}')

    labels=(wirediff)
    # shellcheck disable=SC2206 # WIREDIFF_ARGS is split on purpose
    cmds=("$WD $WIREDIFF_ARGS $A $B")
    if [[ $HAVE_GIT == 1 ]]; then
        labels+=(git-word-diff)
        cmds+=("git -c core.pager=cat diff --no-index --no-color --word-diff $A $B")
    fi
    if [[ $HAVE_WDIFF == 1 ]]; then
        labels+=(wdiff)
        cmds+=("wdiff $A $B")
    fi

    # Check every command once (and keep wirediff's output size for the record).
    ok=()
    for k in "${!labels[@]}"; do
        rc=0
        # shellcheck disable=SC2086
        ${cmds[$k]} >"$dir/${labels[$k]}.out" 2>"$dir/${labels[$k]}.err" || rc=$?
        if ((rc > 1)); then
            echo "FAILED: ${labels[$k]} exited with $rc: $(head -c 300 "$dir/${labels[$k]}.err")"
            ok+=(0)
        else
            ok+=(1)
        fi
    done

    declare -A secs=() cpu=() rss=()
    if [[ -n "$HYPERFINE" ]]; then
        hf_cmds=()
        hf_labels=()
        for k in "${!labels[@]}"; do
            [[ ${ok[$k]} == 1 ]] || continue
            hf_cmds+=("${cmds[$k]}")
            hf_labels+=("${labels[$k]}")
        done
        if ((${#hf_cmds[@]} > 0)); then
            "$HYPERFINE" -N -i --style none --warmup 1 --runs "$RUNS" \
                --export-json "$dir/hyperfine.json" "${hf_cmds[@]}" >"$dir/hyperfine.log" 2>&1 ||
                echo "FAILED: hyperfine (see $dir/hyperfine.log)"
            if [[ -s "$dir/hyperfine.json" ]]; then
                mapfile -t medians < <(grep -o '"median": *[0-9.eE+-]*' "$dir/hyperfine.json" | sed 's/.*: *//')
                mapfile -t users < <(grep -o '"user": *[0-9.eE+-]*' "$dir/hyperfine.json" | sed 's/.*: *//')
                mapfile -t systems < <(grep -o '"system": *[0-9.eE+-]*' "$dir/hyperfine.json" | sed 's/.*: *//')
                for k in "${!hf_labels[@]}"; do
                    secs[${hf_labels[$k]}]=${medians[$k]:-nan}
                    cpu[${hf_labels[$k]}]=$(awk -v u="${users[$k]:-nan}" -v s="${systems[$k]:-nan}" 'BEGIN {printf "%.3f", u+s}')
                done
            fi
        fi
    fi
    for k in "${!labels[@]}"; do
        [[ ${ok[$k]} == 1 && -n "$GNU_TIME" ]] || continue
        label=${labels[$k]}
        n=$RSS_RUNS
        [[ -z "$HYPERFINE" ]] && n=$RUNS
        # shellcheck disable=SC2086
        run_time "$label" "$n" ${cmds[$k]} || continue
        rss[$label]=$(awk '{print $2}' "$WORK/$label.t" | median)
        if [[ -z "$HYPERFINE" ]]; then
            secs[$label]=$(awk '{print $1}' "$WORK/$label.t" | median)
            cpu[$label]=$(awk '{s += $3 + $4} END {printf "%.3f", s/NR}' "$WORK/$label.t")
        fi
    done

    for k in "${!labels[@]}"; do
        label=${labels[$k]}
        [[ ${ok[$k]} == 1 ]] || { printf '%-8s %-8s %-14s %9s\n' "$words" "$in_mb" "$label" "FAILED"; continue; }
        s=${secs[$label]:-nan}
        ratio=$(awk -v w="${secs[wirediff]:-nan}" -v p="$s" 'BEGIN {if (p+0 > 0 && w+0 > 0) printf "%.2f", w/p; else print "-"}')
        kb=${rss[$label]:-}
        if [[ -n "$kb" ]]; then
            mb=$(awk -v k="$kb" 'BEGIN {printf "%.1f", k/1024}')
            per=$(awk -v k="$kb" -v b="$in_bytes" 'BEGIN {printf "%.1fx", k*1024/b}')
        else
            mb="-"
            per="-"
        fi
        printf '%-8s %-8s %-14s %9.3f %9s %8s %9s %10s\n' "$words" "$in_mb" "$label" "$s" "${cpu[$label]:--}" "$ratio" "$mb" "$per"
    done
    echo "  (wirediff output: $(stat -c %s "$dir/wirediff.out" 2>/dev/null || echo '?') bytes)"
    unset secs cpu rss
done
