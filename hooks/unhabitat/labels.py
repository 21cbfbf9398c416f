"""Interface words of each edition, read from ``locales/<lang>.yml``, and how a unit is named in running text."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .datafile import read_yaml
from .errors import SourceError
from .model import Unit


@dataclass(frozen=True)
class Labels:
    language: str
    home: str
    paragraphs: str
    paragraph: str
    full_text: str
    footnotes: str
    contents: str
    parallel: str
    copy_link: str
    unit: str
    point: str
    cite: str
    copy_citation: str
    downloads: str
    glossary: str
    instruments: str
    actions: str
    site_form: str
    copy: str
    adopted: str
    official_record: str
    symbol: str
    notes: str
    note: str
    note_on: str
    revised: str
    earlier: str
    changes: str
    changes_intro: str
    no_history: str
    draft: str
    previously: str
    show_terms: str
    parallel_with: str  # the menu of editions to show beside this one, with three editions or more
    opening_cut: str  # how the contents cut a paragraph's opening: '24 characters', '12 words'
    opening_more: str  # what marks the cut


@dataclass(frozen=True)
class Site:
    """What the configuration of an edition says in its language: the site's name, the palette switch, and
    the notice an unofficial edition shows on every page."""

    name: str
    description: str
    light_mode: str
    dark_mode: str
    notice_title: str
    notice_text: str
    notice_more: str
    official_edition: str  # the landing page's link to this edition when its text is official
    translation: str  # … when it is a translation
    landing_note: str  # under the links, for a translation: which text is the source
    edition_link_official: str  # another edition's 404 page links this one so
    edition_link_translation: str
    not_found_title: str  # the 404 page: {count} paragraphs, {slash} and {s} the search keys
    not_found_example: str
    not_found_search: str
    not_found_home: str


@dataclass(frozen=True)
class Locale:
    """The interface words of one language (``locales/<lang>.yml``)."""

    lang: str
    site: Site
    labels: Labels
    glossary: dict[str, Any]  # the glossary pages' words, nested by what they name
    instruments: dict[str, str]
    citations: dict[str, dict[str, str]]  # style key → its name and CSL locale, in the order offered
    languages: dict[str, str]  # the names of languages in this one
    downloads: dict[str, Any]  # the downloads page's words; ``files``: a description of each fixed file
    script: dict[str, str]  # the words of the page's scripts, which read them from the page
    cite: dict[str, str]  # the citation sentence and the citation files' words (cite.py), the date pattern
    references: dict[str, str]  # ``pattern``: how the text of this language cites instruments (references.py)
    keys: frozenset[str]  # every key path (``glossary.kinds.body``), for comparing locales


def _words(tree: dict[str, Any], label: str, where: str) -> dict[str, Any]:
    """A mapping of non-empty strings or mappings of them, with the line markers removed."""
    out: dict[str, Any] = {}
    lines = tree.get("__lines__", {})
    for key, value in tree.items():
        if key in ("__lines__", "__line__"):
            continue
        if isinstance(value, dict):
            out[key] = _words(value, label, f"{where}{key}.")
        elif isinstance(value, str) and value.strip():
            out[key] = value
        else:
            raise SourceError(label, lines.get(key, tree.get("__line__", 1)), f"'{where}{key}' must be non-empty text")
    return out


def _paths(words: dict[str, Any], prefix: str = "") -> set[str]:
    return {p for k, v in words.items() for p in (_paths(v, f"{prefix}{k}.") if isinstance(v, dict) else {prefix + k})}


def _section(words: dict[str, Any], tree: dict[str, Any], name: str, kind: type, label: str) -> Any:
    """A section whose keys are exactly the fields of ``kind``."""
    fields = {f.name for f in dataclasses.fields(kind)}
    section = words.get(name)
    line = tree.get("__lines__", {}).get(name, 1)
    if not isinstance(section, dict):
        raise SourceError(label, line, f"section '{name}' is missing")
    missing = sorted(fields - set(section))
    if missing:
        raise SourceError(label, line, f"'{name}' lacks {', '.join(missing)}")
    for key in sorted(set(section) - fields):
        raise SourceError(label, tree[name]["__lines__"][key], f"unknown key '{name}.{key}'")
    if any(not isinstance(v, str) for v in section.values()):
        raise SourceError(label, line, f"every key of '{name}' is text")
    return kind(**section)


def read_locale(path: Path, label: str) -> Locale:
    """One locale file, every word present and non-empty; errors are ``file:line``."""
    tree, _ = read_yaml(path, label)
    if not isinstance(tree, dict):
        raise SourceError(label, 1, f"expected a mapping of {', '.join(SECTIONS)}")
    words = _words(tree, label, "")
    for key in sorted(set(words) - set(SECTIONS)):
        raise SourceError(label, tree["__lines__"][key], f"unknown section '{key}'")
    for key in SECTIONS:
        if not isinstance(words.get(key), dict):
            raise SourceError(label, tree["__lines__"].get(key, 1), f"section '{key}' is missing")
    return Locale(
        lang=path.stem,
        site=_section(words, tree, "site", Site, label),
        labels=_section(words, tree, "labels", Labels, label),
        glossary=words["glossary"],
        instruments=words["instruments"],
        citations=words["citations"],
        languages=words["languages"],
        downloads=words["downloads"],
        script=words["script"],
        cite=words["cite"],
        references=words["references"],
        # Which languages a locale names is its own affair (an unnamed one is called by its own name).
        keys=frozenset(p for p in _paths(words) if not p.startswith("languages.")),
    )


SECTIONS = (
    *("site", "labels", "glossary", "instruments", "citations", "languages", "downloads", "script"),
    *("cite", "references"),
)
LOCALES = Path(__file__).resolve().parents[2] / "locales"


def locale(lang: str, folder: Path = LOCALES) -> Locale:
    """The locale of ``lang``; its file is looked at once per build (``refresh``), not on each of the
    hundred thousand calls a large build makes."""
    return _current(lang, folder)


@functools.cache
def _current(lang: str, folder: Path) -> Locale:
    path = folder / f"{lang}.yml"
    try:
        changed = path.stat().st_mtime_ns
    except OSError:
        raise SourceError(f"{folder.name}/{lang}.yml", 0, f"no interface words for the edition '{lang}'") from None
    return _read_locale(path, changed)


def refresh() -> None:
    """Look at the locale files again on the next call: each build starts with this, since ``make serve``
    keeps its workers and a locale may have been edited since the last build (a file left unchanged is
    not read again)."""
    _current.cache_clear()


@functools.cache
def _read_locale(path: Path, changed: int) -> Locale:
    return read_locale(path, f"{path.parent.name}/{path.name}")


def check_locales(langs: Iterable[str], folder: Path = LOCALES) -> None:
    """Every edition has its locale, with the same keys as the source edition's (the first)."""
    first, *others = (locale(lang, folder) for lang in langs)
    for other in others:
        label = f"{folder.name}/{other.lang}.yml"
        missing, extra = sorted(first.keys - other.keys), sorted(other.keys - first.keys)
        if missing:
            raise SourceError(label, 1, f"lacks '{missing[0]}', which {first.lang}.yml has")
        if extra:
            raise SourceError(label, 1, f"has '{extra[0]}', which {first.lang}.yml lacks")


def language_name(lang: str, in_lang: str) -> str:
    """What ``in_lang`` calls ``lang``: its locale's name for it, else the language's own name."""
    return locale(in_lang).languages.get(lang) or words(lang).language


def words(lang: str) -> Labels:
    return locale(lang).labels


def unit_name(unit: Unit, lang: str) -> str:
    labels = words(lang)
    if unit.letter:
        return labels.point.format(n=unit.paragraph, letter=unit.letter)
    return labels.unit.format(n=unit.paragraph)


def paragraph_title(number: int, lang: str) -> str:
    return words(lang).paragraph.format(n=number)
