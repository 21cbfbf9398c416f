"""Stage 4c: the documents of one edition's search: the citable units (text and footnotes apart, and the
symbols of the instruments each cites), then glossary entries and instruments; and the other language's
text of the same units, through which a query in the other script (Chinese in the English edition) finds
them. ``search_shards`` writes them as the files the browser loads.
"""

from __future__ import annotations

import re

from . import search_shards, urls
from .datafile import in_language
from .labels import unit_name
from .model import RE_MARKER, Unit
from .register import Instrument
from .render import Edition
from .search_shards import Document, Texts

# A United Nations document symbol inside an official link: https://undocs.org/zh/FCCC/CP/2022/10/Add.1
RE_UNDOCS = re.compile(r"^https?://undocs\.org/(?:[a-z]{2}/)?(?P<symbol>[^?#]+)$")


def symbols(instrument: Instrument) -> list[str]:
    """Every symbol an instrument is known by: its own, and the document symbols of its official texts."""
    found = {instrument.symbol}
    for url in instrument.url.values():
        m = RE_UNDOCS.match(url)
        if m:
            found.add(m["symbol"])
    return sorted(found)


def unit_key(unit: Unit) -> str:
    """How a reader names a unit in a query: ``13(b)``."""
    return f"{unit.paragraph}({unit.letter})" if unit.letter else str(unit.paragraph)


def _texts(unit: Unit, notes: dict[str, list[str]]) -> Texts:
    doc: Texts = {"x": RE_MARKER.sub("", unit.text)}
    if unit.uid in notes:
        doc["f"] = " ".join(notes[unit.uid])
    return doc


def _notes(edition: Edition, other: bool = False) -> dict[str, list[str]]:
    notes: dict[str, list[str]] = {}
    for note in (edition.other if other else edition.text).footnotes:
        notes.setdefault(note.cited_by, []).append(note.text)
    return notes


def documents(edition: Edition) -> list[Document]:
    cited: dict[str, set[str]] = {}
    for ref in edition.references:
        cited.setdefault(ref.unit, set()).update(symbols(edition.instruments[ref.symbol]))
    notes = _notes(edition)
    docs: list[Document] = []
    for unit in edition.text.units():
        texts = _texts(unit, notes)
        doc: Document = {
            "k": "unit",
            "u": urls.unit_path(unit),
            "n": unit_key(unit),
            "t": unit_name(unit, edition.lang),
            "x": texts["x"],
        }
        if "f" in texts:
            doc["f"] = texts["f"]
        if unit.uid in cited:
            doc["s"] = sorted(cited[unit.uid])
        docs.append(doc)
    glossary = edition.glossary
    if glossary is not None:
        for term in glossary.terms:
            pinyin = glossary.pinyin[term.id]
            heading = term.names(edition.lang)[0]
            docs.append(
                {
                    "k": "term",
                    "u": urls.path(urls.term_page(term.id)),
                    "t": heading,
                    "x": " · ".join(
                        (
                            *term.names(term.source_lang),
                            *(name for lang in term.langs[1:] for name in term.equivalents(lang)),
                            pinyin.marked,
                            in_language(term.note, edition.lang),
                        )
                    ),
                }
            )
    for instrument in edition.instruments.values():
        docs.append(
            {
                "k": "instrument",
                "u": urls.path(urls.instrument_page(instrument.slug)),
                "t": f"{instrument.symbol}: {in_language(instrument.title, edition.lang)}",
                "x": in_language(instrument.contains, edition.lang),
                "s": symbols(instrument),
            }
        )
    return docs


def other_documents(edition: Edition) -> list[Texts]:
    """The other language's text of each unit, in the order of the edition's units."""
    notes = _notes(edition, other=True)
    return [_texts(edition.other.unit(unit.uid), notes) for unit in edition.text.units()]


def files(edition: Edition) -> dict[str, str]:
    """The edition's search, in shards (search_shards)."""
    return search_shards.files(edition.lang, edition.other_lang, documents(edition), other_documents(edition))
