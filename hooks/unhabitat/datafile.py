"""Read a YAML data file of ``glossary/`` as a list of records that remember their line numbers."""

from __future__ import annotations

import functools
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeGuard, TypeVar, overload

import yaml

from .errors import SourceError
from .settings import DEFAULT_LANGS
from .source_text import read_input


@dataclass(frozen=True)
class Record:
    """One list item of a data file: its mapping, where it starts, and where each key sits."""

    path: str
    line: int
    data: dict[str, Any]
    lines: dict[str, int]

    def fail(self, message: str, key: object = None) -> SourceError:
        return SourceError(self.path, self.lines.get(str(key), self.line) if key is not None else self.line, message)


T = TypeVar("T")
S = TypeVar("S", bound=str)

if TYPE_CHECKING:
    _SafeLoader = yaml.SafeLoader
else:
    _SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_SafeLoader):
    """A safe loader (libyaml's where present) whose mappings also carry the line of each key (1-based).

    It refuses what a data file never needs and what would go wrong silently or without bound: a key
    repeated in one mapping (YAML keeps the last), aliases (a "billion laughs" file expands to
    gigabytes), and impossible dates (PyYAML raises a bare ``ValueError`` with no line).
    """

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        # libyaml's composer shares an aliased node: a node met twice is an alias (the mark is its anchor's).
        if node in self.constructed_objects:
            raise yaml.constructor.ConstructorError(None, None, "aliases (*name) are not allowed", node.start_mark)
        return super().construct_object(node, deep)

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError as e:
            message = f"invalid date {node.value!r} ({e})"
            raise yaml.constructor.ConstructorError(None, None, message, node.start_mark) from e

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[object, int] = {}
        for key, _ in node.value:
            if not isinstance(key, yaml.ScalarNode):
                continue
            if key.value in seen:
                message = f"key '{key.value}' repeated in one entry (first at line {seen[key.value]})"
                raise yaml.constructor.ConstructorError(None, None, message, key.start_mark)
            seen[key.value] = key.start_mark.line + 1
        mapping = super().construct_mapping(node, deep=True)
        mapping["__lines__"] = {k.value: k.start_mark.line + 1 for k, _ in node.value}
        mapping["__line__"] = node.start_mark.line + 1
        return mapping


_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _LineLoader.construct_yaml_timestamp)


def _strip(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k not in ("__lines__", "__line__")}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


