#!/usr/bin/env bash
# Hostile load for jisr: XSS in every input field, a very large article, a
# large CMS export, and random kill -9 during build, translate and review
# import, with zero lost reviewed segments.
#
#   scripts/hostile-load.sh          # full: 50 MB article, 100,000 records, 20 kills
#   SHORT=1 scripts/hostile-load.sh  # the short form .ci/run runs
#   MB=50 RECORDS=10000 KILLS=6 scripts/hostile-load.sh   # any size in between
#
# It builds jisr, makes a project in a temporary folder, and fails (exit 1)
# on the first broken promise. Timings and peak memory are printed, never
# asserted.
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
# measure CMD...: runs it, printing wall time, CPU and peak RSS (GNU time
# when installed) to $work/time.txt.
measure() {
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -o "$work/time.txt" -f "%e s wall, %U+%S s CPU, %M KB peak RSS" "$@"
  else
    local t0; t0=$(date +%s); "$@"; local rc=$?; echo "$(( $(date +%s) - t0 )) s wall" >"$work/time.txt"; return $rc
  fi
}
set +e; measure "$jisr" build --base-url https://example.org/news/ >"$work/build.log" 2>&1; rc=$?; set -e
echo "first build: exit $rc, $(tail -1 "$work/time.txt") ($MB MB article, $RECORDS records)"
grep -E "^(read|prepared|rendered|built) " "$work/build.log" | sed 's/^/  /' || true
[ "$rc" = 0 ] || [ "$rc" = 3 ] || { tail -20 "$work/build.log"; fail "first build exit $rc"; }
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
"$jisr" build --base-url https://example.org/news/ >"$work/build.log" 2>&1 || [ $? = 3 ] || fail "build after review"
reviewed() { grep -rh "Reviewed by a person in" content/articles --include=segments.yaml | sort -u | wc -l; }
want=$(reviewed)
[ "$want" -ge 1 ] || fail "no reviewed segment to protect"
"$jisr" review export --format po --out "$work/po" >/dev/null 2>&1 || true

# kill -9 at random moments during build, translate and import.
for i in $(seq 1 "$KILLS"); do
  case $((i % 3)) in
    0) cmd=(build --base-url https://example.org/news/) ;;
    1) cmd=(translate) ;;
    2) cmd=(review import "$work"/po/*.po) ;;
  esac
  "$jisr" "${cmd[@]}" >/dev/null 2>&1 &
  pid=$!
  sleep "0.$((RANDOM % 10))$((RANDOM % 10))"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  got=$(reviewed)
  [ "$got" = "$want" ] || fail "after kill $i (${cmd[0]}): $got reviewed segments, want $want"
done
set +e; "$jisr" build --base-url https://example.org/news/ >"$work/build.log" 2>&1; rc=$?; set -e
[ "$rc" = 0 ] || [ "$rc" = 3 ] || { tail -20 "$work/build.log"; fail "build after the kills: exit $rc"; }
[ "$(reviewed)" = "$want" ] || fail "reviewed segments lost after the final build"
grep -c "status: reviewed" -r content/articles --include=segments.yaml >/dev/null || fail "no reviewed status"
echo "kills: $KILLS kill -9 during build, translate and import; $want reviewed segments kept; final build exit $rc"
echo "hostile-load: ok"
