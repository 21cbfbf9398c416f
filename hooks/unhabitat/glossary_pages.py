"""Stage 3b: the glossary pages of one edition — the filterable index, one page per concept record,
the drafting formulae, and a page for every id that moved (its URL stays)."""

from __future__ import annotations

import re
from collections import Counter

from . import urls
from .datafile import in_language
from .glossary import Glossary, whole_words
from .labels import language_name, locale, unit_name
from .markup import html_text as escape
from .markup import json_ld, md_text
from .model import Unit
from .register import Instrument
from .render import Edition, dir_attr
from .romanize import search_keys
from .structured import PINYIN, glossary_data
from .termbase import Moved, Term

# The glossary's downloads, linked under its index.
GLOSSARY_FILES = (
    ("glossary.json", "JSON"),
    ("glossary.tbx", "TBX v3"),
    ("glossary-2008.tbx", "TBX 2008"),
    ("glossary.csv", "CSV"),
)
# Occurrences on one concordance page: beyond, a term's concordance continues on pages glossary/<id>/<n>/,
# numbered in text order, so that a page's size does not grow with the text.
CONCORDANCE_PART = 200


def sorted_terms(glossary: Glossary, lang: str) -> list[Term]:
    """By pinyin in the source edition, alphabetically by the edition's own names in a translation."""
    return sorted(glossary.terms, key=lambda t: (_sort_key(glossary, t, lang), t.head))


def _sort_key(glossary: Glossary, term: Term, lang: str) -> str:
    if lang == term.source_lang:
        return _pinyin_key(glossary, term)
    return term.name(lang).lstrip("“‘\"'").casefold()


def _kwic_width(lang: str) -> int:
    """Characters of context on each side of an occurrence in ``lang`` (fewer for a denser script)."""
    return int(locale(lang).glossary["kwic_width"])


def _pinyin_key(glossary: Glossary, term: Term) -> str:
    return glossary.pinyin[term.id].toneless.lstrip("“0123456789–- ")


def _letter(glossary: Glossary, term: Term, lang: str) -> str:
    key = _sort_key(glossary, term, lang)
    return key[:1].upper() if key[:1].isalpha() else "#"


def index_page(edition: Edition) -> str:
    glossary = edition.glossary
    assert glossary is not None
    labels = locale(edition.lang).glossary
    groups: dict[str, list[str]] = {}
    for term in sorted_terms(glossary, edition.lang):
        groups.setdefault(_letter(glossary, term, edition.lang), []).append(_index_item(edition, term))
    jump = "".join(f'<a href="#letter-{letter.lower()}">{escape(letter)}</a>' for letter in groups)
    lists = "".join(
        f'<h2 class="glossary-letter" id="letter-{letter.lower()}">{escape(letter)}</h2>'
        f'<ul class="glossary-list">{"".join(items)}</ul>'
        for letter, items in groups.items()
    )
    count = len(glossary.terms)
    stop = labels["stop"]
    # The formulae page exists only when the term base has formulae beside it.
    formulae = f' <a href="{urls.href(urls.GLOSSARY, urls.path(urls.FORMULAE))}">{escape(labels["formulae"])}</a>{stop}'
    formulae = formulae if glossary.formulae else ""
    return (
        f"# {md_text(labels['title'])}\n\n"
        f'<p class="glossary-intro">{escape(labels["intro"])}{formulae}</p>\n\n'
        '<div class="glossary-filter" data-search-exclude>'
        f'<label for="glossary-filter">{escape(labels["filter"])}'
        '</label><input id="glossary-filter" type="search" autocomplete="off" spellcheck="false">'
        f'<p class="glossary-count" role="status"><span>{count}</span> {escape(labels["count"])}</p>'
        f'<p class="glossary-none" hidden>{escape(labels["none"])}</p></div>\n\n'
        f'<nav class="glossary-jump" aria-label="{escape(labels["jump"])}">{jump}</nav>\n\n'
        f'<div class="glossary-groups">{lists}</div>\n\n'
        f'<p class="glossary-downloads">{escape(labels["downloads"])}: '
        + " · ".join(
            f'<a href="{urls.root_file(urls.GLOSSARY, name)}">{form}</a>'
            for name, form in GLOSSARY_FILES
        )
        + "</p>\n\n"
        f"{json_ld(glossary_data(edition))}\n"
    )