def _decoded(path: Path, label: str) -> str:
    data = read_input(path, label, "the data file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise SourceError(label, data[: e.start].count(b"\n") + 1, "data file is not UTF-8") from e


def _parsed(text: str, label: str) -> Any:
    try:
        return yaml.load(text, Loader=_LineLoader)
    except yaml.MarkedYAMLError as e:
        line = e.problem_mark.line + 1 if e.problem_mark else 1
        raise SourceError(label, line, f"invalid YAML: {e.problem}") from e
    except yaml.YAMLError as e:
        raise SourceError(label, 1, f"invalid YAML: {e}") from e


def read_yaml(path: Path, label: str) -> tuple[Any, str]:
    """The file's YAML with its text; every mapping keeps ``__line__`` and ``__lines__`` (see ``_LineLoader``).
    A YAML error is a ``file:line`` error."""
    text = _decoded(path, label)
    return _parsed(text, label), text


def read_records(path: Path, label: str) -> list[Record]:
    """The file's top-level list; a YAML error or a non-mapping item is a ``file:line`` error."""
    return list(_records(_decoded(path, label), label))


@functools.lru_cache(maxsize=8)
def _records(text: str, label: str) -> tuple[Record, ...]:
    """Parsed once per content: ``make serve`` rebuilds after every edit, mostly of another file, and
    parsing the term base is a fifth of such a rebuild. Nothing changes a record once read."""
    items = _parsed(text, label)
    if not isinstance(items, list):
        raise SourceError(label, 1, "expected a list of entries")
    records = []
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            raise SourceError(label, _item_line(text, index), "each entry must be a mapping")
        records.append(Record(label, item["__line__"], _strip(item), item["__lines__"]))
    return tuple(records)


def _item_line(text: str, index: int) -> int:
    starts = [n + 1 for n, line in enumerate(text.splitlines()) if line.startswith("- ")]
    return starts[index] if index < len(starts) else 1


@overload
def field(record: Record, key: str, kind: type[T], *, required: Literal[True] = ...) -> T: ...
@overload
def field(record: Record, key: str, kind: type[T], *, required: bool) -> T | None: ...
def field(record: Record, key: str, kind: type[T], *, required: bool = True) -> T | None:
    """A typed field of a record; a missing or mistyped one is an error at its line."""
    if key not in record.data or record.data[key] is None:
        if required:
            raise record.fail(f"missing field '{key}'")
        return None
    value = record.data[key]
    if not isinstance(value, kind):
        raise record.fail(f"field '{key}' must be a {kind.__name__}", key)
    return value


@overload
def text_field(record: Record, key: str, *, required: Literal[True] = ...) -> str: ...
@overload
def text_field(record: Record, key: str, *, required: bool) -> str | None: ...
def text_field(record: Record, key: str, *, required: bool = True) -> str | None:
    value = field(record, key, str, required=required)
    if value is not None and not value.strip():
        raise record.fail(f"field '{key}' is empty", key)
    return value


# The languages every record of instruments.yml and record.yml gives (the site's default editions); a
# further edition's language may be added beside them. The term base takes the editions' own (``translated``).
RECORD_LANGS = DEFAULT_LANGS


def in_language(texts: Mapping[str, T], lang: str) -> T:
    """A record's text in ``lang``; a language the record does not give reads the first translation's
    (the second entry: ``translated`` and ``bilingual`` keep the source language first)."""
    if lang in texts:
        return texts[lang]
    values = list(texts.values())
    return values[1] if len(values) > 1 else values[0]


def one_of(value: object, allowed: Collection[S]) -> TypeGuard[S]:
    """Whether ``value`` is one of a closed set of strings (to the checker: of that set's ``Literal`` type)."""
    return value in allowed


def translated(record: Record, key: str, langs: tuple[str, ...]) -> dict[str, str]:
    """A field with a text per language of ``langs`` (the editions', the source's first): the source
    language and the first translation required, the others optional, any other key an error. The
    texts come in the order of ``langs``."""
    value = field(record, key, dict)
    for lang in sorted(set(value) - set(langs), key=str):
        raise record.fail(f"field '{key}': language '{lang}' is not an edition's ({', '.join(langs)})", key)
    for lang in langs:
        if (lang in langs[:2] or lang in value) and (not isinstance(value.get(lang), str) or not value[lang].strip()):
            raise record.fail(f"field '{key}' needs a non-empty '{lang}' text", key)
    return {lang: value[lang].strip() for lang in langs if lang in value}


def bilingual(record: Record, key: str) -> dict[str, str]:
    """A field with the texts of ``RECORD_LANGS``, present and non-empty, and any further language's text."""
    value = field(record, key, dict)
    langs = (*RECORD_LANGS, *sorted(set(value) - set(RECORD_LANGS), key=str))
    for lang in langs:
        if not isinstance(value.get(lang), str) or not value[lang].strip():
            raise record.fail(f"field '{key}' needs a non-empty '{lang}' text", key)
    return {lang: value[lang].strip() for lang in langs}


def string_list(record: Record, key: str, *, required: bool = True) -> tuple[str, ...]:
    value = field(record, key, list, required=required)
    if value is None:
        return ()
    if not value and required:
        raise record.fail(f"field '{key}' must list at least one entry", key)
    if not all(isinstance(v, str) and v.strip() for v in value):
        raise record.fail(f"field '{key}' must be a list of non-empty strings", key)
    return tuple(v.strip() for v in value)


def check_keys(record: Record, allowed: frozenset[str]) -> None:
    for key in sorted(set(record.data) - allowed, key=str):
        raise record.fail(f"unknown field '{key}'", key)
