"""Stage 3b: the glossary pages of one edition — the filterable index and one entry per term."""

from __future__ import annotations

from .glossary import Glossary, first_english
from .labels import unit_name
from .markup import html_text as escape
from .markup import json_ld, md_text
from .model import Unit
from .register import Instrument
from .render import Edition
from .segment import Occurrence
from .structured import glossary_data
from .termbase import STATUSES, Term

CONTEXT = {"zh": 18, "en": 60}
LABELS = {
    "zh": {
        "title": "术语表",
        "intro": "本宣言的术语：中文、联合国英文对应词、拼音及每一处用例。",
        "filter": "筛选术语（汉字、拼音、拼音首字母或英文）",
        "count": "条术语",
        "none": "没有匹配的术语。",
        "en": "英文",
        "pinyin": "拼音",
        "kind": "类别",
        "status": "状态",
        "instrument": "相关文书",
        "note": "说明",
        "variants": "异体",
        "occurrences": "用例",
        "where": "出处",
        "context": "语境",
        "english": "同一段的英文",
        "downloads": "下载术语表",
        "kinds": {
            "body": "机构",
            "instrument": "文书",
            "programme": "方案",
            "event": "活动",
            "concept": "概念",
            "phrase": "惯用语",
        },
        "statuses": {"un": "联合国规范用语", "site": "本站建议译法"},
    },
    "en": {
        "title": "Glossary",
        "intro": "The declaration's terminology: Chinese, official UN English, pinyin and every occurrence.",
        "filter": "Filter terms (hanzi, pinyin, pinyin initials or English)",
        "count": "terms",
        "none": "No term matches.",
        "en": "English",
        "pinyin": "Pinyin",
        "kind": "Kind",
        "status": "Status",
        "instrument": "Instrument",
        "note": "Note",
        "variants": "Variants",
        "occurrences": "Occurrences",
        "where": "Where",
        "context": "Context",
        "english": "English of the same unit",
        "downloads": "Download the glossary",
        "kinds": {
            "body": "body",
            "instrument": "instrument",
            "programme": "programme",
            "event": "event",
            "concept": "concept",
            "phrase": "set phrase",
        },
        "statuses": STATUSES,
    },
}


def sorted_terms(glossary: Glossary, lang: str) -> list[Term]:
    """By pinyin in the Chinese edition, alphabetically by English in the English one."""
    if lang == "zh":
        return sorted(glossary.terms, key=lambda t: (glossary.pinyin[t.id].toneless.lstrip("“0123456789 "), t.zh))
    return sorted(glossary.terms, key=lambda t: (t.en[0].casefold(), t.zh))


def index_page(edition: Edition) -> str:
    glossary = edition.glossary
    assert glossary is not None
    labels = LABELS[edition.lang]
    items = []
    for term in sorted_terms(glossary, edition.lang):
        pinyin = glossary.pinyin[term.id]
        forms = " ".join((term.zh, *term.variants))
        search = {
            "data-zh": forms,
            "data-pinyin": pinyin.toneless.replace(" ", ""),
            "data-initials": pinyin.initials,
            "data-en": " | ".join(term.en).casefold(),
        }
        attrs = " ".join(f'{k}="{escape(v)}"' for k, v in search.items())
        first, second = (term.zh, term.en[0]) if edition.lang == "zh" else (term.en[0], term.zh)
        items.append(
            f'<li class="glossary-item" {attrs}><a href="{term.id}/">'
            f'<span class="glossary-head" lang="{edition.lang}">{escape(first)}</span> '
            f'<span class="glossary-pinyin" lang="zh-Latn-pinyin">{escape(pinyin.marked)}</span> '
            f'<span class="glossary-other" lang="{edition.other_lang}">{escape(second)}</span></a></li>'
        )
    count = len(glossary.terms)
    return (
        f"# {md_text(labels['title'])}\n\n{md_text(labels['intro'])}\n\n"
        '<div class="glossary-filter" data-search-exclude>'
        f'<label for="glossary-filter">{escape(labels["filter"])}'
        '</label><input id="glossary-filter" type="search" autocomplete="off" spellcheck="false">'
        f'<p class="glossary-count" role="status"><span>{count}</span> {escape(labels["count"])}</p>'
        f'<p class="glossary-none" hidden>{escape(labels["none"])}</p></div>\n\n'
        f'<ul class="glossary-list">{"".join(items)}</ul>\n\n'
        f'<p class="glossary-downloads">{escape(labels["downloads"])}: '
        '<a href="../../glossary.json">JSON</a> · <a href="../../glossary.tbx">TBX</a> · '
        '<a href="../../glossary.csv">CSV</a></p>\n\n'
        f"{json_ld(glossary_data(edition))}\n"
    )


