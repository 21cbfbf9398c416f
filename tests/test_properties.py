"""Property tests over the source format and the data files: generated texts round-trip; corrupted
ones give a valid model or a file:line error — never a traceback, never a silently dropped line."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import ROOT, SOURCE_ZH
from unhabitat import exports
from unhabitat.errors import SourceError
from unhabitat.model import superscript
from unhabitat.register import load_instruments
from unhabitat.source_text import decode, parse
from unhabitat.termbase import load_terms

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FIRST = "可持续城市人居署议程的和在我们alpha"
BODY = FIRST + " ，。、；：（）《》“”*_#|<>[]()&!/-0123456789"
text = st.builds(lambda a, b: a + b.rstrip(), st.sampled_from(FIRST), st.text(BODY, max_size=40))


@st.composite
def declarations(draw):
    """A declaration in the line format, with the model it must parse to."""
    header = {
        "body": draw(st.lists(text, min_size=1, max_size=2)),
        "session": draw(text),
        "date_place": draw(text),
        "title": draw(text),
        "subtitle": draw(st.lists(text, min_size=0, max_size=2)),
    }
    paragraphs = []
    for _ in range(draw(st.integers(1, 6))):
        points = draw(st.lists(text, max_size=4))
        paragraphs.append((draw(text), points))
    units = [(n + 1, None) for n in range(len(paragraphs))]
    units += [(n + 1, chr(97 + i)) for n, (_, points) in enumerate(paragraphs) for i in range(len(points))]
    cited = draw(st.lists(st.sampled_from(units), unique=True, max_size=3))
    notes = {unit: (number + 1, draw(text)) for number, unit in enumerate(cited)}
    lines = [*header["body"], header["session"], "", header["date_place"], "", header["title"], ""]
    lines += [*header["subtitle"], ""]
    expected_units = []
    for n, (chapeau, points) in enumerate(paragraphs, start=1):
        marker = superscript(notes[(n, None)][0]) if (n, None) in notes else ""
        lines.append(f"{n}." + draw(st.sampled_from([" ", "", "  "])) + chapeau + marker)
        expected_units.append((str(n), chapeau + marker))
        for i, point in enumerate(points):
            letter = chr(97 + i)
            mark = superscript(notes[(n, letter)][0]) if (n, letter) in notes else ""
            indent = draw(st.sampled_from(["", " ", "  "]))
            lines.append(f"{indent}- ({letter}) {point}{mark}")
            expected_units.append((f"{n}({letter})", point + mark))
        for (pn, _pl), (number, note) in notes.items():
            if pn == n:
                lines += ["", f"{superscript(number)} {note}", ""]
    if draw(st.booleans()):
        lines.append("-")
    return "\n".join(lines), header, expected_units, notes


@SETTINGS
@given(declarations(), st.sampled_from(["\n", "\r\n"]), st.booleans())
def test_generated_texts_parse_and_round_trip(generated, newline, bom):
    source, header, units, notes = generated
    data = ("\ufeff" if bom else "") + source.replace("\n", newline)
    model = parse(decode(data.encode("utf-8"), "gen.txt"), "gen.txt")
    assert [(u.uid, u.text) for u in model.units()] == units
    assert list(model.header.body) == header["body"] and model.header.title == header["title"]
    assert list(model.header.subtitle) == header["subtitle"]
    assert sorted((f.number, f.text) for f in model.footnotes) == sorted(notes.values())
    again = parse(exports.plain_text(model), "again.txt")
    assert [(u.uid, u.text) for u in again.units()] == units
    assert again.header.lines() == model.header.lines()


SOURCE_LINES = SOURCE_ZH.read_text(encoding="utf-8").split("\n")


@st.composite
def corruptions(draw):
    lines = list(SOURCE_LINES)
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "swap", "insert", "edit", "marker", "renumber"]))
        if action == "delete":
            del lines[i]
        elif action == "duplicate":
            lines.insert(i, lines[i])
        elif action == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif action == "insert":
            lines.insert(i, draw(st.text(BODY + "\t ¹²³- ", max_size=30)))
        elif action == "edit" and lines[i]:
            k = draw(st.integers(0, len(lines[i]) - 1))
            lines[i] = (
                lines[i][:k] + draw(st.sampled_from(["", "。", "x", " ", "-", "¹", "(", "1."])) + lines[i][k + 1 :]
            )
        elif action == "marker":
            lines[i] += draw(st.sampled_from(["¹", "²", "⁴", "¹²"]))
        elif action == "renumber":
            lines[i] = lines[i].replace("1", "7", 1)
    return "\n".join(lines)


@SETTINGS
@given(corruptions())
def test_corrupted_texts_give_a_model_or_a_located_error(source):
    try:
        model = parse(source, "zh.txt")
    except SourceError as e:
        assert 0 <= e.line <= source.count("\n") + 2
        assert str(e).startswith(f"zh.txt:{e.line}: ")
        return
    non_blank = sum(1 for line in source.split("\n") if line.strip())
    accounted = len(model.header.lines()) + len(list(model.units())) + len(model.footnotes) + len(model.artefacts)
    assert accounted == non_blank, "a line was silently dropped"


DATA = {
    "terms": ROOT / "glossary" / "terms.yml",
    "instruments": ROOT / "glossary" / "instruments.yml",
}
SYMBOLS = frozenset(load_instruments(DATA["instruments"], "instruments.yml"))


@st.composite
def corrupted_data(draw, path: Path):
    lines = path.read_text(encoding="utf-8").split("\n")
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "indent", "junk", "colon"]))
        if action == "delete":
            del lines[i]
        elif action == "duplicate":
            lines.insert(i, lines[i])
        elif action == "indent":
            lines[i] = draw(st.sampled_from(["", " ", "    "])) + lines[i].lstrip()
        elif action == "junk":
            lines.insert(i, draw(st.text("abc:-[]{}'\" \t#&*!|>", max_size=20)))
        else:
            lines[i] = lines[i].replace(": ", ": [", 1)
    return "\n".join(lines)


@pytest.mark.parametrize("kind", ["terms", "instruments"])
def test_corrupted_data_files_give_a_model_or_a_located_error(kind, tmp_path_factory):
    folder = tmp_path_factory.mktemp(kind)

    @SETTINGS
    @given(corrupted_data(DATA[kind]))
    def check(text):
        path = folder / f"{kind}.yml"
        path.write_text(text, encoding="utf-8")
        try:
            if kind == "terms":
                load_terms(path, "terms.yml", SYMBOLS)
            else:
                load_instruments(path, "instruments.yml")
        except SourceError as e:
            assert 0 <= e.line <= text.count("\n") + 2, str(e)
            assert str(e).startswith(f"{kind}.yml:{e.line}: ")

    check()
