"""Structured data (schema.org JSON-LD) for paragraph and glossary pages. Only schema.org terms.

Every node has an ``@id``: the declaration one id shared by both editions (the site root's
``#declaration``), each unit its permalink, so that the pages' graphs join into one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .datafile import in_language
from .labels import paragraph_title, unit_name, words
from .model import RE_MARKER
from .urls import GLOSSARY, declaration_id, edition_url, path, permalink, term_page

if TYPE_CHECKING:
    from .render import Edition

CONTEXT = "https://schema.org"
PINYIN = "zh-Latn-pinyin"


def _declaration(edition: Edition) -> dict:
    work, other = edition.work, edition.other.header.title
    node = {
        "@type": "Legislation",
        "@id": declaration_id(edition.site_root),
        "name": edition.text.header.title,
        "alternateName": {"@value": other, "@language": edition.other_lang},
        "legislationType": "ministerial declaration",
        "legislationPassedBy": {"@type": "Organization", "name": work.body},
        "legislationJurisdiction": "international",
        "inLanguage": edition.source_lang,  # the declaration's text; every other edition is a translation of it
    }
    if edition.record:
        node["legislationDate"] = edition.record.adopted
        node["subjectOf"] = {"@type": "WebPage", "url": edition.record.url["en"]}
        if edition.record.symbol:
            node["legislationIdentifier"] = edition.record.symbol
    elif work.year:
        node["legislationDate"] = work.year
    return node


def _unit_node(edition: Edition, unit, name: str) -> dict:
    url = edition.permalink(unit)
    return {
        "@type": "Legislation",
        "@id": url,
        "name": name,
        "legislationIdentifier": url,
        "url": url,
        "inLanguage": edition.lang,
        "isPartOf": {"@id": declaration_id(edition.site_root)},
        "text": RE_MARKER.sub("", unit.text),  # footnote markers are links on the page, not text
    }


def paragraph_data(edition: Edition, number: int) -> dict:
    """``Legislation`` for a paragraph and its sub-paragraphs, tied to the declaration and its other edition."""
    paragraph = edition.text.paragraph(number)
    work = edition.work
    other_url = permalink(edition.site_root, edition.other_lang, paragraph.unit)
    counterpart = {
        "@type": "Legislation",
        "@id": other_url,
        "legislationIdentifier": other_url,
        "inLanguage": edition.other_lang,
    }
    data = {
        "@context": CONTEXT,
        **_unit_node(edition, paragraph.unit, f"{work.title}, {paragraph_title(number, edition.lang)}"),
        "isPartOf": _declaration(edition),
    }
    if paragraph.points:
        data["hasPart"] = [_unit_node(edition, point, unit_name(point, edition.lang)) for point in paragraph.points]
    # The source text is the work; every other edition is a translation of it.
    data["workTranslation" if edition.lang == edition.source_lang else "translationOfWork"] = counterpart
    return data


def glossary_data(edition: Edition, term_id: str | None = None) -> dict:
    """``DefinedTermSet`` for the index, or one ``DefinedTerm`` in its set for an entry."""
    glossary = edition.glossary
    assert glossary is not None
    set_url = edition_url(edition.site_root, edition.lang, path(GLOSSARY))
    term_set = {"@type": "DefinedTermSet", "@id": set_url, "name": words(edition.lang).glossary, "url": set_url}

    def term_data(term) -> dict:
        own, other = term.names(edition.lang), term.names(edition.other_lang)
        tagged = [
            *({"@value": n, "@language": edition.lang} for n in own[1:]),
            *({"@value": n, "@language": edition.other_lang} for n in other),
            {"@value": glossary.pinyin[term.id].marked, "@language": PINYIN},
        ]
        return {
            "@type": "DefinedTerm",
            "@id": edition_url(edition.site_root, edition.lang, path(term_page(term.id))),
            "name": own[0],
            "alternateName": tagged,
            "termCode": term.id,
            "description": in_language(term.note, edition.lang),
            "url": edition_url(edition.site_root, edition.lang, path(term_page(term.id))),
            "inDefinedTermSet": set_url,
        }

    if term_id is None:
        return {"@context": CONTEXT, **term_set, "hasDefinedTerm": [term_data(t) for t in glossary.terms]}
    return {"@context": CONTEXT, **term_data(glossary.term(term_id))}
