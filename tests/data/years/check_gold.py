#!/usr/bin/env python3
"""Checks the gold alignments of the year pairs (independently of make_pairs.py / yearpair.py).

    python3 tests/data/years/check_gold.py            # every pair under tests/data/years
    python3 tests/data/years/check_gold.py DIR …      # folders holding old.txt, new.txt, gold.json

For each pair it verifies that
  * every block of old.txt is in exactly one link or in "deleted", every block of new.txt in
    exactly one link or in "added" (blocks = non-empty lines, 0-based), indices in range;
  * the kinds are known; identical/reworded/moved/moved_reworded links are 1:1; a split is one
    old block → 2-3 consecutive new blocks, a merge 2-3 consecutive old blocks → one new block;
  * identical and moved links have the same comparison key (whitespace removed, a leading
    一、-style number removed), reworded and moved_reworded links a different one; it lists the
    identical links whose raw text differs (only by whitespace or numbering);
  * headings link only to headings, closing lines (signatures, date, source) only to closing lines;
  * the order-based part of "moved": a 1:1 link outside the heaviest increasing subsequence of
    old positions (links in new order, weight 1 + characters) is moved/moved_reworded; a link
    inside it marked moved must change titled section (both sides titled, old section mapped
    through the heading links), and a 1:1 paragraph link that changes titled section must be
    marked moved.
Exits 1 on any error.
"""
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
NUM = "一二三四五六七八九十"
KINDS = {"identical", "reworded", "moved", "moved_reworded", "split", "merge"}


def blocks(path):
    with open(path, encoding="utf-8") as f:
        return [l.strip().strip("\u3000").strip() for l in f if l.strip()]


def key(text):
    k = "".join(c for c in text if not c.isspace())
    m = re.match("^[" + NUM + "]{1,3}、", k)
    return k[m.end():] if m else k


def kind_of(text):
    k = "".join(c for c in text if not c.isspace())
    punct = any(c in k for c in "。；：！？")
    if len(k) <= 50 and not punct:
        if re.match(r"^[（(].*[电讯][）)]$", k) or re.match(r"^\d{4}年\d{1,2}月\d{1,2}日", k) \
                or re.search(r"\S\s{2,}\S|\S\u3000\S", text):
            return "closing"
    if not punct and len(key(text)) <= 25:
        return "heading"
    return "paragraph"


def titled(text):
    k = key(text)
    return bool(k) and not all(c in NUM + "、" for c in k)


