#!/usr/bin/env python3
"""Draw the target notes of the held-out queries: a seeded, year-stratified random sample of the corpus.

Usage: python3 benchmarks/heldout/sample_targets.py ../shared/corpus/arxiv-notes ../shared/queries/dev.jsonl
Prints one line per target: note id, the language and style its query is to be written in.
Seed 9 (the issue number). Notes that answer a dev query are left out, and so are notes with no text
besides their URL, title line and tags (there is nothing to paraphrase). The seven undated files at the
corpus root are counted with 2025, where their names put them.
"""
import json
import os
import random
import re
import sys

SEED = 9
PER_YEAR = {"2017": 1, "2019": 3, "2020": 20, "2021": 14, "2022": 10, "2023": 22, "2024": 25, "2025": 25}
LANGS = ["ko"] * 48 + ["en"] * 48 + ["mixed"] * 24
STYLES = ["concept", "question", "keyword"]


def has_text(path):
    lines = [l.strip() for l in open(path, encoding="utf-8", errors="replace")]
    body = [l for l in lines if l and not l.startswith("http") and not re.match(r"^#\w", l)]
    return len(body) >= 2  # a title line alone is not enough


def main(corpus, dev):
    answered = {r for line in open(dev, encoding="utf-8") if line.strip() for r in json.loads(line)["relevant"]}
    by_year = {}
    for root, _, files in os.walk(os.path.join(corpus, "arXiv")):
        for name in files:
            if not name.endswith(".md") or name[:-3] in answered:
                continue
            folder = os.path.basename(root)
            year = folder if folder.isdigit() else "20" + name[:2]
            if has_text(os.path.join(root, name)):
                by_year.setdefault(year, []).append(name[:-3])
    rng = random.Random(SEED)
    targets = []
    for year, count in sorted(PER_YEAR.items()):
        targets += rng.sample(sorted(by_year[year]), count)
    rng.shuffle(targets)
    for i, (note, lang) in enumerate(zip(targets, LANGS)):
        print(f"{note}\t{lang}\t{STYLES[i % 3]}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
