"""Writes independent-2-eval.jsonl from the hand-written texts in src/c*.py (fixed-seed shuffle)."""
import json, glob, importlib.util, random, collections, os
here = os.path.dirname(os.path.abspath(__file__))
docs = []
for f in sorted(glob.glob(os.path.join(here, 'c[0-9]*.py'))):
    spec = importlib.util.spec_from_file_location(f, f); m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
    docs += m.D
random.Random(20261207).shuffle(docs)
with open(os.path.join(here, '..', 'independent-2-eval.jsonl'), 'w') as out:
    for i, (t, style, x) in enumerate(docs, 1):
        out.write(json.dumps({"id": f"ind2-{i:03d}", "type": t, "style": style, "text": x.strip() + "\n"}, ensure_ascii=False) + "\n")
print(len(docs), dict(sorted(collections.Counter(d[0] for d in docs).items())))
