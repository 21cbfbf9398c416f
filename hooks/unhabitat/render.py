"""Stage 3: the document model → Markdown pages of one edition (no front matter: titles come from
the first heading or the navigation, which spares MkDocs a YAML parse per page).

The pages are Markdown a person can read: a block per unit, its text wrapped in short lines, ids and classes
in ``attr_list`` braces, the grid of the parallel view as ``md_in_html`` containers, term and instrument
links as reference-style links (so MkDocs validates them) with their definitions after the unit, and the
disclosures (translator's notes, earlier wordings) as ``pymdownx.blocks.details``. Raw HTML is left for the
widgets a reader operates: the toolbar and each unit's actions control. Every text goes through
``markup`` (``md_inline`` in running text): a ``*``, ``#`` or ``<script>`` in the source shows literally and
never becomes markup. ``mdx`` turns a term link's title into its tooltip and joins lines between Han
characters.
"""

from __future__ import annotations

from typing import NamedTuple

from . import cite, urls
from .datafile import in_language
from .edition import Edition as Edition  # re-exported: the page modules import the view-model from here too
from .glossary import Mark, source_marks, translation_marks
from .history import Wording
from .labels import paragraph_title, unit_name, words
from .markup import Piece, json_ld, md_container, md_inline, md_lines, md_text
from .markup import html_text as escape
from .model import RE_MARKER, Footnote, Unit, from_superscript
from .record import date_text
from .references import Reference
from .structured import paragraph_data


class Span(NamedTuple):
    """Markup over part of a unit's text (``opening`` text ``closing``), and the reference-style link's
    definition it needs (``[label]: target "title"``), if any."""

    start: int
    end: int
    opening: str
    closing: str
    label: str = ""
    target: str = ""
    title: str = ""


def unit_spans(edition: Edition, number: int) -> dict[str, list[Span]]:
    """Links over the text of paragraph ``number``: cited instruments and glossary terms.

    A term inside a reference (《新城市议程》) lends the reference its tooltip: the link goes
    to the instrument, whose page links the term's entry.
    """
    units = list(edition.text.paragraph(number).units())
    marks: dict[str, list[Mark]] = {u.uid: [] for u in units}
    if edition.glossary is not None:
        if edition.is_source:
            marks = source_marks(edition.glossary, units)
        else:
            marks = translation_marks(edition.glossary, edition.other.paragraph(number).units(), units, edition.lang)
    out: dict[str, list[Span]] = {}
    for unit in units:
        refs = [r for r in edition.references_by_unit.get(unit.uid, ()) if r.footnote is None]
        inside = {r: [m for m in marks[unit.uid] if m.start < r.end and r.start < m.end] for r in refs}
        out[unit.uid] = [_reference(edition, r, inside[r][0].term if inside[r] else None) for r in refs]
        taken = {m for ms in inside.values() for m in ms}
        out[unit.uid] += [_term(edition, m.start, m.end, m.term) for m in marks[unit.uid] if m not in taken]
    return out


def footnote_spans(edition: Edition, note: Footnote) -> list[Span]:
    refs = edition.references_by_unit.get(note.cited_by, ())
    return [_reference(edition, r) for r in refs if r.footnote == note.number]


def _reference(edition: Edition, ref: Reference, term_id: str | None = None) -> Span:
    """A link to the cited instrument, titled with its symbol and title; a term inside it lends it its tip
    (the class ``decl-term`` makes ``mdx`` show the title as a tooltip)."""
    instrument = edition.instruments[ref.symbol]
    target = urls.link(urls.FULL_TEXT, urls.instrument_page(instrument.slug))
    label = f"ref {instrument.slug}"  # a space: no term id has one
    if term_id is None:
        title = f"{instrument.symbol}: {in_language(instrument.title, edition.lang)}"
        return Span(ref.start, ref.end, "[", f"][{label}]{{.decl-ref}}", label, target, title)
    label = f"{label} {term_id}"
    title = f"{edition.tip(term_id)} · {instrument.symbol}"
    return Span(ref.start, ref.end, "[", f"][{label}]{{.decl-ref .decl-term}}", label, target, title)


def _term(edition: Edition, start: int, end: int, term_id: str) -> Span:
    target = urls.link(urls.FULL_TEXT, urls.term_page(term_id))
    return Span(start, end, "[", f"][{term_id}]{{.decl-term}}", term_id, target, edition.tip(term_id))


