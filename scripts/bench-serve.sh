#!/usr/bin/env bash
# bench-serve.sh: how soon `jisr serve` shows a saved edit, beside a cold
# build of the same site, in one run.
#
# Usage: scripts/bench-serve.sh [N] [WORKDIR]
#   N        articles (default 1000)
#   WORKDIR  scratch folder (default /tmp/jisr-serve-bench); emptied
# SEEDS=DIR copies the seeds from DIR instead of making the corpus (the
# corpus is scripts/bench-site.go's, as scripts/bench-scale.sh makes it).
# PORT=N is the port serve listens on (default 1399).
#
# It builds the site cold (`jisr build`, under /usr/bin/time, with the
# base URL serve uses, so that serve's own first build skips everything),
# starts `jisr serve`, listens to its reload events, edits one article as
# bench-scale.sh's "one edited" state does (bench-site edit: one sentence
# of r00000.json), and prints the wall time from the save to the
# preview's reload (the edited article's pages) and to the full build's
# reload (the whole site), as ratios to the cold build's wall time; and
# the CPU (user+sys) serve spent in each, as ratios to the cold build's
# CPU. Timings on a shared machine are noisy: run it on a quiet one.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-1000}
work=${2:-/tmp/jisr-serve-bench}
port=${PORT:-1399}
data="$root/../shared/data/saudinewsnet"
base="http://127.0.0.1:$port/"
rm -rf "$work" && mkdir -p "$work/project"
work=$(cd "$work" && pwd)
p="$work/project"

(cd "$root" && go build -o "$work/jisr" ./cmd/jisr && go build -o "$work/bench-site" scripts/bench-site.go)
site() { (cd "$root" && "$work/bench-site" "$@"); }
if [[ -n ${SEEDS:-} ]]; then
	cp -r "$SEEDS" "$p/seeds"
else
	site corpus -n "$n" -out "$p/seeds" -data "$data" -fallback "$root/seeds" >&2
fi

# The cold build (exit 3: some records have no text; that is a build).
tv="$work/cold.time"
(cd "$p" && /usr/bin/time -f '%e %U %S' -o "$tv" "$work/jisr" build --base-url "$base" >"$work/cold.log" 2>&1) ||
	grep -q '^built' "$work/cold.log" || { tail -20 "$work/cold.log" >&2; exit 1; }
read -r cwall cuser csys <"$tv"
ccpu=$(echo "$cuser + $csys" | bc)

# cpu PID: the user+sys seconds of a process so far (/proc/PID/stat).
tick=$(getconf CLK_TCK)
cpu() { awk -v t="$tick" '{ printf "%.2f", ($14 + $15) / t }' "/proc/$1/stat"; }

(cd "$p" && exec "$work/jisr" serve --addr "127.0.0.1:$port" >"$work/serve.log" 2>&1) &
srv=$!
listener=
cleanup() {
	[[ -n $listener ]] && kill "$listener" 2>/dev/null || true
	kill "$srv" 2>/dev/null || true
	wait 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 600); do
	grep -q '^serving' "$work/serve.log" && break
	kill -0 "$srv" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
	sleep 0.5
done
grep -q '^serving' "$work/serve.log" || { echo "serve did not start" >&2; exit 1; }
events="$work/events"
: >"$events"
# Each reload event with the time it came and serve's CPU then.
mkfifo "$work/sse"
curl -sN "${base}_jisr/reload" >"$work/sse" &
listener=$!
(while IFS= read -r line; do
	[[ $line == data:* ]] && printf '%s %s %s\n' "$(date +%s.%N)" "$(cpu "$srv")" "${line#data: }" >>"$events"
done <"$work/sse") &
sleep 2 # the watcher's snapshot of the sources

c0=$(cpu "$srv")
t0=$(date +%s.%N)
site edit -seeds "$p/seeds"
for _ in $(seq 1200); do
	grep -q ' site$' "$events" && break
	sleep 0.25
done
grep -q ' site$' "$events" || { cat "$work/serve.log" >&2; echo "no reload after the edit" >&2; exit 1; }

read -r tp cp _ < <(grep ' preview$' "$events" | head -1 || echo "- - -")
read -r ts cs _ < <(grep ' site$' "$events" | head -1)
row() { # label wall cpu
	printf '%-28s %8.2f s  %5.3f× cold   %7.2f s CPU  %5.3f× cold\n' "$1" "$2" "$(echo "$2 / $cwall" | bc -l)" "$3" "$(echo "$3 / $ccpu" | bc -l)"
}
echo "jisr serve, $n articles: wall from the save, CPU of serve from the save"
row "cold build" "$cwall" "$ccpu"
if [[ $tp != - ]]; then
	row "edit shown (preview)" "$(echo "$tp - $t0" | bc -l)" "$(echo "$cp - $c0" | bc -l)"
else
	echo "edit shown (preview)         none (see $work/serve.log)"
fi
row "whole site rebuilt" "$(echo "$ts - $t0" | bc -l)" "$(echo "$cs - $c0" | bc -l)"
grep -E '^(preview|changed)' "$work/serve.log" | sed 's/^/  serve: /' || true
