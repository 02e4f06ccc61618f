#!/usr/bin/env bash
# Hostile load for jisr: XSS in every input field, a very large article, a
# large CMS export, and random kill -9 during build, translate and review
# import, with zero lost reviewed segments; then the commands a newsroom runs
# on such an export (review export and import of the whole site, translate,
# check --links --qa, prune of 1% of the records, a rebuild), each measured.
#
#   scripts/hostile-load.sh          # full: 50 MB article, 100,000 records, 20 kills
#   SHORT=1 scripts/hostile-load.sh  # the short form .ci/run runs
#   MB=50 RECORDS=10000 KILLS=6 scripts/hostile-load.sh   # any size in between
#
# It builds jisr, makes a project in a temporary folder (KEEP=1 keeps it),
# and fails (exit 1) on the first broken promise. Each stage prints its
# wall time, CPU and peak RSS (GNU time when installed), and the first
# build's log is stamped by JISR_TRACE=1, so the stages inside one build
# (read, translate, review pages, prepared, search index, link check,
# rendered) show their time and peak RSS so far; a table of every stage
# ends the run. Timings are printed, never asserted.
#
# The machine is shared: a stage is stopped (and the run fails, naming it)
# when the system's available memory falls under MIN_AVAIL_MB (default
# 6144), instead of pushing the others into swap or the OOM killer.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${SHORT:-}" = 1 ]; then d_mb=5 d_records=400 d_kills=4; else d_mb=50 d_records=100000 d_kills=20; fi
MB=${MB:-$d_mb} RECORDS=${RECORDS:-$d_records} KILLS=${KILLS:-$d_kills}
work=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
go build -o "$work/jisr" ./cmd/jisr
jisr="$work/jisr"
proj="$work/p"
mkdir -p "$proj/seeds"
fail() { echo "hostile-load: FAIL: $*" >&2; exit 1; }

python3 - "$proj/seeds" "$MB" "$RECORDS" <<'PY'
import json, sys, os
seeds, mb, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
x = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "';alert(1)//", '&lt;img src=x onerror=alert(1)&gt;', '{{ .Site }}', '\u202e\x1a\x1a']
rec = {"id": "xss", "title": "عنوان " + x[0] + x[1], "author": x[1] + x[2], "source": x[3], "url": "javascript:alert(1)",
       "tags": [x[0], x[1], x[4]], "body": "قال الرئيس " + x[0] + " إن " + x[1] + ".\n" + x[3] + " " + x[4] + "\n\x1a\x1a\x1a\x1a\nوأضاف أن الحكومة ستجتمع."}
with open(os.path.join(seeds, "xss.jsonl"), "w") as f:
    f.write(json.dumps(rec, ensure_ascii=False) + "\n")
para = "قال الرئيس إن الحكومة ستجتمع يوم الأحد المقبل لبحث الموازنة. وأضاف أن الوزراء الثلاثة استقالوا، وأن البرلمان سيصوت على خلفائهم.\n"
with open(os.path.join(seeds, "big.txt"), "w") as f:
    f.write("مقال طويل جدا\n")
    size = 0
    while size < mb << 20:
        f.write(para); size += len(para.encode())
with open(os.path.join(seeds, "export.jsonl"), "w") as f:
    for i in range(n):
        body = "" if i % 100 == 7 else "خبر رقم %d: قال المتحدث إن الاجتماع %d انتهى. وأكد أن اللجنة ستعمل في بغداد." % (i, i)
        f.write(json.dumps({"id": i, "title": "خبر %d" % i, "body": body}, ensure_ascii=False) + "\n")
PY

cd "$proj"
# stage NAME CMD...: runs CMD (output in $work/NAME.log), prints its wall
# time, CPU and peak RSS and adds them to $work/stages.txt; returns CMD's
# exit code. A watchdog stops it when available memory falls under
# MIN_AVAIL_MB.
MIN_AVAIL_MB=${MIN_AVAIL_MB:-6144}
avail_mb() { awk '/^MemAvailable:/ {print int($2 / 1024)}' /proc/meminfo 2>/dev/null || echo 999999; }
: >"$work/stages.txt"
stage() {
  local name=$1; shift
  local timer=()
  [ -x /usr/bin/time ] && timer=(/usr/bin/time -o "$work/time.txt" -f "%e s wall, %U+%S s CPU, %M KB peak RSS")
  local t0; t0=$(date +%s.%N)
  setsid -w "${timer[@]}" "$@" >"$work/$name.log" 2>&1 &
  local pid=$! low=""
  while kill -0 "$pid" 2>/dev/null; do
    if [ "$(avail_mb)" -lt "$MIN_AVAIL_MB" ]; then
      low=1; kill -9 -- "-$pid" 2>/dev/null || true; break
    fi
    sleep 1
  done
  local rc=0; wait "$pid" || rc=$?
  [ -z "$low" ] || { echo "hostile-load: FAIL: stage $name stopped: available memory under $MIN_AVAIL_MB MB" >&2; exit 1; }
  local line
  if [ -x /usr/bin/time ]; then line=$(tail -1 "$work/time.txt"); else line="$(echo "$(date +%s.%N) - $t0" | bc) s wall"; fi
  printf '%-14s exit %s, %s\n' "$name" "$rc" "$line" | tee -a "$work/stages.txt"
  return $rc
}
built() { [ "$1" = 0 ] || [ "$1" = 3 ]; }
set +e; JISR_TRACE=1 stage build-cold "$jisr" build --base-url https://example.org/news/; rc=$?; set -e
echo "  ($MB MB article, $RECORDS records; inside the build, time and peak RSS so far:)"
grep -E "^\[[^]]*\] (read [0-9]|translate: engine|review pages:|prepared |render:|search index: [0-9]|link check:|unchanged:|built )" "$work/build-cold.log" | sed "s/^/  /" || true
built "$rc" || { tail -20 "$work/build-cold.log"; fail "first build exit $rc"; }
cp "$work/build-cold.log" "$work/build.log"
# The large article is read in linear time; past Hugo's limit on one data
# file it cannot be rendered, and is skipped with that reason while the
# rest builds.
[ -d public/articles/big ] || grep -q "seeds/big.txt: cannot be rendered" "$work/build.log" || fail "the large article was neither built nor skipped with its reason"
[ -d public/articles/r-1 ] || fail "the export's records were not built"

