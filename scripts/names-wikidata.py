#!/usr/bin/env python3
"""Build generator/arabic/data/wikidata-names.tsv.gz, the word-level
English/Arabic person-name pairs of Wikidata labels.

Source: data/wd_arabic.normalized.aligned.tokens of
github.com/steveash/NETransliteration-COLING2018 (Merhav and Ash, "Design
Challenges in Named Entity Transliteration", COLING 2018): person names
mined from Wikidata labels, split into aligned words, with how many names
use each pair. The data is Wikidata's, CC0 1.0 (that repository's
data/LICENSE); only the data is used, none of its code.

    python3 scripts/names-wikidata.py PATH/wd_arabic.normalized.aligned.tokens

Output lines: Arabic word (letters joined, as written), English word, count;
sorted by Arabic word, then count (descending), then English.
"""
import gzip, sys, unicodedata

rows = {}
for line in open(sys.argv[1], encoding="utf-8"):
    parts = line.rstrip("\n").split("\t")
    if len(parts) != 3:
        continue
    en, ar, n = parts
    ar = ar.replace(" ", "")
    en = unicodedata.normalize("NFC", en.strip())
    if not ar or not en or not n.isdigit():
        continue
    rows[(ar, en)] = rows.get((ar, en), 0) + int(n)
out = sorted(rows.items(), key=lambda kv: (kv[0][0], -kv[1], kv[0][1]))
with gzip.GzipFile("generator/arabic/data/wikidata-names.tsv.gz", "wb", mtime=0) as f:
    for (ar, en), n in out:
        f.write(f"{ar}\t{en}\t{n}\n".encode("utf-8"))
print(len(out), "pairs")
