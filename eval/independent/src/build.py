import json, glob, importlib.util, random, collections
docs = []
for f in sorted(glob.glob('/work/wt/holdout/src/b[0-9]*.py')):
    spec = importlib.util.spec_from_file_location(f, f); m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
    docs += m.D
random.Random(20261206).shuffle(docs)
with open('/work/wt/holdout/independent-eval.jsonl', 'w') as out:
    for i, (t, s, x, ocr) in enumerate(docs, 1):
        style = s + (" [OCR noise]" if ocr and "OCR" not in s else "")
        out.write(json.dumps({"id": f"ind-{i:03d}", "type": t, "style": style, "text": x}, ensure_ascii=False) + "\n")
c = collections.Counter(d[0] for d in docs); o = collections.Counter(d[0] for d in docs if d[3])
print(len(docs), dict(c)); print("ocr", sum(o.values()), dict(o))
