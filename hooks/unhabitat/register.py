"""The instrument register (``glossary/instruments.yml``): UN documents and goals the declaration cites."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .datafile import RECORD_LANGS, Record, bilingual, check_keys, field, read_records, text_field

FIELDS = frozenset({"symbol", "kind", "title", "date", "contains", "url", "names"})
RE_DATE = re.compile(r"^\d{4}(-\d{2}-\d{2})?$")
RE_SLUG = re.compile(r"[^a-z0-9]+")
RESERVED_SLUGS = frozenset({"index"})  # instruments/index.md is the list of instruments
MAX_SLUG = 100


@dataclass(frozen=True)
class Instrument:
    symbol: str
    kind: dict[str, str]
    title: dict[str, str]
    date: str
    contains: dict[str, str]
    url: dict[str, str]
    names: dict[str, tuple[str, ...]]
    line: int

    @property
    def slug(self) -> str:
        """The instrument page's URL segment: ``A/RES/71/256`` → ``a-res-71-256``."""
        return RE_SLUG.sub("-", self.symbol.lower()).strip("-")


def load_instruments(path: Path, label: str) -> dict[str, Instrument]:
    instruments: dict[str, Instrument] = {}
    slugs: dict[str, Instrument] = {}
    for record in read_records(path, label):
        instrument = _instrument(record)
        if instrument.symbol in instruments:
            first = instruments[instrument.symbol].line
            raise record.fail(f"instrument {instrument.symbol} repeated (first at line {first})", "symbol")
        # The slug is the page name under instruments/: two symbols with one slug would share a page.
        slug = instrument.slug
        if not slug or slug in RESERVED_SLUGS or len(slug) > MAX_SLUG:
            raise record.fail(
                f"symbol {instrument.symbol!r} gives the page name {slug!r}: it needs Latin letters or digits, "
                f"at most {MAX_SLUG}, and not {', '.join(sorted(RESERVED_SLUGS))}",
                "symbol",
            )
        if slug in slugs:
            other = slugs[slug]
            raise record.fail(
                f"symbol {instrument.symbol!r} gives the same page name {slug!r} as {other.symbol} (line {other.line})",
                "symbol",
            )
        slugs[slug] = instrument
        instruments[instrument.symbol] = instrument
    return dict(sorted(instruments.items()))


def _instrument(record: Record) -> Instrument:
    check_keys(record, FIELDS)
    symbol = text_field(record, "symbol")
    date = str(record.data.get("date", ""))
    if not RE_DATE.match(date):
        raise record.fail("field 'date' must be YYYY or YYYY-MM-DD", "date")
    url = bilingual(record, "url")
    for lang, link in url.items():
        if not link.startswith("https://"):
            raise record.fail(f"url.{lang} must be an https:// link", "url")
    return Instrument(
        symbol=symbol,
        kind=bilingual(record, "kind"),
        title=bilingual(record, "title"),
        date=date,
        contains=bilingual(record, "contains"),
        url=url,
        names=_names(record),
        line=record.line,
    )


def _names(record: Record) -> dict[str, tuple[str, ...]]:
    value = field(record, "names", dict, required=False) or {}
    names = {}
    for lang in (*RECORD_LANGS, *sorted(set(value) - set(RECORD_LANGS), key=str)):
        forms = value.get(lang, [])
        if not isinstance(forms, list) or not all(isinstance(f, str) and f.strip() for f in forms):
            raise record.fail(f"names.{lang} must be a list of non-empty strings", "names")
        names[lang] = tuple(f.strip() for f in forms)
    return names
