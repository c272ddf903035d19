"""Builds an illustrative year pair (old.txt, new.txt, gold.json) from a hand-written spec.

A spec (dev/pair1/spec.py, …) defines:

    OLD_NAME, NEW_NAME   names written into gold.json
    OLD = [(id, text), …]  every block of the old year, in order (ids are the spec's own labels)
    NEW = [entry, …]       every block of the new year, in order, each made with:
        K(id)               the old block, unchanged
        E(id, text)         the old block, edited (kind decided below)
        A(text)             a new block (added)
        SPLIT(id, [t1, t2]) one old block → 2-3 consecutive new blocks (with or without edits)
        MERGE([id1, id2], t) 2-3 consecutive old blocks → one new block
    Old blocks that no entry names are deleted.

Every correspondence is decided by hand in the spec. Only the kind of a 1:1 link is derived, as
docs/alignment.md defines it:

* moved when the link falls outside the heaviest increasing subsequence of old positions (links
  sorted by new position, each weighing 1 + the characters of its blocks), or when the old
  paragraph's titled section, mapped through the heading links, differs from the new
  paragraph's titled section. The theme test applies only when BOTH sides have titled sections:
  against a side with bare numeral sections (a line with just 一, 二 …) a paragraph kept in
  place is identical or reworded, never moved for its section;
* identical when the comparison keys are equal (whitespace removed, leading 一、 numbering of
  headings and paragraphs removed), reworded otherwise.
"""
import json
import os
import re

IND = "\u3000\u3000"
NUMERALS = "一二三四五六七八九十"


def K(i):
    return ("link", [i], None)


def E(i, text):
    return ("link", [i], [text])


def A(text):
    return ("add", [], [text])


def SPLIT(i, texts):
    assert 2 <= len(texts) <= 3
    return ("split", [i], list(texts))


def MERGE(ids, text):
    assert 2 <= len(ids) <= 3
    return ("merge", list(ids), [text])


def strip_numbering(text):
    m = re.match(r"^[" + NUMERALS + r"]{1,3}、\s*", text)
    return text[m.end():] if m else text


def key(text):
    return strip_numbering("".join(c for c in text if not c.isspace()))


def block_type(text):
    """heading / signatory / date / source / paragraph, by the same surface rules as the parser."""
    k = "".join(c for c in text if not c.isspace())
    punct = any(c in k for c in "。；：！？")
    if len(k) <= 50 and not punct:
        if re.match(r"^[（(].*[电讯][）)]$", k):
            return "source"
        if re.match(r"^\d{4}年\d{1,2}月\d{1,2}日", k):
            return "date"
        # office and name in spaced columns (an office word, or a line of the signature block
        # such as 外交部长, which the parser accepts after another signatory line)
        if re.search(r"\S\s{2,}\S|\S\u3000\S", text.strip()):
            return "signatory"
    if not punct and len(strip_numbering(k)) <= 25 and not k.endswith(("。", "；", "：")):
        return "heading"
    return "paragraph"


def titled(text):
    """A heading with a title (not only a numeral)."""
    rest = key(text)
    return bool(rest) and not all(c in NUMERALS + "、" for c in rest)