def dir_attr(edition: Edition, lang: str) -> str:
    """`` dir="rtl"`` for a language written right to left; on a page written right to left, ``dir="ltr"``
    for the others too (they would inherit the page's direction); else nothing (the page's default)."""
    direction = edition.direction(lang)
    return f' dir="{direction}"' if "rtl" in (direction, edition.direction(edition.lang)) else ""


def opening_words(unit: Unit, lang: str) -> str:
    """The first words of a unit for the contents, cut as the language's locale says (``opening_cut``)."""
    text = RE_MARKER.sub("", unit.text)
    labels = words(lang)
    count, _, kind = labels.opening_cut.partition(" ")
    if kind == "characters":
        return text if len(text) <= int(count) else text[: int(count)] + labels.opening_more
    parts = text.split()
    return text if len(parts) <= int(count) else " ".join(parts[: int(count)]) + labels.opening_more


def inline(text: str, *, anchors: bool, spans: list[Span] | None = None) -> list[Piece]:
    """The text as Markdown pieces: running text escaped, footnote markers and the given spans linked; only
    the primary side carries ids (``md_lines`` makes the lines)."""
    links = list(spans or ())
    for m in RE_MARKER.finditer(text):
        n = from_superscript(m.group())
        if anchors:
            links.append(Span(m.start(), m.end(), "[", f"](#fnt_{n}){{#fnref_{n} .decl-fnref}}"))
        else:
            links.append(Span(m.start(), m.end(), '<sup class="decl-fnref">', "</sup>"))
    out: list[Piece] = []
    pos = 0
    for span in sorted(links):
        if span.start > pos:
            out.append((md_inline(text[pos : span.start]), True))
        inner = (
            md_inline(text[span.start : span.end])
            if span.opening.startswith("[")
            else escape(text[span.start : span.end])
        )
        out.append((span.opening + inner + span.closing, False))
        pos = span.end
    if pos < len(text):
        out.append((md_inline(text[pos:]), True))
    return out


def _definitions(spans: list[Span]) -> str:
    """The reference-style links' definitions, after the unit's block (one per label)."""
    # A long title goes on the next line, which Python-Markdown reads as the same definition.
    defined = {s.label: f'[{s.label}]: {s.target}\n    "{s.title}"' for s in spans if s.label}
    defined = {label: d.replace("\n   ", "") if len(d) <= 120 else d for label, d in defined.items()}
    return "\n".join(defined[label] for label in sorted(defined))


def _div(attributes: str, *blocks: str) -> str:
    """An ``md_in_html`` container: its blocks are Markdown."""
    return md_container(attributes, "\n\n".join(b for b in blocks if b))


def _details(kind: str, summary: str, body: str, attrs: str = "") -> str:
    """A disclosure (``pymdownx.blocks.details``); ``attrs`` in its YAML flow form (``id: x``)."""
    options = f"    type: {kind}\n" + (f"    attrs: {{{attrs}}}\n" if attrs else "")
    return f"/// details | {md_inline(summary)}\n{options}\n{body}\n///"


def _num(unit: Unit) -> str:
    return f"({unit.letter})" if unit.letter else f"{unit.paragraph}."


def _cite_control(unit: Unit, edition: Edition) -> str:
    """One control per unit: copy its link, copy its citation in each style, download its citation files.

    The texts carry the configured public address; unit-actions.js puts the address the page is served
    from in their place, so that the copied link and the copied citations always agree. The control is
    raw HTML (a widget), its link and its revisions Markdown."""
    labels = edition.labels
    name = unit_name(unit, edition.lang)
    forms = [(labels.site_form, cite.citation(edition.work, unit, edition.permalink(unit)))]
    forms += edition.styled_citations[unit.uid]
    items = "\n".join(
        f'<li><span class="decl-cite-style">{escape(style)}</span>\n'
        f'<span class="decl-cite-text">{escape(text)}</span>\n'
        f'<button type="button" class="decl-cite-copy" aria-label="{escape(f"{labels.copy_citation}: {style}")}">'
        f"{escape(labels.copy)}</button></li>"
        for style, text in forms
    )
    slug = cite.file_slug(unit)
    bib, ris, csl = (urls.href(urls.FULL_TEXT, urls.cite_file(slug, ext)) for ext in ("bib", "ris", "json"))
    title = escape(labels.actions.format(unit=name))
    permalink = f"[{md_inline(labels.copy_link.format(unit=name))}](#{unit.eid}){{.decl-permalink data-permalink}}"
    files = (
        f'<p class="decl-cite-files">{escape(labels.downloads)}: <a href="{bib}" download>BibTeX</a> ·\n'
        f'<a href="{ris}" download>RIS</a> · <a href="{csl}" download>CSL-JSON</a></p>'
    )
    body = _div('class="decl-actions-body"', permalink, f'<ul class="decl-cite-forms">\n{items}\n</ul>',
                _revisions(unit, edition), files)  # fmt: skip
    return (
        '<details class="decl-actions" data-search-exclude markdown>\n'
        f'<summary title="{title}" aria-label="{title}"><span aria-hidden="true">⋯</span></summary>\n'
        f"{body}\n</details>"
    )


