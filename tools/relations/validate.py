#!/usr/bin/env python3
"""Checks annotated relation sentences (FORMAT.md): offsets resolvable, indices valid, types and modalities closed."""
import json, sys, collections
TYPES = {"ROLE","MEMBER_OF","LOCATED_IN","VISIT","MEET","INVITE","SUPPLY","TRADE","CONTRACT","ACQUIRE","AGREE",
         "SANCTION","SUPPORT","CRITICIZE","ATTACK"}
MODS = {"asserted","planned","reported","negated","hypothetical"}
LABELS = {"PERSON","ORG","GPE","LOC","NORP","FAC","PRODUCT","EVENT","WORK_OF_ART","LAW","LANGUAGE","DATE","TIME",
          "MONEY","PERCENT","QUANTITY","CARDINAL","ORDINAL"}
errors = 0; ids = set(); types = collections.Counter(); mods = collections.Counter(); n = 0
def err(where, msg):
    global errors; errors += 1; print(f"{where}: {msg}")
def find(text, needle, occ):
    i = -1
    for _ in range(occ):
        i = text.find(needle, i + 1)
        if i < 0: return -1
    return i
for path in sys.argv[1:]:
    for ln, line in enumerate(open(path, encoding="utf-8"), 1):
        if not line.strip(): continue
        w = f"{path}:{ln}"
        try: s = json.loads(line)
        except Exception as e: err(w, f"bad JSON {e}"); continue
        n += 1
        sid = s.get("id"); text = s.get("text", "")
        if not sid or sid in ids: err(w, f"missing or duplicate id {sid}")
        ids.add(sid)
        words = len(text.split())
        if words < 6 or words > 70: err(w, f"{words} words")
        ents = s.get("entities", []); spans = []
        for k, e in enumerate(ents):
            if e.get("label") not in LABELS: err(w, f"entity {k} label {e.get('label')}")
            st = find(text, e.get("text", "\0"), e.get("occurrence", 1))
            if st < 0: err(w, f"entity {k} '{e.get('text')}' not found"); spans.append(None); continue
            spans.append((st, st + len(e["text"])))
        good = [x for x in spans if x]
        for a in range(len(good)):
            for b in range(a + 1, len(good)):
                if good[a][0] < good[b][1] and good[b][0] < good[a][1]: err(w, f"overlapping entities {good[a]} {good[b]}")
        for r in s.get("relations", []):
            t = r.get("type"); types[t] += 1; mods[r.get("modality")] += 1
            if t not in TYPES: err(w, f"type {t}")
            if r.get("modality") not in MODS: err(w, f"modality {r.get('modality')}")
            for side in ("subject", "object"):
                i = r.get(side)
                if not isinstance(i, int) or i < 0 or i >= len(ents): err(w, f"{side} index {i}")
            if r.get("subject") == r.get("object"): err(w, "subject == object")
            tr = r.get("trigger")
            if tr is not None and tr not in text: err(w, f"trigger '{tr}' not in text")
            args = r.get("arguments") or {}
            for key in ("via",):
                for i in args.get(key, []):
                    if not isinstance(i, int) or i >= len(ents): err(w, f"via index {i}")
            if "time" in args and (not isinstance(args["time"], int) or args["time"] >= len(ents)): err(w, "time index")
print(f"{n} sentences, {sum(types.values())} relations, {errors} errors")
print("types:", dict(types)); print("modalities:", dict(mods))
sys.exit(1 if errors else 0)
