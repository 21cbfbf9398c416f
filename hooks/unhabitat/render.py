"""Stage 3: the document model → Markdown pages of one edition (no front matter: titles come from
the first heading or the navigation, which spares MkDocs a YAML parse per page).

Headings and navigation links are Markdown, so MkDocs builds the table of contents
and validates those links. The declaration's own text goes into raw HTML blocks,
escaped, which Python-Markdown passes through untouched: a ``*``, ``#`` or ``<script>``
in the source shows literally and never becomes markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from . import cite, styles, urls
from .datafile import in_language
from .glossary import Glossary, Mark, source_marks, translation_marks
from .history import History, Wording
from .labels import Labels, paragraph_title, unit_name, words
from .markup import html_text as escape
from .markup import json_ld, md_text
from .model import RE_MARKER, Declaration, Footnote, Unit, from_superscript, group_by
from .notes import Note
from .record import OfficialRecord, date_text
from .references import Reference
from .register import Instrument
from .settings import EditionSpec
from .structured import paragraph_data

# A link over part of a unit's text: start, end, opening tag, closing tag.
Span = tuple[int, int, str, str]


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

    def _direction(self, lang: str) -> str:
        return next((s.dir for s in self.specs if s.lang == lang), "ltr")

    def dir_attr(self, lang: str) -> str:
        """`` dir="rtl"`` for a language written right to left, and `` dir="ltr"`` for one written left to right
        on a right-to-left page (it would inherit the page's); nothing otherwise."""
        direction = self._direction(lang)
        return f' dir="{direction}"' if direction == "rtl" or direction != self._direction(self.lang) else ""

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

    def spans(self, number: int) -> dict[str, list[Span]]:
        """Links over the text of paragraph ``number``: cited instruments and glossary terms.

        A term inside a reference (《新城市议程》) lends the reference its tooltip: the link goes
        to the instrument, whose page links the term's entry.
        """
        units = list(self.text.paragraph(number).units())
        marks: dict[str, list[Mark]] = {u.uid: [] for u in units}
        if self.glossary is not None:
            if self.is_source:
                marks = source_marks(self.glossary, units)
            else:
                marks = translation_marks(self.glossary, self.other.paragraph(number).units(), units, self.lang)
        out: dict[str, list[Span]] = {}
        for unit in units:
            refs = [r for r in self._references.get(unit.uid, ()) if r.footnote is None]
            inside = {r: [m for m in marks[unit.uid] if m.start < r.end and r.start < m.end] for r in refs}
            out[unit.uid] = [self._reference(r, inside[r][0].term if inside[r] else None) for r in refs]
            taken = {m for ms in inside.values() for m in ms}
            out[unit.uid] += [(m.start, m.end, *self._term(m.term)) for m in marks[unit.uid] if m not in taken]
        return out

    @cached_property
    def _references(self) -> dict[str, tuple[Reference, ...]]:
        return group_by(self.references, lambda ref: ref.unit)

    def footnote_spans(self, note: Footnote) -> list[Span]:
        return [self._reference(r) for r in self._references.get(note.cited_by, ()) if r.footnote == note.number]

    def _reference(self, ref: Reference, term_id: str | None = None) -> Span:
        instrument = self.instruments[ref.symbol]
        href = urls.href(urls.FULL_TEXT, urls.path(urls.instrument_page(instrument.slug)))
        if term_id is None:
            title = escape(f"{instrument.symbol}: {in_language(instrument.title, self.lang)}")
            return (ref.start, ref.end, f'<a class="decl-ref" href="{href}" title="{title}">', "</a>")
        tip = escape(f"{self.tip(term_id)} · {instrument.symbol}")
        return (
            ref.start,
            ref.end,
            f'<a class="decl-ref decl-term" href="{href}">',
            f'<span class="decl-tip" role="tooltip" data-search-exclude>{tip}</span></a>',
        )

    def _term(self, term_id: str) -> tuple[str, str]:
        tip = escape(self.tip(term_id))
        return (
            f'<a class="decl-term" href="{urls.href(urls.FULL_TEXT, urls.path(urls.term_page(term_id)))}">',
            f'<span class="decl-tip" role="tooltip" data-search-exclude>{tip}</span></a>',
        )

    def tip(self, term_id: str) -> str:
        """What a marked term's tooltip says: pinyin and the other language."""
        assert self.glossary is not None
        term, pinyin = self.glossary.term(term_id), self.glossary.pinyin[term_id]
        if self.is_source:
            return f"{pinyin.marked} · {term.name(self.other_lang)}"
        return f"{term.head} · {pinyin.marked}"


# A text in a script that writes no space between words (Han, kana): its opening is counted in characters.
RE_UNSPACED = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff]")


