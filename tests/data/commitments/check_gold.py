#!/usr/bin/env python3
"""Checks the commitment-change set (dev/ and heldout/) against its texts, independently of the generator.

For each part:
  - draft.txt is the 2020 text byte for byte; draft and final have the same blocks (non-empty
    lines), so block i corresponds to block i;
  - every gold item's context_old occurs exactly once in its draft block and its context_new in
    its final block; applying all items' context_old -> context_new to the draft blocks gives the
    final blocks exactly (the gold names every edit, and nothing else changed);
  - every change's from-word lies in context_old and its to-word in context_new; without an
    "also" note the change is exactly that one substitution; the from-word is not part of a
    longer table word (支持 inside 坚定支持) nor a look-alike (应对, 可持续, 将《…》);
  - the direction agrees with the level tables below (stance, concern, modal scales), with the
    intensifier added/dropped (intensity) or with the scope of the subject (endorsers);
  - at most two items per block, and then in different sentences;
and across parts: disjoint blocks, the size requirements, and counts per class (printed as
Markdown for README.md).

Run from anywhere: python3 tests/data/commitments/check_gold.py
"""
import json
import os
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
BASE = os.path.join(ROOT, "corpora", "sco", "sco-2020.zh.txt")
PARTS = ["dev", "heldout"]

# The maintainer's level table. Same level = no direction.
SCALES = {
    "stance": {"注意到": 1, "指出": 2, "欢迎": 2, "认为": 3, "肯定": 3, "积极评价": 3,
               "强调": 4, "高度评价": 4, "赞赏": 4, "重申": 5, "支持": 5, "坚定支持": 6},
    "concern": {"关注": 1, "关切": 1, "严重关切": 2, "反对": 3, "坚决反对": 4, "谴责": 5},
    "modal_obligation": {"可": 1, "可以": 1, "应": 2, "应当": 2, "必须": 3},
    "modal_volition": {"愿": 1, "将": 2},
    "modal_appeal": {"呼吁": 1, "敦促": 2},
}
KIND_SCALES = {"stance": {"stance", "concern"},
               "modality": {"modal_obligation", "modal_volition", "modal_appeal"},
               "intensity": {"intensity"}, "endorsers": {"endorsers"}}
TRAPS = {"clause_addition", "inserted_verb", "lookalike", "quoted_title", "number_only", "same_level",
         "punctuation", "reorder"}
# A modal character followed by these is a look-alike, not the modal.
LOOKALIKE_AFTER = {"应": ("对", "当今", "用", "邀"), "可": ("持续", "能", "行", "靠"), "将": ("《",)}
STATES = ["中华人民共和国", "印度共和国", "哈萨克斯坦共和国", "吉尔吉斯共和国", "巴基斯坦伊斯兰共和国",
          "俄罗斯联邦", "塔吉克斯坦共和国", "乌兹别克斯坦共和国"]

errors = []


def fail(part, msg):
    errors.append(f"{part}: {msg}")


def blocks(text):
    return [line for line in text.split("\n") if line.strip()]


def table_words():
    words = set()
    for scale in SCALES.values():
        words |= set(scale)
    return words


def covering_word(text, pos, length):
    """The longest table word in text that covers [pos, pos+length)."""
    best = text[pos:pos + length]
    for w in table_words():
        start = max(0, pos + length - len(w))
        while True:
            k = text.find(w, start, pos + len(w))
            if k < 0 or k > pos:
                break
            if k + len(w) >= pos + length and len(w) > len(best):
                best = w
            start = k + 1
    return best


def scope(subject):
    """Who holds the commitment: ('all', None), ('some', base) or ('states', n)."""
    named = [s for s in STATES if s in subject]
    if named:
        return ("states", len(named))
    if subject.startswith("有关") or subject.startswith("相关"):
        return ("some", subject[2:])
    return ("all", subject)


def endorser_direction(a, b):
    sa, sb = scope(a), scope(b)
    if sa[0] == "states" and sb[0] == "states":
        return "narrower" if sb[1] < sa[1] else "wider" if sb[1] > sa[1] else None
    if sa[0] == "all" and sb[0] == "states":
        return "narrower"
    if sa[0] == "states" and sb[0] == "all":
        return "wider"
    if sa[0] == "all" and sb[0] == "some" and sb[1] == a:
        return "narrower"  # 成员国 → 有关成员国, 各方 → 有关各方
    if sa[0] == "some" and sb[0] == "all" and sa[1] == b:
        return "wider"
    if sa[0] == "all" and sb[0] == "all" and a != b:
        if a.endswith(b):
            return "wider"  # a qualifier restricting the group is dropped
        if b.endswith(a):
            return "narrower"  # a qualifier restricting the group is added
    return None  # e.g. 成员国 ↔ 各方: no agreed direction