def _index_item(edition: Edition, term: Term) -> str:
    glossary = edition.glossary
    assert glossary is not None
    labels = locale(edition.lang).glossary
    pinyin = glossary.pinyin[term.id]
    forms = [d.text for d in term.terms(term.source_lang)]
    others = [search_keys(f) for f in forms[1:]]
    # Space-separated keys, the head form's first: the filter matches any of them. ``data-names``: the
    # designations in every translation, which the filter matches case-insensitively.
    translations = [d.text for lang in term.langs[1:] for d in term.terms(lang)]
    search = {
        "data-source": " ".join(forms),
        "data-pinyin": " ".join([re.sub(r"[^a-z0-9]", "", pinyin.toneless), *(k for k, _ in others)]),
        "data-initials": " ".join([pinyin.initials, *(i for _, i in others)]),
        "data-names": " | ".join(translations).casefold(),
    }
    attrs = " ".join(f'{k}="{escape(v)}"' for k, v in search.items())
    first, second = term.name(edition.lang), term.name(edition.other_lang)
    count = len(glossary.occurrences_of(term.id))
    return (
        f'<li class="glossary-item" {attrs}><a href="{urls.href(urls.GLOSSARY, urls.path(urls.term_page(term.id)))}">'
        f'<span class="glossary-head" lang="{edition.lang}">{escape(first)}</span> '
        f'<span class="glossary-pinyin" lang="{PINYIN}">{escape(pinyin.marked)}</span> '
        f'<span class="glossary-other" lang="{edition.other_lang}">{escape(second)}</span></a> '
        f'<span class="glossary-meta"><span class="glossary-kind">{escape(labels["kinds"][term.kind])}</span>'
        f'<span class="glossary-status glossary-status-{term.status}">{escape(labels["statuses"][term.status])}</span>'
        f'<span class="glossary-n">{count} {escape(labels["times"])}</span></span></li>'
    )


def _designations(edition: Edition, term: Term, lang: str) -> str:
    labels = locale(edition.lang).glossary
    items = []
    for d in term.terms(lang):
        tags = [labels["types"][d.type], labels["term_status"][d.status]]
        if d.find and lang == term.source_lang:
            tags.append(labels["in_text"])
        text = f"<del>{escape(d.text)}</del>" if d.status == "deprecated" else escape(d.text)
        extra = "".join(f" <small>{escape(x)}</small>" for x in (d.note, d.source) if x)
        items.append(
            f'<li class="term-{d.status}"><span lang="{lang}">{text}</span> '
            f'<span class="term-tags">{escape(" · ".join(tags))}</span>{extra}</li>'
        )
    return f'<ul class="glossary-terms">{"".join(items)}</ul>'


def _unterm(term: Term, lang: str) -> str:
    """UNTERM searched for the preferred equivalent in the first translation, its results shown in ``lang``."""
    designations = term.terms(term.translation)
    preferred = next((d for d in designations if d.status == "preferred"), designations[0])
    return urls.unterm_search(lang, preferred.text, term.langs)


def entry_page(edition: Edition, term: Term, instruments: dict[str, Instrument]) -> str:
    glossary = edition.glossary
    assert glossary is not None
    lang = edition.lang
    labels = locale(lang).glossary
    pinyin = glossary.pinyin[term.id]
    title = term.name(lang)
    source, *translations = term.langs
    rows = [
        (language_name(source, lang), _designations(edition, term, source)),
        (labels["pinyin"], f'<span lang="{PINYIN}">{escape(pinyin.marked)}</span>'),
        *((language_name(t, lang), _designations(edition, term, t)) for t in translations if term.terms(t)),
        (labels["subject"], escape(labels["subjects"][term.subject])),
        (labels["kind"], escape(labels["kinds"][term.kind])),
        (labels["status"], escape(labels["statuses"][term.status])),
    ]
    if term.source:
        rows.append((labels["source"], escape(term.source)))
    if term.body:
        rows.append((labels["body"], escape(term.body)))
    if term.instrument:
        instrument = instruments[term.instrument]
        to = urls.href(urls.term_page(term.id), urls.path(urls.instrument_page(instrument.slug)))
        link = f'<a href="{to}">{escape(instrument.symbol)}</a>'
        rows.append((labels["instrument"], f"{link} — {escape(in_language(instrument.contains, lang))}"))
    if term.definition:
        text = in_language(term.definition.texts, lang)
        rows.append((labels["definition"], f"{escape(text)} <small>({escape(term.definition.source)})</small>"))
    rows.append((labels["note"], escape(in_language(term.note, lang))))
    if term.xref:
        links = []
        for kind, targets in term.xref.items():
            for target in targets:
                other = glossary.term(target)
                name = other.name(lang)
                to = urls.href(urls.term_page(term.id), urls.path(urls.term_page(target)))
                links.append(f'{escape(labels["xrefs"][kind])}: <a href="{to}">{escape(name)}</a>')
        rows.append((labels["xref"], "<br>".join(links)))
    rows.append(
        (
            "UNTERM",
            f'<a href="{escape(_unterm(term, lang))}" rel="external noopener">'
            f"{escape(labels['unterm'])}</a>",
        )
    )
    table = "".join(f"<dt>{escape(k)}</dt><dd>{v}</dd>" for k, v in rows)
    count = len(glossary.occurrences_of(term.id))
    parts = _parts_nav(term.id, count, 1) + "\n\n" if count > CONCORDANCE_PART else ""
    return (
        f"# {md_text(title)}\n\n"
        f'<dl class="glossary-entry">{table}</dl>\n\n'
        f"## {md_text(labels['occurrences'])} ({count}) {{#occurrences}}\n\n"
        f"{concordance(edition, term)}\n\n{parts}{json_ld(glossary_data(edition, term.id))}\n"
    )


