#!/usr/bin/env bash
# bench-scale.sh: jisr beside plain Hugo v0.165.0, in one run, at several
# archive sizes; prints one table.
#
# Usage: scripts/bench-scale.sh [SIZES] [WORKDIR]
#   SIZES    comma-separated article counts (default 1000,5000,10000)
#   WORKDIR  scratch folder (default /tmp/jisr-scale)
# STATES=cold,unchanged measures only those states (default all four:
# cold,unchanged,edited,added), for a short run.
#
# For each size N it makes a corpus of N seed articles (the real SaudiNewsNet
# ones from ../shared/data/saudinewsnet, topped up past those by a
# deterministic generator recombining real paragraphs; the generator alone,
# on the project's seeds/, when ../shared is missing: see
# scripts/bench-site.go), then measures, one after the other so that both
# see the same machine load:
#   hugo        plain Hugo on the same articles in Arabic and English, with
#               tags and entities as taxonomies and minimal layouts (the
#               anchor; Hugo rebuilds everything every time)
#   hugo+jisr   the hugo command on the Hugo site `jisr build` renders
#               (written out by its cold build, JISR_HUGO_SOURCE): jisr's
#               layouts, hugo.toml and content/ with the fragments made in
#               Go (what our templates cost)
#   jisr        `jisr build` (gist engine, review pages on, feeds and sitemap)
# each cold (no content/, no public/), unchanged (again), one article edited
# (one sentence) and one article added. CPU is user+sys, RSS the peak
# resident set, output the size of public/. The ratios are jisr's over plain
# Hugo's in the same state.
#
# The hugo command is built from the module proxy in a temporary module
# (never in the project); the Go build cache makes later runs fast.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
sizes=${1:-1000,5000,10000}
work=${2:-/tmp/jisr-scale}
data="$root/../shared/data/saudinewsnet"
base=https://bench.example/
mkdir -p "$work"
work=$(cd "$work" && pwd)

# Tools: jisr, the helper, and hugo from a throwaway module.
(cd "$root" && go build -o "$work/jisr" ./cmd/jisr && go build -o "$work/bench-site" scripts/bench-site.go)
if [[ ! -x $work/hugo ]]; then
	mod=$(mktemp -d)
	(cd "$mod" && go mod init benchhugo >/dev/null 2>&1 &&
		go get github.com/gohugoio/hugo@v0.165.0 >/dev/null 2>&1 &&
		go build -o "$work/hugo" github.com/gohugoio/hugo)
	rm -rf "$mod"
fi
site() { (cd "$root" && "$work/bench-site" "$@"); }

# measure LABEL N DIR CMD...: runs CMD in DIR under /usr/bin/time and
# appends a row: label, articles, pages, wall s, cpu s, rss MB, output MB.
rows="$work/rows.tsv"
: >"$rows"
measure() {
	local label=$1 n=$2 dir=$3 out=$4
	shift 4
	local log tv
	log=$(mktemp) tv=$(mktemp)
	(cd "$dir" && /usr/bin/time -f '%e %U %S %M' -o "$tv" "$@" >"$log" 2>&1) || {
		# jisr exits 3 when it skipped inputs (records without text).
		grep -q '^built' "$log" || { tail -20 "$log" >&2; exit 1; }
	}
	local pages
	pages=$(grep -Eo '[0-9]+ pages in' "$log" | grep -Eo '^[0-9]+' | tail -1 || true)
	if [[ -z $pages ]]; then # hugo's table: "Pages │ 2010 │ 2008"
		pages=$(awk -F'│' '/^ *Pages/ {s=0; for (i=2;i<=NF;i++) s+=$i; print s}' "$log")
	fi
	local skipped
	skipped=$(grep -Eo '^(skipped|unchanged)[^;]*' "$log" | head -1 || true)
	read -r wall user sys rss <"$tv"
	printf '%s\t%s\t%s\t%s\t%.1f\t%d\t%d\t%s\n' "$label" "$n" "${pages:-?}" "$wall" \
		"$(echo "$user + $sys" | bc)" "$((rss / 1024))" \
		"$(($(du -sb "$dir/$out" | cut -f1) / 1048576))" "$skipped" >>"$rows"
	rm -f "$log" "$tv"
}