def build(spec, folder):
    old_ids = [i for i, _ in spec.OLD]
    assert len(set(old_ids)) == len(old_ids), "duplicate old id"
    old_pos = {i: n for n, i in enumerate(old_ids)}
    old_text = [t for _, t in spec.OLD]
    new_text, links, added, used = [], [], [], set()
    for kind, ids, texts in spec.NEW:
        for i in ids:
            assert i in old_pos, f"unknown old id {i}"
            assert i not in used, f"old id {i} used twice"
            used.add(i)
        if kind == "add":
            added.append(len(new_text))
            new_text.append(texts[0])
            continue
        if kind == "link" and texts is None:
            texts = [old_text[old_pos[ids[0]]]]
        start = len(new_text)
        new_text.extend(texts)
        olds = [old_pos[i] for i in ids]
        if kind == "merge":
            assert olds == list(range(olds[0], olds[0] + len(olds))), f"merge of non-consecutive {ids}"
        links.append({"old": olds, "new": list(range(start, len(new_text))), "label": kind})
    deleted = [n for n, i in enumerate(old_ids) if i not in used]

    old_type = [block_type(t) for t in old_text]
    new_type = [block_type(t) for t in new_text]
    for l in links:
        a, b = old_type[l["old"][0]], new_type[l["new"][0]]
        assert (a == "heading") == (b == "heading"), f"heading linked to non-heading: {old_text[l['old'][0]]} / {new_text[l['new'][0]]}"

    # themes: titled section of each paragraph, only when both sides are titled
    def themes(texts, types):
        out, cur, seen_heading = [], "preamble", False
        for t, ty in zip(texts, types):
            if ty == "heading":
                cur, seen_heading = key(t), True
                out.append(cur)
            elif ty in ("signatory", "date", "source"):
                out.append("signatures")
            else:
                out.append(cur)
        return out

    both_titled = any(ty == "heading" and titled(t) for t, ty in zip(old_text, old_type)) and any(
        ty == "heading" and titled(t) for t, ty in zip(new_text, new_type))
    both_titled = both_titled and all(titled(t) for t, ty in zip(old_text + new_text, old_type + new_type) if ty == "heading")
    old_theme, new_theme = themes(old_text, old_type), themes(new_text, new_type)
    heading_map = {"preamble": "preamble", "signatures": "signatures"}
    for l in links:
        o, n = l["old"][0], l["new"][0]
        if old_type[o] == "heading":
            heading_map[key(old_text[o])] = key(new_text[n])

    # heaviest increasing subsequence of old positions, links in new order
    order = sorted(range(len(links)), key=lambda k: (links[k]["new"][0], links[k]["old"][0]))
    weight = lambda k: 1 + sum(len(key(old_text[i])) for i in links[k]["old"]) + sum(len(key(new_text[j])) for j in links[k]["new"])
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

    out = []
    for k, l in enumerate(links):
        if l["label"] in ("split", "merge"):
            kind = l["label"]
        else:
            o, n = l["old"][0], l["new"][0]
            theme_changed = (both_titled and old_type[o] == "paragraph"
                             and heading_map.get(old_theme[o], None) != new_theme[n])
            moved = theme_changed or k not in chain
            same = key(old_text[o]) == key(new_text[n])
            kind = {(False, True): "identical", (False, False): "reworded",
                    (True, True): "moved", (True, False): "moved_reworded"}[(moved, same)]
        out.append({"old": l["old"], "new": l["new"], "kind": kind})
    out.sort(key=lambda l: (l["new"][0], l["old"][0]))

    os.makedirs(folder, exist_ok=True)
    for name, texts in (("old.txt", old_text), ("new.txt", new_text)):
        with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
            f.write("".join(IND + t + "\n" for t in texts))
    gold = {"old": spec.OLD_NAME, "new": spec.NEW_NAME, "links": out, "deleted": deleted, "added": added}
    with open(os.path.join(folder, "gold.json"), "w", encoding="utf-8") as f:
        json.dump(gold, f, ensure_ascii=False, indent=1)
        f.write("\n")
    counts = {}
    for l in out:
        counts[l["kind"]] = counts.get(l["kind"], 0) + 1
    paras = lambda types: sum(1 for t in types if t == "paragraph")
    return {
        "folder": folder,
        "old_blocks": len(old_text), "new_blocks": len(new_text),
        "old_paragraphs": paras(old_type), "new_paragraphs": paras(new_type),
        "old_headings": old_type.count("heading"), "new_headings": new_type.count("heading"),
        "kinds": dict(sorted(counts.items())), "deleted": len(deleted), "added": len(added),
        "both_titled": both_titled,
    }
