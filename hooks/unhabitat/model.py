"""The document model: what the parser returns and every later stage reads.

Identifiers follow Akoma Ntoso for UN (AKN4UN) naming: ``para_13``,
``para_13__list_1__intro``, ``para_13__list_1__point_a``. The short ids
(``"13"``, ``"13(a)"``) are the ones readers cite and ``permalinks.json`` lists.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import TypeVar

T = TypeVar("T")
K = TypeVar("K")

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
# A footnote marker inside a unit's text.
RE_MARKER = re.compile(f"[{SUPERSCRIPT_DIGITS}]+")


def group_by(items: Iterable[T], key: Callable[[T], K]) -> dict[K, tuple[T, ...]]:
    """Items grouped by ``key``, each group in the items' order: an index built once, not a scan per lookup."""
    groups: dict[K, list[T]] = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    return {k: tuple(v) for k, v in groups.items()}


def superscript(number: int) -> str:
    return "".join(SUPERSCRIPT_DIGITS[int(d)] for d in str(number))


def from_superscript(marker: str) -> int:
    return int("".join(str(SUPERSCRIPT_DIGITS.index(c)) for c in marker))


@dataclass(frozen=True)
class Header:
    """The title block above paragraph 1."""

    body: tuple[str, ...]
    session: str
    date_place: str
    title: str
    subtitle: tuple[str, ...]
    line: int

    def lines(self) -> tuple[str, ...]:
        return (*self.body, self.session, self.date_place, self.title, *self.subtitle)


@dataclass(frozen=True)
class Unit:
    """A citable unit: a numbered paragraph or one of its lettered sub-paragraphs."""

    paragraph: int
    letter: str | None
    text: str
    line: int

    @property
    def uid(self) -> str:
        return f"{self.paragraph}({self.letter})" if self.letter else str(self.paragraph)

    @property
    def eid(self) -> str:
        if self.letter:
            return f"para_{self.paragraph}__list_1__point_{self.letter}"
        return f"para_{self.paragraph}"


@dataclass(frozen=True)
class Paragraph:
    """A numbered paragraph; with points, ``unit.text`` is the chapeau of its list."""

    unit: Unit
    points: tuple[Unit, ...]

    @property
    def number(self) -> int:
        return self.unit.paragraph

    def units(self) -> Iterator[Unit]:
        yield self.unit
        yield from self.points


@dataclass(frozen=True)
class Footnote:
    """A footnote, bound to the unit whose marker cites it."""

    number: int
    text: str
    line: int
    cited_by: str

    @property
    def marker(self) -> str:
        return superscript(self.number)

    @property
    def eid(self) -> str:
        return f"fnt_{self.number}"

    @property
    def paragraph(self) -> int:
        return int(self.cited_by.split("(")[0])


@dataclass(frozen=True)
class Artefact:
    """A line kept from the PDF export that carries no text of the declaration (a page-break dash)."""

    text: str
    line: int


@dataclass(frozen=True)
class Declaration:
    path: str
    header: Header
    paragraphs: tuple[Paragraph, ...]
    footnotes: tuple[Footnote, ...]
    artefacts: tuple[Artefact, ...]

    def units(self) -> Iterator[Unit]:
        for paragraph in self.paragraphs:
            yield from paragraph.units()

    def paragraph(self, number: int) -> Paragraph:
        return self.paragraphs[number - 1]

    @cached_property
    def _units(self) -> dict[str, Unit]:
        return {u.uid: u for u in self.units()}

    @cached_property
    def _notes(self) -> dict[int, tuple[Footnote, ...]]:
        return group_by(self.footnotes, lambda note: note.paragraph)

    def unit(self, uid: str) -> Unit:
        return self._units[uid]

    def footnotes_of(self, number: int) -> tuple[Footnote, ...]:
        return self._notes.get(number, ())
