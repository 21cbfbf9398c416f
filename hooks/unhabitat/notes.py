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

FIELDS = frozenset({"unit", "at", "en", "zh"})


@dataclass(frozen=True)
class Note:
    unit: str  # the unit id readers cite: "8", "13(a)"
    at: str
    text: dict[str, str]  # zh, en
    line: int
    end: int  # where the marker goes: the end of ``at`` in the unit's text
    index: int  # 1-based, within its unit

    def eid(self, unit: Unit) -> str:
        return f"{unit.eid}__tn_{self.index}"


def notes_path(source: Path, lang: str) -> Path:
    return source.parent / f"notes.{lang}.yml"


def load_notes(path: Path, label: str, text: Declaration) -> tuple[Note, ...]:
    units = {u.uid: u for u in text.units()}
    notes: list[Note] = []
    for record in read_records(path, label):
        check_keys(record, FIELDS)
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
        body = {lang: " ".join((text_field(record, lang) or "").split()) for lang in ("zh", "en")}
        index = 1 + sum(n.unit == uid for n in notes)
        notes.append(Note(uid, at, body, record.line, units[uid].text.index(at) + len(at), index))
    return tuple(notes)
