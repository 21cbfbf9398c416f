"""Stage 3b: the glossary pages of one edition — the filterable index, one page per concept record,
the drafting formulae, and a page for every id that moved (its URL stays).

Markdown: a list item per term with the filter's keys in its attributes (attr_list), the record as a definition
list, the formulae as a table, links to the pages' sources that MkDocs checks; the containers (``glossary-entry``…)
carry the classes the stylesheet addresses. HTML for the filter (a form control), for a language's span, for links
to the files beside the editions, which are no page of the edition, and for the concordance: hundreds of items at
scale, with nothing in them that needs Markdown (its links are the address book's, ``urls.href``)."""

from __future__ import annotations

import re
from collections import Counter

from . import urls
from .datafile import in_language
from .glossary import Glossary, whole_words
from .labels import language_name, locale, unit_name
from .markup import (
    Piece,
    html_attr,
    html_text,
    json_ld,
    md_attrs,
    md_block,
    md_cell,
    md_definitions,
    md_inline,
    md_lines,
    md_text,
    md_url,
)
from .model import Unit
from .register import Instrument
from .render import Edition, dir_attr
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


def _lines(pieces: list[Piece], indent: str = "") -> str:
    """``md_lines`` of the pieces, every line after the first indented (a definition's, a list item's)."""
    return md_lines(pieces).replace("\n", "\n" + indent)


def _prose(text: str, indent: str = "") -> str:
    """Literal text as a paragraph's lines."""
    return _lines([(md_inline(text), True)], indent)


def _direction(edition: Edition, lang: str) -> dict[str, str]:
    """``dir`` for an attr_list where the page needs one (render.dir_attr)."""
    return {"dir": edition.direction(lang)} if dir_attr(edition, lang) else {}


def _letter_id(letter: str) -> str:
    return f"letter-{letter.lower()}"


def index_page(edition: Edition) -> str:
    glossary = edition.glossary
    assert glossary is not None
    labels = locale(edition.lang).glossary
    groups: dict[str, list[str]] = {}
    for term in sorted_terms(glossary, edition.lang):
        groups.setdefault(_letter(glossary, term, edition.lang), []).append(_index_item(edition, term))
    jump = "\n".join(f"[{md_text(letter)}](#{_letter_id(letter)})" for letter in groups)
    lists = "\n\n".join(
        f"## {md_text(letter)} {md_attrs('#' + _letter_id(letter), '.glossary-letter')}\n\n" + "\n".join(items)
        for letter, items in groups.items()
    )
    intro: list[Piece] = [(md_inline(labels["intro"]), True)]
    # The formulae page exists only when the term base has formulae beside it.
    if glossary.formulae:
        link = f"[{md_text(labels['formulae'])}]({urls.link(urls.GLOSSARY, urls.FORMULAE)})"
        intro += [(" ", True), (link, False), (md_inline(labels["stop"]), True)]
    files = " · ".join(
        f'<a href="{html_attr(urls.root_file(urls.GLOSSARY, name))}">{md_inline(form)}</a>'
        for name, form in GLOSSARY_FILES
    )
    downloads: list[Piece] = [(md_inline(f"{labels['downloads']}: "), True), (files, False)]
    # The filter is a widget (a form control and live counts): HTML, a line per element.
    return (
        f"# {md_text(labels['title'])}\n\n"
        f"{md_lines(intro)}\n{md_attrs('.glossary-intro')}\n\n"
        "<div class=\"glossary-filter\" data-search-exclude>\n"
        f'<label for="glossary-filter">{html_text(labels["filter"])}</label>\n'
        '<input id="glossary-filter" type="search" autocomplete="off" spellcheck="false">\n'
        f'<p class="glossary-count" role="status"><span>{len(glossary.terms)}</span> {html_text(labels["count"])}</p>\n'
        f'<p class="glossary-none" hidden>{html_text(labels["none"])}</p>\n'
        "</div>\n\n"
        f'<nav class="glossary-jump" aria-label="{html_attr(labels["jump"])}" markdown="span">\n{jump}\n</nav>\n\n'
        f"{md_block('glossary-groups', lists)}\n\n"
        f"{md_lines(downloads)}\n{md_attrs('.glossary-downloads')}\n"
    )