def opening_words(unit: Unit) -> str:
    text = RE_MARKER.sub("", unit.text)
    if RE_UNSPACED.match(text):
        return text if len(text) <= 24 else text[:24] + "……"
    words = text.split()
    return text if len(words) <= 12 else " ".join(words[:12]) + " …"


def inline(text: str, *, anchors: bool, spans: list[Span] | None = None) -> str:
    """Escaped text with footnote markers and the given spans linked; only the primary side carries ids."""
    links = list(spans or ())
    for m in RE_MARKER.finditer(text):
        n = from_superscript(m.group())
        if anchors:
            links.append((m.start(), m.end(), f'<a class="decl-fnref" id="fnref_{n}" href="#fnt_{n}">', "</a>"))
        else:
            links.append((m.start(), m.end(), '<sup class="decl-fnref">', "</sup>"))
    out: list[str] = []
    pos = 0
    for start, end, opening, closing in sorted(links):
        out += [escape(text[pos:start]), opening, escape(text[start:end]), closing]
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out)


def _num(unit: Unit) -> str:
    return f"({unit.letter})" if unit.letter else f"{unit.paragraph}."


def _cite_control(unit: Unit, edition: Edition) -> str:
    """One control per unit: copy its link, copy its citation in each style, download its citation files.

    The texts carry the configured public address; unit-actions.js puts the address the page is served
    from in their place, so that the copied link and the copied citations always agree."""
    labels = edition.labels
    name = unit_name(unit, edition.lang)
    forms = [(labels.site_form, cite.citation(edition.work, unit, edition.permalink(unit)))]
    forms += edition.styled_citations[unit.uid]
    items = "".join(
        f'<li><span class="decl-cite-style">{escape(style)}</span> <span class="decl-cite-text">{escape(text)}</span> '
        f'<button type="button" class="decl-cite-copy" aria-label="{escape(f"{labels.copy_citation}: {style}")}">'
        f"{escape(labels.copy)}</button></li>"
        for style, text in forms
    )
    slug = cite.file_slug(unit)
    bib, ris, csl = (urls.href(urls.FULL_TEXT, urls.cite_file(slug, ext)) for ext in ("bib", "ris", "json"))
    title = escape(labels.actions.format(unit=name))
    return (
        f'<details class="decl-actions" data-search-exclude><summary title="{title}" aria-label="{title}">'
        '<span aria-hidden="true">⋯</span></summary><div class="decl-actions-body">'
        f'<p><a class="decl-permalink" href="#{unit.eid}" data-permalink>'
        f"{escape(labels.copy_link.format(unit=name))}</a></p>"
        f'<ul class="decl-cite-forms">{items}</ul>{_revisions(unit, edition)}'
        f'<p class="decl-cite-files">{escape(labels.downloads)}: <a href="{bib}" download>BibTeX</a> · '
        f'<a href="{ris}" download>RIS</a> · <a href="{csl}" download>CSL-JSON</a></p>'
        "</div></details>"
    )


def _revisions(unit: Unit, edition: Edition) -> str:
    """When the unit was last revised and, on request, its earlier wordings, each with its address."""
    wordings = edition.history.of(unit.uid)
    if not wordings:
        return ""
    labels, lang = edition.labels, edition.lang

    def dated(wording: Wording) -> str:
        when = date_text(wording.date, lang) if wording.date else labels.draft
        to = urls.href(urls.FULL_TEXT, urls.path(urls.CHANGES), wording.anchor(unit.eid))
        return f'<a href="{to}">{escape(when)}</a>'

    current = wordings[-1]
    when = date_text(current.date, lang) if current.date else labels.draft
    line = f'<p class="decl-revised">{escape(labels.revised.format(date=when))}</p>'
    earlier = wordings[:-1]
    if not earlier:
        return line
    items = "".join(f"<li>{dated(w)}: {escape(w.text)}</li>" for w in reversed(earlier))
    summary = escape(labels.earlier.format(n=len(earlier)))
    return f'{line}<details class="decl-history"><summary>{summary}</summary><ol>{items}</ol></details>'


def _cell(unit: Unit, edition: Edition, primary: bool, spans: list[Span] | None = None) -> str:
    """The edition's own cell when ``primary`` (ids, notes, controls), else its counterpart's."""
    lang = edition.lang if primary else edition.other_lang
    body = f'<span class="decl-num">{_num(unit)}</span> {inline(unit.text, anchors=primary, spans=spans)}'
    if not primary:
        return (
            f'<div class="decl-cell decl-alt" lang="{lang}"{edition.dir_attr(lang)} data-search-exclude>'
            f"<p>{body}</p></div>"
        )
    notes = _notes(unit, edition)
    return (
        f'<div class="decl-cell" lang="{lang}"{edition.dir_attr(lang)}><p>{body}</p>{notes}'
        f"{_cite_control(unit, edition)}</div>"
    )