def _revisions(unit: Unit, edition: Edition) -> str:
    """When the unit was last revised and, on request, its earlier wordings, each with its address."""
    wordings = edition.history.of(unit.uid)
    if not wordings:
        return ""
    labels, lang = edition.labels, edition.lang

    def dated(wording: Wording) -> str:
        when = date_text(wording.date, lang) if wording.date else labels.draft
        return f"[{md_inline(when)}]({urls.link(urls.FULL_TEXT, urls.CHANGES, wording.anchor(unit.eid))})"

    current = wordings[-1]
    when = date_text(current.date, lang) if current.date else labels.draft
    line = f"{_prose(labels.revised.format(date=when))}\n{{.decl-revised}}"
    earlier = wordings[:-1]
    if not earlier:
        return line
    items = "\n".join(
        "1. " + md_lines([(dated(w), False), (": ", False), (md_inline(w.text), True)]) for w in reversed(earlier)
    )
    return f"{line}\n\n" + _details("decl-history", labels.earlier.format(n=len(earlier)), items)


def _prose(text: str) -> str:
    """A paragraph of plain text (a note, an earlier wording, an interface sentence) in short lines."""
    return md_lines([(md_inline(text), True)])


def _paragraph(unit: Unit, pieces: list[Piece]) -> str:
    return md_lines([(f'<span class="decl-num">{_num(unit)}</span> ', False), *pieces])


def _alt_cell(unit: Unit, edition: Edition, lang: str) -> str:
    """A counterpart's cell: shown beside the edition's own in the parallel view, the chosen one only."""
    hidden = "" if lang == edition.other_lang else " hidden"
    attributes = f'class="decl-cell decl-alt" lang="{lang}"{dir_attr(edition, lang)}{hidden} data-search-exclude'
    return _div(attributes, _paragraph(unit, inline(unit.text, anchors=False)))


def _cell(unit: Unit, edition: Edition, spans: list[Span]) -> str:
    """The edition's own cell: its text with ids and links, its translator's notes and its controls."""
    lang = edition.lang
    return _div(
        f'class="decl-cell" lang="{lang}"{dir_attr(edition, lang)}',
        _paragraph(unit, inline(unit.text, anchors=True, spans=spans)),
        *_notes(unit, edition),
        _cite_control(unit, edition),
        _definitions(spans),
    )


def _note_markers(unit: Unit, edition: Edition, spans: list[Span]) -> list[Span]:
    """Where the English text shows a translator's note: a marker after its words, never inside a link."""
    markers: list[Span] = []
    for note in edition.notes_by_unit.get(unit.uid, ()):
        at = max([note.end, *(s.end for s in spans if s.start < note.end < s.end)])
        # The accessible name starts with the visible text (WCAG 2.5.3), then says what it is.
        label = md_inline(f" ({edition.labels.note} {note.index})")
        marker = (
            f'[<sup>TN{note.index}</sup><span class="decl-sr">{label}</span>](#{note.eid(unit)})'
            "{.decl-tn-ref data-search-exclude}"
        )
        markers.append(Span(at, at, marker, ""))
    return markers


def _notes(unit: Unit, edition: Edition) -> list[str]:
    """The unit's translator's notes, each a disclosure under its text (in the edition's language)."""
    return [
        _details(
            "decl-tn",
            edition.labels.note_on.format(at=note.at),
            _prose(in_language(note.text, edition.lang)),
            f'id: {note.eid(unit)}, data-search-exclude: ""',
        )
        for note in edition.notes_by_unit.get(unit.uid, ())
    ]


def _unit_row(unit: Unit, edition: Edition, spans: dict[str, list[Span]]) -> str:
    kind = "decl-point" if unit.letter else "decl-para"
    own = spans.get(unit.uid, [])
    if edition.lang == edition.notes_lang:
        own = own + _note_markers(unit, edition, own)
    alts = [_alt_cell(edition.text_of(lang).unit(unit.uid), edition, lang) for lang in edition.pairs]
    return _div(
        f'class="decl-row {kind}" id="{unit.eid}" data-permalink-url="{escape(edition.permalink(unit))}"',
        _cell(unit, edition, own),
        *alts,
    )


