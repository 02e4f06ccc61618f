#!/usr/bin/env bash
# bench-build.sh: measure a warm `jisr build` of the SaudiNewsNet 2015-07-23
# corpus (1,302 articles) and report stage times, CPU time and peak RSS.
#
# Usage: scripts/bench-build.sh [RUNS] [WORKDIR]
#   RUNS     warm rebuilds to time (default 3)
#   WORKDIR  scratch project folder (default /tmp/jisr-bench)
# Set KEEP=DIR to copy public/ and content/ of the last run to DIR, so that two
# versions can be compared with `diff -r` (the output must stay identical).
#
# Needs ../shared/data/saudinewsnet/2015-07-23.zip beside the checkout (its
# licence does not let the project ship it); exits 0 with a note when missing.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-3}
work=${2:-/tmp/jisr-bench}
zip="$root/../shared/data/saudinewsnet/2015-07-23.zip"
if [[ ! -f $zip ]]; then
	echo "bench-build: $zip missing; nothing to measure" >&2
	exit 0
fi
bin="$work/jisr"
mkdir -p "$work/seeds"
(cd "$root" && go build -o "$bin" ./cmd/jisr)
unzip -o -q "$zip" -d "$work/seeds"
cd "$work"
echo "first build (fills content/):"
"$bin" build 2>&1 | grep -E "prepared|rendered|^built" || true
for i in $(seq "$runs"); do
	log=$(mktemp)
	# jisr exits non-zero when it skipped inputs (16 records here have no
	# text); a run counts when it printed its "built" summary.
	/usr/bin/time -v "$bin" build >"$log" 2>&1 || true
	grep -q '^built' "$log" || { cat "$log" >&2; exit 1; }
	printf 'warm %d: %s | wall %s user %ss sys %ss peak RSS %s KB\n' "$i" \
		"$(grep -Eo 'prepared content in [0-9.ms]+|rendered in [0-9.ms]+' "$log" | paste -sd ' ')" \
		"$(awk -F': ' '/Elapsed/ {print $2}' "$log")" \
		"$(awk -F': ' '/User time/ {print $2}' "$log")" \
		"$(awk -F': ' '/System time/ {print $2}' "$log")" \
		"$(awk -F': ' '/Maximum resident/ {print $2}' "$log")"
	rm -f "$log"
done
if [[ -n ${KEEP:-} ]]; then
	rm -rf "$KEEP" && mkdir -p "$KEEP" && cp -a public content "$KEEP/"
	echo "output copied to $KEEP"
fi
