"""Stage 3: the document model → Markdown pages of one edition.

Headings and navigation links are Markdown, so MkDocs builds the table of
contents and validates every link. The declaration's own text goes into raw
HTML blocks, escaped, which Python-Markdown passes through untouched: a ``*``,
``#`` or ``<script>`` in the source shows literally and never becomes markup.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from html import escape

from .glossary import Glossary, Mark, chinese_marks, english_marks
from .model import RE_MARKER, Declaration, Footnote, Unit, from_superscript

RE_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|&~^:\"'=$])")


@dataclass(frozen=True)
class Labels:
    language: str
    home: str
    paragraphs: str
    paragraph: str
    full_text: str
    footnotes: str
    contents: str
    parallel: str
    copy_link: str
    unit: str
    point: str


LABELS = {
    "zh": Labels(
        language="中文",
        home="首页",
        paragraphs="段落",
        paragraph="第 {n} 段",
        full_text="全文",
        footnotes="脚注",
        contents="目录",
        parallel="中英对照",
        copy_link="复制{unit}的链接",
        unit="第{n}段",
        point="第{n}段({letter})分段",
    ),
    "en": Labels(
        language="English",
        home="Home",
        paragraphs="Paragraphs",
        paragraph="Paragraph {n}",
        full_text="Full text",
        footnotes="Footnotes",
        contents="Contents",
        parallel="Side by side",
        copy_link="Copy the link to {unit}",
        unit="para. {n}",
        point="para. {n} ({letter})",
    ),
}


@dataclass(frozen=True)
class Edition:
    """One edition's text with its counterpart, which the parallel view shows beside it."""

    lang: str
    text: Declaration
    other_lang: str
    other: Declaration
    glossary: Glossary | None = None

    @property
    def labels(self) -> Labels:
        return LABELS[self.lang]

    def marks(self, number: int) -> dict[str, list[Mark]]:
        """Glossary terms to mark in paragraph ``number`` of this edition's text, by unit id."""
        if self.glossary is None:
            return {}
        units = list(self.text.paragraph(number).units())
        if self.lang == "zh":
            return chinese_marks(self.glossary, units)
        return english_marks(self.glossary, self.other.paragraph(number).units(), units)

    def zh_en(self) -> tuple[Declaration, Declaration]:
        return (self.text, self.other) if self.lang == "zh" else (self.other, self.text)

    def tip(self, term_id: str) -> str:
        """What a marked term's tooltip says: pinyin and the other language."""
        assert self.glossary is not None
        term, pinyin = self.glossary.term(term_id), self.glossary.pinyin[term_id]
        if self.lang == "zh":
            return f"{pinyin.marked} · {term.en[0]}"
        return f"{term.zh} · {pinyin.marked}"


def unit_name(unit: Unit, lang: str) -> str:
    labels = LABELS[lang]
    if unit.letter:
        return labels.point.format(n=unit.paragraph, letter=unit.letter)
    return labels.unit.format(n=unit.paragraph)


def paragraph_title(number: int, lang: str) -> str:
    return LABELS[lang].paragraph.format(n=number)


def md_escape(text: str) -> str:
    """Text for a Markdown inline context, shown literally."""
    return RE_MD_SPECIAL.sub(r"\\\1", text)


def opening_words(unit: Unit, lang: str) -> str:
    text = RE_MARKER.sub("", unit.text)
    if lang == "zh":
        return text if len(text) <= 24 else text[:24] + "……"
    words = text.split()
    return text if len(words) <= 12 else " ".join(words[:12]) + " …"


def inline(
    text: str, *, anchors: bool, marks: list[Mark] | None = None, edition: Edition | None = None
) -> str:
    """Escaped text with footnote markers and marked terms linked; only the primary side carries ids."""
    spans: list[tuple[int, int, str, str]] = []
    for m in RE_MARKER.finditer(text):
        n = from_superscript(m.group())
        if anchors:
            spans.append(
                (m.start(), m.end(), f'<a class="decl-fnref" id="fnref_{n}" href="#fnt_{n}">', "</a>")
            )
        else:
            spans.append((m.start(), m.end(), '<sup class="decl-fnref">', "</sup>"))
    for mark in marks or ():
        assert edition is not None
        tip = escape(edition.tip(mark.term))
        spans.append(
            (
                mark.start,
                mark.end,
                f'<a class="decl-term" href="../glossary/{mark.term}/">',
                f'<span class="decl-tip" role="tooltip" data-search-exclude>{tip}</span></a>',
            )
        )
    out: list[str] = []
    pos = 0
    for start, end, opening, closing in sorted(spans):
        out += [escape(text[pos:start]), opening, escape(text[start:end]), closing]
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out)


def _front_matter(title: str, *, search: bool = True) -> str:
    lines = ["---", f"title: {json.dumps(title, ensure_ascii=False)}"]
    if not search:
        lines += ["search:", "  exclude: true"]
    return "\n".join([*lines, "---", ""])


def _num(unit: Unit) -> str:
    return f"({unit.letter})" if unit.letter else f"{unit.paragraph}."


