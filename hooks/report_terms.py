"""`make terms`: print the candidate terms of the source text that the term base lacks."""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.utils.yaml import yaml_load
from unhabitat.discovery import candidates, report
from unhabitat.errors import SourceError
from unhabitat.register import load_instruments
from unhabitat.segment import TermFinder, new_tokenizer, teach
from unhabitat.settings import read_settings
from unhabitat.source_text import read_source
from unhabitat.termbase import load_terms

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "mkdocs.yml"


def main() -> int:
    """The source edition's text (the first of ``extra.editions``) against the term base of ``extra.glossary``."""
    try:
        with CONFIG.open("rb") as f:
            settings = read_settings(yaml_load(f)["extra"], str(CONFIG))
        source, terms_file = settings.editions[0].source, settings.data["terms"]
        instruments_file = settings.data["instruments"]
        text = read_source(ROOT / source, source)
        symbols = frozenset(load_instruments(ROOT / instruments_file, instruments_file))
        terms = load_terms(ROOT / terms_file, terms_file, symbols, tuple(settings.sources))
    except SourceError as e:
        print(e, file=sys.stderr)
        return 1
    tokenizer = new_tokenizer()
    teach(tokenizer, terms)
    print(report(candidates(text, TermFinder(tokenizer, terms), terms)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
