"""Synthetic inputs for the scale benchmark: the declaration repeated with the wording varied in every
copy after the first (identical copies would flatter every compressed size and every index), and a term
base of 1,000 entries."""

from __future__ import annotations

import random
import re
import shutil
from dataclasses import replace
from pathlib import Path

import yaml
from unhabitat import exports
from unhabitat.glossary import build_glossary
from unhabitat.model import RE_MARKER, Declaration, Footnote, Paragraph, from_superscript, superscript
from unhabitat.register import load_instruments
from unhabitat.termbase import load_terms

ROOT = Path(__file__).resolve().parents[2]
# Changed in a copy: one Han character or English word in VARIED. What anchors a unit to its counterpart
# (numbers, symbols, cited titles) and the glossary's terms are kept, so every copy still builds.
VARIED = 0.3
RE_HAN = re.compile(r"[\u4e00-\u9fff]")
RE_WORD = re.compile(r"\b[a-z]{3,}\b")


class Variation:
    """Rewords a unit deterministically per copy, keeping the glossary's and the register's wording."""

    def __init__(self, zh: Declaration, en: Declaration, terms: Path, instruments: Path) -> None:
        kept = terms.read_text(encoding="utf-8") + instruments.read_text(encoding="utf-8")
        runs = sorted(set(re.findall(r"[\u4e00-\u9fff]{2,}", kept)), key=len, reverse=True)
        # Cited titles, and the words around a number or a symbol (第77/262号决议, 联大第71/256号决议).
        around = r"[\u4e00-\u9fff]{0,6}[0-9A-Za-z][0-9A-Za-z/.\- ]*[\u4e00-\u9fff]{0,6}"
        self.zh_kept = re.compile("|".join(map(re.escape, runs)) + r"|《[^》]*》|" + around)
        # The words of cited titles and of the glossary's English designations.
        symbols = frozenset(load_instruments(instruments, instruments.name))
        english = [d.text for t in load_terms(terms, terms.name, symbols) for d in t.designations if d.lang == "en"]
        titles = instruments.read_text(encoding="utf-8")
        self.en_kept = {w.lower() for w in re.findall(r"[A-Za-z]+", titles + "\n".join(english))}
        self.han = sorted({c for u in zh.units() for c in RE_HAN.findall(u.text)})
        self.words = sorted({w for u in en.units() for w in RE_WORD.findall(u.text)} - self.en_kept)

    def zh(self, text: str, seed: str) -> str:
        rng = random.Random(seed)
        kept = {i for m in self.zh_kept.finditer(text) for i in range(m.start(), m.end())}
        return "".join(
            rng.choice(self.han) if i not in kept and RE_HAN.match(c) and rng.random() < VARIED else c
            for i, c in enumerate(text)
        )

    def en(self, text: str, seed: str) -> str:
        rng = random.Random(seed)

        def word(m: re.Match[str]) -> str:
            keep = m.group() in self.en_kept or rng.random() >= VARIED
            return m.group() if keep else rng.choice(self.words)

        return RE_WORD.sub(word, text)


def repeated(text: Declaration, copies: int, vary=None) -> Declaration:
    """``copies`` copies of the paragraphs, renumbered, each copy with its own footnotes; with ``vary``
    (``Variation.zh`` or ``.en``), every copy after the first reworded."""
    per_copy, notes_per_copy = len(text.paragraphs), len(text.footnotes)
    paragraphs, footnotes = [], []
    for k in range(copies):

        def shift(s: str, k: int = k) -> str:
            s = RE_MARKER.sub(lambda m: superscript(from_superscript(m.group()) + k * notes_per_copy), s)
            return vary(s, f"{k}:{s}") if vary and k else s

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
    variation = Variation(zh, en, ROOT / "glossary/terms.yml", ROOT / "glossary/instruments.yml")
    paths = []
    for lang, text, vary in (("zh", zh, variation.zh), ("en", en, variation.en)):
        path = folder / f"declaration.{lang}.txt"
        path.write_text(exports.plain_text(repeated(text, copies, vary)), encoding="utf-8")
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
        if len(entries) >= size * 3 // 2:  # some are dropped below
            break
        if not re.fullmatch(r"[\u4e00-\u9fff]+", s) or s in seen or any(_overlap(s, k) for k in known):
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
    # Synthetic forms overlap one another: drop those the segmenter never finds whole, as a curator would.
    while True:
        target.write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), encoding="utf-8")
        symbols = frozenset(load_instruments(ROOT / "glossary/instruments.yml", "instruments.yml"))
        terms = load_terms(target, target.name, symbols)
        glossary = build_glossary(terms, zh)
        lost = {t.id for t in terms if not glossary.occurrences_of(t.id)}
        if not lost and len(entries) <= size:
            return target
        entries = [e for e in entries if e.get("id") not in lost][:size]


def _overlap(candidate: str, term: str) -> bool:
    """Whether the two can share characters in a text (one inside the other, or one running into the
    other): such a candidate would take a real term's characters from it when the text is segmented."""
    if candidate in term or term in candidate:
        return True
    return any(candidate.endswith(term[:i]) or candidate.startswith(term[-i:]) for i in range(1, len(term)))
