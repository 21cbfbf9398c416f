"""Stage 2c: the term base applied to the text — pinyin, occurrences, marks, and the consistency check.

Input: the concept entries, moved ids and drafting formulae of the term base, and the source text.
Output: a ``Glossary`` with every occurrence of every term; the formulae are located (for their own
page) but never marked in the running text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

from .errors import SourceError
from .model import Declaration, Unit, group_by
from .romanize import Pinyin
from .segment import (
    Occurrence,
    Split,
    TermFinder,
    main_table,
    spellings,
    taught_tokenizer,
    user_dictionary,
)
from .termbase import Formula, Moved, Term, compact


@dataclass(frozen=True)
class Mark:
    """A span of a unit's text to link to a glossary entry."""

    start: int
    end: int
    term: str


@dataclass(frozen=True)
class Miss:
    """A term in a source unit whose counterpart in a translation uses none of the term's equivalents."""

    term: Term
    unit: Unit
    lang: str

    def message(self) -> str:
        wanted = " / ".join(self.term.equivalents(self.lang))
        source = self.term.source_lang
        head = self.term.head
        return f"unit {self.unit.uid}: '{head}' is in the {source} text; the {self.lang} text has none of: {wanted}"


@dataclass(frozen=True)
class Glossary:
    terms: tuple[Term, ...]
    pinyin: dict[str, Pinyin]
    occurrences: tuple[Occurrence, ...]
    splits: tuple[Split, ...]
    user_dictionary: str
    moved: tuple[Moved, ...] = ()
    formulae: tuple[Formula, ...] = ()
    formula_pinyin: dict[str, Pinyin] | None = None
    formula_units: dict[str, tuple[str, ...]] | None = None
    # Each source-language designation after a term's first → the filter's keys (toneless syllables, initials).
    search_keys: dict[str, tuple[str, str]] = field(default_factory=dict)

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


def build_glossary(
    terms: tuple[Term, ...],
    text: Declaration,
    moved: tuple[Moved, ...] = (),
    formulae: tuple[Formula, ...] = (),
    cache: Path | None = None,
) -> Glossary:
    """``cache``: the build's folder for the part of jieba's dictionary that the text and the forms need
    (``segment.main_table``) and for the forms' spellings (``segment.spellings``); without it, the whole
    dictionary is read and every form spelled."""
    forms = [t.head for t in terms] + [f for t in terms for f in t.forms] + [f.head for f in formulae]
    table = main_table({c for s in (*(u.text for u in text.units()), *forms) for c in s}, cache)
    heads = {t.id: (t.head, t.pinyin_override, t.proper) for t in terms}
    formula_heads = {f.id: (f.head, f.pinyin_override, False) for f in formulae}
    others = {d.text for t in terms for d in t.terms(t.source_lang)[1:]}
    spelled = spellings([*heads.values(), *formula_heads.values()], others, table, cache)
    pinyin = {term_id: spelled.pinyin[head] for term_id, head in heads.items()}
    formula_pinyin = {formula_id: spelled.pinyin[head] for formula_id, head in formula_heads.items()}
    dictionary = user_dictionary(terms, table)
    tokenizer = taught_tokenizer(dictionary, table)
    finder = TermFinder(tokenizer, terms)
    occurrences: list[Occurrence] = []
    splits: list[Split] = []
    for unit in text.units():
        found, split = finder.find(unit)
        occurrences += found
        splits += split
    return Glossary(
        terms,
        pinyin,
        tuple(occurrences),
        tuple(splits),
        dictionary,
        moved,
        formulae,
        formula_pinyin,
        {f.id: formula_units(f, text, occurrences) for f in formulae},
        {form: spelled.keys[form] for form in sorted(others)},
    )


def formula_units(formula: Formula, text: Declaration, occurrences: Iterable[Occurrence]) -> tuple[str, ...]:
    """Units whose text uses the formula outside a term (承诺 in 自愿承诺 is the term, not the formula)."""
    spans = group_by(occurrences, lambda o: o.unit)
    units = []
    for unit in text.units():
        taken = [(o.start, o.end) for o in spans.get(unit.uid, ())]
        at = unit.text.find(formula.head)
        while at >= 0:
            if not any(s <= at and at + len(formula.head) <= e for s, e in taken):
                units.append(unit.uid)
                break
            at = unit.text.find(formula.head, at + 1)
    return tuple(units)