def concordance(edition: Edition, term: Term, part: int = 1) -> str:
    """One card per occurrence: the keyword in context in the source text and in the translation beside it.
    ``part`` 1 is on the entry page; each further part of ``CONCORDANCE_PART`` occurrences has its own page."""
    glossary = edition.glossary
    assert glossary is not None
    source, lang, translation = edition.pair()
    cards = []
    here = _part_page(term.id, part)
    first = (part - 1) * CONCORDANCE_PART
    # Found once per unit and numbered as they come: a long unit costs linear time.
    hits: dict[str, list[tuple[int, int]]] = {}
    seen: Counter[tuple[str, str]] = Counter()
    for index, o in enumerate(glossary.occurrences_of(term.id)):
        if index >= first + CONCORDANCE_PART:
            break
        unit = source.unit(o.unit)
        other = translation.unit(o.unit)
        if o.unit not in hits:
            forms = term.target_forms(lang)
            hits[o.unit] = [m.span() for m in whole_words(forms).finditer(other.text)] if forms else []
        rank = seen[o.unit, o.form]
        seen[o.unit, o.form] += 1
        if index < first:
            continue
        cards.append(
            '<li class="kwic-card">'
            f'<a class="kwic-where" href="{urls.href(here, urls.unit_path(unit))}">'
            f"{escape(unit_name(unit, edition.lang))}</a>"
            f'<p lang="{term.source_lang}"{dir_attr(edition, term.source_lang)} class="kwic">'
            f"{_kwic(unit.text, o.start, o.end, _kwic_width(term.source_lang))}</p>"
            f'<p lang="{lang}"{dir_attr(edition, lang)} class="kwic">'
            f"{_equivalent(other, hits[o.unit], rank, lang)}</p></li>"
        )
    start = f' start="{first + 1}"' if first else ""
    return f'<ol class="concordance"{start}>{"".join(cards)}</ol>'