def _footnotes(notes: tuple[Footnote, ...], edition: Edition) -> str:
    if not notes:
        return ""
    rows = []
    for note in notes:
        spans = footnote_spans(edition, note)
        back = (f"[{note.marker}](#fnref_{note.number}){{.decl-fnback}} ", False)
        own = _div(
            f'class="decl-cell" lang="{edition.lang}"{dir_attr(edition, edition.lang)}',
            md_lines([back, *inline(note.text, anchors=False, spans=spans)]),
            _definitions(spans),
        )
        alts = []
        for lang in edition.pairs:
            twin = {f.number: f for f in edition.text_of(lang).footnotes}[note.number]
            hidden = "" if lang == edition.other_lang else " hidden"
            alts.append(
                _div(
                    f'class="decl-cell decl-alt" lang="{lang}"{dir_attr(edition, lang)}{hidden} data-search-exclude',
                    md_lines([(f"{twin.marker} ", False), (md_inline(twin.text), True)]),
                )
            )
        rows.append(_div(f'class="decl-row decl-footnote" id="{note.eid}"', own, *alts))
    title = escape(edition.labels.footnotes)
    return _div(f'class="decl-footnotes" role="note" aria-label="{title}"', *rows)


def _head_row(edition: Edition) -> str:
    cells = [
        f'<div class="decl-cell" lang="{edition.lang}"{dir_attr(edition, edition.lang)}>'
        f"{escape(edition.labels.language)}</div>",
        *(
            f'<div class="decl-cell decl-alt" lang="{lang}"{dir_attr(edition, lang)}'
            f"{'' if lang == edition.other_lang else ' hidden'}>{escape(words(lang).language)}</div>"
            for lang in edition.pairs
        ),
    ]
    return '<div class="decl-row decl-head" aria-hidden="true" data-search-exclude>\n' + "\n".join(cells) + "\n</div>"


def _toolbar(edition: Edition) -> str:
    """The view switches; reader-controls.js remembers each (the terms are shown until a reader hides them).

    With two editions the parallel view is a toggle; with more, a reader also chooses the edition to show
    beside this one (the toggle's menu lists them, the default counterpart first)."""
    labels = edition.labels
    choice = ""
    if len(edition.pairs) > 1:
        options = "\n".join(
            f'<option value="{lang}" lang="{lang}">{escape(words(lang).language)}</option>' for lang in edition.pairs
        )
        choice = (
            f'<label class="decl-pair">{escape(labels.parallel_with)}\n'
            f'<select class="decl-pair-choice">\n{options}\n</select></label>\n'
        )
    return (
        '<div class="decl-toolbar" data-search-exclude>\n'
        '<button type="button" class="md-button decl-view-toggle" aria-pressed="false">'
        f"{escape(labels.parallel)}</button>\n{choice}"
        '<button type="button" class="md-button decl-terms-toggle" aria-pressed="true">'
        f"{escape(labels.show_terms)}</button>\n</div>"
    )


def _units_block(number: int, notes: tuple[Footnote, ...], edition: Edition) -> str:
    spans = unit_spans(edition, number)
    rows = [_unit_row(u, edition, spans) for u in edition.text.paragraph(number).units()]
    return _div(f'class="decl" lang="{edition.lang}"', _head_row(edition), *rows, _footnotes(notes, edition))


def paragraph_page(edition: Edition, number: int) -> str:
    title = paragraph_title(number, edition.lang)
    block = _units_block(number, edition.text.footnotes_of(number), edition)
    return f"# {md_text(title)}\n\n{_toolbar(edition)}\n\n{block}\n"


def json_ld_block(edition: Edition, number: int) -> str:
    """The paragraph page's structured data, which the hook adds to the page's HTML."""
    return json_ld(paragraph_data(edition, number))


def _header_html(edition: Edition) -> str:
    header = edition.text.header
    lines = [
        '<div class="decl-header">',
        *(f'<p class="decl-body">{escape(b)}</p>' for b in header.body),
        f'<p class="decl-session">{escape(header.session)}</p>',
        f'<p class="decl-date">{escape(header.date_place)}</p>',
        f'<h1 class="decl-title">{escape(header.title)}</h1>',
        '<p class="decl-subtitle">' + "<br>".join(escape(s) for s in header.subtitle) + "</p>",
        "</div>",
    ]
    return "\n".join(lines)