# sizes N PUBLIC: appends what a reader downloads from the cold site to
# sizes.tsv: the largest list page (home, sections, tags, entities and the
# review dashboard, with their pager pages; the goal is 150 KB at 10,000
# articles) and the search's first file (search.js and search-index.js;
# a query then adds only the parts it needs, see ARCHITECTURE.md).
sizefile="$work/sizes.tsv"
: >"$sizefile"
sizes() {
	local n=$1 pub=$2 list first
	list=$(cd "$pub" && find . -name index.html -printf '%s %P\n' |
		grep -E ' (en/)?(index\.html|page/|articles/(index\.html|page/)|tags/|entities/|review/(index\.html|page/))' |
		sort -n | tail -1)
	first=$(cd "$pub" && cat js/search.js js/search-index.js | wc -c)
	printf '%s\t%s KB (%s)\t%s KB\n' "$n" "$(( ${list%% *} / 1024 ))" "${list#* }" "$((first / 1024))" >>"$sizefile"
}

states=",${STATES:-cold,unchanged,edited,added},"
want() { [[ $states == *",$1,"* ]]; }
IFS=, read -ra ns <<<"$sizes"
for n in "${ns[@]}"; do
	p="$work/$n/project" plainsite="$work/$n/hugo" jsite="$work/$n/hugo-jisr"
	rm -rf "$work/$n" && mkdir -p "$p"
	site corpus -n "$n" -out "$p/seeds" -data "$data" -fallback "$root/seeds" >&2
	jisr=("$work/jisr" build --base-url "$base")
	hugo=("$work/hugo" --quiet=false --logLevel warn --cleanDestinationDir)

	# The cold build also writes out the Hugo site it renders (hugo.toml,
	# layouts, the content tree with the fragments made in Go), for the
	# hugo+jisr row: about a second of the build's time.
	measure "jisr cold" "$n" "$p" public env JISR_HUGO_SOURCE="$jsite" "${jisr[@]}"
	sizes "$n" "$p/public"
	site plain -content "$p/content" -out "$plainsite" >&2
	measure "hugo cold" "$n" "$plainsite" public "${hugo[@]}"
	measure "hugo+jisr layouts cold" "$n" "$jsite" public "${hugo[@]}"

	if want unchanged; then
		measure "jisr unchanged" "$n" "$p" public "${jisr[@]}"
		measure "hugo unchanged" "$n" "$plainsite" public "${hugo[@]}"
	fi
	want edited || want added || continue

	site edit -seeds "$p/seeds"
	a=$(ls "$plainsite/content/articles" | sed -n 1p) # not head: ls would die of SIGPIPE under pipefail
	sed -i '$ s/$/ تحديث./' "$plainsite/content/articles/$a/index.ar.md"
	if want edited; then
		measure "jisr one edited" "$n" "$p" public "${jisr[@]}"
		measure "hugo one edited" "$n" "$plainsite" public "${hugo[@]}"
	fi
	want added || continue

	site add -seeds "$p/seeds" -n "$n" -data "$data" -fallback "$root/seeds"
	cp -r "$plainsite/content/articles/$a" "$plainsite/content/articles/zz-added"
	measure "jisr one added" "$n" "$p" public "${jisr[@]}"
	measure "hugo one added" "$n" "$plainsite" public "${hugo[@]}"
done

# The table: each jisr row gets its ratio to the hugo row of the same size
# and state.
awk -F'\t' '
BEGIN {
	print "| build | articles | pages | wall s | CPU s | peak RSS MB | public/ MB | CPU ×hugo | RSS ×hugo |"
	print "|---|---|---|---|---|---|---|---|---|"
}
{ label[NR]=$1; n[NR]=$2; row[NR]=$0
  if ($1 ~ /^hugo /) { split($1, w, " "); st=w[2]; for (i=3;i<=length(w);i++) st=st " " w[i]; hc[$2 "|" st]=$5; hr[$2 "|" st]=$6 } }
END {
	for (i=1;i<=NR;i++) {
		split(row[i], f, "\t"); st=f[1]; sub(/^[^ ]+ /, "", st)
		key=f[2] "|" st; cr=""; rr=""
		if (f[1] ~ /^jisr / && (key in hc) && hc[key] > 0) { cr=sprintf("%.2f", f[5]/hc[key]); rr=sprintf("%.2f", f[6]/hr[key]) }
		if (f[1] ~ /^hugo\+jisr/) { k2=f[2] "|cold"; if (hc[k2] > 0) { cr=sprintf("%.2f", f[5]/hc[k2]); rr=sprintf("%.2f", f[6]/hr[k2]) } }
		printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", f[1], f[2], f[3], f[4], f[5], f[6], f[7], cr, rr
	}
}' "$rows"

echo
echo "| articles | largest list page | search's first files |"
echo "|---|---|---|"
awk -F'\t' '{ printf "| %s | %s | %s |\n", $1, $2, $3 }' "$sizefile"
