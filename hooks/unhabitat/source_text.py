"""Stage 1: the source text (a PDF export, one line per paragraph) → a ``Declaration``.

The line format, the same in every language:

* the title block: non-empty lines before paragraph 1, in blank-line separated
  blocks — issuing body(ies) then session; date and place; title; subtitle;
* ``N. text`` — a numbered paragraph;
* ``- (x) text`` — a sub-paragraph of the paragraph above, at any indentation
  (the PDF export indents them differently on each page);
* ``¹ text`` — a footnote, wherever the page break left it; it is bound to the
  unit whose text carries the same superscript marker;
* ``-`` alone — a page-break artefact of the export, kept in the model but not text.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from .errors import SourceError
from .model import (
    RE_MARKER,
    SUPERSCRIPT_DIGITS,
    Artefact,
    Declaration,
    Footnote,
    Header,
    Paragraph,
    Unit,
    from_superscript,
)

RE_PARAGRAPH = re.compile(r"^(?P<number>\d+)\.[ \t]*(?P<text>\S.*)$")
RE_POINT = re.compile(r"^[ \t]*-[ \t]*\((?P<letter>[a-z])\)[ \t]*(?P<text>\S.*)$")
RE_FOOTNOTE = re.compile(rf"^(?P<marker>[{SUPERSCRIPT_DIGITS}]+)[ \t]*(?P<text>\S.*)$")
RE_ARTEFACT = re.compile(r"^[ \t]*-[ \t]*$")
RE_STRAY_ITEM = re.compile(r"^[ \t]*-")
# Characters a reader cannot see and that change what the text matches or how it is laid out:
# C0 controls but tab and line ends (Python-Markdown's placeholders use STX/ETX; XML forbids them),
# DEL and C1 controls, zero-width characters and bidirectional overrides (a zero-width space inside
# 人居署 hides the term from the glossary and the search; U+202E reverses the rest of a paragraph).
RE_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
# Longer numbers are not paragraph or footnote numbers (and int() refuses 4,300 digits).
MAX_DIGITS = 6
# An input file larger than this is not a declaration (and /dev/zero never ends).
MAX_BYTES = 50 * 1024 * 1024


def read_source(path: Path, label: str | None = None) -> Declaration:
    """Read and parse a source file; ``label`` is how errors name it."""
    name = label or str(path)
    return parse(decode(read_input(path, name, "the source text"), name), name)


def read_input(path: Path, label: str, what: str) -> bytes:
    """The bytes of an input file: a regular file of at most ``MAX_BYTES`` (a FIFO or a device would hang)."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise SourceError(label, 0, f"cannot read {what} (not a regular file)")
        with path.open("rb") as f:
            data = f.read(MAX_BYTES + 1)
    except (OSError, RuntimeError) as e:  # RuntimeError: a symlink loop, on some Python versions
        reason = getattr(e, "strerror", None) or str(e)
        raise SourceError(label, 0, f"cannot read {what} ({reason})") from e
    if len(data) > MAX_BYTES:
        raise SourceError(label, 0, f"{what} is larger than {MAX_BYTES // 2**20} MB")
    return data


def write_whole(path: Path, text: str) -> None:
    """Write ``path`` as a whole: the text goes to a file beside it, which then replaces it, so that a reader
    at the same moment (the server of `make serve`, another edition's build) finds the old file or the new one,
    never part of one. Raises ``OSError``; nothing is left beside the file then."""
    aside = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        aside.write_text(text, encoding="utf-8", newline="")
        aside.replace(path)
    except OSError:
        aside.unlink(missing_ok=True)
        raise


