#!/usr/bin/env python3
"""Writes the word list and note names the wrk load script draws from.
   usage: corpus_words.py CORPUS_DIR OUT_DIR
OUT_DIR/words.txt: field words of the corpus, English and Korean (one a line), each in at least 5 notes and at
most 10% of them, so a three-word query is specific but usually matches. OUT_DIR/notes.txt: every note name
(file name without extension), which /papers/{id} and /papers/{id}/related accept like an id."""
import os
import re
import sys
from collections import Counter

STOP = set("""the and for with that this from are was were been have has had not but can its their our they them
which into than then also more most such these those when where while what will would could should about over
under between through using used use based show shows paper model models method methods results approach new
http https arxiv abs org www com html pdf""".split())


def main(corpus, out):
    df_en, df_ko, notes = Counter(), Counter(), []
    for root, _, files in os.walk(corpus):
        for name in files:
            if not name.endswith(('.md', '.txt')):
                continue
            notes.append(name.rsplit('.', 1)[0])
            text = open(os.path.join(root, name), encoding='utf-8', errors='replace').read()
            df_en.update({w.lower() for w in re.findall(r'[A-Za-z][a-z]{3,14}', text)} - STOP)
            # Korean words as written (with their particles): what a user types.
            df_ko.update(set(re.findall(r'[\uac00-\ud7a3]{2,6}', text)))
    n = len(notes)
    keep = lambda df: sorted((w for w, c in df.items() if 5 <= c <= max(5, n // 10)), key=lambda w: -df[w])[:1500]
    words = keep(df_en) + keep(df_ko)
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, 'words.txt'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(words) + '\n')
    with open(os.path.join(out, 'notes.txt'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(sorted(notes)) + '\n')
    print(f'{len(words)} words, {len(notes)} notes -> {out}', file=sys.stderr)


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