def official_record_html(edition: Edition) -> str:
    """The declaration's date of adoption, UN document symbol (once verified) and official record."""
    record, labels = edition.record, edition.labels
    if record is None:
        return ""
    lang = edition.lang
    parts = [f"{escape(labels.adopted)}: {escape(record.date_text(lang))}"]
    if record.symbol:
        parts.append(f"{escape(labels.symbol)}: {escape(record.symbol)}")
    url, label = in_language(record.url, lang), in_language(record.label, lang)
    parts.append(f'{escape(labels.official_record)}: <a href="{escape(url)}">{escape(label)}</a>')
    return f'<p class="decl-official">{" · ".join(parts)}</p>'


def home_page(edition: Edition) -> str:
    labels = edition.labels
    toc = "\n".join(
        f"{p.number}. [{md_inline(opening_words(p.unit, edition.lang))}]({urls.paragraph_page(p.number)})"
        for p in edition.text.paragraphs
    )
    more = " · ".join(
        f"[{md_inline(label)}]({target})"
        for label, target in (
            (labels.full_text, urls.FULL_TEXT),
            (labels.glossary, urls.GLOSSARY),
            (labels.instruments, urls.INSTRUMENTS),
            (labels.downloads, urls.DOWNLOADS),
        )
    )
    contents = f"## {md_text(labels.contents)} {{#contents}}"
    return f"{_header_html(edition)}\n\n{official_record_html(edition)}\n\n{contents}\n\n{toc}\n\n{more}\n"


DECL = 'class="decl"'


def full_text_page(edition: Edition, part: int = 1) -> str:
    """The whole text, or at scale its ``part``: ``FULL_PART`` paragraphs, their footnotes, links to every part."""
    paragraphs = edition.text.paragraphs
    parts = full_text_parts(edition)
    shown = paragraphs[(part - 1) * FULL_PART : part * FULL_PART] if parts else paragraphs
    sections = [
        # The heading serves the table of contents and screen readers; on screen the unit's own number shows.
        f"## {md_text(paragraph_title(p.number, edition.lang))} {{#p{p.number} .decl-sr}}\n\n"
        f"{_units_block(p.number, (), edition)}\n"
        for p in shown
    ]
    numbers = {p.number for p in shown}
    notes = _footnotes(tuple(f for f in edition.text.footnotes if f.paragraph in numbers), edition)
    pager = ""
    if parts:
        links = [
            f"<strong>{escape(name)}</strong>"
            if n == part
            else f'<a href="{urls.href(urls.full_text_page(part), urls.path(src))}">{escape(name)}</a>'
            for n, (src, name) in enumerate(parts, 1)
        ]
        pager = f'<p class="decl-parts" data-search-exclude>{" · ".join(links)}</p>\n\n'
    title = (
        f"{_header_html(edition)}\n\n"
        if part == 1
        else f"# {md_text(edition.labels.full_text)}: {parts[part - 1][1]}\n\n"
    )
    return (
        f"{_toolbar(edition)}\n\n{title}{pager}"
        + "\n".join(sections)
        + f"\n## {md_text(edition.labels.footnotes)} {{#footnotes}}\n\n{_div(DECL, notes)}\n"
        + (f"\n{pager}" if pager else "")
    )


# Paragraphs on one full-text page: a longer text continues on pages full-2/, full-3/ … (stable addresses,
# in text order), so that no page, and no build step, grows with the whole text.
FULL_PART = 200


def full_text_parts(edition: Edition) -> list[tuple[str, str]]:
    """(src_uri, name) of each full-text page when the text needs more than one; else none."""
    paragraphs = edition.text.paragraphs
    if len(paragraphs) <= FULL_PART:
        return []
    chunks = [paragraphs[start : start + FULL_PART] for start in range(0, len(paragraphs), FULL_PART)]
    return [(urls.full_text_page(n), f"{chunk[0].number}–{chunk[-1].number}") for n, chunk in enumerate(chunks, 1)]


def full_text_pages(edition: Edition) -> dict[str, str]:
    parts = full_text_parts(edition) or [(urls.FULL_TEXT, "")]
    return {src: full_text_page(edition, n) for n, (src, _) in enumerate(parts, 1)}


