#!/usr/bin/env python3
"""Writes old.txt, new.txt and gold.json of every illustrative year pair from its spec.py.

Run from anywhere: python3 tests/data/years/make_pairs.py
The texts are ILLUSTRATIVE, written by the decldiff project in the register of the SCO
declarations; the correspondences are decided by hand in each spec (see yearpair.py).
"""
import importlib.util
import json
import os
import sys

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import yearpair  # noqa: E402

PAIRS = ["dev/pair1", "dev/pair2", "heldout/pair3"]


def load(path):
    spec = importlib.util.spec_from_file_location("spec_" + path.replace("/", "_"), os.path.join(HERE, path, "spec.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


if __name__ == "__main__":
    only = sys.argv[1:] or PAIRS
    for pair in only:
        if not os.path.exists(os.path.join(HERE, pair, "spec.py")):
            print(pair, "(no spec yet)")
            continue
        summary = yearpair.build(load(pair), os.path.join(HERE, pair))
        summary["folder"] = pair
        print(json.dumps(summary, ensure_ascii=False))
