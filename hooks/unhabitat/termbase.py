"""The term base (``glossary/terms.yml``): validated entries, their forms and their pinyin."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .datafile import Record, bilingual, check_keys, read_records, string_list, text_field
from .errors import SourceError

FIELDS = frozenset({"id", "zh", "variants", "en", "kind", "status", "instrument", "pinyin", "note"})
KINDS = frozenset({"body", "instrument", "programme", "event", "concept", "phrase"})
STATUSES = {"un": "UN-established term", "site": "rendering proposed by this site"}
RE_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# A term's id is its page name under glossary/: index.md is the glossary's own index.
RESERVED_IDS = frozenset({"index"})
MAX_ID = 100
# Spaces the PDF export leaves between Han characters and digits or Latin letters.
RE_LOOSE_SPACE = re.compile(
    r"""
    (?<=[\u3400-\u9fff]) [ \u3000]+ (?=[0-9A-Za-z])    # 年 2030
    | (?<=[0-9A-Za-z]) [ \u3000]+ (?=[\u3400-\u9fff])  # 2030 年
    """,
    re.VERBOSE,
)


def compact(text: str) -> str:
    """The form used for matching: no spaces between Han and Latin or digits."""
    return RE_LOOSE_SPACE.sub("", text)


@dataclass(frozen=True)
class Term:
    id: str
    zh: str
    variants: tuple[str, ...]
    en: tuple[str, ...]
    kind: str
    status: str
    instrument: str | None
    pinyin_override: str | None
    note: dict[str, str]
    line: int

    @property
    def forms(self) -> tuple[str, ...]:
        """Every way the term is written, compacted, longest first."""
        return tuple(sorted({compact(f) for f in (self.zh, *self.variants)}, key=lambda f: (-len(f), f)))


def load_terms(path: Path, label: str, instruments: frozenset[str]) -> tuple[Term, ...]:
    """Validate every entry; a duplicate id or form, a missing field or an unknown instrument is an error."""
    terms: list[Term] = []
    seen_ids: dict[str, int] = {}
    seen_forms: dict[str, int] = {}
    for record in read_records(path, label):
        term = _term(record, instruments)
        if term.id in seen_ids:
            raise record.fail(f"term id '{term.id}' repeated (first at line {seen_ids[term.id]})", "id")
        seen_ids[term.id] = term.line
        for form in term.forms:
            if form in seen_forms:
                raise record.fail(f"duplicate term '{form}' (first at line {seen_forms[form]})", "zh")
            seen_forms[form] = term.line
        terms.append(term)
    if not terms:
        raise SourceError(label, 1, "the term base lists no term")
    return tuple(terms)


def _term(record: Record, instruments: frozenset[str]) -> Term:
    check_keys(record, FIELDS)
    term_id = text_field(record, "id")
    if not RE_ID.match(term_id):
        raise record.fail(f"term id '{term_id}' must be lowercase letters, digits and hyphens", "id")
    if term_id in RESERVED_IDS or len(term_id) > MAX_ID:
        raise record.fail(f"term id '{term_id[:MAX_ID]}' is reserved or longer than {MAX_ID} characters", "id")
    if "en" not in record.data or not record.data["en"]:
        raise record.fail(f"term '{record.data.get('zh', term_id)}' has no English equivalent", "zh")
    kind = text_field(record, "kind")
    if kind not in KINDS:
        raise record.fail(f"kind '{kind}' is not one of {', '.join(sorted(KINDS))}", "kind")
    status = text_field(record, "status")
    if status not in STATUSES:
        raise record.fail(f"status '{status}' is not one of {', '.join(STATUSES)}", "status")
    instrument = text_field(record, "instrument", required=False)
    if instrument is not None and instrument not in instruments:
        raise record.fail(f"unknown instrument '{instrument}' (not in instruments.yml)", "instrument")
    return Term(
        id=term_id,
        zh=text_field(record, "zh").strip(),
        variants=string_list(record, "variants", required=False),
        en=string_list(record, "en"),
        kind=kind,
        status=status,
        instrument=instrument,
        pinyin_override=text_field(record, "pinyin", required=False),
        note=bilingual(record, "note"),
        line=record.line,
    )