def sentence_of(text, pos):
    return text.count("。", 0, pos)


def check_change(part, c, old_block, new_block):
    kind, scale, frm, to, d = c["kind"], c["scale"], c["from"], c["to"], c["direction"]
    where = f"block {c['block']} {frm}→{to}"
    if kind not in KIND_SCALES or scale not in KIND_SCALES[kind]:
        fail(part, f"{where}: kind {kind} with scale {scale}")
        return
    if frm == to:
        fail(part, f"{where}: from equals to")
    co, cn = c["context_old"], c["context_new"]
    if frm not in co or to not in cn:
        fail(part, f"{where}: from/to not in its context")
        return
    if "also" not in c and co.replace(frm, to, 1) != cn:
        fail(part, f"{where}: not a single substitution of from by to (add an 'also' note if compound)")
    if kind in ("stance", "modality"):
        levels = SCALES[scale]
        if frm not in levels or to not in levels:
            fail(part, f"{where}: word off the {scale} scale")
            return
        diff = levels[to] - levels[frm]
        want = "stronger" if diff > 0 else "weaker" if diff < 0 else None
        if want is None or d != want:
            fail(part, f"{where}: direction {d}, table says {want}")
        for block, ctx, w in ((old_block, co, frm), (new_block, cn, to)):
            pos = block.index(ctx) + ctx.index(w)
            if covering_word(block, pos, len(w)) != w:
                fail(part, f"{where}: {w} is part of the longer table word {covering_word(block, pos, len(w))}")
            after = block[pos + len(w):]
            if any(after.startswith(x) for x in LOOKALIKE_AFTER.get(w, ())):
                fail(part, f"{where}: {w} is a look-alike here ({w}{after[:2]})")
    elif kind == "intensity":
        if any(frm in s and to in s for s in SCALES.values()):
            fail(part, f"{where}: both phrases are table words: a stance change, not intensity")
        ok = (d == "stronger" and to.endswith(frm) and len(to) > len(frm)) or \
             (d == "weaker" and frm.endswith(to) and len(frm) > len(to))
        if not ok:
            fail(part, f"{where}: intensity {d} must add/drop an intensifier in front of the same verb")
    elif kind == "endorsers":
        if d not in ("narrower", "wider") or endorser_direction(frm, to) != d:
            fail(part, f"{where}: endorsers {d}, scope says {endorser_direction(frm, to)}")


def check_part(part, base):
    folder = os.path.join(HERE, part)
    gold = json.load(open(os.path.join(folder, "gold.json"), encoding="utf-8"))
    draft = open(os.path.join(folder, gold["draft"]), encoding="utf-8", newline="").read()
    final = open(os.path.join(folder, gold["final"]), encoding="utf-8", newline="").read()
    if draft != base:
        fail(part, "draft.txt is not the 2020 text")
    db, fb = blocks(draft), blocks(final)
    if len(db) != len(fb) or len(draft.split("\n")) != len(final.split("\n")):
        fail(part, f"blocks differ in number: {len(db)} vs {len(fb)}")
        return gold
    items = [("change", c) for c in gold["changes"]] + [("trap", t) for t in gold["traps"]]
    per_block = {}
    for what, it in items:
        b = it["block"]
        if not 0 <= b < len(db):
            fail(part, f"block {b} out of range")
            continue
        if db[b].count(it["context_old"]) != 1:
            fail(part, f"block {b}: context_old occurs {db[b].count(it['context_old'])} times: {it['context_old']}")
            continue
        if it["context_new"] not in fb[b]:
            fail(part, f"block {b}: context_new not in the final block: {it['context_new']}")
        per_block.setdefault(b, []).append(it)
        if what == "change":
            check_change(part, it, db[b], fb[b])
        elif it["trap"] not in TRAPS:
            fail(part, f"block {b}: unknown trap {it['trap']}")
    for i, (o, n) in enumerate(zip(db, fb)):
        its = sorted(per_block.get(i, []), key=lambda it: o.index(it["context_old"]))
        if len(its) > 2:
            fail(part, f"block {i}: {len(its)} items (at most 2)")
        sentences = [sentence_of(o, o.index(it["context_old"])) for it in its]
        if len(set(sentences)) != len(sentences):
            fail(part, f"block {i}: two items in one sentence")
        text = o
        for it in its:
            if text.count(it["context_old"]) != 1:
                fail(part, f"block {i}: context_old overlaps another edit")
                break
            text = text.replace(it["context_old"], it["context_new"])
        if text != n:
            fail(part, f"block {i}: the final block is not the draft block with the gold edits applied")
    return gold


