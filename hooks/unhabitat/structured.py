"""Structured data (schema.org JSON-LD) for paragraph and glossary pages. Only schema.org terms."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .cite import edition_url, permalink
from .labels import LABELS, paragraph_title, unit_name

if TYPE_CHECKING:
    from .render import Edition

CONTEXT = "https://schema.org"


def paragraph_data(edition: Edition, number: int) -> dict:
    """``Legislation`` for a paragraph and its sub-paragraphs, tied to the declaration and its other edition."""
    paragraph = edition.text.paragraph(number)
    work = edition.work
    declaration = {
        "@type": "Legislation",
        "name": work.title,
        "legislationIdentifier": edition_url(edition.site_root, edition.lang),
        "legislationDate": work.year,
        "inLanguage": edition.lang,
    }
    counterpart = {
        "@type": "Legislation",
        "legislationIdentifier": permalink(edition.site_root, edition.other_lang, paragraph.unit),
        "inLanguage": edition.other_lang,
    }
    data = {
        "@context": CONTEXT,
        "@type": "Legislation",
        "name": f"{work.title}, {paragraph_title(number, edition.lang)}",
        "legislationIdentifier": edition.permalink(paragraph.unit),
        "url": edition.permalink(paragraph.unit),
        "inLanguage": edition.lang,
        "isPartOf": declaration,
        "text": paragraph.unit.text,
        "hasPart": [
            {
                "@type": "Legislation",
                "name": unit_name(point, edition.lang),
                "legislationIdentifier": edition.permalink(point),
                "inLanguage": edition.lang,
                "text": point.text,
            }
            for point in paragraph.points
        ],
    }
    # The Chinese text is the work; the English edition is a translation of it.
    data["workTranslation" if edition.lang == "zh" else "translationOfWork"] = counterpart
    if not paragraph.points:
        del data["hasPart"]
    return data


def glossary_data(edition: Edition, term_id: str | None = None) -> dict:
    """``DefinedTermSet`` for the index, or one ``DefinedTerm`` in its set for an entry."""
    glossary = edition.glossary
    assert glossary is not None
    set_url = edition_url(edition.site_root, edition.lang, "glossary/")
    term_set = {"@type": "DefinedTermSet", "@id": set_url, "name": LABELS[edition.lang].glossary, "url": set_url}

    def term_data(term) -> dict:
        names = (term.zh, term.en[0]) if edition.lang == "zh" else (term.en[0], term.zh)
        return {
            "@type": "DefinedTerm",
            "name": names[0],
            "alternateName": [names[1], glossary.pinyin[term.id].marked, *term.variants, *term.en[1:]],
            "termCode": term.id,
            "description": term.note[edition.lang],
            "url": f"{set_url}{term.id}/",
            "inDefinedTermSet": set_url,
        }

    if term_id is None:
        return {"@context": CONTEXT, **term_set, "hasDefinedTerm": [term_data(t) for t in glossary.terms]}
    return {"@context": CONTEXT, **term_data(glossary.term(term_id))}
