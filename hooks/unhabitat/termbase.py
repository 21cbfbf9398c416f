"""The term base (``glossary/terms.yml``) as concept records, after UNTERM and TBX-Basic (ISO 30042).

Input: the YAML file. Output: validated, frozen ``Term`` records (one concept each, with its
designations per language), ``Moved`` entries (an id that left keeps its URL) and the drafting
formulae of ``glossary/formulae.yml``. Every error names ``file:line``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, get_args

from .datafile import (
    Record,
    check_keys,
    field,
    one_of,
    read_records,
    string_list,
    text_field,
    translated,
)
from .errors import SourceError
from .settings import DEFAULT_LANGS, RE_LANG

# Besides these, an entry has a key per language of the base (``extra.editions``): its designations there.
FIELDS = frozenset(
    {"id", "kind", "subject", "status", "source", "body", "match", "definition", "note", "xref"}
    | {"instrument", "pinyin", "proper", "moved_to", "reason"}
)
MOVED_FIELDS = frozenset({"id", "moved_to", "reason"})
FORMULA_FIELDS = frozenset({"id", "pinyin", "note", "match"})
Kind = Literal["body", "instrument", "programme", "event", "place", "concept", "phrase"]
KINDS: frozenset[Kind] = frozenset(get_args(Kind))
# Kinds whose Chinese names are proper names (capitalised in pinyin, part of speech properNoun).
PROPER_KINDS: frozenset[Kind] = frozenset({"body", "instrument", "programme", "event", "place"})
# Subject fields, after the subject labels of UNTERM records; one per concept. Their names in each
# language are interface words (``glossary.subjects`` of ``locales/<lang>.yml``).
SUBJECTS = (
    *("human-settlements", "housing", "climate-environment", "disaster-risk", "sustainable-development"),
    *("human-rights", "development-cooperation", "un-system", "water-sanitation", "governance"),
)
# A concept's equivalent in the first translation: established UN usage, or this site's own rendering.
Status = Literal["un", "site"]
STATUSES: dict[Status, str] = {"un": "established UN usage", "site": "rendering proposed by this site"}
# Designation data categories (TBX-Basic picklists).
TermType = Literal["fullForm", "shortForm", "acronym", "variant", "phrase"]
TermStatus = Literal["preferred", "admitted", "deprecated"]
PartOfSpeech = Literal["noun", "properNoun", "verb", "adjective", "adverb", "other"]
TERM_TYPES: tuple[TermType, ...] = get_args(TermType)
TERM_STATUSES: tuple[TermStatus, ...] = get_args(TermStatus)
PARTS_OF_SPEECH: tuple[PartOfSpeech, ...] = get_args(PartOfSpeech)
TERM_FIELDS = frozenset({"term", "type", "pos", "status", "find", "requires", "pattern", "source", "note"})
XREF_KINDS = ("broader", "narrower", "related", "short_form_of", "see")
# Reserved for the page of drafting formulae under /glossary/.
RESERVED_IDS = frozenset({"formulae", "index"})
RE_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MAX_ID = 100
# Spaces the PDF export leaves between Han characters and digits or Latin letters.
RE_LOOSE_SPACE = re.compile(
    r"""
    (?<=[\u3400-\u9fff]) [ \u3000]+ (?=[0-9A-Za-z])    # 年 2030
    | (?<=[0-9A-Za-z]) [ \u3000]+ (?=[\u3400-\u9fff])  # 2030 年
    """,
    re.VERBOSE,
)
# Multi-value CSV cells are joined with "; ", so no designation may contain ";".
RE_BAD_TERM = re.compile(r"[;\n]")


def compact(text: str) -> str:
    """The form used for matching: no spaces between Han and Latin or digits."""
    return RE_LOOSE_SPACE.sub("", text)


@dataclass(frozen=True)
class Designation:
    """One term (a designation of the concept) in one language, with its TBX-Basic data categories."""

    text: str
    lang: str
    type: TermType
    pos: PartOfSpeech
    status: TermStatus
    find: bool  # looked for in the text (Chinese) or accepted by the consistency check (English)
    requires: tuple[str, ...]  # the unit must also contain one of these for a match to count
    pattern: re.Pattern[str] | None  # a match counts only where this matches at its start (lookarounds)
    source: str | None
    note: str | None


@dataclass(frozen=True)
class Definition:
    texts: dict[str, str]  # language → the definition; the source language and the first translation at least
    source: str


@dataclass(frozen=True)
class Term:
    """A concept entry, its designations in each language of the base (the source language's first)."""

    id: str
    langs: tuple[str, ...]  # the languages of the base: the source edition's, then the translations'
    kind: Kind
    subject: str
    status: Status
    source: str | None
    body: str | None
    designations: tuple[Designation, ...]
    match: dict[str, tuple[str, ...]]
    definition: Definition | None
    note: dict[str, str]
    xref: dict[str, tuple[str, ...]]
    instrument: str | None
    pinyin_override: str | None
    proper: bool
    line: int

    @property
    def source_lang(self) -> str:
        return self.langs[0]

    @property
    def translation(self) -> str:
        """The first translation: every entry gives its equivalent there, and its text is checked for it."""
        return self.langs[1]

    def names(self, lang: str) -> list[str]:
        """The term's names in ``lang``, the one to show first; a language the entry does not give yet
        (no equivalent recorded) reads the first translation's."""
        if lang == self.source_lang:
            return [self.head, *self.variants]
        return list(self.equivalents(lang) or self.equivalents(self.translation))

    def name(self, lang: str) -> str:
        return self.names(lang)[0]

    def terms(self, lang: str) -> tuple[Designation, ...]:
        return tuple(d for d in self.designations if d.lang == lang)

    @property
    def head(self) -> str:
        """The head form in the source language: the first the text uses."""
        return next(d.text for d in self.terms(self.source_lang) if d.find)

    @property
    def variants(self) -> tuple[str, ...]:
        """Other source-language forms the text uses."""
        return tuple(d.text for d in self.terms(self.source_lang) if d.find and d.text != self.head)

    def equivalents(self, lang: str) -> tuple[str, ...]:
        """Designations in ``lang`` that are not deprecated, preferred first."""
        return tuple(d.text for d in self.terms(lang) if d.status != "deprecated")

    @property
    def forms(self) -> tuple[str, ...]:
        """Every source-language string looked for in the text, compacted, longest first."""
        lang = self.source_lang
        found = {compact(d.text) for d in self.terms(lang) if d.find} | {compact(m) for m in self.match[lang]}
        return tuple(sorted(found, key=lambda f: (-len(f), f)))

    def conditions(self, form: str) -> tuple[tuple[str, ...], re.Pattern[str] | None]:
        """The context conditions of a source form: strings its unit must contain, a pattern at its start."""
        designations = self.terms(self.source_lang)
        return next(((d.requires, d.pattern) for d in designations if compact(d.text) == form), ((), None))

    def target_forms(self, lang: str) -> tuple[str, ...]:
        """What a translation's text is searched for: its equivalents looked for, and their inflected forms."""
        found = (d.text for d in self.terms(lang) if d.find and d.status != "deprecated")
        return (*found, *self.match.get(lang, ()))


@dataclass(frozen=True)
class Moved:
    """An id that left the base: its URL stays, with a page saying where the entry went."""

    id: str
    moved_to: str
    reason: dict[str, str] | None
    line: int


@dataclass(frozen=True)
class Formula:
    """A UN drafting formula (欢迎, 重申…): phraseology, listed apart and never marked in the text."""

    id: str
    head: str  # in the source language
    equivalents: dict[str, tuple[str, ...]]  # in each translation the file gives
    pinyin_override: str | None
    note: dict[str, str]
    match: tuple[str, ...]
    line: int


@dataclass(frozen=True)
class TermBase:
    terms: tuple[Term, ...]
    moved: tuple[Moved, ...]
    formulae: tuple[Formula, ...]


def load_terms(
    path: Path, label: str, instruments: frozenset[str], langs: tuple[str, ...] = DEFAULT_LANGS
) -> tuple[Term, ...]:
    """The concept entries only (see ``load_term_base`` for moved ids and formulae)."""
    return load_term_base(path, label, instruments, formulae_beside(path, label, langs), langs).terms


def formulae_beside(terms_path: Path, terms_label: str, langs: tuple[str, ...] = DEFAULT_LANGS) -> tuple[Formula, ...]:
    """The drafting formulae kept next to the term base (``formulae.yml``); another declaration may have none."""
    path = terms_path.with_name("formulae.yml")
    label = str(Path(terms_label).with_name("formulae.yml"))
    return load_formulae(path, label, langs) if path.is_file() else ()


def load_term_base(
    path: Path,
    label: str,
    instruments: frozenset[str],
    formulae: tuple[Formula, ...] = (),
    langs: tuple[str, ...] = DEFAULT_LANGS,
) -> TermBase:
    """Validate every entry; a duplicate id or form, a bad field or a dangling reference is an error.

    ``langs`` are the editions' languages, the source edition's first. An entry gives its designations
    in the source language and in the first translation; a further edition's language is optional (an
    entry without it has no equivalent there yet, and shows the first translation's). A language key
    that is not an edition's is an error."""
    terms: list[Term] = []
    moved: list[Moved] = []
    seen_ids: dict[str, int] = {}
    seen_forms: dict[str, int] = {}
    records = read_records(path, label)
    for record in records:
        if "moved_to" in record.data:
            item: Term | Moved = _moved(record, langs)
        else:
            item = _term(record, instruments, langs)
        if item.id in seen_ids:
            raise record.fail(f"term id '{item.id}' repeated (first at line {seen_ids[item.id]})", "id")
        seen_ids[item.id] = item.line
        if isinstance(item, Moved):
            moved.append(item)
            continue
        for form in item.forms:
            if form in seen_forms:
                raise record.fail(f"duplicate term '{form}' (first at line {seen_forms[form]})", langs[0])
            seen_forms[form] = item.line
        terms.append(item)
    if not terms:
        raise SourceError(label, 1, "the term base lists no term")
    term_ids = {t.id for t in terms}
    formula_ids = {f.id for f in formulae}
    by_id = {r.data.get("id"): r for r in records}
    for term in terms:
        for kind, targets in term.xref.items():
            for target in targets:
                if target not in term_ids or target == term.id:
                    raise by_id[term.id].fail(f"xref {kind} '{target}' is not another entry of the base", "xref")
    for entry in moved:
        target = entry.moved_to
        if target.startswith("formulae#"):
            known = target.removeprefix("formulae#") in formula_ids
        else:
            known = target == "index" or target in term_ids
        if not known:
            raise by_id[entry.id].fail(
                f"moved_to '{target}' is not an entry, 'index' or formulae#<formula id>", "moved_to"
            )
    return TermBase(tuple(terms), tuple(moved), formulae)


def load_formulae(path: Path, label: str, langs: tuple[str, ...] = DEFAULT_LANGS) -> tuple[Formula, ...]:
    """Each formula in the source language, with its equivalents in the first translation (and any other)."""
    source, translation = langs[0], langs[1]
    out: list[Formula] = []
    seen: dict[str, int] = {}
    for record in read_records(path, label):
        _check_keys(record, FORMULA_FIELDS, langs)
        formula_id = _id(record)
        if formula_id in seen:
            raise record.fail(f"formula id '{formula_id}' repeated (first at line {seen[formula_id]})", "id")
        seen[formula_id] = record.line
        given = [lang for lang in langs[1:] if lang in record.data]
        out.append(
            Formula(
                id=formula_id,
                head=text_field(record, source).strip(),
                equivalents={lang: string_list(record, lang, required=lang == translation) for lang in given},
                pinyin_override=text_field(record, "pinyin", required=False),
                note=translated(record, "note", langs),
                match=string_list(record, "match", required=False),
                line=record.line,
            )
        )
    return tuple(out)


def _check_keys(record: Record, fields: frozenset[str], langs: tuple[str, ...]) -> None:
    """The fields, and a key per language of the base; a language tag that is not an edition's is named so."""
    unknown = sorted(set(record.data) - fields - set(langs), key=str)
    if unknown and RE_LANG.fullmatch(str(unknown[0])):
        key = unknown[0]
        raise record.fail(f"language '{key}' is not an edition's (extra.editions: {', '.join(langs)})", key)
    check_keys(record, fields | set(langs))


def _id(record: Record) -> str:
    term_id = text_field(record, "id")
    if not RE_ID.match(term_id):
        raise record.fail(f"term id '{term_id}' must be lowercase letters, digits and hyphens", "id")
    if term_id in RESERVED_IDS or len(term_id) > MAX_ID:
        raise record.fail(f"term id '{term_id[:MAX_ID]}' is reserved or longer than {MAX_ID} characters", "id")
    return term_id


def _moved(record: Record, langs: tuple[str, ...]) -> Moved:
    check_keys(record, MOVED_FIELDS)
    return Moved(
        id=_id(record),
        moved_to=text_field(record, "moved_to"),
        reason=translated(record, "reason", langs) if "reason" in record.data else None,
        line=record.line,
    )


def _term(record: Record, instruments: frozenset[str], langs: tuple[str, ...]) -> Term:
    _check_keys(record, FIELDS, langs)
    term_id = _id(record)
    source_lang, translation = langs[0], langs[1]
    if source_lang not in record.data or not record.data[source_lang]:
        raise record.fail(f"term '{term_id}' has no designation in '{source_lang}', the source language", "id")
    if translation not in record.data or not record.data[translation]:
        raise record.fail(f"term '{term_id}' has no equivalent in '{translation}'", source_lang)
    kind = text_field(record, "kind")
    if not one_of(kind, KINDS):
        raise record.fail(f"kind '{kind}' is not one of {', '.join(sorted(KINDS))}", "kind")
    subject = text_field(record, "subject")
    if subject not in SUBJECTS:
        raise record.fail(f"subject '{subject}' is not one of {', '.join(SUBJECTS)}", "subject")
    status = text_field(record, "status")
    if not one_of(status, STATUSES):
        raise record.fail(f"status '{status}' is not one of {', '.join(STATUSES)}", "status")
    source = text_field(record, "source", required=False)
    if status == "un" and source is None:
        raise record.fail("status 'un' needs a 'source' naming where the usage is established", "status")
    instrument = text_field(record, "instrument", required=False)
    if instrument is not None and instrument not in instruments:
        raise record.fail(f"unknown instrument '{instrument}' (not in instruments.yml)", "instrument")
    proper = field(record, "proper", bool, required=False)
    proper = kind in PROPER_KINDS if proper is None else proper
    designations = tuple(
        d for lang in langs if lang in record.data for d in _designations(record, lang, kind, proper)
    )
    if not any(d.find for d in designations if d.lang == source_lang):
        message = f"no '{source_lang}' designation is looked for in the text (all have find: false)"
        raise record.fail(message, source_lang)
    if not any(d.status == "preferred" for d in designations if d.lang == translation):
        raise record.fail(f"no preferred designation in '{translation}'", translation)
    match = _match(record, langs)
    if not any(d.find for d in designations if d.lang == translation) and not match[translation]:
        message = f"nothing in '{translation}' or 'match.{translation}' for the consistency check to look for"
        raise record.fail(message, translation)
    return Term(
        id=term_id,
        langs=langs,
        kind=kind,
        subject=subject,
        status=status,
        source=source,
        body=text_field(record, "body", required=False),
        designations=designations,
        match=match,
        definition=_definition(record, langs),
        note=translated(record, "note", langs),
        xref=_xref(record),
        instrument=instrument,
        pinyin_override=text_field(record, "pinyin", required=False),
        proper=proper,
        line=record.line,
    )


def _designations(record: Record, lang: str, kind: Kind, proper: bool) -> tuple[Designation, ...]:
    """A language's designations: a string, or a list of strings and ``{term: …}`` mappings (the preferred
    one first by default)."""
    raw = record.data.get(lang)
    items = [raw] if isinstance(raw, str) else raw
    if not isinstance(items, list) or not items:
        raise record.fail(f"field '{lang}' must be a term or a list of terms", lang)
    default_pos = "properNoun" if proper else "other" if kind == "phrase" else "noun"
    out = []
    for rank, item in enumerate(items):
        if isinstance(item, str):
            item = {"term": item}
        if not isinstance(item, dict):
            raise record.fail(f"each item of '{lang}' must be a string or a mapping with 'term'", lang)
        for key in sorted(set(item) - TERM_FIELDS):
            raise record.fail(f"unknown field '{key}' in a term of '{lang}'", lang)
        text = item.get("term")
        if not isinstance(text, str) or not text.strip() or RE_BAD_TERM.search(text):
            raise record.fail(f"a term of '{lang}' must be a non-empty string without ';'", lang)
        values = {
            "type": item.get("type", "phrase" if kind == "phrase" else "fullForm" if rank == 0 else "variant"),
            "pos": item.get("pos", default_pos),
            "status": item.get("status", "preferred" if rank == 0 else "admitted"),
        }
        for key, allowed in (("type", TERM_TYPES), ("pos", PARTS_OF_SPEECH), ("status", TERM_STATUSES)):
            if values[key] not in allowed:
                raise record.fail(f"{key} '{values[key]}' of '{text}' is not one of {', '.join(allowed)}", lang)
        find = item.get("find", True)
        requires = item.get("requires", [])
        if not isinstance(find, bool) or not isinstance(requires, list):
            raise record.fail(f"'find' of '{text}' must be true/false and 'requires' a list", lang)
        for key in ("source", "note"):
            if item.get(key) is not None and not isinstance(item[key], str):
                raise record.fail(f"{key} of '{text}' must be a text", lang)
        pattern = item.get("pattern")
        if pattern is not None and not isinstance(pattern, str):
            raise record.fail(f"pattern of '{text}' is not a regular expression (not a string)", lang)
        try:
            compiled = re.compile(pattern) if pattern is not None else None
        except re.error as e:
            raise record.fail(f"pattern of '{text}' is not a regular expression ({e})", lang) from e
        if pattern is not None and compact(text) not in pattern:
            raise record.fail(f"pattern of '{text}' must spell the term itself", lang)
        out.append(
            Designation(
                text=text.strip(),
                lang=lang,
                find=find,
                requires=tuple(str(r) for r in requires),
                pattern=compiled,
                source=item.get("source"),
                note=item.get("note"),
                **values,
            )
        )
    return tuple(out)


def _match(record: Record, langs: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    value = field(record, "match", dict, required=False) or {}
    for key in sorted(set(value) - set(langs), key=str):
        raise record.fail(f"unknown language '{key}' in 'match' (extra.editions: {', '.join(langs)})", "match")
    out = {}
    for lang in langs:
        strings = value.get(lang, [])
        if not isinstance(strings, list) or not all(isinstance(s, str) and s.strip() for s in strings):
            raise record.fail(f"match.{lang} must be a list of non-empty strings", "match")
        out[lang] = tuple(s.strip() for s in strings)
    return out


def _definition(record: Record, langs: tuple[str, ...]) -> Definition | None:
    if "definition" not in record.data:
        return None
    value = field(record, "definition", dict)
    source = value.get("source")
    if not isinstance(source, str) or not source.strip():
        raise record.fail(
            "a definition needs its 'source' (document symbol and paragraph, or a reference)", "definition"
        )
    texts = {k: v for k, v in value.items() if k != "source"}
    inner = Record(record.path, record.line, {"definition": texts}, record.lines)
    return Definition(translated(inner, "definition", langs), source.strip())


def _xref(record: Record) -> dict[str, tuple[str, ...]]:
    value = field(record, "xref", dict, required=False) or {}
    out: dict[str, tuple[str, ...]] = {}
    for kind, targets in value.items():
        if kind not in XREF_KINDS:
            raise record.fail(f"xref kind '{kind}' is not one of {', '.join(XREF_KINDS)}", "xref")
        targets = [targets] if isinstance(targets, str) else targets
        if not isinstance(targets, list) or not all(isinstance(t, str) for t in targets):
            raise record.fail(f"xref {kind} must be an id or a list of ids", "xref")
        out[kind] = tuple(targets)
    return out
