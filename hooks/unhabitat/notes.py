"""Translator's notes of an edition (``source/notes.<lang>.yml``, beside its text), keyed by unit id.

Input: the notes file and the edition's text. Output: the notes in file order, each anchored after
exact words of its unit. An unknown unit, anchor words not found exactly once, an unknown key or a
missing language is a ``file:line`` error.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .datafile import check_keys, read_records, text_field
from .model import Declaration, Unit
from .settings import DEFAULT_LANGS

# Besides these, the note's text in the source language and the first translation (and any other edition's).
FIELDS = frozenset({"unit", "at"})


@dataclass(frozen=True)
class Note:
    unit: str  # the unit id readers cite: "8", "13(a)"
    at: str
    text: dict[str, str]  # language → the note, the source language first
    line: int
    end: int  # where the marker goes: the end of ``at`` in the unit's text
    index: int  # 1-based, within its unit

    def eid(self, unit: Unit) -> str:
        return f"{unit.eid}__tn_{self.index}"


def notes_path(source: Path, lang: str) -> Path:
    return source.parent / f"notes.{lang}.yml"


def load_notes(path: Path, label: str, text: Declaration, langs: tuple[str, ...] = DEFAULT_LANGS) -> tuple[Note, ...]:
    """The translator's notes on ``text`` (the first translation); ``langs``: the editions' languages, the
    source's first. Each note is written in the source language and the first translation, and may be in others."""
    units = {u.uid: u for u in text.units()}
    notes: list[Note] = []
    for record in read_records(path, label):
        check_keys(record, FIELDS | set(langs))
        uid = str(record.data.get("unit", "")).strip()
        if not uid:
            raise record.fail("missing field 'unit'")
        if uid not in units:
            raise record.fail(f"unknown unit '{uid}' (units are cited as 2, 13(a)…)", "unit")
        at = text_field(record, "at") or ""
        found = units[uid].text.count(at)
        if found != 1:
            where = "not found in" if found == 0 else f"found {found} times in"
            raise record.fail(f"'{at}' {where} the text of unit {uid}: give words that occur once", "at")
        given = [lang for lang in langs if lang in langs[:2] or lang in record.data]
        body = {lang: " ".join(text_field(record, lang).split()) for lang in given}
        index = 1 + sum(n.unit == uid for n in notes)
        notes.append(Note(uid, at, body, record.line, units[uid].text.index(at) + len(at), index))
    return tuple(notes)
