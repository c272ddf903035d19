#!/usr/bin/env python3
"""Writes the heldout2 part of the commitment-change set: heldout2/draft.txt, final.txt, gold.json.

Uses the generator's functions from make_commitments.py unchanged (edit constructors and build());
the edits are data in heldout2_edits.py. Does not touch dev/ or heldout/.

Run from anywhere: python3 tests/data/commitments/make_heldout2.py
Then check:        python3 tests/data/commitments/check_heldout2.py
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from make_commitments import E, I, INSERTED_VERB, M, S, T, build  # noqa: E402
from heldout2_edits import heldout2  # noqa: E402


def main():
    build(heldout2(S, M, I, E, T, INSERTED_VERB), os.path.join(HERE, "heldout2"))


if __name__ == "__main__":
    main()
