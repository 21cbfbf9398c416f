"""`make terms`: print the candidate terms of the source text that the term base lacks."""

from __future__ import annotations

import sys
from pathlib import Path

from unhabitat.discovery import candidates, report
from unhabitat.errors import SourceError
from unhabitat.register import load_instruments
from unhabitat.segment import TermFinder, new_tokenizer, teach
from unhabitat.source_text import read_source
from unhabitat.termbase import load_terms

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    try:
        text = read_source(ROOT / "source/declaration.zh.txt", "source/declaration.zh.txt")
        symbols = frozenset(load_instruments(ROOT / "glossary/instruments.yml", "glossary/instruments.yml"))
        terms = load_terms(ROOT / "glossary/terms.yml", "glossary/terms.yml", symbols)
    except SourceError as e:
        print(e, file=sys.stderr)
        return 1
    tokenizer = new_tokenizer()
    teach(tokenizer, terms)
    print(report(candidates(text, TermFinder(tokenizer, terms), terms)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
