"""Stage 2d: references to instruments, detected in the text of both editions — never placed by hand.

Chinese: 联大第71/256号决议, 第 77/262 号决议, 第 1/CP.27 号决定, A/76/639-E/2022/10, 目标11,
可持续发展目标 6, and names in 《》. English: General Assembly resolution 71/256, decision 1/CP.27,
the same document symbols, Goal 11, Sustainable Development Goal 6, and the register's names.
A reference the register does not know is an error at its line.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Iterator
from dataclasses import dataclass

from .errors import SourceError
from .model import Declaration
from .register import Instrument
from .termbase import compact

PATTERNS = {
    "zh": re.compile(
        r"""
        (?:联大|大会)?第[ ]*(?P<resolution>\d+/\d+)[ ]*号决议
        | 第[ ]*(?P<decision>\d+/CP\.\d+)[ ]*号决定
        | (?P<symbol>\bA/(?:RES/)?\d+/\d+(?:[-–]E/\d{4}/\d+)?)
        | (?:可持续发展)?目标[ ]*(?P<goal>\d+)
        | 《(?P<name>[^》]+)》
        """,
        re.VERBOSE,
    ),
    "en": re.compile(
        r"""
        (?:General[ ]Assembly[ ])?[Rr]esolution[ ](?P<resolution>\d+/\d+)
        | [Dd]ecision[ ](?P<decision>\d+/CP\.\d+)
        | (?P<symbol>\bA/(?:RES/)?\d+/\d+(?:[-–]E/\d{4}/\d+)?)
        | (?:Sustainable[ ]Development[ ])?Goal[ ](?P<goal>\d+)
        """,
        re.VERBOSE,
    ),
}


@dataclass(frozen=True)
class Reference:
    """A span of a unit's or footnote's text that cites an instrument."""

    symbol: str
    start: int
    end: int
    unit: str  # the citable unit: for a footnote, the unit that cites the footnote
    footnote: int | None


def _symbol(m: re.Match[str], lang: str, names: dict[str, str]) -> str | None:
    if m["resolution"]:
        return f"A/RES/{m['resolution']}"
    if m["decision"]:
        return m["decision"]
    if m["symbol"]:
        # The English writes a joint symbol with an en dash (UN style); the register keys it with a hyphen.
        return m["symbol"].replace("–", "-")
    if m["goal"]:
        return f"SDG {m['goal']}"
    return names.get(compact(m["name"]))


def _texts(text: Declaration) -> Iterator[tuple[str, str, int | None, int]]:
    for unit in text.units():
        yield unit.text, unit.uid, None, unit.line
    for note in text.footnotes:
        yield note.text, note.cited_by, note.number, note.line


def detect(text: Declaration, lang: str, instruments: dict[str, Instrument]) -> tuple[Reference, ...]:
    names = {compact(n): i.symbol for i in instruments.values() for n in i.names[lang]}
    english_names = sorted(names, key=len, reverse=True) if lang == "en" else []
    found: list[Reference] = []
    for body, uid, footnote, line in _texts(text):
        spans: list[tuple[int, int, str]] = []
        for m in PATTERNS[lang].finditer(body):
            symbol = _symbol(m, lang, names)
            if symbol is None or symbol not in instruments:
                raise SourceError(text.path, line, f"reference {m.group()!r} is not in the instrument register")
            spans.append((m.start(), m.end(), symbol))
        for name in english_names:
            for m in re.finditer(re.escape(name), body):
                if _free(spans, m.start(), m.end()):
                    insort(spans, (m.start(), m.end(), names[name]))
        found += [Reference(symbol, s, e, uid, footnote) for s, e, symbol in spans]
    return tuple(found)


def _free(spans: list[tuple[int, int, str]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps none of ``spans`` (sorted, not overlapping): a bisection, not a scan."""
    at = bisect_left(spans, (start,))
    return (at == 0 or spans[at - 1][1] <= start) and (at == len(spans) or spans[at][0] >= end)


def cited_in(references: tuple[Reference, ...], symbol: str, order: list[str]) -> tuple[str, ...]:
    """Unit ids citing ``symbol`` (directly or through a footnote), in document order."""
    units = {r.unit for r in references if r.symbol == symbol}
    return tuple(uid for uid in order if uid in units)