def concordance_parts(count: int) -> range:
    """The numbers of a term's concordance pages after the entry page (addresses glossary/<id>/<n>/)."""
    return range(2, (count + CONCORDANCE_PART - 1) // CONCORDANCE_PART + 1)


def _part_page(term_id: str, part: int) -> str:
    """The page of a concordance part: the entry's own for the first."""
    return urls.term_page(term_id) if part == 1 else urls.concordance_page(term_id, part)


def _parts_nav(term_id: str, count: int, current: int) -> str:
    """Links to every part of a long concordance, each named by the occurrences it holds."""
    if count <= CONCORDANCE_PART:
        return ""
    links = []
    for part in range(1, concordance_parts(count).stop):
        start, end = (part - 1) * CONCORDANCE_PART + 1, min(part * CONCORDANCE_PART, count)
        name = f"{start}–{end}"
        href = urls.href(_part_page(term_id, current), urls.path(_part_page(term_id, part)))
        links.append(f"<strong>{name}</strong>" if part == current else f'<a href="{href}">{name}</a>')
    return f'<p class="concordance-parts">{" · ".join(links)}</p>'


def concordance_page(edition: Edition, term: Term, part: int) -> str:
    """A further part of a term's concordance: its own page, so that no page grows with the text."""
    glossary = edition.glossary
    assert glossary is not None
    labels = locale(edition.lang).glossary
    title = term.names(edition.lang)[0]
    count = len(glossary.occurrences_of(term.id))
    start, end = (part - 1) * CONCORDANCE_PART + 1, min(part * CONCORDANCE_PART, count)
    parts = _parts_nav(term.id, count, part)
    return (
        f"# {md_text(title)}: {md_text(labels['occurrences'])} {start}–{end}\n\n"
        f"{parts}\n\n{concordance(edition, term, part)}\n\n{parts}\n"
    )


def _kwic(text: str, start: int, end: int, width: int) -> str:
    left = text[max(0, start - width) : start]
    right = text[end : end + width]
    lead = "…" if start > width else ""
    tail = "…" if end + width < len(text) else ""
    return (
        f'<span class="kwic-left">{lead}{escape(left)}</span>'
        f"<mark>{escape(text[start:end])}</mark>"
        f'<span class="kwic-right">{escape(right)}{tail}</span>'
    )


def _equivalent(unit: Unit, hits: list[tuple[int, int]], rank: int, lang: str) -> str:
    """The equivalent that answers an occurrence: the n-th in the translated unit for the n-th source one."""
    width = _kwic_width(lang)
    if not hits:
        return escape(unit.text[: width * 2]) + ("…" if len(unit.text) > width * 2 else "")
    start, end = hits[min(rank, len(hits) - 1)]
    return _kwic(unit.text, start, end, width)


def formulae_page(edition: Edition) -> str:
    glossary = edition.glossary
    assert glossary is not None
    labels = locale(edition.lang).glossary
    source, lang, _ = edition.pair()
    source_lang = edition.source_lang
    rows = []
    for f in glossary.formulae:
        pinyin = (glossary.formula_pinyin or {})[f.id]
        # A formula without an equivalent in this edition's language yet shows the first translation's.
        shown = lang if lang in f.equivalents else next(iter(f.equivalents))
        units = (glossary.formula_units or {})[f.id]
        where = ", ".join(
            f'<a href="{urls.href(urls.FORMULAE, urls.unit_path(unit))}">{escape(unit_name(unit, edition.lang))}</a>'
            for unit in (source.unit(u) for u in units)
        )
        rows.append(
            f'<tr id="{f.id}"><td lang="{source_lang}">{escape(f.head)}</td>'
            f'<td lang="{PINYIN}">{escape(pinyin.marked)}</td>'
            f'<td lang="{shown}"{dir_attr(edition, shown)}>{escape(" · ".join(f.equivalents[shown]))}</td>'
            f"<td>{escape(in_language(f.note, edition.lang))}</td>"
            f"<td>{where}</td></tr>"
        )
    names = (language_name(source_lang, edition.lang), labels["pinyin"], language_name(lang, edition.lang))
    head = (*names, labels["note"], labels["occurrences"]) if rows else ()
    header = "".join(f"<th>{escape(h)}</th>" for h in head)
    return (
        f"# {md_text(labels['formulae'])}\n\n"
        f"<p>{escape(labels['formulae_intro'])}</p>\n\n"
        f'<table class="formulae"><thead><tr>{header}</tr></thead><tbody>{"".join(rows)}</tbody></table>\n\n'
        f'<p class="glossary-downloads"><a href="{urls.root_file(urls.FORMULAE, "formulae.csv")}">CSV</a></p>\n'
    )


def moved_page(edition: Edition, moved: Moved) -> str:
    """The page an id keeps after its entry left: where it went, and why."""
    glossary = edition.glossary
    assert glossary is not None
    labels = locale(edition.lang).glossary
    target, here = moved.moved_to, urls.term_page(moved.id)
    if target.startswith("formulae#"):
        formula = target.removeprefix("formulae#")
        to = urls.href(here, urls.path(urls.FORMULAE), formula)
        link = f'<a href="{to}">{escape(labels["formulae"])}: {escape(formula)}</a>'
    elif target == "index":
        link = f'<a href="{urls.href(here, urls.path(urls.GLOSSARY))}">{escape(labels["title"])}</a>'
    else:
        other = glossary.term(target)
        to = urls.href(here, urls.path(urls.term_page(target)))
        link = f'<a href="{to}">{escape(other.name(edition.lang))}</a>'
    reason = f"<p>{escape(in_language(moved.reason, edition.lang))}</p>" if moved.reason else ""
    return (
        f"# {md_text(labels['moved'])}\n\n"
        f'<div class="glossary-moved">{reason}<p>{escape(labels["moved_to"])} {link}</p></div>\n'
    )


def pages(edition: Edition, instruments: dict[str, Instrument]) -> dict[str, str]:
    """src_uri → Markdown for every glossary page of the edition."""
    glossary = edition.glossary
    assert glossary is not None
    out = {urls.GLOSSARY: index_page(edition)}
    for term in glossary.terms:
        out[urls.term_page(term.id)] = entry_page(edition, term, instruments)
        for part in concordance_parts(len(glossary.occurrences_of(term.id))):
            out[urls.concordance_page(term.id, part)] = concordance_page(edition, term, part)
    for moved in glossary.moved:
        out[urls.term_page(moved.id)] = moved_page(edition, moved)
    if glossary.formulae:
        out[urls.FORMULAE] = formulae_page(edition)
    return out