def check(folder):
    errors, notes = [], []
    old = blocks(os.path.join(folder, "old.txt"))
    new = blocks(os.path.join(folder, "new.txt"))
    with open(os.path.join(folder, "gold.json"), encoding="utf-8") as f:
        gold = json.load(f)
    links, deleted, added = gold["links"], gold.get("deleted", []), gold.get("added", [])
    seen_old, seen_new = {}, {}

    def claim(seen, i, n, side, what):
        if not isinstance(i, int) or i < 0 or i >= n:
            errors.append(f"{side} index {i} out of range 0..{n - 1} ({what})")
            return
        if i in seen:
            errors.append(f"{side} block {i} used twice ({seen[i]} and {what})")
        seen[i] = what

    for k, l in enumerate(links):
        what = f"link {k} {l.get('kind')} old={l.get('old')} new={l.get('new')}"
        if l.get("kind") not in KINDS:
            errors.append(f"unknown kind: {what}")
        for i in l["old"]:
            claim(seen_old, i, len(old), "old", what)
        for j in l["new"]:
            claim(seen_new, j, len(new), "new", what)
    for i in deleted:
        claim(seen_old, i, len(old), "old", "deleted")
    for j in added:
        claim(seen_new, j, len(new), "new", "added")
    for i in range(len(old)):
        if i not in seen_old:
            errors.append(f"old block {i} in no link and not deleted: {old[i][:30]}")
    for j in range(len(new)):
        if j not in seen_new:
            errors.append(f"new block {j} in no link and not added: {new[j][:30]}")
    if errors:
        return errors, notes

    consecutive = lambda xs: xs == list(range(xs[0], xs[0] + len(xs)))
    for k, l in enumerate(links):
        o, n, kind = l["old"], l["new"], l["kind"]
        what = f"link {k} {kind} old={o} new={n}"
        if kind == "split":
            if len(o) != 1 or not 2 <= len(n) <= 3 or not consecutive(n):
                errors.append(f"bad split group: {what}")
        elif kind == "merge":
            if len(n) != 1 or not 2 <= len(o) <= 3 or not consecutive(o):
                errors.append(f"bad merge group: {what}")
        else:
            if len(o) != 1 or len(n) != 1:
                errors.append(f"1:1 kind with a group: {what}")
                continue
            same = key(old[o[0]]) == key(new[n[0]])
            if kind in ("identical", "moved") and not same:
                errors.append(f"{kind} link whose texts differ: {what}: {old[o[0]][:25]} | {new[n[0]][:25]}")
            if kind in ("reworded", "moved_reworded") and same:
                errors.append(f"{kind} link whose texts are identical: {what}: {old[o[0]][:25]}")
            if kind == "identical" and same and old[o[0]] != new[n[0]]:
                notes.append(f"identical by comparison key only: {old[o[0]]!r} / {new[n[0]]!r}")
        ko = {kind_of(old[i]) for i in o}
        kn = {kind_of(new[j]) for j in n}
        if ko != kn or len(ko) != 1:
            errors.append(f"links blocks of different kinds {sorted(ko)} → {sorted(kn)}: {what}")

    # order: heaviest increasing subsequence of old positions, links in new order
    order = sorted(range(len(links)), key=lambda k: (links[k]["new"][0], links[k]["old"][0]))
    weight = lambda k: 1 + sum(len(key(old[i])) for i in links[k]["old"]) + sum(len(key(new[j])) for j in links[k]["new"])
    best, prev = {}, {}
    for k in order:
        best[k], prev[k] = weight(k), None
        for q in order:
            if q == k:
                break
            if links[q]["old"][0] < links[k]["old"][0] and best[q] + weight(k) > best[k]:
                best[k], prev[k] = best[q] + weight(k), q
    end = max(order, key=lambda k: best[k]) if order else None
    chain = set()
    while end is not None:
        chain.add(end)
        end = prev[end]

    # titled sections
    def sections(texts):
        cur, out = "preamble", []
        for t in texts:
            kd = kind_of(t)
            if kd == "heading":
                cur = key(t)
            out.append("signatures" if kd == "closing" else cur)
        return out

    heads_old = [t for t in old if kind_of(t) == "heading"]
    heads_new = [t for t in new if kind_of(t) == "heading"]
    both_titled = bool(heads_old) and bool(heads_new) and all(titled(t) for t in heads_old + heads_new)
    sec_old, sec_new = sections(old), sections(new)
    hmap = {"preamble": "preamble", "signatures": "signatures"}
    for l in links:
        if kind_of(old[l["old"][0]]) == "heading":
            hmap[key(old[l["old"][0]])] = key(new[l["new"][0]])
    for k, l in enumerate(links):
        kind = l["kind"]
        if kind in ("split", "merge"):
            continue
        o, n = l["old"][0], l["new"][0]
        theme_changed = both_titled and kind_of(old[o]) == "paragraph" and hmap.get(sec_old[o]) != sec_new[n]
        moved = kind.startswith("moved")
        what = f"link {k} {kind} old={[o]} new={[n]} {old[o][:20]}"
        if k not in chain and not moved:
            errors.append(f"out of order but not marked moved: {what}")
        if k in chain and moved and not theme_changed:
            errors.append(f"marked moved but in order and in the same titled section: {what}")
        if theme_changed and not moved:
            errors.append(f"changes titled section but not marked moved: {what}")

    counts = {}
    for l in links:
        counts[l["kind"]] = counts.get(l["kind"], 0) + 1
    paras = lambda texts: sum(1 for t in texts if kind_of(t) == "paragraph")
    notes.insert(0, f"old {len(old)} blocks ({paras(old)} paragraphs), new {len(new)} blocks ({paras(new)} paragraphs); "
                    f"links {dict(sorted(counts.items()))}, deleted {len(deleted)}, added {len(added)}; "
                    f"sections {'titled on both sides' if both_titled else 'not titled on both sides'}")
    return errors, notes


def main():
    folders = sys.argv[1:] or sorted(os.path.dirname(p) for p in glob.glob(os.path.join(HERE, "*", "*", "gold.json")))
    bad = 0
    for folder in folders:
        errors, notes = check(folder)
        print(("FAIL " if errors else "ok   ") + os.path.relpath(folder))
        for n in notes:
            print("     " + n)
        for e in errors:
            print("  !! " + e)
        bad += bool(errors)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
