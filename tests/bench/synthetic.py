"""Synthetic inputs for the scale benchmark: the declaration repeated, and a term base of 1,000 entries."""

from __future__ import annotations

import re
import shutil
from dataclasses import replace
from pathlib import Path

import yaml
from unhabitat import exports
from unhabitat.model import RE_MARKER, Declaration, Footnote, Paragraph, from_superscript, superscript


def repeated(text: Declaration, copies: int) -> Declaration:
    """``copies`` copies of the paragraphs, renumbered, each copy with its own footnotes."""
    per_copy, notes_per_copy = len(text.paragraphs), len(text.footnotes)
    paragraphs, footnotes = [], []
    for k in range(copies):

        def shift(s: str, k: int = k) -> str:
            return RE_MARKER.sub(lambda m: superscript(from_superscript(m.group()) + k * notes_per_copy), s)

        for p in text.paragraphs:
            n = p.number + k * per_copy
            unit = replace(p.unit, paragraph=n, text=shift(p.unit.text))
            points = tuple(replace(u, paragraph=n, text=shift(u.text)) for u in p.points)
            paragraphs.append(Paragraph(unit, points))
        for f in text.footnotes:
            cited = f.cited_by.replace(str(f.paragraph), str(f.paragraph + k * per_copy), 1)
            footnotes.append(Footnote(f.number + k * notes_per_copy, f.text, f.line, cited))
    return replace(text, paragraphs=tuple(paragraphs), footnotes=tuple(footnotes))


def write_texts(zh: Declaration, en: Declaration, copies: int, folder: Path) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for lang, text in (("zh", zh), ("en", en)):
        path = folder / f"declaration.{lang}.txt"
        path.write_text(exports.plain_text(repeated(text, copies)), encoding="utf-8")
        paths.append(path)
    return paths[0], paths[1]


def term_base(real: Path, zh: Declaration, size: int, target: Path) -> Path:
    """The real term base, topped up with strings of the text (3 to 5 Han characters) to ``size`` entries."""
    entries = yaml.safe_load(real.read_text(encoding="utf-8"))
    shutil.copy(real.with_name("formulae.yml"), target.with_name("formulae.yml"))  # moved ids point into it
    zh_terms = (e["zh"] if isinstance(e["zh"], list) else [e["zh"]] for e in entries if "zh" in e)
    known = {t if isinstance(t, str) else t["term"] for terms in zh_terms for t in terms}
    seen: set[str] = set()
    candidates = (
        unit.text[i : i + length] for length in (4, 3, 5) for unit in zh.units() for i in range(len(unit.text) - length)
    )
    for s in candidates:
        if len(entries) >= size:
            break
        if not re.fullmatch(r"[\u4e00-\u9fff]+", s) or s in seen or any(k in s or s in k for k in known):
            continue
        seen.add(s)
        entries.append(
            {
                "id": f"synthetic-{len(entries)}",
                "zh": s,
                "en": ["the"],
                "kind": "concept",
                "subject": "governance",
                "status": "site",
                "note": {"zh": "合成条目。", "en": "A synthetic entry."},
            }
        )
    target.write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target
