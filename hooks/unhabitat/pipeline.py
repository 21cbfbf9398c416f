"""Everything a build knows before it renders: both texts checked against each other, the term base
applied to the Chinese text, and the problems a maintainer must fix (reported as warnings)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .align import check_alignment
from .glossary import build_glossary, check_every_term_occurs, consistency_misses
from .register import Instrument, load_instruments
from .render import Edition
from .source_text import read_source
from .termbase import load_terms


@dataclass(frozen=True)
class Build:
    edition: Edition
    instruments: dict[str, Instrument]
    inputs: tuple[Path, ...]
    problems: tuple[str, ...]


def _label(path: Path, base: Path) -> str:
    try:
        return str(path.resolve().relative_to(base.resolve()))
    except ValueError:
        return str(path)


def load_build(base: Path, sources: dict[str, str], glossary: dict[str, str], lang: str) -> Build:
    """Raises ``SourceError`` (file:line) on any input that cannot build."""
    paths = {name: base / path for name, path in sources.items()}
    data = {name: base / path for name, path in glossary.items()}
    zh = read_source(paths["zh"], _label(paths["zh"], base))
    en = read_source(paths["en"], _label(paths["en"], base))
    check_alignment(zh, en)
    instruments = load_instruments(data["instruments"], _label(data["instruments"], base))
    terms = load_terms(data["terms"], _label(data["terms"], base), frozenset(instruments))
    glossary = build_glossary(terms, zh)
    check_every_term_occurs(glossary, _label(data["terms"], base))
    problems = [f"{en.path}:{m.unit.line}: {m.message()}" for m in consistency_misses(glossary, zh, en)]
    problems += [
        f"{zh.path}: segmentation splits '{s.form}' in {s.unit}; raise its frequency or fix the term base"
        for s in glossary.splits
    ]
    other = "en" if lang == "zh" else "zh"
    texts = {"zh": zh, "en": en}
    edition = Edition(lang, texts[lang], other, texts[other], glossary)
    return Build(edition, instruments, (*paths.values(), *data.values()), tuple(problems))