def decode(data: bytes, path: str) -> str:
    """UTF-8 (a BOM allowed) → text with LF line endings."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise SourceError(path, line, f"text is not UTF-8 (byte 0x{data[e.start]:02x})") from e
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if m := RE_INVISIBLE.search(text):
        line = text.count("\n", 0, m.start()) + 1
        raise SourceError(path, line, f"invisible or control character U+{ord(m.group()):04X} in the text")
    return text


@dataclass
class _Draft:
    """Mutable state of one parse; frozen into a ``Declaration`` at the end."""

    path: str
    paragraphs: list[tuple[Unit, list[Unit]]] = field(default_factory=list)
    footnotes: list[tuple[int, str, int]] = field(default_factory=list)
    artefacts: list[Artefact] = field(default_factory=list)
    seen: dict[int, int] = field(default_factory=dict)

    def fail(self, line: int, message: str) -> SourceError:
        return SourceError(self.path, line, message)

    def add_paragraph(self, number: int, text: str, line: int) -> None:
        if number in self.seen:
            raise self.fail(line, f"paragraph {number} repeated (first at line {self.seen[number]})")
        expected = len(self.paragraphs) + 1
        if number != expected:
            raise self.fail(line, f"expected paragraph {expected}, found paragraph {number}")
        self.seen[number] = line
        self.paragraphs.append((Unit(number, None, text, line), []))

    def add_point(self, letter: str, text: str, line: int) -> None:
        if not self.paragraphs:
            raise self.fail(line, f"sub-paragraph ({letter}) outside any paragraph")
        parent, points = self.paragraphs[-1]
        expected = chr(ord("a") + len(points))
        if letter != expected:
            if any(p.letter == letter for p in points):
                raise self.fail(line, f"sub-paragraph ({letter}) of paragraph {parent.paragraph} repeated")
            raise self.fail(
                line,
                f"expected sub-paragraph ({expected}) of paragraph {parent.paragraph}, found ({letter})",
            )
        points.append(Unit(parent.paragraph, letter, text, line))


def parse(text: str, path: str = "<text>") -> Declaration:
    """Parse the whole text; raise ``SourceError`` at the first line that breaks the format."""
    lines = [line.rstrip() for line in text.split("\n")]
    if not any(lines):
        raise SourceError(path, 1, "the source text is empty")
    body_start = next(
        (
            i
            for i, line in enumerate(lines)
            if RE_PARAGRAPH.match(line) or RE_STRAY_ITEM.match(line) or RE_FOOTNOTE.match(line)
        ),
        len(lines),
    )
    header = _parse_header(lines[:body_start], path)
    draft = _Draft(path)
    for index in range(body_start, len(lines)):
        _parse_line(draft, lines[index], index + 1)
    if not draft.paragraphs:
        raise SourceError(path, len(lines), "no numbered paragraph found")
    return _freeze(draft, header)


def _parse_line(draft: _Draft, line: str, number: int) -> None:
    if not line:
        return
    if m := RE_PARAGRAPH.match(line):
        if len(m["number"]) > MAX_DIGITS:
            raise draft.fail(number, f"paragraph number {m['number'][:12]}… is too long")
        draft.add_paragraph(int(m["number"]), m["text"], number)
    elif m := RE_POINT.match(line):
        draft.add_point(m["letter"], m["text"], number)
    elif m := RE_FOOTNOTE.match(line):
        _check_marker(draft, m["marker"], number)
        draft.footnotes.append((from_superscript(m["marker"]), m["text"], number))
    elif RE_ARTEFACT.match(line):
        draft.artefacts.append(Artefact(line.strip(), number))
    else:
        raise draft.fail(number, f"unrecognised text: {line.strip()[:40]!r}")


def _check_marker(draft: _Draft, marker: str, line: int) -> None:
    if len(marker) > MAX_DIGITS:
        raise draft.fail(line, f"footnote marker {marker[:12]}… is too long")


def _parse_header(lines: list[str], path: str) -> Header:
    blocks: list[list[tuple[int, str]]] = [[]]
    for index, line in enumerate(lines):
        if line.strip():
            blocks[-1].append((index + 1, line.strip()))
        elif blocks[-1]:
            blocks.append([])
    blocks = [b for b in blocks if b]
    if len(blocks) < 3 or len(blocks[0]) < 2:
        where = blocks[0][0][0] if blocks else 1
        raise SourceError(
            path,
            where,
            "unrecognised title block: expected body and session, date and place, title "
            "and subtitle in blank-line separated blocks before paragraph 1",
        )
    issuer, date_place, title, *rest = blocks
    if len(date_place) > 1 or len(title) > 1:
        extra = (date_place if len(date_place) > 1 else title)[1]
        raise SourceError(path, extra[0], f"unrecognised text in the title block: {extra[1][:40]!r}")
    return Header(
        body=tuple(t for _, t in issuer[:-1]),
        session=issuer[-1][1],
        date_place=date_place[0][1],
        title=title[0][1],
        subtitle=tuple(t for block in rest for _, t in block),
        line=issuer[0][0],
    )


def _freeze(draft: _Draft, header: Header) -> Declaration:
    paragraphs = tuple(Paragraph(unit, tuple(points)) for unit, points in draft.paragraphs)
    citations: dict[int, Unit] = {}
    for paragraph in paragraphs:
        for unit in paragraph.units():
            for m in RE_MARKER.finditer(unit.text):
                _check_marker(draft, m.group(), unit.line)
                number = from_superscript(m.group())
                if number in citations:
                    raise draft.fail(
                        unit.line,
                        f"footnote marker {m.group()} already used at line {citations[number].line}",
                    )
                citations[number] = unit
    footnotes: list[Footnote] = []
    for number, text, line in draft.footnotes:
        if any(f.number == number for f in footnotes):
            raise draft.fail(line, f"footnote {number} repeated")
        if number not in citations:
            raise draft.fail(line, f"footnote {number} is not cited by any paragraph")
        footnotes.append(Footnote(number, text, line, citations[number].uid))
    for number, unit in citations.items():
        if not any(f.number == number for f in footnotes):
            raise draft.fail(unit.line, f"footnote marker for note {number} has no footnote")
    return Declaration(
        path=draft.path,
        header=header,
        paragraphs=paragraphs,
        footnotes=tuple(sorted(footnotes, key=lambda f: f.number)),
        artefacts=tuple(draft.artefacts),
    )
