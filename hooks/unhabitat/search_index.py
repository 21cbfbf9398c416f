"""Stage 4c: the search index of one edition, as a script the browser loads (it works from file:// too).

Documents are the citable units, then glossary entries and instruments. The browser matches
queries against the text itself, so a query finds exactly the units that contain it.
"""

from __future__ import annotations

import json

from .labels import unit_name
from .model import RE_MARKER
from .render import Edition

GLOBAL = "declarationSearch"


def documents(edition: Edition) -> list[dict]:
    # A unit's footnotes are part of what it says: 71/256 finds paragraph 2, whose footnote cites it.
    notes = {note.cited_by: note.text for note in edition.text.footnotes}
    docs = [
        {
            "k": "unit",
            "u": f"{unit.paragraph}/#{unit.eid}",
            "t": unit_name(unit, edition.lang),
            "x": " ".join(filter(None, (RE_MARKER.sub("", unit.text), notes.get(unit.uid)))),
        }
        for unit in edition.text.units()
    ]
    glossary = edition.glossary
    if glossary is not None:
        for term in glossary.terms:
            pinyin = glossary.pinyin[term.id]
            heading = term.zh if edition.lang == "zh" else term.en[0]
            docs.append(
                {
                    "k": "term",
                    "u": f"glossary/{term.id}/",
                    "t": heading,
                    "x": " · ".join((term.zh, *term.variants, *term.en, pinyin.marked, term.note[edition.lang])),
                    "f": sorted({term.zh, *term.variants, *(e.casefold() for e in term.en)}),
                }
            )
    for instrument in edition.instruments.values():
        docs.append(
            {
                "k": "instrument",
                "u": f"instruments/{instrument.slug}/",
                "t": f"{instrument.symbol}: {instrument.title[edition.lang]}",
                "x": instrument.contains[edition.lang],
            }
        )
    return docs


def script(edition: Edition) -> str:
    data = {"lang": edition.lang, "docs": documents(edition)}
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f"window.{GLOBAL}={body};\n"
