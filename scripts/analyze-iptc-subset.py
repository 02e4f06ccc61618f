#!/usr/bin/env python3
"""Write generator/analyze/data/iptc-subset.json: the IPTC Media Topics that
generator/analyze/data/topics.yaml uses, with all their broader topics.

Usage (from the repository root):
    python3 scripts/analyze-iptc-subset.py ../shared/data/iptc-mediatopics-ar-en.json

IPTC Media Topics © IPTC (https://iptc.org), CC BY 4.0; see
generator/analyze/data/NOTICE.
"""
import json
import re
import sys

src = json.load(open(sys.argv[1], encoding="utf-8"))
by = {c["qcode"]: c for c in src}
used = []
for line in open("generator/analyze/data/topics.yaml", encoding="utf-8"):
    m = re.match(r"^(medtop:\d+):", line)
    if m:
        used.append(m.group(1))
keep = set()
stack = list(used)
while stack:
    q = stack.pop()
    if q in keep:
        continue
    if q not in by:
        sys.exit(f"unknown qcode {q}")
    keep.add(q)
    stack.extend(by[q]["broader"])
out = []
for q in sorted(keep):
    c = by[q]
    if c.get("retired"):
        sys.exit(f"retired qcode {q}")
    out.append({"qcode": q, "broader": c["broader"], "level": c["level"],
                "en": c["en"], "ar": c["ar"], "wikidata": c.get("wikidata")})
json.dump(out, open("generator/analyze/data/iptc-subset.json", "w", encoding="utf-8"),
          ensure_ascii=False, indent=1)
print(len(out), "topics")
