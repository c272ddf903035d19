#!/usr/bin/env python3
"""Checks the heldout2 part of the commitment-change set, with the same per-part checks as check_gold.py.

Reuses check_gold.py's per-part check (check_part: draft is the 2020 text, same blocks, gold edits
reproduce the final exactly, from/to words at their contexts, single substitution unless `also`,
no longer table word or look-alike, directions from the level table, intensity adds/drops an
intensifier in front of the same verb, endorsers scope, at most two items per block in different
sentences) on dev, heldout and heldout2, and adds for heldout2:
  - its blocks are disjoint from the dev blocks and from the heldout blocks;
  - at least 25 changes and 10 traps;
  - every kind and scale, stance/modality/intensity in both directions, at least one compound
    stance/modal change (with `also`), and every trap type.
Prints the count tables for heldout2/README.md.

Run from anywhere: python3 tests/data/commitments/check_heldout2.py
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import check_gold as cg  # noqa: E402

PARTS = ["dev", "heldout", "heldout2"]
NEW = "heldout2"


def main():
    base = open(cg.BASE, encoding="utf-8", newline="").read()
    golds = {p: cg.check_part(p, base) for p in PARTS}
    blocks_of = {p: {it["block"] for it in g["changes"] + g["traps"]} for p, g in golds.items()}
    for other in ("dev", "heldout"):
        shared = blocks_of[NEW] & blocks_of[other]
        if shared:
            cg.fail(NEW, f"blocks also edited in {other}: {sorted(shared)}")
    g = golds[NEW]
    c = cg.counts(g)
    n_ch, n_tr = len(g["changes"]), len(g["traps"])
    if n_ch < 25 or n_tr < 10:
        cg.fail(NEW, f"{n_ch} changes and {n_tr} traps: need at least 25 and 10")
    for k in ("stance", "modality", "intensity", "endorsers"):
        if not c[("kind", k)]:
            cg.fail(NEW, f"no {k} change")
    for k in ("stance", "modality", "intensity"):
        if not (c[("direction", k, "stronger")] and c[("direction", k, "weaker")]):
            cg.fail(NEW, f"{k} changes not in both directions")
    for s in ("stance", "concern", "modal_obligation", "modal_volition", "modal_appeal"):
        if not c[("scale", s)]:
            cg.fail(NEW, f"no change on the {s} scale")
    if not c[("compound",)]:
        cg.fail(NEW, "no compound change")
    for t in sorted(cg.TRAPS):
        if not c[("trap", t)]:
            cg.fail(NEW, f"no {t} trap")

    # word pairs shared with dev or heldout (reported, not an error: the modal pairs cannot be avoided)
    def pairs(p):
        return {(x["kind"], x["from"], x["to"]) for x in golds[p]["changes"] if x["kind"] != "endorsers"}
    shared_pairs = sorted(pairs(NEW) & (pairs("dev") | pairs("heldout")))

    rows = [("stance (scale stance)", ("scale", "stance")), ("stance (scale concern)", ("scale", "concern")),
            ("modality: modal_obligation", ("scale", "modal_obligation")),
            ("modality: modal_volition", ("scale", "modal_volition")),
            ("modality: modal_appeal", ("scale", "modal_appeal")),
            ("intensity", ("kind", "intensity")), ("endorsers", ("kind", "endorsers"))]
    print("| class | heldout2 |\n|---|---|")
    for name, key in rows:
        print(f"| {name} | {c[key]} |")
    print(f"| **changes** | {n_ch} |")
    print(f"| of which compound stance/modal edits (with `also`) | {c[('compound',)]} |")
    print(f"| all changes with an `also` note | {c[('also',)]} |")
    print()
    print("| direction | heldout2 |\n|---|---|")
    for k, ds in (("stance", ("stronger", "weaker")), ("modality", ("stronger", "weaker")),
                  ("intensity", ("stronger", "weaker")), ("endorsers", ("narrower", "wider"))):
        for d in ds:
            print(f"| {k} {d} | {c[('direction', k, d)]} |")
    print()
    print("| trap | heldout2 |\n|---|---|")
    for t in sorted(cg.TRAPS):
        print(f"| {t} | {c[('trap', t)]} |")
    print(f"| **traps** | {n_tr} |")
    print()
    print("blocks:", sorted(blocks_of[NEW]))
    print("pairs shared with dev or heldout:", ", ".join(f"{k} {a}→{b}" for k, a, b in shared_pairs) or "none")
    print()
    if cg.errors:
        print("\n".join("ERROR " + e for e in cg.errors))
        sys.exit(1)
    print("OK: every check passed")


if __name__ == "__main__":
    main()