def _cell(unit: Unit, lang: str, *, primary: bool, marks: list[Mark] | None = None, edition=None) -> str:
    text = inline(unit.text, anchors=primary, marks=marks, edition=edition)
    body = f'<span class="decl-num">{_num(unit)}</span> {text}'
    if primary:
        label = escape(LABELS[lang].copy_link.format(unit=unit_name(unit, lang)))
        control = (
            f'<a class="decl-permalink" href="#{unit.eid}" title="{label}" '
            f'aria-label="{label}" data-permalink data-search-exclude>¶</a>'
        )
        return f'<div class="decl-cell" lang="{lang}"><p>{body} {control}</p></div>'
    return f'<div class="decl-cell decl-alt" lang="{lang}" data-search-exclude><p>{body}</p></div>'


def _unit_row(unit: Unit, edition: Edition, marks: dict[str, list[Mark]]) -> str:
    twin = next(u for u in edition.other.units() if u.uid == unit.uid)
    kind = "decl-point" if unit.letter else "decl-para"
    primary = _cell(unit, edition.lang, primary=True, marks=marks.get(unit.uid), edition=edition)
    return (
        f'<div class="decl-row {kind}" id="{unit.eid}">'
        f"{primary}{_cell(twin, edition.other_lang, primary=False)}</div>"
    )


def _footnote_cell(note: Footnote, lang: str, *, primary: bool) -> str:
    marker = note.marker
    if primary:
        back = f'<a class="decl-fnback" href="#fnref_{note.number}">{marker}</a>'
        return f'<div class="decl-cell" lang="{lang}"><p>{back} {escape(note.text)}</p></div>'
    return (
        f'<div class="decl-cell decl-alt" lang="{lang}" data-search-exclude>'
        f"<p>{marker} {escape(note.text)}</p></div>"
    )


def _footnotes(notes: tuple[Footnote, ...], edition: Edition) -> str:
    if not notes:
        return ""
    twins = {f.number: f for f in edition.other.footnotes}
    rows = [
        f'<div class="decl-row decl-footnote" id="{note.eid}">'
        f"{_footnote_cell(note, edition.lang, primary=True)}"
        f"{_footnote_cell(twins[note.number], edition.other_lang, primary=False)}</div>"
        for note in notes
    ]
    title = escape(edition.labels.footnotes)
    return f'<div class="decl-footnotes" role="note" aria-label="{title}">' + "".join(rows) + "</div>"


def _head_row(edition: Edition) -> str:
    return (
        '<div class="decl-row decl-head" aria-hidden="true" data-search-exclude>'
        f'<div class="decl-cell" lang="{edition.lang}">{escape(edition.labels.language)}</div>'
        f'<div class="decl-cell decl-alt" lang="{edition.other_lang}" data-search-exclude>'
        f"{escape(LABELS[edition.other_lang].language)}</div></div>"
    )


def _toolbar(edition: Edition) -> str:
    return (
        '<div class="decl-toolbar" data-search-exclude>'
        '<button type="button" class="md-button decl-view-toggle" aria-pressed="false">'
        f"{escape(edition.labels.parallel)}</button></div>"
    )


def _units_block(number: int, notes: tuple[Footnote, ...], edition: Edition) -> str:
    marks = edition.marks(number)
    rows = "".join(_unit_row(u, edition, marks) for u in edition.text.paragraph(number).units())
    return (
        f'<div class="decl" lang="{edition.lang}">{_head_row(edition)}{rows}'
        f"{_footnotes(notes, edition)}</div>"
    )


def paragraph_page(edition: Edition, number: int) -> str:
    title = paragraph_title(number, edition.lang)
    block = _units_block(number, edition.text.footnotes_of(number), edition)
    return f"{_front_matter(title)}\n# {md_escape(title)}\n\n{_toolbar(edition)}\n\n{block}\n"


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


def home_page(edition: Edition) -> str:
    labels = edition.labels
    toc = "\n".join(
        f"{p.number}. [{md_escape(opening_words(p.unit, edition.lang))}]({p.number}.md)"
        for p in edition.text.paragraphs
    )
    return (
        f"{_front_matter(edition.text.header.title)}\n{_header_html(edition)}\n\n"
        f"## {md_escape(labels.contents)} {{#contents}}\n\n{toc}\n\n"
        f"[{md_escape(labels.full_text)}](full.md)\n"
    )


def full_text_page(edition: Edition) -> str:
    text = edition.text
    sections = [
        f"## {md_escape(paragraph_title(p.number, edition.lang))} {{#p{p.number}}}\n\n"
        f"{_units_block(p.number, (), edition)}\n"
        for p in text.paragraphs
    ]
    notes = _footnotes(text.footnotes, edition)
    return (
        f"{_front_matter(edition.labels.full_text, search=False)}\n{_toolbar(edition)}\n\n"
        f"{_header_html(edition)}\n\n"
        + "\n".join(sections)
        + f'\n## {md_escape(edition.labels.footnotes)} {{#footnotes}}\n\n<div class="decl">{notes}</div>\n'
    )