def _note_markers(unit: Unit, edition: Edition, spans: list[Span]) -> list[Span]:
    """Where the English text shows a translator's note: a marker after its words, never inside a link."""
    markers: list[Span] = []
    for note in edition.notes_by_unit.get(unit.uid, ()):
        at = max([note.end, *(end for start, end, _, _ in spans if start < note.end < end)])
        # The accessible name starts with the visible text (WCAG 2.5.3), then says what it is.
        label = escape(f" ({edition.labels.note} {note.index})")
        marker = (
            f'<a class="decl-tn-ref" href="#{note.eid(unit)}" data-search-exclude>'
            f'<sup>TN{note.index}</sup><span class="decl-sr">{label}</span></a>'
        )
        markers.append((at, at, marker, ""))
    return markers


def _notes(unit: Unit, edition: Edition) -> str:
    """The unit's translator's notes, each a disclosure under its text (in the edition's language)."""
    out = []
    for note in edition.notes_by_unit.get(unit.uid, ()):
        summary = escape(edition.labels.note_on.format(at=note.at))
        out.append(
            f'<details class="decl-tn" id="{note.eid(unit)}" data-search-exclude><summary>{summary}</summary>'
            f"<p>{escape(in_language(note.text, edition.lang))}</p></details>"
        )
    return "".join(out)


def _unit_row(unit: Unit, edition: Edition, spans: dict[str, list[Span]]) -> str:
    twin = edition.other.unit(unit.uid)
    kind = "decl-point" if unit.letter else "decl-para"
    own = spans.get(unit.uid, [])
    if edition.lang == edition.notes_lang:
        own = own + _note_markers(unit, edition, own)
    return (
        f'<div class="decl-row {kind}" id="{unit.eid}" data-permalink-url="{escape(edition.permalink(unit))}">'
        f"{_cell(unit, edition, True, own)}{_cell(twin, edition, False)}</div>"
    )


def _footnotes(notes: tuple[Footnote, ...], edition: Edition) -> str:
    if not notes:
        return ""
    twins = {f.number: f for f in edition.other.footnotes}
    rows = []
    for note in notes:
        text = inline(note.text, anchors=False, spans=edition.footnote_spans(note))
        twin = twins[note.number]
        rows.append(
            f'<div class="decl-row decl-footnote" id="{note.eid}">'
            f'<div class="decl-cell" lang="{edition.lang}"{edition.dir_attr(edition.lang)}><p>'
            f'<a class="decl-fnback" href="#fnref_{note.number}">{note.marker}</a> {text}</p></div>'
            f'<div class="decl-cell decl-alt" lang="{edition.other_lang}"{edition.dir_attr(edition.other_lang)}'
            f" data-search-exclude><p>{twin.marker} {escape(twin.text)}</p></div></div>"
        )
    title = escape(edition.labels.footnotes)
    return f'<div class="decl-footnotes" role="note" aria-label="{title}">' + "".join(rows) + "</div>"


def _head_row(edition: Edition) -> str:
    return (
        '<div class="decl-row decl-head" aria-hidden="true" data-search-exclude>'
        f'<div class="decl-cell" lang="{edition.lang}"{edition.dir_attr(edition.lang)}>'
        f"{escape(edition.labels.language)}</div>"
        f'<div class="decl-cell decl-alt" lang="{edition.other_lang}"{edition.dir_attr(edition.other_lang)}>'
        f"{escape(words(edition.other_lang).language)}</div></div>"
    )


def _toolbar(edition: Edition) -> str:
    """The view switches; reader-controls.js remembers each (the terms are shown until a reader hides them)."""
    return (
        '<div class="decl-toolbar" data-search-exclude>'
        '<button type="button" class="md-button decl-view-toggle" aria-pressed="false">'
        f"{escape(edition.labels.parallel)}</button> "
        '<button type="button" class="md-button decl-terms-toggle" aria-pressed="true">'
        f"{escape(edition.labels.show_terms)}</button></div>"
    )


def _units_block(number: int, notes: tuple[Footnote, ...], edition: Edition) -> str:
    spans = edition.spans(number)
    rows = "".join(_unit_row(u, edition, spans) for u in edition.text.paragraph(number).units())
    return f'<div class="decl" lang="{edition.lang}">{_head_row(edition)}{rows}{_footnotes(notes, edition)}</div>'