def _index_item(edition: Edition, term: Term) -> str:
    """A list item: the term, its pinyin and its equivalent, linked to its entry; kind, status and count; and
    in its attributes the keys glossary-filter.js matches."""
    glossary = edition.glossary
    assert glossary is not None
    labels = locale(edition.lang).glossary
    pinyin = glossary.pinyin[term.id]
    forms = [d.text for d in term.terms(term.source_lang)]
    others = [glossary.search_keys[f] for f in forms[1:]]
    # Space-separated keys, the head form's first: the filter matches any of them. ``data-names`` (on the link,
    # so that no line of the list grows too long): the designations in every translation, which the filter
    # matches case-insensitively.
    translations = [d.text for lang in term.langs[1:] for d in term.terms(lang)]
    keys = {
        "data-source": " ".join(forms),
        "data-pinyin": " ".join([re.sub(r"[^a-z0-9]", "", pinyin.toneless), *(k for k, _ in others)]),
        "data-initials": " ".join([pinyin.initials, *(i for _, i in others)]),
    }
    names = md_attrs(**{"data-names": " | ".join(translations).casefold()})
    first, second = term.name(edition.lang), term.name(edition.other_lang)
    count = len(glossary.occurrences_of(term.id))
    link: list[Piece] = [
        (f'[<span class="glossary-head" lang="{edition.lang}">', False),
        (md_inline(first), True),
        (f'</span> <span class="glossary-pinyin" lang="{PINYIN}">', False),
        (md_inline(pinyin.marked), True),
        (f'</span> <span class="glossary-other" lang="{edition.other_lang}">', False),
        (md_inline(second), True),
        (f"</span>]({urls.link(urls.GLOSSARY, urls.term_page(term.id))}){names}", False),
    ]
    kind, status = md_inline(labels["kinds"][term.kind]), md_inline(labels["statuses"][term.status])
    meta = (
        f'<span class="glossary-meta"><span class="glossary-kind">{kind}</span>'
        f'<span class="glossary-status glossary-status-{term.status}">{status}</span>'
        f'<span class="glossary-n">{count} {md_inline(labels["times"])}</span></span>'
    )
    return f"- {_lines(link, '  ')}\n  {meta}\n  {md_attrs('.glossary-item', **keys)}"


def _designations(edition: Edition, term: Term, lang: str) -> str:
    """The designations of one language, a list item each (the list in a definition, indented four)."""
    labels = locale(edition.lang).glossary
    items = []
    for d in term.terms(lang):
        tags = [labels["types"][d.type], labels["term_status"][d.status]]
        if d.find and lang == term.source_lang:
            tags.append(labels["in_text"])
        text = f"<del>{md_inline(d.text)}</del>" if d.status == "deprecated" else md_inline(d.text)
        pieces: list[Piece] = [
            (f'<span lang="{lang}">{text}</span> <span class="term-tags">', False),
            (md_inline(" · ".join(tags)), True),
            ("</span>", False),
        ]
        for extra in (x for x in (d.note, d.source) if x):
            pieces += [(" <small>", False), (md_inline(extra), True), ("</small>", False)]
        items.append(f"- {_lines(pieces, ' ' * 8)}\n        {md_attrs(f'.term-{d.status}')}")
    return "\n    ".join(items)


def _unterm(term: Term, lang: str) -> str:
    """UNTERM searched for the preferred equivalent in the first translation, its results shown in ``lang``."""
    designations = term.terms(term.translation)
    preferred = next((d for d in designations if d.status == "preferred"), designations[0])
    return urls.unterm_search(lang, preferred.text, term.langs)