# XSS: no payload arrives as markup in any page, feed or script.
if grep -rIl -e '<script>alert(1)' -e '<img src=x onerror' -e 'href="javascript:' public >"$work/xss.txt"; then
  cat "$work/xss.txt"; fail "an XSS payload reached public/ as markup"
fi
for f in public/index.xml public/en/index.xml public/atom.xml public/en/atom.xml; do
  [ -f "$f" ] || continue
  python3 -c 'import sys, xml.dom.minidom as m; m.parse(sys.argv[1])' "$f" || fail "$f is not well-formed XML"
done
echo "xss: no payload as markup; feeds parse"

# Reviews: a person edits the English of three segments by hand.
python3 - content/articles <<'PY'
import sys, os, re
base = sys.argv[1]
done = 0
for d in sorted(os.listdir(base)):
    f = os.path.join(base, d, "segments.yaml")
    if done == 3 or not d.startswith("r-") or not os.path.exists(f):
        continue
    s = open(f, encoding="utf-8").read()
    s2 = re.sub(r"(    en: \|-\n      )[^\n]*", lambda m: m.group(1) + "Reviewed by a person in " + d, s, count=1)
    if s2 != s:
        open(f, "w", encoding="utf-8").write(s2); done += 1
print("edited", done)
PY
set +e; stage build-edited "$jisr" build --base-url https://example.org/news/; rc=$?; set -e
built "$rc" || fail "build after review: exit $rc"
reviewed() { grep -rh "Reviewed by a person in" content/articles --include=segments.yaml | sort -u | wc -l; }
want=$(reviewed)
[ "$want" -ge 1 ] || fail "no reviewed segment to protect"
stage review-export "$jisr" review export --format po --out "$work/po" || fail "review export"
# The whole export comes back as it went (nothing edited): a folder, since
# 100,000 file names are more than a shell passes to one command.
stage review-import "$jisr" review import "$work/po" || fail "review import of the folder"
[ "$(reviewed)" = "$want" ] || fail "review import of an unedited export changed the reviewed segments"
set +e; stage translate "$jisr" translate; rc=$?; set -e
built "$rc" || fail "translate on a warm store: exit $rc"
set +e; stage check "$jisr" check --links --qa --base-url https://example.org/news/; rc=$?; set -e
[ "$rc" = 0 ] || { tail -5 "$work/check.log"; fail "check --links --qa: exit $rc"; }

# kill -9 at random moments during build, translate and import.
for i in $(seq 1 "$KILLS"); do
  case $((i % 3)) in
    0) cmd=(build --base-url https://example.org/news/) ;;
    1) cmd=(translate) ;;
    2) cmd=(review import "$work/po") ;;
  esac
  "$jisr" "${cmd[@]}" >/dev/null 2>&1 &
  pid=$!
  sleep "0.$((RANDOM % 10))$((RANDOM % 10))"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  got=$(reviewed)
  [ "$got" = "$want" ] || fail "after kill $i (${cmd[0]}): $got reviewed segments, want $want"
done
set +e; stage build-kills "$jisr" build --base-url https://example.org/news/; rc=$?; set -e
built "$rc" || { tail -20 "$work/build-kills.log"; fail "build after the kills: exit $rc"; }
[ "$(reviewed)" = "$want" ] || fail "reviewed segments lost after the final build"
grep -c "status: reviewed" -r content/articles --include=segments.yaml >/dev/null || fail "no reviewed status"
echo "kills: $KILLS kill -9 during build, translate and import; $want reviewed segments kept; build after them exit $rc"

# Unpublishing at scale: 1% of the records leave the export; the build
# names them, prune removes them (and their term pages), the next build
# publishes the rest. No reviewed segment is lost (they are in r-0, r-1,
# r-10, ...; records 50, 150, ... go).
python3 - seeds/export.jsonl <<'PY'
import sys
f = sys.argv[1]
lines = open(f, encoding="utf-8").read().splitlines(True)
open(f, "w", encoding="utf-8").write("".join(l for i, l in enumerate(lines) if i % 100 != 50))
PY
gone=$(( (RECORDS + 49) / 100 ))
stage prune "$jisr" prune --yes || { tail -5 "$work/prune.log"; fail "prune"; }
set +e; stage build-pruned "$jisr" build --base-url https://example.org/news/; rc=$?; set -e
built "$rc" || { tail -20 "$work/build-pruned.log"; fail "build after prune: exit $rc"; }
[ ! -e public/articles/r-50 ] || fail "r-50 is still published after prune"
[ -d public/articles/r-51 ] || fail "r-51 was lost by prune"
! grep -q "no seed any more" "$work/build-pruned.log" || fail "the build after prune still names orphans"
[ "$(reviewed)" = "$want" ] || fail "reviewed segments lost by prune"
echo "prune: $gone records removed from the export and unpublished; $want reviewed segments kept"

echo "stages ($MB MB article, $RECORDS records, $KILLS kills):"
sed 's/^/  /' "$work/stages.txt"
echo "hostile-load: ok"
