#!/usr/bin/env python3
"""Builds eval/independent-8/independent-8-eval.jsonl from the hand-written texts in this folder.

Each <label>.txt holds documents of one type, each starting with a line
`=== style: <note> | patient: <birth date YYYY-MM-DD or none> ===`. The birth date names the patient
the document is about; patients.txt lists them (family, given, middle, our MRN). This script only
shuffles (fixed seed), numbers and checks; it writes no text of its own.

    python3 eval/independent-8/src/build.py
"""
import json
import pathlib
import random
import re

HERE = pathlib.Path(__file__).resolve().parent
OUT = HERE.parent / "independent-8-eval.jsonl"
HEAD = re.compile(r"^=== style: (.+?) \| patient: (\d{4}-\d{2}-\d{2}|none) ===$", re.M)

patients = {}
for line in (HERE / "patients.txt").read_text().splitlines():
    if not line.strip() or line.startswith("#"):
        continue
    dob, fam, giv, mid, mrn = [x.strip() for x in line.split("|")]
    assert dob not in patients, dob
    patients[dob] = (fam, giv, None if mid == "-" else mid, mrn)

LABELS = {"lab_report", "radiology_report", "consult_note", "discharge_summary", "emergency_report",
          "progress_note", "operative_report", "referral_letter", "history_and_physical",
          "immunization_record", "consent_form", "roi_authorization", "other"}

docs = []
for f in sorted(HERE.glob("*.txt")):
    if f.name == "patients.txt":
        continue
    label = f.stem
    assert label in LABELS, f
    src = f.read_text()
    heads = list(HEAD.finditer(src))
    assert heads and heads[0].start() == 0, f
    for i, h in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(src)
        text = src[h.end():end].strip("\n")
        pat = None if h.group(2) == "none" else h.group(2)
        assert pat is None or pat in patients, (f.name, pat)
        docs.append({"type": label, "style": h.group(1), "patient": pat, "text": text})

named = {d["patient"] for d in docs}
assert named == set(patients), sorted(set(patients) - named)

random.Random(20261215).shuffle(docs)
with OUT.open("w") as out:
    for n, d in enumerate(docs, 1):
        out.write(json.dumps({"id": f"ind8-{n:03d}", **d}, ensure_ascii=False) + "\n")
counts = {}
for d in docs:
    counts[d["type"]] = counts.get(d["type"], 0) + 1
print(f"{len(docs)} documents -> {OUT}")
print(", ".join(f"{k} {v}" for k, v in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))))