def notes_page(edition: Edition) -> str:
    """Every translator's note of the English edition, in unit order, in the edition's language."""
    labels = edition.labels
    sections = []
    for note in edition.notes:
        unit = edition.text.unit(note.unit)
        name = md_inline(unit_name(unit, edition.lang))
        heading = md_text(labels.note_on.format(at=note.at))
        sections.append(
            f"## [{name}]({unit.paragraph}.md#{unit.eid}): {heading} {{#{note.eid(unit)}}}\n\n"
            f"{_prose(in_language(note.text, edition.lang))}\n"
        )
    return f"# {md_text(labels.notes)}\n\n" + "\n".join(sections)


def changes_page(edition: Edition) -> str:
    """What changed: every wording of every unit, grouped by the revision that introduced it, newest first."""
    labels, lang, history = edition.labels, edition.lang, edition.history
    title = f"# {md_text(labels.changes)}\n\n"
    if history.reason:
        return title + _prose(labels.no_history.format(reason=history.reason)) + "\n"
    order = {commit: n for n, commit in enumerate(history.commits)}
    revisions: dict[tuple[int, str, str], list[str]] = {}
    for unit in edition.text.units():
        wordings = history.of(unit.uid)
        for before, wording in zip((None, *wordings), wordings, strict=False):
            key = (order.get(wording.commit, len(order)), wording.commit, wording.date)
            to = urls.link(urls.CHANGES, urls.paragraph_page(unit.paragraph), unit.eid)
            line = f"[{md_inline(unit_name(unit, lang))}]({to})"
            if before is not None:
                line += f" · [{md_inline(labels.previously)}](#{before.anchor(unit.eid)})"
            quote = "> " + _prose(wording.text).replace("\n", "\n> ")
            revisions.setdefault(key, []).append(
                _div(f'class="decl-wording" id="{wording.anchor(unit.eid)}"', line, quote)
            )
    sections = []
    for (_, commit, date), entries in sorted(revisions.items(), reverse=True):
        when = md_text(date_text(date, lang) if date else labels.draft)
        heading = f"## {when} · {commit} {{#r-{commit}}}" if commit else f"## {when} {{#r-draft}}"
        sections.append(f"{heading}\n\n" + "\n\n".join(entries) + "\n")
    return title + _prose(labels.changes_intro) + "\n\n" + "\n".join(sections)


# Up to twice as many paragraphs are listed flat; beyond, no level of groups holds more.
NAV_GROUP = 25
# MkDocs' nav setting: a page is ``{title: file}``, a section ``{title: [items]}``.
Nav = list[dict[str, "str | Nav"]]


def navigation(edition: Edition) -> Nav:
    """The navigation. A long declaration's paragraphs come in nested groups: as many levels as groups of at
    most 25 need, every level of the same size (2,100 paragraphs: 13 groups of 13 groups of 13 paragraphs at
    most). With ``navigation.prune`` a page renders its own groups' siblings, level by level: 39 links there,
    where groups of 25 in groups of 25 rendered 54 (a flat list of groups would grow with the text)."""
    labels = edition.labels
    # (first paragraph, last paragraph, navigation item) of each entry of the current level.
    items: list[tuple[int, int, dict[str, str | Nav]]] = [
        (p.number, p.number, {paragraph_title(p.number, edition.lang): urls.paragraph_page(p.number)})
        for p in edition.text.paragraphs
    ]
    size = _group_size(len(items))
    while len(items) > size:
        chunks = [items[start : start + size] for start in range(0, len(items), size)]
        items = [(c[0][0], c[-1][1], {f"{c[0][0]}–{c[-1][1]}": [item for _, _, item in c]}) for c in chunks]
    paragraphs: Nav = [item for _, _, item in items]
    notes: Nav = [{labels.notes: urls.NOTES}] if edition.notes else []
    return [
        {labels.home: urls.HOME},
        {labels.paragraphs: paragraphs},
        {labels.full_text: urls.FULL_TEXT},
        *notes,
        {labels.changes: urls.CHANGES},
        {labels.glossary: urls.GLOSSARY},
        {labels.instruments: urls.INSTRUMENTS},
        {labels.downloads: urls.DOWNLOADS},
    ]


def _group_size(count: int) -> int:
    """Entries per level of the navigation's groups for ``count`` paragraphs: all of them up to ``2 * NAV_GROUP``;
    beyond, the least size that nests them in as few levels as groups of ``NAV_GROUP`` would."""
    if count <= 2 * NAV_GROUP:
        return count
    levels = 1
    while NAV_GROUP**levels < count:
        levels += 1
    size = 2
    while size**levels < count:
        size += 1
    return size
