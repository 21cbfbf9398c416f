"""Citations of a unit: the sentence a reader pastes, and BibTeX, RIS and CSL-JSON for reference managers."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from .labels import unit_name
from .markup import bibtex_text
from .model import Declaration, Unit

RE_YEAR = re.compile(r"\d{4}")


@dataclass(frozen=True)
class Work:
    """What a citation says of the declaration itself, read from its title block."""

    lang: str
    title: str
    body: str
    place: str
    year: str

    @classmethod
    def of(cls, text: Declaration, lang: str) -> Work:
        date_place = text.header.date_place
        years = RE_YEAR.findall(date_place)
        parts = [p.strip() for p in re.split(r"[，,]", date_place)]
        place = next((p for p in parts if not any(c.isdigit() for c in p)), "")
        return cls(lang, text.header.title, "".join(text.header.body), place, years[-1] if years else "")


def edition_url(site_root: str, lang: str, path: str = "") -> str:
    """The public address of ``path`` in one edition."""
    return f"{site_root.rstrip('/')}/{lang}/{path}"


def permalink(site_root: str, lang: str, unit: Unit) -> str:
    return edition_url(site_root, lang, f"{unit.paragraph}/#{unit.eid}")


def citation(work: Work, unit: Unit, url: str) -> str:
    """联合国人居大会第二届会议部长级宣言（2023年，内罗毕），第13段(a)分段，<permalink>"""
    if work.lang == "zh":
        return f"{work.title}（{work.year}年，{work.place}），{unit_name(unit, 'zh')}，{url}"
    return f"{work.title} ({work.place}, {work.year}), {unit_name(unit, 'en')}, {url} (unofficial translation)"


def file_slug(unit: Unit) -> str:
    return f"{unit.paragraph}{unit.letter or ''}"


def _key(unit: Unit, lang: str) -> str:
    return f"unha2-declaration-{lang}-{file_slug(unit)}"


def _note(work: Work, unit: Unit) -> str:
    place = unit_name(unit, work.lang)
    return place if work.lang == "zh" else f"{place}; unofficial translation from the Chinese"


def bibtex(work: Work, units: list[tuple[Unit, str]]) -> str:
    entries = []
    for unit, url in units:
        fields = {
            "title": work.title,
            "author": "{" + work.body + "}",
            "year": work.year,
            "address": work.place,
            "note": _note(work, unit),
            "url": url,
            "language": "Chinese" if work.lang == "zh" else "English",
        }
        # A URL is verbatim in BibTeX (the url package); everything else is escaped.
        body = ",\n".join(f"  {k} = {{{v if k == 'url' else _bib_escape(v)}}}" for k, v in fields.items())
        entries.append(f"@misc{{{_key(unit, work.lang)},\n{body}\n}}\n")
    return "\n".join(entries)


def _bib_escape(value: str) -> str:
    if value.startswith("{") and value.endswith("}"):
        return "{" + _bib_escape(value[1:-1]) + "}"
    return bibtex_text(value)


def ris(work: Work, units: list[tuple[Unit, str]]) -> str:
    records = []
    for unit, url in units:
        lines = [
            ("TY", "GOVDOC"),
            ("ID", _key(unit, work.lang)),
            ("TI", work.title),
            ("AU", work.body),
            ("PY", work.year),
            ("CY", work.place),
            ("N1", _note(work, unit)),
            ("UR", url),
            ("LA", work.lang),
            ("ER", ""),
        ]
        records.append("".join(f"{tag}  - {value}\r\n" for tag, value in lines))
    return "".join(records)


def csl_json(work: Work, units: list[tuple[Unit, str]]) -> str:
    items = [
        {
            "id": _key(unit, work.lang),
            "type": "document",
            "title": work.title,
            "author": [{"literal": work.body}],
            "issued": {"date-parts": [[int(work.year)]]} if work.year else {},
            "publisher-place": work.place,
            "section": unit_name(unit, work.lang),
            "note": _note(work, unit),
            "URL": url,
            "language": work.lang,
        }
        for unit, url in units
    ]
    return json.dumps(items, ensure_ascii=False, indent=1) + "\n"
