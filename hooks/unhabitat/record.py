"""The declaration's official record (``record.yml`` beside the source texts): date of adoption, the UN
document symbol once verified, and the official page a reader can consult. Cited in every citation."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path

from babel import Locale
from babel.dates import format_date

from .datafile import Record, bilingual, check_keys, field, read_records, text_field
from .errors import SourceError
from .labels import locale

RECORD_FILE = "record.yml"
FIELDS = frozenset({"adopted", "symbol", "official"})
RE_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


@dataclass(frozen=True)
class OfficialRecord:
    adopted: str  # YYYY-MM-DD
    symbol: str | None
    url: dict[str, str]
    label: dict[str, str]

    @property
    def date_parts(self) -> list[int]:
        return [int(p) for p in self.adopted.split("-")]

    def date_text(self, lang: str) -> str:
        return date_text(self.adopted, lang)


def date_text(iso: str, lang: str) -> str:
    """``2023-06-09`` as running text in ``lang``: Babel with the pattern of ``cite.date`` in its locale file
    (``2023年6月9日``, ``9 June 2023``)."""
    year, month, day = (int(p) for p in iso.split("-"))
    pattern = locale(lang).cite["date"]
    return format_date(datetime.date(year, month, day), pattern, locale=Locale.parse(lang, sep="-"))


def load_record(path: Path, label: str) -> OfficialRecord:
    records = read_records(path, label)
    if len(records) != 1:
        raise SourceError(label, records[1].line if records else 1, "expected exactly one entry")
    record = records[0]
    check_keys(record, FIELDS)
    adopted = text_field(record, "adopted") or ""
    match = RE_ISO_DATE.match(adopted)
    if not match or not 1 <= int(match[2]) <= 12 or not 1 <= int(match[3]) <= 31:
        raise record.fail("field 'adopted' must be a date YYYY-MM-DD (quoted)", "adopted")
    symbol = text_field(record, "symbol", required=False)
    official = field(record, "official", dict)
    inner = Record(record.path, record.lines.get("official", record.line), official, record.lines)
    url, name = bilingual(inner, "url"), bilingual(inner, "label")
    for lang, link in url.items():
        if not link.startswith("https://"):
            raise record.fail(f"official.url.{lang} must be an https:// link", "official")
    return OfficialRecord(adopted, symbol.strip() if symbol else None, url, name)