def counts(gold):
    ch = gold["changes"]
    c = Counter()
    for x in ch:
        c[("kind", x["kind"])] += 1
        c[("scale", x["scale"])] += 1
        c[("direction", x["kind"], x["direction"])] += 1
        if "also" in x and x["kind"] in ("stance", "modality"):
            c[("compound",)] += 1
        if "also" in x:
            c[("also",)] += 1
    for t in gold["traps"]:
        c[("trap", t["trap"])] += 1
    return c


def main():
    base = open(BASE, encoding="utf-8", newline="").read()
    golds = {p: check_part(p, base) for p in PARTS}
    blocks_of = {p: {it["block"] for it in g["changes"] + g["traps"]} for p, g in golds.items()}
    shared = blocks_of["dev"] & blocks_of["heldout"]
    if shared:
        fail("both", f"blocks edited in both parts: {sorted(shared)}")
    cs = {p: counts(g) for p, g in golds.items()}
    n_ch = {p: len(g["changes"]) for p, g in golds.items()}
    n_tr = {p: len(g["traps"]) for p, g in golds.items()}
    if sum(n_ch.values()) < 60 or sum(n_tr.values()) < 15:
        fail("both", "fewer than 60 changes or 15 traps in all")
    if n_ch["heldout"] < 20 or n_tr["heldout"] < 5:
        fail("heldout", "fewer than 20 changes or 5 traps")
    for p in PARTS:
        c = cs[p]
        for k in ("stance", "modality", "intensity", "endorsers"):
            if not c[("kind", k)]:
                fail(p, f"no {k} change")
        for k in ("stance", "modality", "intensity"):
            if not (c[("direction", k, "stronger")] and c[("direction", k, "weaker")]):
                fail(p, f"{k} changes not in both directions")
        for s in ("stance", "concern", "modal_obligation", "modal_volition", "modal_appeal"):
            if not c[("scale", s)]:
                fail(p, f"no change on the {s} scale")
        if not c[("compound",)]:
            fail(p, "no compound change")

    rows = [("stance (scale stance)", lambda c: c[("scale", "stance")]),
            ("stance (scale concern)", lambda c: c[("scale", "concern")]),
            ("modality: modal_obligation", lambda c: c[("scale", "modal_obligation")]),
            ("modality: modal_volition", lambda c: c[("scale", "modal_volition")]),
            ("modality: modal_appeal", lambda c: c[("scale", "modal_appeal")]),
            ("intensity", lambda c: c[("kind", "intensity")]),
            ("endorsers", lambda c: c[("kind", "endorsers")]),
            ("**changes**", None),
            ("of which compound stance/modal edits (with `also`)", lambda c: c[("compound",)]),
            ("all changes with an `also` note", lambda c: c[("also",)])]
    print("| class | dev | heldout | all |\n|---|---|---|---|")
    for name, f in rows:
        vals = [n_ch[p] if f is None else f(cs[p]) for p in PARTS]
        print(f"| {name} | {vals[0]} | {vals[1]} | {sum(vals)} |")
    print()
    print("| direction | dev | heldout |\n|---|---|---|")
    for k, ds in (("stance", ("stronger", "weaker")), ("modality", ("stronger", "weaker")),
                  ("intensity", ("stronger", "weaker")), ("endorsers", ("narrower", "wider"))):
        for d in ds:
            print(f"| {k} {d} | {cs['dev'][('direction', k, d)]} | {cs['heldout'][('direction', k, d)]} |")
    print()
    print("| trap | dev | heldout | all |\n|---|---|---|---|")
    for t in sorted(TRAPS):
        a, b = cs["dev"][("trap", t)], cs["heldout"][("trap", t)]
        print(f"| {t} | {a} | {b} | {a + b} |")
    print(f"| **traps** | {n_tr['dev']} | {n_tr['heldout']} | {n_tr['dev'] + n_tr['heldout']} |")
    print()
    if errors:
        print("\n".join("ERROR " + e for e in errors))
        sys.exit(1)
    print("OK: every check passed")


if __name__ == "__main__":
    main()
