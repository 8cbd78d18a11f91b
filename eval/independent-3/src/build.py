"""Builds independent-3-eval.jsonl from the hand-written texts in this folder.

Each src/<label>.txt holds documents of one label, each starting with a line
`=== style: <note> ===`. The documents are shuffled with a fixed seed, numbered
ind3-NNN and written one JSON object a line: {"id", "type", "style", "text"}.
"""
import json
import pathlib
import random

HERE = pathlib.Path(__file__).resolve().parent
rows = []
for f in sorted(HERE.glob("*.txt")):
    label = f.stem
    doc = None
    for line in f.read_text(encoding="utf-8").splitlines():
        if line.startswith("=== style:") and line.endswith("==="):
            if doc:
                rows.append(doc)
            doc = {"type": label, "style": line[len("=== style:"):-3].strip(), "lines": []}
        else:
            doc["lines"].append(line)
    if doc:
        rows.append(doc)

random.Random(20261207).shuffle(rows)
out = HERE.parent / "independent-3-eval.jsonl"
with out.open("w", encoding="utf-8") as w:
    for i, d in enumerate(rows, 1):
        text = "\n".join(d["lines"]).strip() + "\n"
        w.write(json.dumps({"id": f"ind3-{i:03d}", "type": d["type"], "style": d["style"], "text": text}, ensure_ascii=False) + "\n")
print(f"{len(rows)} documents -> {out}")