def entry_page(edition: Edition, term: Term, instruments: dict[str, Instrument]) -> str:
    """The concept's record as a definition list (a row per field), then its concordance."""
    glossary = edition.glossary
    assert glossary is not None
    lang = edition.lang
    labels = locale(lang).glossary
    here = urls.term_page(term.id)
    pinyin = glossary.pinyin[term.id]
    source, *translations = term.langs
    indent = " " * 4
    rows = [
        (language_name(source, lang), _designations(edition, term, source)),
        (labels["pinyin"], f'<span lang="{PINYIN}">{md_inline(pinyin.marked)}</span>'),
        *((language_name(t, lang), _designations(edition, term, t)) for t in translations if term.terms(t)),
        (labels["subject"], _prose(labels["subjects"][term.subject], indent)),
        (labels["kind"], _prose(labels["kinds"][term.kind], indent)),
        (labels["status"], _prose(labels["statuses"][term.status], indent)),
    ]
    if term.source:
        rows.append((labels["source"], _prose(term.source, indent)))
    if term.body:
        rows.append((labels["body"], _prose(term.body, indent)))
    if term.instrument:
        instrument = instruments[term.instrument]
        link = f"[{md_text(instrument.symbol)}]({urls.link(here, urls.instrument_page(instrument.slug))})"
        contains = md_inline(f" — {in_language(instrument.contains, lang)}")
        rows.append((labels["instrument"], _lines([(link, False), (contains, True)], indent)))
    if term.definition:
        text = in_language(term.definition.texts, lang)
        pieces: list[Piece] = [
            (md_inline(text), True),
            (" <small>", False),
            (md_inline(f"({term.definition.source})"), True),
            ("</small>", False),
        ]
        rows.append((labels["definition"], _lines(pieces, indent)))
    rows.append((labels["note"], _prose(in_language(term.note, lang), indent)))
    if term.xref:
        links = []
        for kind, targets in term.xref.items():
            for target in targets:
                name = glossary.term(target).name(lang)
                link = f"[{md_text(name)}]({urls.link(here, urls.term_page(target))})"
                relation = md_inline(f"{labels['xrefs'][kind]}: ")
                links.append("- " + _lines([(relation, True), (link, False)], indent * 2))
        rows.append((labels["xref"], "\n    ".join(links)))
    rows.append(("UNTERM", f"[{md_text(labels['unterm'])}][unterm]{md_attrs(rel='external noopener')}"))
    # By reference: the search's address (which grows with the term) stands alone on its line.
    table = f"{md_definitions(rows)}\n\n[unterm]: {md_url(_unterm(term, lang))}"
    count = len(glossary.occurrences_of(term.id))
    parts = _parts_nav(term.id, count, 1) + "\n\n" if count > CONCORDANCE_PART else ""
    return (
        f"# {md_text(term.name(lang))}\n\n"
        f"{md_block('glossary-entry', table)}\n\n"
        f"## {md_text(labels['occurrences'])} ({count}) {{#occurrences}}\n\n"
        f"{concordance(edition, term)}\n\n{parts}"
    ).rstrip("\n") + "\n"


def concordance(edition: Edition, term: Term, part: int = 1) -> str:
    """An ordered list, an item per occurrence (its number in text order): where it is, the keyword in context
    in the source text and in the translation beside it. ``part`` 1 is on the entry page; each further part of
    ``CONCORDANCE_PART`` occurrences has its own page.

    Raw HTML, a line per paragraph: nothing in it needs Markdown, and a long concordance as Markdown (a list of a few
    hundred items, each of three paragraphs of inline HTML) cost the build three times as much to convert."""
    glossary = edition.glossary
    assert glossary is not None
    source, lang, translation = edition.pair()
    items = []
    here = _part_page(term.id, part)
    first = (part - 1) * CONCORDANCE_PART
    source_attrs = _html_attrs(edition, "kwic", term.source_lang)
    target_attrs = _html_attrs(edition, "kwic", lang)
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
        where = f'<a class="kwic-where" href="{html_attr(urls.href(here, urls.unit_path(unit)))}">'
        kwic = _kwic(unit.text, o.start, o.end, _kwic_width(term.source_lang))
        items.append(
            f"<li><p>{where}{html_text(unit_name(unit, edition.lang))}</a></p>\n"
            f"<p{source_attrs}>{kwic}</p>\n<p{target_attrs}>{_equivalent(other, hits[o.unit], rank, lang)}</p></li>"
        )
    start = f' start="{first + 1}"' if first else ""
    return f'<div class="concordance">\n<ol{start}>\n' + "\n".join(items) + "\n</ol>\n</div>"


def _html_attrs(edition: Edition, css_class: str, lang: str) -> str:
    """`` class="…" lang="…"`` and the direction where the page needs one (render.dir_attr)."""
    return f' class="{css_class}" lang="{lang}"{dir_attr(edition, lang)}'


