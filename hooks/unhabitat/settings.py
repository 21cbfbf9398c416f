"""The ``extra`` block of the MkDocs configuration, checked before anything is read.

``extra.editions`` is the one list of the site's editions: each entry names a language, its text, whether
the text is official, and its writing direction; the first entry is the source edition. ``extra.edition``
picks the edition a build makes (empty: the source edition). ``!ENV [NAME, default]`` gives ``None`` when
the variable is set but empty, and a typo in a key would otherwise end in a ``KeyError``: both are errors
at the configuration file's line.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .errors import SourceError
from .markup import site_root

DATA = ("terms", "instruments")
# The site's editions (mkdocs.yml) for a caller without a configuration: the term base read alone, the tests.
DEFAULT_LANGS = ("zh", "en")
EDITION_KEYS = ("lang", "source", "status", "dir")
STATUSES = ("official", "unofficial")
DIRECTIONS = ("ltr", "rtl")
# A BCP 47 language tag as a folder name: /zh/, /en/, /ar/, /pt-br/.
RE_LANG = re.compile(r"[a-z]{2,3}(-[a-z0-9]{2,8})*")


@dataclass(frozen=True)
class EditionSpec:
    """One entry of ``extra.editions``."""

    lang: str
    source: str  # the text's path, relative to the configuration file
    status: str  # official or unofficial (a translation of the source edition)
    dir: str  # ltr or rtl

    @property
    def official(self) -> bool:
        return self.status == "official"


@dataclass(frozen=True)
class Settings:
    edition: str
    editions: tuple[EditionSpec, ...]
    data: dict[str, str]
    site_root: str

    @property
    def sources(self) -> dict[str, str]:
        """Language → source text path, the source edition first."""
        return {e.lang: e.source for e in self.editions}

    @property
    def source_lang(self) -> str:
        return self.editions[0].lang

    @property
    def spec(self) -> EditionSpec:
        return next(e for e in self.editions if e.lang == self.edition)


def _fail(config_file: str, key: str, message: str) -> SourceError:
    return SourceError(Path(config_file).name, _line(config_file, key), message)


def _line(config_file: str, key: str) -> int:
    """The first line of the configuration file that sets ``key`` (1 when it is not there, e.g. inherited)."""
    try:
        lines = Path(config_file).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    return next((n for n, line in enumerate(lines, 1) if line.strip().lstrip("- ").startswith(f"{key}:")), 1)


def _paths(extra: Mapping[str, object], name: str, keys: tuple[str, ...], config_file: str) -> dict[str, str]:
    block = extra.get(name)
    if not isinstance(block, dict):
        raise _fail(config_file, "extra", f"extra.{name} must map {', '.join(keys)} to files")
    out = {}
    for key in keys:
        value = block.get(key)
        if not isinstance(value, str) or not value.strip():
            raise _fail(config_file, key, f"extra.{name}.{key} is missing or empty (a variable set to ''?)")
        out[key] = value
    unknown = sorted(set(block) - set(keys), key=str)
    if unknown:
        raise _fail(config_file, str(unknown[0]), f"unknown key extra.{name}.{unknown[0]}")
    return out


def read_editions(extra: Mapping[str, object], config_file: str) -> tuple[EditionSpec, ...]:
    """``extra.editions``, each entry complete and each language once; the first is the source edition."""
    entries = extra.get("editions")
    if not isinstance(entries, list) or not entries:
        raise _fail(config_file, "editions", "extra.editions must list the editions, the source edition first")
    editions: list[EditionSpec] = []
    for n, entry in enumerate(entries, 1):
        where = f"extra.editions entry {n}"
        if not isinstance(entry, dict):
            raise _fail(config_file, "editions", f"{where} must be a mapping of {', '.join(EDITION_KEYS)}")
        unknown = sorted(set(entry) - set(EDITION_KEYS), key=str)
        if unknown:
            raise _fail(config_file, str(unknown[0]), f"unknown key {unknown[0]} in {where}")
        values = {}
        for key in EDITION_KEYS:
            value = entry.get(key)
            if not isinstance(value, str) or not value.strip():
                raise _fail(config_file, key, f"{where}: {key} is missing or empty (a variable set to ''?)")
            values[key] = value.strip()
        lang = values["lang"]
        if not RE_LANG.fullmatch(lang):
            example = f"{DEFAULT_LANGS[0]}, pt-br"
            raise _fail(config_file, "lang", f"{where}: lang {lang!r} is not a lower-case language tag ({example})")
        if any(e.lang == lang for e in editions):
            raise _fail(config_file, "lang", f"{where}: the edition {lang!r} is listed twice")
        for key, allowed in (("status", STATUSES), ("dir", DIRECTIONS)):
            if values[key] not in allowed:
                raise _fail(config_file, key, f"{where}: {key} {values[key]!r} must be one of {', '.join(allowed)}")
        editions.append(EditionSpec(lang, entry["source"], values["status"], values["dir"]))
    if not editions[0].official:
        raise _fail(config_file, "status", "extra.editions: the first entry is the source edition, so it is official")
    return tuple(editions)


def read_settings(extra: Mapping[str, object], config_file: str) -> Settings:
    editions = read_editions(extra, config_file)
    langs = [e.lang for e in editions]
    edition = extra.get("edition") or langs[0]
    if edition not in langs:
        message = f"extra.edition {edition!r} must be one of {', '.join(langs)}"
        raise _fail(config_file, "edition", message)
    return Settings(
        edition=edition,
        editions=editions,
        data=_paths(extra, "glossary", DATA, config_file),
        site_root=site_root(extra.get("site_root"), "SITE_ROOT"),
    )
