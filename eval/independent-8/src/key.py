#!/usr/bin/env python3
"""Adds this set's patients (src/patients.txt) to the two-identifier answer key,
bench/two-identifiers/patients.json, under eval/independent-8/independent-8-eval.jsonl.

Before writing it checks that no family name (nor any part of a hyphenated one), birth date or MRN of
this set repeats one of an earlier set's patients in the key. It reads the key's names, dates and
MRNs only. Run again after changing patients.txt; the entry is replaced, nothing else is touched.

    python3 eval/independent-8/src/key.py
"""
import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[2]
KEY = ROOT / "bench" / "two-identifiers" / "patients.json"
SET = "eval/independent-8/independent-8-eval.jsonl"

mine = {}
for line in (HERE / "patients.txt").read_text().splitlines():
    if not line.strip() or line.startswith("#"):
        continue
    dob, fam, giv, mid, mrn = [x.strip() for x in line.split("|")]
    assert dob not in mine, dob
    assert len(mrn) == 7 and mrn.isdigit(), mrn
    mine[dob] = [fam, giv, None if mid == "-" else mid, mrn]
assert len({p[3] for p in mine.values()}) == len(mine), "an MRN repeats within the set"

key = json.loads(KEY.read_text())
fams, dobs, mrns = set(), set(), set()
for name, patients in key.items():
    if isinstance(patients, str) or name == SET:
        continue
    for dob, p in patients.items():
        dobs.add(dob)
        fams.update(part.lower() for part in p[0].split("-"))
        if len(p) > 3:
            mrns.add(p[3])
clashes = []
for dob, (fam, _giv, _mid, mrn) in mine.items():
    clashes += [f"family {fam}" for part in fam.split("-") if part.lower() in fams]
    clashes += [f"birth date {dob}"] if dob in dobs else []
    clashes += [f"MRN {mrn}"] if mrn in mrns else []
assert not clashes, clashes

key[SET] = mine
about = key["about"]
sentence = (" eval/independent-8 is laid out the same way, its key likewise written with the set from its "
            "own patient list.")
if sentence.strip() not in about:
    key["about"] = about + sentence


def dump(key):
    out = ["{"]
    items = list(key.items())
    for i, (name, value) in enumerate(items):
        comma = "," if i < len(items) - 1 else ""
        if isinstance(value, str):
            out.append(f"  {json.dumps(name)}: {json.dumps(value)}{comma}")
            continue
        out.append(f"  {json.dumps(name)}: {{")
        rows = list(value.items())
        for j, (dob, p) in enumerate(rows):
            c = "," if j < len(rows) - 1 else ""
            out.append(f"    {json.dumps(dob)}: {json.dumps(p)}{c}")
        out.append(f"  }}{comma}")
    out.append("}")
    return "\n".join(out) + "\n"


KEY.write_text(dump(key))
print(f"{len(mine)} patients written under {SET}; no family name, birth date or MRN repeats an earlier set's")
