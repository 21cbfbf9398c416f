"""Stage 2: check that two editions have the same units and footnotes, one for one."""

from __future__ import annotations

from .errors import SourceError
from .model import Declaration


def check_alignment(source: Declaration, translation: Declaration) -> None:
    """Raise ``SourceError`` at the first unit or footnote that one edition lacks."""
    for this, other in ((source, translation), (translation, source)):
        other_units = {u.uid for u in other.units()}
        for unit in this.units():
            if unit.uid not in other_units:
                kind = "sub-paragraph" if unit.letter else "paragraph"
                raise SourceError(this.path, unit.line, f"{kind} {unit.uid} is missing from {other.path}")
        other_notes = {(f.number, f.cited_by) for f in other.footnotes}
        for note in this.footnotes:
            if (note.number, note.cited_by) not in other_notes:
                raise SourceError(
                    this.path,
                    note.line,
                    f"footnote {note.number} (cited by {note.cited_by}) is missing from {other.path}",
                )