def entry_page(edition: Edition, term: Term, instruments: dict[str, Instrument]) -> str:
    glossary = edition.glossary
    assert glossary is not None
    labels = LABELS[edition.lang]
    pinyin = glossary.pinyin[term.id]
    title = term.zh if edition.lang == "zh" else term.en[0]
    rows = [
        (labels["en"], " · ".join(f'<span lang="en">{escape(e)}</span>' for e in term.en)),
        (labels["pinyin"], f'<span lang="zh-Latn-pinyin">{escape(pinyin.marked)}</span>'),
    ]
    if edition.lang == "en":
        rows.insert(0, ("Chinese", f'<span lang="zh">{escape(term.zh)}</span>'))
    if term.variants:
        rows.append((labels["variants"], escape(" · ".join(term.variants))))
    rows += [
        (labels["kind"], escape(labels["kinds"][term.kind])),
        (labels["status"], escape(labels["statuses"][term.status])),
    ]
    if term.instrument:
        instrument = instruments[term.instrument]
        link = f'<a href="../../instruments/{instrument.slug}/">{escape(instrument.symbol)}</a>'
        rows.append((labels["instrument"], f"{link} — {escape(instrument.contains[edition.lang])}"))
    rows.append((labels["note"], escape(term.note[edition.lang])))
    table = "".join(f"<dt>{escape(k)}</dt><dd>{v}</dd>" for k, v in rows)
    return (
        f"# {md_text(title)}\n\n"
        f'<dl class="glossary-entry">{table}</dl>\n\n'
        f"## {md_text(labels['occurrences'])} {{#occurrences}}\n\n"
        f"{concordance(edition, term)}\n\n{json_ld(glossary_data(edition, term.id))}\n"
    )


def concordance(edition: Edition, term: Term) -> str:
    """Every occurrence, with context on both sides, linked to its unit, and the unit's English beside it."""
    glossary = edition.glossary
    assert glossary is not None
    labels = LABELS[edition.lang]
    zh, en = edition.zh_en()
    rows = []
    english: dict[str, str] = {}  # per unit: the same cell for each occurrence in it, found once
    for o in glossary.occurrences_of(term.id):
        unit = zh.unit(o.unit)
        if o.unit not in english:
            english[o.unit] = _english(term, en.unit(o.unit))
        rows.append(
            f'<tr><td><a href="../../{unit.paragraph}/#{unit.eid}">'
            f"{escape(unit_name(unit, edition.lang))}</a></td>"
            f'<td lang="zh" class="kwic">{_kwic(unit, o)}</td>'
            f'<td lang="en">{english[o.unit]}</td></tr>'
        )
    head = (
        f"<tr><th>{escape(labels['where'])}</th><th>{escape(labels['context'])}</th>"
        f"<th>{escape(labels['english'])}</th></tr>"
    )
    return f'<table class="concordance"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'


def _kwic(unit: Unit, o: Occurrence) -> str:
    width = CONTEXT["zh"]
    left = unit.text[max(0, o.start - width) : o.start]
    right = unit.text[o.end : o.end + width]
    lead = "…" if o.start > width else ""
    tail = "…" if o.end + width < len(unit.text) else ""
    return (
        f'<span class="kwic-left">{lead}{escape(left)}</span>'
        f"<mark>{escape(unit.text[o.start : o.end])}</mark>"
        f'<span class="kwic-right">{escape(right)}{tail}</span>'
    )


# The English unit is shown whole up to this length, else as a window around the equivalent: each row
# repeating a long unit made a page grow with the square of the unit's length.
ENGLISH_WHOLE = 1000
ENGLISH_WINDOW = 300


def _english(term: Term, unit: Unit) -> str:
    text = unit.text
    hit = first_english(term, [unit])
    start, end = (hit[1], hit[2]) if hit else (0, 0)
    left, right = (0, len(text)) if len(text) <= ENGLISH_WHOLE else (start - ENGLISH_WINDOW, end + ENGLISH_WINDOW)
    lead, tail = ("…" if left > 0 else ""), ("…" if right < len(text) else "")
    before, after = text[max(0, left) : start], text[end:right]
    marked = f"<mark>{escape(text[start:end])}</mark>" if hit else ""
    return f"{lead}{escape(before)}{marked}{escape(after)}{tail}"


def pages(edition: Edition, instruments: dict[str, Instrument]) -> dict[str, str]:
    """src_uri → Markdown for every glossary page of the edition."""
    assert edition.glossary is not None
    out = {"glossary/index.md": index_page(edition)}
    for term in edition.glossary.terms:
        out[f"glossary/{term.id}.md"] = entry_page(edition, term, instruments)
    return out
