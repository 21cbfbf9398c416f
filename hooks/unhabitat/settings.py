"""The ``extra`` block of an edition's MkDocs configuration, checked before anything is read.

``!ENV [NAME, default]`` gives ``None`` when the variable is set but empty, and a typo in a key
would otherwise end in a ``KeyError``: both are errors at the configuration file's line.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .errors import SourceError
from .markup import site_root

EDITIONS = ("zh", "en")
SOURCES = ("zh", "en")
DATA = ("terms", "instruments")


@dataclass(frozen=True)
class Settings:
    edition: str
    sources: dict[str, str]
    data: dict[str, str]
    site_root: str


def _fail(config_file: str, key: str, message: str) -> SourceError:
    return SourceError(Path(config_file).name, _line(config_file, key), message)


def _line(config_file: str, key: str) -> int:
    """The first line of the configuration file that sets ``key`` (1 when it is not there, e.g. inherited)."""
    try:
        lines = Path(config_file).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    return next((n for n, line in enumerate(lines, 1) if line.strip().startswith(f"{key}:")), 1)


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


def read_settings(extra: Mapping[str, object], config_file: str) -> Settings:
    edition = extra.get("edition")
    if edition not in EDITIONS:
        message = f"extra.edition {edition!r} must be one of {', '.join(EDITIONS)}"
        raise _fail(config_file, "edition", message)
    return Settings(
        edition=edition,
        sources=_paths(extra, "sources", SOURCES, config_file),
        data=_paths(extra, "glossary", DATA, config_file),
        site_root=site_root(extra.get("site_root"), "SITE_ROOT"),
    )
