"""The view-model of one edition: its text, the texts a reader can put beside it, and what its pages show
of the glossary, the instruments, the record, the notes and the history, as plain data with derived views.
The renderers (render, glossary_pages, instrument_pages, downloads, search_index) read it; it renders nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from . import cite, styles, urls
from .glossary import Glossary
from .history import History
from .labels import Labels, words
from .model import Declaration, Unit, group_by
from .notes import Note
from .record import OfficialRecord
from .references import Reference
from .register import Instrument
from .settings import EditionSpec


@dataclass(frozen=True)
class Edition:
    """One edition's text with its counterpart, which the parallel view shows beside it."""

    lang: str
    text: Declaration
    other_lang: str
    other: Declaration
    glossary: Glossary | None = None
    references: tuple[Reference, ...] = ()
    instruments: dict[str, Instrument] = field(default_factory=dict)
    site_root: str = "http://127.0.0.1:8000/"
    record: OfficialRecord | None = None
    notes: tuple[Note, ...] = ()  # the English edition's translator's notes, shown in both editions
    histories: dict[str, History] = field(default_factory=dict)  # lang → revision history of its text
    citation_cache: Path | None = None  # rendered citations of the last build (see styles.render)
    langs: tuple[str, ...] = ()  # every edition's language, the source edition's first (extra.editions)
    specs: tuple[EditionSpec, ...] = ()  # extra.editions: status and writing direction of each
    texts: dict[str, Declaration] = field(default_factory=dict)  # every edition's text, for the parallel view

    @property
    def source_lang(self) -> str:
        return self.langs[0] if self.langs else self.lang

    @property
    def is_source(self) -> bool:
        """Whether this edition's text is the source, which the term base segments and marks."""
        return self.lang == self.source_lang

    @property
    def notes_lang(self) -> str:
        """The translation the translator's notes are written for (the first after the source)."""
        return self.langs[1] if len(self.langs) > 1 else self.other_lang

    @property
    def pairs(self) -> tuple[str, ...]:
        """The editions a reader can put beside this one, the default counterpart first."""
        others = [lang for lang in self.texts if lang not in (self.lang, self.other_lang)]
        return (self.other_lang, *others)

    def text_of(self, lang: str) -> Declaration:
        return self.other if lang == self.other_lang else self.texts[lang]

    def direction(self, lang: str) -> str:
        return "rtl" if any(s.lang == lang and s.dir == "rtl" for s in self.specs) else "ltr"

    @property
    def labels(self) -> Labels:
        return words(self.lang)

    @property
    def work(self) -> cite.Work:
        return cite.Work.of(self.text, self.lang, self.record, self.revisions(self.lang), not self.is_source)

    @property
    def history(self) -> History:
        return self.histories.get(self.lang) or History(reason="not asked for")

    def revisions(self, lang: str) -> dict[str, str]:
        """Unit id → the date its current wording was committed, in one language's text."""
        history = self.histories.get(lang) or History()
        return {uid: history.revised(uid) for uid in history.units}

    @cached_property
    def notes_by_unit(self) -> dict[str, tuple[Note, ...]]:
        return group_by(self.notes, lambda note: note.unit)

    @cached_property
    def styled_citations(self) -> dict[str, list[tuple[str, str]]]:
        """Unit id → (style name, citation) in this edition's styles, rendered from its CSL-JSON."""
        units = list(self.text.units())
        items = cite.csl_items(self.work, [(u, self.permalink(u)) for u in units])
        rendered = styles.render(items, self.lang, self.citation_cache)
        order = styles.order(self.lang)
        return {
            unit.uid: [(name, rendered[item["id"]][style.key]) for style, name in order]
            for unit, item in zip(units, items, strict=True)
        }

    def pair(self) -> tuple[Declaration, str, Declaration]:
        """The source text, and the translation shown beside it: this edition's, or the first translation."""
        if self.is_source:
            return self.text, self.other_lang, self.other
        return self.other, self.lang, self.text

    def permalink(self, unit: Unit, lang: str | None = None) -> str:
        return urls.permalink(self.site_root, lang or self.lang, unit)

    @cached_property
    def references_by_unit(self) -> dict[str, tuple[Reference, ...]]:
        return group_by(self.references, lambda ref: ref.unit)

    def tip(self, term_id: str) -> str:
        """What a marked term's tooltip says: pinyin and the other language."""
        assert self.glossary is not None
        term, pinyin = self.glossary.term(term_id), self.glossary.pinyin[term_id]
        if self.is_source:
            return f"{pinyin.marked} · {term.name(self.other_lang)}"
        return f"{term.head} · {pinyin.marked}"
