"""Stage 4: machine-readable files written beside the two editions, from the model alone."""

from __future__ import annotations

import csv
import io
import json
import re
from xml.sax.saxutils import escape

from .glossary import Glossary
from .markup import csv_cell
from .model import RE_MARKER, Declaration, from_superscript, group_by
from .notes import Note
from .references import Reference, cited_in
from .register import Instrument

EDITIONS = ("zh", "en")


def unit_url(lang: str, paragraph: int, eid: str) -> str:
    return f"/{lang}/{paragraph}/#{eid}"


def permalinks(text: Declaration) -> str:
    """``permalinks.json``: one object per citable unit, URLs relative to the site root."""
    rows = [
        {"id": u.uid, "eid": u.eid, **{lang: unit_url(lang, u.paragraph, u.eid) for lang in EDITIONS}}
        for u in text.units()
    ]
    return json.dumps(rows, ensure_ascii=False, indent=1) + "\n"


# CAT tools keep translation memories per locale: a bare "zh" needs a mapping step (and may be mapped to zh-TW).
TMX_LANGS = {"zh": "zh-CN", "en": "en"}


def tmx(
    zh: Declaration, en: Declaration, notes: tuple[Note, ...] = (), changed: dict[str, str] | None = None
) -> str:
    """``declaration.tmx``: TMX 1.4b. One translation unit per citable unit (keyed by its eid), then the
    title and each footnote; footnote markers are left out of the segments; translator's notes are notes;
    ``changed`` (unit id → YYYY-MM-DD of its last revision in either language) gives a unit its changedate."""
    by_unit = group_by(notes, lambda note: note.unit)
    english = {u.uid: u for u in en.units()}
    src, tgt = TMX_LANGS["zh"], TMX_LANGS["en"]
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<!DOCTYPE tmx SYSTEM "tmx14.dtd">',
        '<tmx version="1.4">',
        '  <header creationtool="unhabitat-declaration-site" creationtoolversion="1"'
        f' segtype="paragraph" o-tmf="plain text" adminlang="en" srclang="{src}" datatype="plaintext"/>',
        "  <body>",
    ]

    def tu(tuid: str, citation: str, source: str, target: str, tu_notes: tuple[Note, ...] = ()) -> list[str]:
        date = (changed or {}).get(citation, "")
        stamp = f' changedate="{date.replace("-", "")}T000000Z"' if date else ""
        lines = [f'    <tu tuid="{tuid}"{stamp}>']
        for note in tu_notes:  # the DTD puts notes and props before the variants
            lines += [
                f'      <note xml:lang="{lang}">{escape(note.at)}: {escape(note.text[lang])}</note>'
                for lang in ("en", "zh")
            ]
        lines += [
            f'      <prop type="x-citation">{escape(citation)}</prop>',
            f'      <tuv xml:lang="{src}"><seg>{escape(RE_MARKER.sub("", source))}</seg></tuv>',
            f'      <tuv xml:lang="{tgt}"><seg>{escape(RE_MARKER.sub("", target))}</seg></tuv>',
            "    </tu>",
        ]
        return lines

    out += tu("title", "title", zh.header.title, en.header.title)
    out += tu("subtitle", "subtitle", "".join(zh.header.subtitle), " ".join(en.header.subtitle))
    for unit in zh.units():
        out += tu(unit.eid, unit.uid, unit.text, english[unit.uid].text, by_unit.get(unit.uid, ()))
    english_notes = {f.number: f for f in en.footnotes}
    for note in zh.footnotes:
        out += tu(note.eid, f"footnote {note.number}", note.text, english_notes[note.number].text)
    out += ["  </body>", "</tmx>", ""]
    return "\n".join(out)


