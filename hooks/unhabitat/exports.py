"""Stage 4: machine-readable files written beside the editions, from the model alone."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Mapping
from typing import Any, NotRequired, TypedDict
from xml.sax.saxutils import escape

from . import urls
from .glossary import Glossary
from .labels import language_name, locale
from .markup import csv_cell
from .model import RE_MARKER, Declaration, from_superscript, group_by
from .notes import Note
from .references import Reference, cited_in
from .register import Instrument
from .termbase import STATUSES, TERM_STATUSES, Designation, Term

# The language of the exports' own words (the TBX notes and headers, the JSON's field descriptions).
EXPORT_LANG = "en"
# A line break inside a title block: nothing between Han characters or full-width punctuation, a space elsewhere.
RE_WIDE_END = re.compile(r"[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]$")


def permalinks(texts: dict[str, Declaration], site_root: str) -> str:
    """``permalinks.json``: one object per citable unit, its path from the site root in every edition, its
    public URLs (``url``) and those of the footnotes it cites (``footnotes``: none for most units)."""
    source = next(iter(texts.values()))
    langs = tuple(texts)
    footnotes = group_by(source.footnotes, lambda f: f.cited_by)
    rows = [
        {
            "id": u.uid,
            "eid": u.eid,
            **urls.addresses(site_root, langs, urls.unit_path(u)),
            "footnotes": [
                {"number": f.number, "eid": f.eid, **urls.addresses(site_root, langs, urls.footnote_path(f))}
                for f in footnotes.get(u.uid, ())
            ],
        }
        for u in source.units()
    ]
    return json.dumps(rows, ensure_ascii=False, indent=1) + "\n"


def tmx_lang(lang: str) -> str:
    """The locale CAT tools file a language's segments under (``downloads.tmx_lang`` of its locale): they keep
    translation memories per locale, and a bare language code needs a mapping step (Chinese: zh-CN or zh-TW?)."""
    return str(locale(lang).downloads["tmx_lang"])


def join_lines(lines: tuple[str, ...] | list[str]) -> str:
    """Lines of a title block as one: Chinese lines run on, other lines are joined by a space."""
    out = ""
    for line in lines:
        out += line if not out or RE_WIDE_END.search(out) else f" {line}"
    return out


def tmx(
    texts: dict[str, Declaration], notes: tuple[Note, ...] = (), changed: dict[str, str] | None = None
) -> str:
    """``declaration.tmx``: TMX 1.4b, the source edition's language as ``srclang``. One translation unit per
    citable unit (keyed by its eid) with a variant in every edition's language, then the title and each
    footnote; footnote markers are left out of the segments; translator's notes are notes; ``changed``
    (unit id → YYYY-MM-DD of its last revision in any language) gives a unit its changedate."""
    by_unit = group_by(notes, lambda note: note.unit)
    source = next(iter(texts.values()))
    units = {lang: {u.uid: u for u in text.units()} for lang, text in texts.items()}
    footnotes = {lang: {f.number: f for f in text.footnotes} for lang, text in texts.items()}
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<!DOCTYPE tmx SYSTEM "tmx14.dtd">',
        '<tmx version="1.4">',
        '  <header creationtool="unhabitat-declaration-site" creationtoolversion="1"'
        f' segtype="paragraph" o-tmf="plain text" adminlang="{EXPORT_LANG}" srclang="{tmx_lang(next(iter(texts)))}"'
        ' datatype="plaintext"/>',
        "  <body>",
    ]

    def tu(tuid: str, citation: str, segments: dict[str, str], tu_notes: tuple[Note, ...] = ()) -> list[str]:
        date = (changed or {}).get(citation, "")
        stamp = f' changedate="{date.replace("-", "")}T000000Z"' if date else ""
        lines = [f'    <tu tuid="{tuid}"{stamp}>']
        for note in tu_notes:  # the DTD puts notes and props before the variants
            lines += [
                f'      <note xml:lang="{lang}">{escape(note.at)}: {escape(text)}</note>'
                for lang, text in reversed(note.text.items())
            ]
        lines.append(f'      <prop type="x-citation">{escape(citation)}</prop>')
        lines += [
            f'      <tuv xml:lang="{tmx_lang(lang)}"><seg>{escape(RE_MARKER.sub("", text))}</seg></tuv>'
            for lang, text in segments.items()
        ]
        return [*lines, "    </tu>"]

    out += tu("title", "title", {lang: text.header.title for lang, text in texts.items()})
    out += tu("subtitle", "subtitle", {lang: join_lines(text.header.subtitle) for lang, text in texts.items()})
    for unit in source.units():
        segments = {lang: units[lang][unit.uid].text for lang in texts}
        out += tu(unit.eid, unit.uid, segments, by_unit.get(unit.uid, ()))
    for note in source.footnotes:
        segments = {lang: footnotes[lang][note.number].text for lang in texts}
        out += tu(note.eid, f"footnote {note.number}", segments)
    out += ["  </body>", "</tmx>", ""]
    return "\n".join(out)


class DesignationRow(TypedDict):
    term: str
    type: str
    pos: str
    status: str
    in_text: bool
    source: NotRequired[str]
    note: NotRequired[str]


# One record of ``glossary.json`` (``json_fields`` says what the fields hold); its keys include the languages'.
GlossaryRow = dict[str, Any]


def _designation(d: Designation) -> DesignationRow:
    row: DesignationRow = {"term": d.text, "type": d.type, "pos": d.pos, "status": d.status, "in_text": d.find}
    if d.source:
        row["source"] = d.source
    if d.note:
        row["note"] = d.note
    return row


def _context(glossary: Glossary, texts: dict[str, Declaration], term: Term) -> dict[str, str] | None:
    """The first unit where the term stands, in every language: the context sentence of the record."""
    units = glossary.units_of(term.id)
    if not units:
        return None
    uid = units[0]
    return {"unit": uid, **{lang: text.unit(uid).text for lang, text in texts.items()}}


def _glossary_rows(glossary: Glossary, texts: dict[str, Declaration]) -> list[GlossaryRow]:
    """``texts``: every edition's, the source first; each language is a key of the record."""
    source, *translations = texts
    rows: list[GlossaryRow] = []
    for term in sorted(glossary.terms, key=lambda t: t.id):
        pinyin = glossary.pinyin[term.id]
        definition = term.definition
        rows.append(
            {
                "id": term.id,
                source: term.head,
                "variants": list(term.variants),
                **{lang: list(term.equivalents(lang)) for lang in translations},
                "terms": {lang: [_designation(d) for d in term.terms(lang)] for lang in texts},
                "match": {lang: list(term.match[lang]) for lang in texts},
                "pinyin": pinyin.marked,
                "pinyin_toneless": pinyin.toneless,
                "initials": pinyin.initials,
                "kind": term.kind,
                "subject": term.subject,
                "subject_label": {lang: locale(lang).glossary["subjects"][term.subject] for lang in texts},
                "status": term.status,
                "source": term.source,
                "body": term.body,
                "definition": {**definition.texts, "source": definition.source} if definition else None,
                "note": term.note,
                "xref": {kind: list(ids) for kind, ids in term.xref.items()},
                "instrument": term.instrument,
                "context": _context(glossary, texts, term),
                "occurrences": list(glossary.units_of(term.id)),
            }
        )
    return rows