def paragraph_page(edition: Edition, number: int) -> str:
    title = paragraph_title(number, edition.lang)
    block = _units_block(number, edition.text.footnotes_of(number), edition)
    return f"# {md_text(title)}\n\n{_toolbar(edition)}\n\n{block}\n\n{json_ld(paragraph_data(edition, number))}\n"


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
    return "".join(lines)


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
        f"{p.number}. [{md_text(opening_words(p.unit))}]({urls.paragraph_page(p.number)})"
        for p in edition.text.paragraphs
    )
    more = " · ".join(
        f"[{md_text(label)}]({target})"
        for label, target in (
            (labels.full_text, urls.FULL_TEXT),
            (labels.glossary, urls.GLOSSARY),
            (labels.instruments, urls.INSTRUMENTS),
            (labels.downloads, urls.DOWNLOADS),
        )
    )
    contents = f"## {md_text(labels.contents)} {{#contents}}"
    return f"{_header_html(edition)}\n\n{official_record_html(edition)}\n\n{contents}\n\n{toc}\n\n{more}\n"


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
        + f'\n## {md_text(edition.labels.footnotes)} {{#footnotes}}\n\n<div class="decl">{notes}</div>\n'
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
    return [
        (urls.full_text_page(n), f"{chunk[0].number}–{chunk[-1].number}")
        for n, chunk in enumerate(chunks, 1)
    ]


def full_text_pages(edition: Edition) -> dict[str, str]:
    parts = full_text_parts(edition) or [(urls.FULL_TEXT, "")]
    return {src: full_text_page(edition, n) for n, (src, _) in enumerate(parts, 1)}


def notes_page(edition: Edition) -> str:
    """Every translator's note of the English edition, in unit order, in the edition's language."""
    labels = edition.labels
    sections = []
    for note in edition.notes:
        unit = edition.text.unit(note.unit)
        name = md_text(unit_name(unit, edition.lang))
        heading = md_text(labels.note_on.format(at=note.at))
        sections.append(
            f"## [{name}]({unit.paragraph}.md#{unit.eid}): {heading} {{#{note.eid(unit)}}}\n\n"
            f"{md_text(in_language(note.text, edition.lang))}\n"
        )
    return f"# {md_text(labels.notes)}\n\n" + "\n".join(sections)


def changes_page(edition: Edition) -> str:
    """What changed: every wording of every unit, grouped by the revision that introduced it, newest first."""
    labels, lang, history = edition.labels, edition.lang, edition.history
    title = f"# {md_text(labels.changes)}\n\n"
    if history.reason:
        return title + md_text(labels.no_history.format(reason=history.reason)) + "\n"
    order = {commit: n for n, commit in enumerate(history.commits)}
    revisions: dict[tuple[int, str, str], list[str]] = {}
    for unit in edition.text.units():
        wordings = history.of(unit.uid)
        for before, wording in zip((None, *wordings), wordings, strict=False):
            key = (order.get(wording.commit, len(order)), wording.commit, wording.date)
            previously = ""
            if before is not None:
                previously = f' · <a href="#{before.anchor(unit.eid)}">{escape(labels.previously)}</a>'
            revisions.setdefault(key, []).append(
                f'<div class="decl-wording" id="{wording.anchor(unit.eid)}"><p>'
                f'<a href="{urls.href(urls.CHANGES, urls.unit_path(unit))}">{escape(unit_name(unit, lang))}</a>'
                f"{previously}</p>"
                f"<blockquote><p>{escape(wording.text)}</p></blockquote></div>"
            )
    sections = []
    for (_, commit, date), entries in sorted(revisions.items(), reverse=True):
        when = md_text(date_text(date, lang) if date else labels.draft)
        heading = f"## {when} · {commit} {{#r-{commit}}}" if commit else f"## {when} {{#r-draft}}"
        sections.append(f"{heading}\n\n" + "".join(entries) + "\n")
    return title + md_text(labels.changes_intro) + "\n\n" + "\n".join(sections)


NAV_GROUP = 25
# MkDocs' nav setting: a page is ``{title: file}``, a section ``{title: [items]}``.
Nav = list[dict[str, "str | Nav"]]


def navigation(edition: Edition) -> Nav:
    """The navigation. A long declaration's paragraphs come in groups of 25, and groups of 25 groups, and
    so on: with ``navigation.prune`` a page renders the titles of its own groups' siblings, a few dozen
    links at any length (a flat list of groups would grow with the text on every page)."""
    labels = edition.labels
    # (first paragraph, last paragraph, navigation item) of each entry of the current level.
    items: list[tuple[int, int, dict[str, str | Nav]]] = [
        (p.number, p.number, {paragraph_title(p.number, edition.lang): urls.paragraph_page(p.number)})
        for p in edition.text.paragraphs
    ]
    while len(items) > 2 * NAV_GROUP:
        chunks = [items[start : start + NAV_GROUP] for start in range(0, len(items), NAV_GROUP)]
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