@cache
def whole_words(forms: tuple[str, ...]) -> re.Pattern[str]:
    """A translation's forms as whole words, case-insensitive, longest first ("commit" is not in "commitments").

    A word ends where letters end: a footnote marker (Agenda¹) or a digit may follow it."""
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<!{LETTER})(?:{alternatives})(?!{LETTER})", re.IGNORECASE)


LETTER = r"[^\W\d_¹²³⁴⁵⁶⁷⁸⁹⁰]"


def check_every_term_occurs(glossary: Glossary, label: str) -> None:
    """Every entry, and every source-language form said to be in the text, occurs in it."""
    found = {(o.term, compact(o.form)) for o in glossary.occurrences}
    terms = {term for term, _ in found}
    for term in glossary.terms:
        if term.id not in terms:
            raise SourceError(label, term.line, f"term '{term.head}' no longer occurs in the text")
        for d in term.terms(term.source_lang):
            if d.find and (term.id, compact(d.text)) not in found:
                raise SourceError(label, term.line, f"form '{d.text}' of '{term.id}' does not occur (find: false?)")


def consistency_misses(glossary: Glossary, translation: Declaration, lang: str) -> list[Miss]:
    """Units where the source text has a term and the translation ``lang`` none of its equivalents there
    (a term without an equivalent in ``lang`` yet is not looked for)."""
    units = {u.uid: u for u in translation.units()}
    misses = []
    for term in glossary.terms:
        forms = term.target_forms(lang)
        if not forms:
            continue
        pattern = whole_words(forms)
        for uid in glossary.units_of(term.id):
            if not pattern.search(units[uid].text):
                misses.append(Miss(term, units[uid], lang))
    return misses


def _overlaps(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def source_marks(glossary: Glossary, paragraph: Iterable[Unit]) -> dict[str, list[Mark]]:
    """Each term once per unit, at its first occurrence that stands on its own."""
    marks: dict[str, list[Mark]] = {}
    for unit in paragraph:
        marks[unit.uid] = []
        marked: set[str] = set()
        for o in glossary.by_unit.get(unit.uid, ()):
            taken = marks[unit.uid]
            if o.nested or o.term in marked or _overlaps(o.start, o.end, [(m.start, m.end) for m in taken]):
                continue
            marked.add(o.term)
            taken.append(Mark(o.start, o.end, o.term))
    return marks


def translation_marks(
    glossary: Glossary, source_paragraph: Iterable[Unit], paragraph: Iterable[Unit], lang: str
) -> dict[str, list[Mark]]:
    """In a translation ``lang``: for each term of a source unit, its first equivalent in the same unit."""
    units = list(paragraph)
    position = {u.uid: i for i, u in enumerate(units)}
    hits = []
    for source_unit in source_paragraph:
        index = position[source_unit.uid]
        for term_id in dict.fromkeys(o.term for o in glossary.by_unit.get(source_unit.uid, ())):
            if hit := first_equivalent(glossary.term(term_id), [units[index]], lang):
                hits.append(((index, hit[1], hit[2]), term_id))
    marks: dict[str, list[Mark]] = {u.uid: [] for u in units}
    # Longer spans first, so that a long term keeps its span and a shorter one inside it yields.
    for (index, start, end), term_id in sorted(hits, key=lambda h: (h[0][1] - h[0][2], h[0][0], h[0][1])):
        taken = marks[units[index].uid]
        if all(end <= m.start or start >= m.end for m in taken):
            taken.append(Mark(start, end, term_id))
    return {uid: sorted(ms, key=lambda m: m.start) for uid, ms in marks.items()}


def first_equivalent(term: Term, units: list[Unit], lang: str) -> tuple[int, int, int] | None:
    """(unit index, start, end) of the earliest equivalent of ``term`` in ``lang``, the longest at a tie."""
    forms = term.target_forms(lang)
    if not forms:
        return None
    hits = []
    pattern = whole_words(forms)
    for index, unit in enumerate(units):
        if m := pattern.search(unit.text):
            hits.append((index, m.start(), -len(m.group())))
    if not hits:
        return None
    index, at, negative_length = min(hits)
    return index, at, at - negative_length