def glossary_json(glossary: Glossary, texts: dict[str, Declaration]) -> str:
    """``glossary.json``: every field of every record, the ids that moved, and what the fields hold."""
    data = {
        "title": GLOSSARY_TITLE,
        "fields": json_fields(tuple(texts)),
        "entries": _glossary_rows(glossary, texts),
        "moved": [
            {"id": m.id, "moved_to": m.moved_to, "reason": m.reason} for m in sorted(glossary.moved, key=lambda m: m.id)
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


GLOSSARY_TITLE = (
    "Terminology of the Ministerial Declaration of the second session of the United Nations Habitat Assembly"
    " (Nairobi, 2023)"
)


def json_fields(langs: tuple[str, ...]) -> dict[str, str]:
    """What the fields of ``glossary.json`` hold; the first key names the languages' own keys."""
    source, *translations = langs
    names = " and ".join(language_name(lang, EXPORT_LANG) for lang in translations)
    own = language_name(source, EXPORT_LANG)
    return {
        ", ".join((source, "variants", *translations)): (
            f"the {own} form the text uses, its other spellings in the text, the {names} designations"
        ),
        "terms": (
            "every designation per language: type, part of speech, status (preferred/admitted/deprecated), in_text"
        ),
        "match": "strings used only to find occurrences (inflections); not terms",
        "status, source": "un: established UN usage, established in `source`; site: this site's rendering",
        "context": f"the first unit where the term stands, in {'both' if len(langs) == 2 else 'all'} languages",
        "occurrences": "unit ids as in permalinks.json",
    }


CONTEXT_SOURCE = "Ministerial Declaration, UN-Habitat Assembly, second session (2023), unit {unit}"
# Multi-value cells of the CSV files are joined with this separator; no term contains ";".
CSV_SEPARATOR = "; "


def csv_columns(langs: tuple[str, ...]) -> tuple[str, ...]:
    """The columns of ``glossary.csv``: per language, its designations by status, definition and note."""
    return (
        *("id", "kind", "subject", "status", "source"),
        *(f"{lang}_{status}" for lang in langs for status in TERM_STATUSES),
        *("acronyms_short_forms", "pinyin", "pinyin_toneless", "initials"),
        *(f"definition_{lang}" for lang in langs),
        "definition_source",
        *(f"note_{lang}" for lang in langs),
        *("body", "broader", "narrower", "related", "see", "instrument", "context_unit", "occurrences"),
    )


def _csv(columns: Iterable[str], rows: Iterable[Mapping[str, str]]) -> str:
    """UTF-8 with a byte-order mark, so that Excel reads it as UTF-8; CRLF as RFC 4180."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns))
    writer.writeheader()
    writer.writerows({k: csv_cell(v) for k, v in row.items()} for row in rows)
    return "\ufeff" + out.getvalue()


def _joined(items: Iterable[str]) -> str:
    return CSV_SEPARATOR.join(items)


def glossary_csv(glossary: Glossary, texts: dict[str, Declaration]) -> str:
    """``glossary.csv``: one row per concept; multi-value cells joined with ``CSV_SEPARATOR``; a language
    an entry does not give yet has empty cells."""
    langs = tuple(texts)
    rows = []
    for row in _glossary_rows(glossary, texts):
        term = glossary.term(row["id"])
        definition = row["definition"] or {}
        rows.append(
            {
                **{k: row[k] or "" for k in ("id", "kind", "subject", "status", "source", "body", "instrument")},
                **{
                    f"{lang}_{status}": _joined(d.text for d in term.terms(lang) if d.status == status)
                    for lang in langs
                    for status in TERM_STATUSES
                },
                "acronyms_short_forms": _joined(
                    d.text for d in term.designations if d.type in ("acronym", "shortForm")
                ),
                **{k: row[k] for k in ("pinyin", "pinyin_toneless", "initials")},
                **{f"definition_{lang}": definition.get(lang, "") for lang in langs},
                "definition_source": definition.get("source", ""),
                **{f"note_{lang}": term.note.get(lang, "") for lang in langs},
                **{kind: _joined(term.xref.get(kind, ())) for kind in ("broader", "narrower", "related", "see")},
                "context_unit": row["context"]["unit"] if row["context"] else "",
                "occurrences": _joined(row["occurrences"]),
            }
        )
    return _csv(csv_columns(langs), rows)


def formulae_csv(glossary: Glossary, langs: tuple[str, ...]) -> str:
    """``formulae.csv``: the UN drafting formulae the declaration uses, with their equivalents."""
    source, *translations = langs
    rows = [
        {
            "id": f.id,
            source: f.head,
            **{lang: _joined(f.equivalents.get(lang, ())) for lang in translations},
            "pinyin": (glossary.formula_pinyin or {})[f.id].marked,
            **{f"note_{lang}": f.note.get(lang, "") for lang in langs},
            "occurrences": _joined((glossary.formula_units or {})[f.id]),
        }
        for f in glossary.formulae
    ]
    return _csv(("id", *langs, "pinyin", *(f"note_{lang}" for lang in langs), "occurrences"), rows)


# TBX: XML ids are NCNames (a term id may start with a digit: 2030-agenda).
def tbx_id(term_id: str) -> str:
    return f"c-{term_id}"


TBX_STATUS = {s: f"{s}Term-admn-sts" for s in TERM_STATUSES}
TBX_XREF = {"broader": "broader concept", "narrower": "narrower concept", "related": "related concept", "see": "see"}
TBX_XREF |= {"short_form_of": "short form of"}


def _tbx_entry(glossary: Glossary, texts: dict[str, Declaration], term: Term, v2: bool) -> list[str]:
    """One concept entry, a language section per edition's language, the same data categories in both
    versions; ``v2`` names the 2008 elements."""
    entry, lang_sec, term_sec = ("termEntry", "langSet", "tig") if v2 else ("conceptEntry", "langSec", "termSec")
    pinyin = glossary.pinyin[term.id]
    context = _context(glossary, texts, term)
    subject = locale(EXPORT_LANG).glossary["subjects"][term.subject]
    out = [f'  <{entry} id="{tbx_id(term.id)}">', f'   <descrip type="subjectField">{escape(subject)}</descrip>']
    for kind, targets in term.xref.items():
        for target in targets:
            label = f"{TBX_XREF[kind]}: {glossary.term(target).name(EXPORT_LANG)}"
            out.append(f'   <ref type="crossReference" target="{tbx_id(target)}">{escape(label)}</ref>')
    if term.status == "un":
        out.append(f'   <admin type="source">{escape(term.source or "")}</admin>')
    out.append(f"   <note>{escape(f'concept type: {term.kind}; English equivalent: {STATUSES[term.status]}')}</note>")
    if term.body:
        out.append(f"   <note>{escape(f'originating body: {term.body}')}</note>")
    for lang in texts:
        if not term.terms(lang):
            continue  # no equivalent recorded in this language yet
        out.append(f'   <{lang_sec} xml:lang="{lang}">')
        if term.definition and lang in term.definition.texts:
            text = term.definition.texts[lang]
            out += [
                "    <descripGrp>",
                f'     <descrip type="definition">{escape(text)}</descrip>',
                f'     <admin type="source">{escape(term.definition.source)}</admin>',
                "    </descripGrp>",
            ]
        if lang in term.note:
            out.append(f"    <note>{escape(term.note[lang])}</note>")
        for d in term.terms(lang):
            # A rendering this site proposes is admitted at most: it is not established usage.
            proposed = term.status == "site" and lang == term.translation and d.status == "preferred"
            status = "admitted" if proposed else d.status
            out += [
                f"    <{term_sec}>",
                f"     <term>{escape(d.text)}</term>",
                f'     <termNote type="termType">{d.type}</termNote>',
                f'     <termNote type="partOfSpeech">{d.pos}</termNote>',
                f'     <termNote type="administrativeStatus">{TBX_STATUS[status]}</termNote>',
            ]
            if context and d.find and (lang != term.source_lang or d.text == term.head):
                out += [
                    "     <descripGrp>",
                    f'      <descrip type="context">{escape(context[lang])}</descrip>',
                    f'      <admin type="source">{escape(CONTEXT_SOURCE.format(unit=context["unit"]))}</admin>',
                    "     </descripGrp>",
                ]
            if d.source:
                out.append(f'     <admin type="source">{escape(d.source)}</admin>')
            if lang == term.source_lang and d.text == term.head:
                out.append(f"     <note>{escape(f'pinyin: {pinyin.marked}')}</note>")
            if d.note:
                out.append(f"     <note>{escape(d.note)}</note>")
            out.append(f"    </{term_sec}>")
        out.append(f"   </{lang_sec}>")
    out.append(f"  </{entry}>")
    return out


TBX_V3_SCHEMAS = (
    "https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBXcoreStructV03_TBX-Basic_integrated.rng",
    "https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBX-Basic_DCA.sch",
)


def glossary_tbx(glossary: Glossary, texts: dict[str, Declaration]) -> str:
    """``glossary.tbx``: TBX-Basic in TBX v3 (ISO 30042:2019, DCA style), one conceptEntry per concept."""
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<?xml-model href="{TBX_V3_SCHEMAS[0]}" type="application/xml"'
        ' schematypens="http://relaxng.org/ns/structure/1.0"?>',
        f'<?xml-model href="{TBX_V3_SCHEMAS[1]}" type="application/xml"'
        ' schematypens="http://purl.oclc.org/dsdl/schematron"?>',
        f'<tbx style="dca" type="TBX-Basic" xml:lang="{EXPORT_LANG}" xmlns="urn:iso:std:iso:30042:ed-2">',
        f" <tbxHeader><fileDesc><sourceDesc><p>{escape(GLOSSARY_TITLE)}</p></sourceDesc></fileDesc></tbxHeader>",
        " <text><body>",
    ]
    for term in sorted(glossary.terms, key=lambda t: t.id):
        out += _tbx_entry(glossary, texts, term, v2=False)
    out += [" </body></text>", "</tbx>", ""]
    return "\n".join(out)


def glossary_tbx2008(glossary: Glossary, texts: dict[str, Declaration]) -> str:
    """``glossary-2008.tbx``: the same records as TBX-Basic 2008 (``martif``, ISO 30042:2008), which
    translate-toolkit, Weblate and many CAT tools read."""
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<martif type="TBX-Basic" xml:lang="{EXPORT_LANG}">',
        " <martifHeader>",
        f"  <fileDesc><sourceDesc><p>{escape(GLOSSARY_TITLE)}</p></sourceDesc></fileDesc>",
        '  <encodingDesc><p type="XCSURI">TBXBasicXCSV02.xcs</p></encodingDesc>',
        " </martifHeader>",
        " <text><body>",
    ]
    for term in sorted(glossary.terms, key=lambda t: t.id):
        out += _tbx_entry(glossary, texts, term, v2=True)
    out += [" </body></text>", "</martif>", ""]
    return "\n".join(out)


RE_MD_TEXT = re.compile(r"([\\`*_\[\]<>#|])")


def _md(text: str) -> str:
    return RE_MARKER.sub(lambda m: f"[^{from_superscript(m.group())}]", RE_MD_TEXT.sub(r"\\\1", text))


def markdown(text: Declaration) -> str:
    """The declaration as one standalone Markdown document, footnotes as Markdown footnotes."""
    header = text.header
    out = [*(f"{_md(b)}  " for b in header.body), _md(header.session), "", _md(header.date_place), ""]
    out += [f"# {_md(header.title)}", "", "  \n".join(_md(s) for s in header.subtitle), ""]
    for paragraph in text.paragraphs:
        out.append(f"{paragraph.number}\\. {_md(paragraph.unit.text)}")
        out += [f"    ({p.letter}) {_md(p.text)}" for p in paragraph.points]
        out.append("")
    out += [f"[^{f.number}]: {_md(f.text)}" for f in text.footnotes]
    return "\n".join(out) + "\n"


def plain_text(text: Declaration) -> str:
    """The declaration in the source's own line format, each footnote after the paragraph citing it."""
    header = text.header
    out = [*header.body, header.session, "", header.date_place, "", header.title, "", *header.subtitle, ""]
    for paragraph in text.paragraphs:
        out.append(f"{paragraph.number}. {paragraph.unit.text}")
        out += [f"- ({p.letter}) {p.text}" for p in paragraph.points]
        notes = text.footnotes_of(paragraph.number)
        if notes:
            out += ["", *(f"{f.marker} {f.text}" for f in notes), ""]
    return "\n".join(out).rstrip("\n") + "\n"


def _model(text: Declaration) -> dict[str, object]:
    header = text.header
    return {
        "header": {
            "body": list(header.body),
            "session": header.session,
            "date_place": header.date_place,
            "title": header.title,
            "subtitle": list(header.subtitle),
        },
        "paragraphs": [
            {
                "id": p.unit.uid,
                "eid": p.unit.eid,
                "number": p.number,
                "text": p.unit.text,
                "points": [{"id": u.uid, "eid": u.eid, "letter": u.letter, "text": u.text} for u in p.points],
            }
            for p in text.paragraphs
        ],
        "footnotes": [
            {"number": f.number, "eid": f.eid, "cited_by": f.cited_by, "text": f.text} for f in text.footnotes
        ],
    }


def document_model(texts: dict[str, Declaration]) -> str:
    """``declaration.json``: the whole model, every edition, ids as in ``permalinks.json``."""
    return json.dumps({lang: _model(text) for lang, text in texts.items()}, ensure_ascii=False, indent=1) + "\n"


def instruments_json(
    instruments: dict[str, Instrument],
    references: tuple[Reference, ...],
    order: list[str],
    langs: tuple[str, ...],
    site_root: str,
) -> str:
    """``instruments.json``: the register, each instrument's official links (``url``), its page in every edition
    as a path from the site root (``page``) and as a public URL (``page_url``), and the units citing it."""
    rows = [
        {
            "symbol": i.symbol,
            "kind": i.kind,
            "date": i.date,
            "title": i.title,
            "contains": i.contains,
            "url": i.url,
            "page": {lang: urls.site_path(lang, urls.path(urls.instrument_page(i.slug))) for lang in langs},
            "page_url": {
                lang: urls.edition_url(site_root, lang, urls.path(urls.instrument_page(i.slug))) for lang in langs
            },
            "cited_in": list(cited_in(references, i.symbol, order)),
        }
        for i in instruments.values()
    ]
    return json.dumps(rows, ensure_ascii=False, indent=1) + "\n"