def _glossary_rows(glossary: Glossary) -> list[dict]:
    return [
        {
            "id": term.id,
            "zh": term.zh,
            "variants": list(term.variants),
            "en": list(term.en),
            "pinyin": glossary.pinyin[term.id].marked,
            "pinyin_toneless": glossary.pinyin[term.id].toneless,
            "initials": glossary.pinyin[term.id].initials,
            "kind": term.kind,
            "status": term.status,
            "instrument": term.instrument,
            "note": term.note,
            "occurrences": list(glossary.units_of(term.id)),
        }
        for term in sorted(glossary.terms, key=lambda t: t.id)
    ]


def glossary_json(glossary: Glossary) -> str:
    """``glossary.json``: one entry per term, occurrences as the unit ids of ``permalinks.json``."""
    return json.dumps(_glossary_rows(glossary), ensure_ascii=False, indent=1) + "\n"


def glossary_csv(glossary: Glossary) -> str:
    out = io.StringIO()
    columns = [
        "id",
        "zh",
        "variants",
        "en",
        "pinyin",
        "kind",
        "status",
        "instrument",
        "note_zh",
        "note_en",
        "occurrences",
    ]
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in _glossary_rows(glossary):
        cells = {
            **{k: row[k] for k in ("id", "zh", "pinyin", "kind", "status")},
            "variants": "; ".join(row["variants"]),
            "en": "; ".join(row["en"]),
            "instrument": row["instrument"] or "",
            "note_zh": row["note"]["zh"],
            "note_en": row["note"]["en"],
            "occurrences": " ".join(row["occurrences"]),
        }
        writer.writerow({k: csv_cell(v) for k, v in cells.items()})
    return out.getvalue()


def glossary_tbx(glossary: Glossary) -> str:
    """``glossary.tbx``: TBX (ISO 30042:2019, TBX-Basic), one conceptEntry per term."""
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<tbx style="dca" type="TBX-Basic" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">',
        "  <tbxHeader>",
        "    <fileDesc>",
        "      <sourceDesc><p>Terminology of the Ministerial Declaration of the second session of the"
        " United Nations Habitat Assembly (Nairobi, 2023)</p></sourceDesc>",
        "    </fileDesc>",
        "  </tbxHeader>",
        "  <text>",
        "    <body>",
    ]
    for row in _glossary_rows(glossary):
        out.append(f'      <conceptEntry id="{escape(row["id"])}">')
        out.append(f'        <descrip type="subjectField">{escape(row["kind"])}</descrip>')
        for lang, terms in (("zh", [row["zh"], *row["variants"]]), ("en", row["en"])):
            out.append(f'        <langSec xml:lang="{lang}">')
            out.append(f'          <descrip type="definition">{escape(row["note"][lang])}</descrip>')
            for rank, term in enumerate(terms):
                usage = "preferred" if rank == 0 else "admitted"
                out.append(
                    f"          <termSec><term>{escape(term)}</term>"
                    f'<termNote type="administrativeStatus">{usage}Term-admn-sts</termNote></termSec>'
                )
            out.append("        </langSec>")
        out.append("      </conceptEntry>")
    out += ["    </body>", "  </text>", "</tbx>", ""]
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


def _model(text: Declaration) -> dict:
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


def document_model(zh: Declaration, en: Declaration) -> str:
    """``declaration.json``: the whole model, both languages, ids as in ``permalinks.json``."""
    return json.dumps({"zh": _model(zh), "en": _model(en)}, ensure_ascii=False, indent=1) + "\n"


def instruments_json(instruments: dict[str, Instrument], references: tuple[Reference, ...], order: list[str]) -> str:
    rows = [
        {
            "symbol": i.symbol,
            "kind": i.kind,
            "date": i.date,
            "title": i.title,
            "contains": i.contains,
            "url": i.url,
            "page": {lang: f"/{lang}/instruments/{i.slug}/" for lang in EDITIONS},
            "cited_in": list(cited_in(references, i.symbol, order)),
        }
        for i in instruments.values()
    ]
    return json.dumps(rows, ensure_ascii=False, indent=1) + "\n"
