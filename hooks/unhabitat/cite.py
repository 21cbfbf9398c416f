"""Citations of a unit: the sentence a reader pastes, and BibTeX, RIS and CSL-JSON for reference managers.

Every format carries the unit where citation styles print it (the title, and BibTeX's ``note``), the full
date of adoption and, once verified, the UN document symbol, from the official record.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import NotRequired, TypedDict

from .labels import locale, unit_name
from .markup import bibtex_text
from .model import Declaration, Unit
from .record import OfficialRecord, date_text

RE_YEAR = re.compile(r"\d{4}")

# A CSL-JSON item (CSL 1.0.2 schema), as this site fills it.
CslItem = TypedDict(
    "CslItem",
    {
        "id": str,
        "type": str,
        "title": str,
        "author": list[dict[str, str]],
        "issued": dict[str, list[list[int]]],
        "publisher-place": str,
        "section": str,
        "note": str,
        "URL": str,
        "language": str,
        "genre": NotRequired[str],
        "number": NotRequired[str],
    },
)


@dataclass(frozen=True)
class Work:
    """What a citation says of the declaration itself: its title block, and its official record."""

    lang: str
    title: str
    body: str
    place: str
    year: str
    record: OfficialRecord | None = None
    revisions: tuple[tuple[str, str], ...] = ()  # (unit id, YYYY-MM-DD of its current wording)
    translation: bool = False  # a translation of the source edition: CSL-JSON says so in its genre

    @classmethod
    def of(
        cls,
        text: Declaration,
        lang: str,
        record: OfficialRecord | None = None,
        revisions: dict[str, str] | None = None,
        translation: bool = False,
    ) -> Work:
        date_place = text.header.date_place
        years = RE_YEAR.findall(date_place)
        # The place is the part without digits, after a comma: full-width (Chinese), Latin or Arabic (،).
        parts = [p.strip() for p in re.split(r"[，,،]", date_place)]
        place = next((p for p in parts if not any(c.isdigit() for c in p)), "")
        year = years[-1] if years else ""
        dated = tuple(sorted((uid, date) for uid, date in (revisions or {}).items() if date))
        return cls(lang, text.header.title, "".join(text.header.body), place, year, record, dated, translation)

    @property
    def words(self) -> dict[str, str]:
        """The citation words of the work's language (``cite`` in ``locales/<lang>.yml``)."""
        return locale(self.lang).cite

    def revised(self, unit: Unit) -> str:
        """When the cited wording of ``unit`` was last revised, as running text ("" if unknown)."""
        date = dict(self.revisions).get(unit.uid, "")
        return date_text(date, self.lang) if date else ""

    @property
    def date_text(self) -> str:
        """The date of adoption as running text, or the year when the record is missing."""
        if self.record:
            return self.record.date_text(self.lang)
        return self.words["year"].format(year=self.year)

    @property
    def date_parts(self) -> list[int]:
        return self.record.date_parts if self.record else ([int(self.year)] if self.year else [])

    @property
    def symbol(self) -> str | None:
        return self.record.symbol if self.record else None

    def unit_title(self, unit: Unit) -> str:
        """The title with the unit, the one field every style prints."""
        return self.words["unit_title"].format(title=self.title, unit=unit_name(unit, self.lang))


def citation(work: Work, unit: Unit, url: str) -> str:
    """联合国人居大会第二届会议部长级宣言（2023年6月9日，内罗毕），第13段(a)分段，<permalink>: the
    ``sentence`` of the work's locale, with ``version`` when the cited wording was revised on this site."""
    words, revised = work.words, work.revised(unit)
    return words["sentence"].format(
        title=work.title,
        symbol=f"{work.symbol}, " if work.symbol else "",
        date=work.date_text,
        place=work.place,
        unit=unit_name(unit, work.lang),
        version=words["version"].format(revised=revised) if revised else "",
        url=url,
    )


def file_slug(unit: Unit) -> str:
    return f"{unit.paragraph}{unit.letter or ''}"


def _key(unit: Unit, lang: str) -> str:
    return f"unha2-declaration-{lang}-{file_slug(unit)}"


def _note(work: Work, unit: Unit) -> str:
    revised = work.revised(unit)
    template = work.words["note_revised" if revised else "note"]
    return template.format(unit=unit_name(unit, work.lang), revised=revised)


def _genre(work: Work, unit: Unit) -> str:
    revised = work.revised(unit)
    return work.words["genre_revised" if revised else "genre"].format(revised=revised)


BIB_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def bibtex(work: Work, units: list[tuple[Unit, str]]) -> str:
    entries = []
    for unit, url in units:
        fields = {
            # Double braces keep the title's capitals: styles would sentence-case "United Nations".
            "title": "{" + work.title + "}",
            "author": "{" + work.body + "}",
            "year": work.year,
            "date": work.record.adopted if work.record else work.year,
            "address": work.place,
            "number": work.symbol or "",
            "note": _note(work, unit),
            "url": url,
            "language": work.words["bibtex_language"],
        }
        body = [f"  {k} = {{{v if k == 'url' else _bib_escape(v)}}}" for k, v in fields.items() if v]
        if work.record:
            body.insert(3, f"  month = {BIB_MONTHS[work.date_parts[1] - 1]}")  # a macro, not a string
        # A URL is verbatim in BibTeX (the url package); everything else is escaped.
        entries.append(f"@misc{{{_key(unit, work.lang)},\n" + ",\n".join(body) + "\n}\n")
    return "\n".join(entries)


def _bib_escape(value: str) -> str:
    if value.startswith("{") and value.endswith("}"):
        return "{" + _bib_escape(value[1:-1]) + "}"
    return bibtex_text(value)


def ris(work: Work, units: list[tuple[Unit, str]]) -> str:
    records = []
    for unit, url in units:
        date = "/".join(f"{p:02d}" for p in work.date_parts) if work.record else work.year
        lines = [
            ("TY", "GOVDOC"),
            ("ID", _key(unit, work.lang)),
            ("TI", work.unit_title(unit)),
            ("AU", work.body + ","),  # the trailing comma marks a corporate author
            ("PY", work.year),
            ("DA", date),
            ("CY", work.place),
            ("SE", unit_name(unit, work.lang)),
            ("M1", work.symbol or ""),
            ("N1", _note(work, unit)),
            ("UR", url),
            ("LA", work.lang),
            ("ER", ""),
        ]
        records.append("".join(f"{tag}  - {value}\r\n" for tag, value in lines if value or tag == "ER"))
    return "".join(records)


def csl_items(work: Work, units: list[tuple[Unit, str]]) -> list[CslItem]:
    items = []
    for unit, url in units:
        item: CslItem = {
            "id": _key(unit, work.lang),
            "type": "document",
            "title": work.unit_title(unit),
            "author": [{"literal": work.body}],
            "issued": {"date-parts": [work.date_parts]} if work.date_parts else {},
            "publisher-place": work.place,
            "section": unit_name(unit, work.lang),
            "note": _note(work, unit),
            "URL": url,
            "language": work.lang,
        }
        if work.translation:
            item["genre"] = _genre(work, unit)  # the styles print the genre: the caveat and the wording's date
        if work.symbol:
            item["number"] = work.symbol
        items.append(item)
    return items


def csl_json(work: Work, units: list[tuple[Unit, str]]) -> str:
    return json.dumps(csl_items(work, units), ensure_ascii=False, indent=1) + "\n"
