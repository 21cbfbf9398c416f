"""Stage 2: check that two editions have the same units and footnotes, one for one, and that each
translated unit says what its source unit says as far as a machine can tell (years, numbers, instruments)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .errors import SourceError
from .model import Declaration, Footnote, Unit
from .references import Reference


def check_alignment(source: Declaration, translation: Declaration) -> None:
    """Raise ``SourceError`` at the first unit or footnote that one edition lacks."""
    for this, other in ((source, translation), (translation, source)):
        other_units = {u.uid for u in other.units()}
        for unit in this.units():
            if unit.uid not in other_units:
                kind = "sub-paragraph" if unit.letter else "paragraph"
                raise SourceError(this.path, unit.line, f"{kind} {unit.uid} is missing from {other.path}")
        other_notes = {(f.number, f.cited_by) for f in other.footnotes}
        for note in this.footnotes:
            if (note.number, note.cited_by) not in other_notes:
                raise SourceError(
                    this.path,
                    note.line,
                    f"footnote {note.number} (cited by {note.cited_by}) is missing from {other.path}",
                )


# What a unit and its translation must share. English writes months and some ordinals in words
# (6月 → June, 50 周年 → fiftieth), so its numbers need only occur in the Chinese; years and the
# instruments cited must be the same on both sides.
RE_NUMBER = re.compile(r"\d+")
RE_YEAR = re.compile(r"^(1[89]|20|21)\d\d$")


@dataclass(frozen=True)
class Anchors:
    """The language-independent content of one unit or footnote."""

    numbers: frozenset[int]
    years: frozenset[int]
    references: frozenset[str]

    @classmethod
    def of(cls, text: str, references: Iterable[str]) -> Anchors:
        numbers = frozenset(int(n) for n in RE_NUMBER.findall(text))
        return cls(numbers, frozenset(n for n in numbers if RE_YEAR.match(str(n))), frozenset(references))

    def differences(self, translation: Anchors) -> list[str]:
        out = []
        if self.years != translation.years:
            out.append(f"years {_list(self.years)} in the source, {_list(translation.years)} in the translation")
        if self.references != translation.references:
            theirs = _list(translation.references)
            out.append(f"instruments {_list(self.references)} in the source, {theirs} in the translation")
        if extra := translation.numbers - self.numbers:
            out.append(f"numbers {_list(extra)} in the translation only")
        return out


def _list(items: Iterable[int] | Iterable[str]) -> str:
    return ", ".join(str(i) for i in sorted(items)) or "none"


def check_correspondence(
    source: Declaration,
    translation: Declaration,
    source_refs: Iterable[Reference],
    translation_refs: Iterable[Reference],
) -> None:
    """Raise ``SourceError`` at the first translated unit or footnote whose content is not the source's.

    Two paragraphs swapped or shifted keep the same shape, so ``check_alignment`` passes them; their
    years, numbers and cited instruments do not match.
    """
    cited = {side: _cited(refs) for side, refs in (("source", source_refs), ("translation", translation_refs))}
    pairs: list[tuple[Unit | Footnote, Unit | Footnote, tuple[str, int | None]]]
    pairs = [(u, translation.unit(u.uid), (u.uid, None)) for u in source.units()]
    notes = {f.number: f for f in translation.footnotes}
    pairs += [(f, notes[f.number], (f.cited_by, f.number)) for f in source.footnotes if f.number in notes]
    for original, translated, key in pairs:
        problems = Anchors.of(original.text, cited["source"].get(key, ())).differences(
            Anchors.of(translated.text, cited["translation"].get(key, ()))
        )
        if problems:
            what = f"footnote {key[1]}" if key[1] else f"unit {key[0]}"
            raise SourceError(
                translation.path,
                translated.line,
                f"{what} does not correspond to {source.path}:{original.line} ({'; '.join(problems)}): "
                "a paragraph swapped, shifted or mistranslated?",
            )


def _cited(references: Iterable[Reference]) -> dict[tuple[str, int | None], set[str]]:
    out: dict[tuple[str, int | None], set[str]] = {}
    for ref in references:
        out.setdefault((ref.unit, ref.footnote), set()).add(ref.symbol)
    return out
