"""Stage 2c: the term base applied to the text — pinyin, occurrences, marks, and the consistency check."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from .errors import SourceError
from .model import Declaration, Unit, group_by
from .romanize import Pinyin
from .segment import Occurrence, Split, TermFinder, new_tokenizer, pinyin_table, teach, user_dictionary
from .termbase import Term


@dataclass(frozen=True)
class Mark:
    """A span of a unit's text to link to a glossary entry."""

    start: int
    end: int
    term: str


@dataclass(frozen=True)
class Miss:
    """A term in a Chinese unit whose English counterpart uses none of the term's equivalents."""

    term: Term
    unit: Unit

    def message(self) -> str:
        wanted = " / ".join(self.term.en)
        return f"unit {self.unit.uid}: '{self.term.zh}' is in the Chinese; the English has none of: {wanted}"


@dataclass(frozen=True)
class Glossary:
    terms: tuple[Term, ...]
    pinyin: dict[str, Pinyin]
    occurrences: tuple[Occurrence, ...]
    splits: tuple[Split, ...]
    user_dictionary: str

    @cached_property
    def _terms(self) -> dict[str, Term]:
        return {t.id: t for t in self.terms}

    @cached_property
    def _by_term(self) -> dict[str, tuple[Occurrence, ...]]:
        return group_by(self.occurrences, lambda o: o.term)

    @cached_property
    def by_unit(self) -> dict[str, tuple[Occurrence, ...]]:
        return group_by(self.occurrences, lambda o: o.unit)

    def term(self, term_id: str) -> Term:
        return self._terms[term_id]

    def occurrences_of(self, term_id: str) -> tuple[Occurrence, ...]:
        return self._by_term.get(term_id, ())

    def units_of(self, term_id: str) -> tuple[str, ...]:
        """Unit ids in document order, each once."""
        return tuple(dict.fromkeys(o.unit for o in self.occurrences_of(term_id)))


def build_glossary(terms: tuple[Term, ...], text: Declaration) -> Glossary:
    tokenizer = new_tokenizer()
    pinyin = pinyin_table(tokenizer, terms)
    teach(tokenizer, terms)
    finder = TermFinder(tokenizer, terms)
    occurrences: list[Occurrence] = []
    splits: list[Split] = []
    for unit in text.units():
        found, split = finder.find(unit)
        occurrences += found
        splits += split
    return Glossary(terms, pinyin, tuple(occurrences), tuple(splits), user_dictionary(terms))


def check_every_term_occurs(glossary: Glossary, label: str) -> None:
    found = {o.term for o in glossary.occurrences}
    for term in glossary.terms:
        if term.id not in found:
            raise SourceError(label, term.line, f"term '{term.zh}' no longer occurs in the text")


def consistency_misses(glossary: Glossary, zh: Declaration, en: Declaration) -> list[Miss]:
    english = {u.uid: u.text.casefold() for u in en.units()}
    units = {u.uid: u for u in en.units()}
    misses = []
    for term in glossary.terms:
        for uid in glossary.units_of(term.id):
            if not any(e.casefold() in english[uid] for e in term.en):
                misses.append(Miss(term, units[uid]))
    return misses


def _overlaps(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def chinese_marks(glossary: Glossary, paragraph: Iterable[Unit]) -> dict[str, list[Mark]]:
    """Each term once per paragraph, at its first occurrence that stands on its own."""
    marked: set[str] = set()
    marks: dict[str, list[Mark]] = {}
    for unit in paragraph:
        marks[unit.uid] = []
        for o in glossary.by_unit.get(unit.uid, ()):
            taken = marks[unit.uid]
            if o.nested or o.term in marked or _overlaps(o.start, o.end, [(m.start, m.end) for m in taken]):
                continue
            marked.add(o.term)
            taken.append(Mark(o.start, o.end, o.term))
    return marks


def english_marks(
    glossary: Glossary, zh_paragraph: Iterable[Unit], en_paragraph: Iterable[Unit]
) -> dict[str, list[Mark]]:
    """In the English text: for each term of the Chinese paragraph, its first English equivalent."""
    units = list(en_paragraph)
    term_ids = dict.fromkeys(o.term for u in zh_paragraph for o in glossary.by_unit.get(u.uid, ()))
    hits = [(hit, t) for t in term_ids if (hit := first_english(glossary.term(t), units))]
    marks: dict[str, list[Mark]] = {u.uid: [] for u in units}
    # Longer spans first, so that a long term keeps its span and a shorter one inside it yields.
    for (index, start, end), term_id in sorted(hits, key=lambda h: (h[0][1] - h[0][2], h[0][0], h[0][1])):
        taken = marks[units[index].uid]
        if all(end <= m.start or start >= m.end for m in taken):
            taken.append(Mark(start, end, term_id))
    return {uid: sorted(ms, key=lambda m: m.start) for uid, ms in marks.items()}


def first_english(term: Term, units: list[Unit]) -> tuple[int, int, int] | None:
    """(unit index, start, end) of the earliest English equivalent of ``term``, the longest at a tie."""
    hits = []
    for index, unit in enumerate(units):
        for equivalent in term.en:
            # Matched in the text itself: offsets found in casefold() text drift after ﬁ, ß or İ.
            if m := re.search(re.escape(equivalent), unit.text, re.IGNORECASE):
                hits.append((index, m.start(), -(m.end() - m.start())))
    if not hits:
        return None
    index, at, negative_length = min(hits)
    return index, at, at - negative_length
