"""Stage 2d: references to instruments, detected in the text of both editions — never placed by hand.

Chinese: 联大第71/256号决议, 第 77/262 号决议, 第 1/CP.27 号决定, A/76/639-E/2022/10, 目标11,
可持续发展目标 6, and names in 《》. English: General Assembly resolution 71/256, decision 1/CP.27,
the same document symbols, Goal 11, Sustainable Development Goal 6, and the register's names.
A reference the register does not know is an error at its line.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, insort
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import SourceError
from .labels import LOCALES, locale
from .model import Declaration
from .register import Instrument
from .termbase import compact

# What a reference pattern may capture: each group names how its match becomes a register symbol.
GROUPS = frozenset({"resolution", "decision", "symbol", "goal", "name"})


def pattern(lang: str) -> re.Pattern[str]:
    """The reference pattern of ``lang``: ``references.pattern`` of its locale file, a verbose regular
    expression whose named groups are among ``GROUPS``; a bad one is an error at its line."""
    return reference_pattern(locale(lang).references["pattern"], LOCALES / f"{lang}.yml")


@functools.cache
def reference_pattern(source: str, path: Path) -> re.Pattern[str]:
    """``source`` compiled, its groups checked; ``path`` is the locale file it comes from, for the error."""
    label = f"{path.parent.name}/{path.name}"
    try:
        compiled = re.compile(source, re.VERBOSE)
    except re.error as e:
        raise SourceError(label, _line(path), f"references.pattern is not a regular expression ({e})") from e
    unknown = sorted(set(compiled.groupindex) - GROUPS)
    if unknown or not compiled.groupindex:
        message = f"references.pattern must name its groups among {', '.join(sorted(GROUPS))}"
        raise SourceError(label, _line(path), message)
    return compiled


def _line(path: Path) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next((n for n, line in enumerate(lines) if line.startswith("references:")), 0)
    return next((n + 1 for n in range(start, len(lines)) if lines[n].strip().startswith("pattern:")), start + 1)


@dataclass(frozen=True)
class Reference:
    """A span of a unit's or footnote's text that cites an instrument."""

    symbol: str
    start: int
    end: int
    unit: str  # the citable unit: for a footnote, the unit that cites the footnote
    footnote: int | None


def _symbol(m: re.Match[str], lang: str, names: dict[str, str]) -> str | None:
    found = {key: value for key, value in m.groupdict().items() if value}
    if "resolution" in found:
        return f"A/RES/{found['resolution']}"
    if "decision" in found:
        return found["decision"]
    if "symbol" in found:
        # UN style writes a joint symbol with an en dash in English; the register keys it with a hyphen.
        return found["symbol"].replace("–", "-")
    if "goal" in found:
        return f"SDG {found['goal']}"
    return names.get(compact(found["name"]))


def _texts(text: Declaration) -> Iterator[tuple[str, str, int | None, int]]:
    for unit in text.units():
        yield unit.text, unit.uid, None, unit.line
    for note in text.footnotes:
        yield note.text, note.cited_by, note.number, note.line


def detect(text: Declaration, lang: str, instruments: dict[str, Instrument]) -> tuple[Reference, ...]:
    names = {compact(n): i.symbol for i in instruments.values() for n in i.names.get(lang, ())}
    found_by = pattern(lang)
    # Without a ``name`` group (names between 《》 in Chinese), the register's names are looked for as they are.
    literal_names = sorted(names, key=len, reverse=True) if "name" not in found_by.groupindex else []
    found: list[Reference] = []
    for body, uid, footnote, line in _texts(text):
        spans: list[tuple[int, int, str]] = []
        for m in found_by.finditer(body):
            symbol = _symbol(m, lang, names)
            if symbol is None or symbol not in instruments:
                raise SourceError(text.path, line, f"reference {m.group()!r} is not in the instrument register")
            spans.append((m.start(), m.end(), symbol))
        for name in literal_names:
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