def concordance_parts(count: int) -> range:
    """The numbers of a term's concordance pages after the entry page (addresses glossary/<id>/<n>/)."""
    return range(2, (count + CONCORDANCE_PART - 1) // CONCORDANCE_PART + 1)


def _part_page(term_id: str, part: int) -> str:
    """The page of a concordance part: the entry's own for the first."""
    return urls.term_page(term_id) if part == 1 else urls.concordance_page(term_id, part)


def _parts_nav(term_id: str, count: int, current: int) -> str:
    """Links to every part of a long concordance, each named by the occurrences it holds, a line each."""
    if count <= CONCORDANCE_PART:
        return ""
    links = []
    for part in range(1, concordance_parts(count).stop):
        start, end = (part - 1) * CONCORDANCE_PART + 1, min(part * CONCORDANCE_PART, count)
        name = f"{start}–{end}"
        to = urls.link(_part_page(term_id, current), _part_page(term_id, part))
        links.append(f"**{name}**" if part == current else f"[{name}]({to})")
    return " ·\n".join(links) + "\n" + md_attrs(".concordance-parts")


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
    # A line per part, broken inside a tag, where a line break is no text (between two elements it would show).
    return (
        f'<span class="kwic-left">{html_text(lead + left)}</span><mark\n>{html_text(text[start:end])}</mark>'
        f'<span class="kwic-right"\n>{html_text(right + tail)}</span>'
    )


def _equivalent(unit: Unit, hits: list[tuple[int, int]], rank: int, lang: str) -> str:
    """The equivalent that answers an occurrence: the n-th in the translated unit for the n-th source one."""
    width = _kwic_width(lang)
    if not hits:
        return html_text(unit.text[: width * 2] + ("…" if len(unit.text) > width * 2 else ""))
    start, end = hits[min(rank, len(hits) - 1)]
    return _kwic(unit.text, start, end, width)


def formulae_page(edition: Edition) -> str:
    """The drafting formulae as a table, a row per formula (its id on its first cell, the address the moved
    pages link to)."""
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
            f"[{md_cell(unit_name(unit, edition.lang))}][{unit.eid}]" for unit in (source.unit(u) for u in units)
        )
        cells = (
            f"{md_cell(f.head)} {md_attrs('#' + f.id, lang=source_lang, **_direction(edition, source_lang))}",
            f"{md_cell(pinyin.marked)} {md_attrs(lang=PINYIN)}",
            f"{md_cell(' · '.join(f.equivalents[shown]))} {md_attrs(lang=shown, **_direction(edition, shown))}",
            md_cell(in_language(f.note, edition.lang)),
            where,
        )
        rows.append("| " + " | ".join(cells) + " |")
    # The rows link to the units by reference (a unit's eid), so that a row stays one short line.
    cited = {u for f in glossary.formulae for u in (glossary.formula_units or {})[f.id]}
    references = "\n".join(
        f"[{unit.eid}]: {urls.link(urls.FORMULAE, urls.paragraph_page(unit.paragraph), unit.eid)}"
        for unit in source.units()
        if unit.uid in cited
    )
    names = (language_name(source_lang, edition.lang), labels["pinyin"], language_name(lang, edition.lang))
    head = "| " + " | ".join(md_cell(h) for h in (*names, labels["note"], labels["occurrences"])) + " |"
    table = "\n".join([head, "| --- " * 5 + "|", *rows])
    csv = f'<a href="{html_attr(urls.root_file(urls.FORMULAE, "formulae.csv"))}">CSV</a>'
    return (
        f"# {md_text(labels['formulae'])}\n\n"
        f"{_prose(labels['formulae_intro'])}\n\n"
        f"{md_block('formulae', table)}\n\n{references}\n\n"
        f"{csv}\n{md_attrs('.glossary-downloads')}\n"
    )


def moved_page(edition: Edition, moved: Moved) -> str:
    """The page an id keeps after its entry left: where it went, and why."""
    glossary = edition.glossary
    assert glossary is not None
    labels = locale(edition.lang).glossary
    target, here = moved.moved_to, urls.term_page(moved.id)
    if target.startswith("formulae#"):
        formula = target.removeprefix("formulae#")
        link = f"[{md_text(labels['formulae'])}: {md_text(formula)}]({urls.link(here, urls.FORMULAE, formula)})"
    elif target == "index":
        link = f"[{md_text(labels['title'])}]({urls.link(here, urls.GLOSSARY)})"
    else:
        name = glossary.term(target).name(edition.lang)
        link = f"[{md_text(name)}]({urls.link(here, urls.term_page(target))})"
    where = md_lines([(md_inline(f"{labels['moved_to']} "), True), (link, False)])
    reason = f"{_prose(in_language(moved.reason, edition.lang))}\n\n" if moved.reason else ""
    return f"# {md_text(labels['moved'])}\n\n{md_block('glossary-moved', reason + where)}\n"


def structured_data(edition: Edition) -> dict[str, str]:
    """src_uri → the JSON-LD block of the index and of each entry, added to the page's HTML (data, not text:
    kept out of the Markdown)."""
    glossary = edition.glossary
    assert glossary is not None
    return {
        urls.GLOSSARY: json_ld(glossary_data(edition)),
        **{urls.term_page(t.id): json_ld(glossary_data(edition, t.id)) for t in glossary.terms},
    }


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
