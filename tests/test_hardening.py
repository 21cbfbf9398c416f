"""Regression tests for the reliability review's attacks (the ``row`` of each case is its row there).

Every bad input ends in one clear ``file:line`` message, never a traceback, a hang or a site built
wrong; the escaping helpers make injected markup inert; a long unit costs linear time.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import time
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from support import ROOT
from unhabitat import markup
from unhabitat.errors import SourceError
from unhabitat.model import Unit
from unhabitat.pipeline import load_build
from unhabitat.segment import Occurrence, mark_nested
from unhabitat.settings import read_settings

FILES = {
    "zh": "source/declaration.zh.txt",
    "en": "source/declaration.en.txt",
    "terms": "glossary/terms.yml",
    "instruments": "glossary/instruments.yml",
}


def load(base: Path, **paths: str):
    files = {**FILES, **paths}
    sources = {k: files[k] for k in ("zh", "en")}
    return load_build(base, sources, {k: files[k] for k in ("terms", "instruments")}, "zh")


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    for path in FILES.values():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / path, tmp_path / path)
    shutil.copy(ROOT / "glossary/formulae.yml", tmp_path / "glossary/formulae.yml")  # read beside terms.yml
    return tmp_path


def paragraph(number: int, change):
    """A mutation of the line of paragraph ``number``."""

    def mutate(text: str) -> str:
        lines = text.split("\n")
        at = next(i for i, line in enumerate(lines) if line.startswith(f"{number}. "))
        lines[at] = change(lines[at])
        return "\n".join(lines)

    return mutate


def swap_paragraphs(a: int, b: int):
    def mutate(text: str) -> str:
        lines = text.split("\n")
        ia = next(i for i, line in enumerate(lines) if line.startswith(f"{a}. "))
        ib = next(i for i, line in enumerate(lines) if line.startswith(f"{b}. "))
        ta, tb = lines[ia].split(" ", 1)[1], lines[ib].split(" ", 1)[1]
        lines[ia], lines[ib] = f"{a}. {tb}", f"{b}. {ta}"
        return "\n".join(lines)

    return mutate


def instrument(symbol: str):
    entry = (
        f"- symbol: {symbol}\n  kind: {{zh: 决议, en: resolution}}\n  title: {{zh: 冒名文件, en: IMPOSTOR DOCUMENT}}\n"
        "  date: 2016\n  contains: {zh: 无, en: none}\n"
        "  url: {zh: 'https://example.org/zh', en: 'https://example.org/en'}\n"
    )
    return lambda text: text.rstrip("\n") + "\n" + entry


def last_line(name: str) -> int:
    return len((ROOT / FILES[name]).read_text(encoding="utf-8").rstrip("\n").split("\n")) + 1


# (review row, what, file, mutation, expected "file:line: message" as a regular expression)
BAD_INPUTS = [
    (2, "NUL byte", "zh", paragraph(7, lambda t: t.replace("欢迎", "欢\x00迎")), r"zh\.txt:24: invisible .* U\+0000"),
    (3, "STX/ETX", "zh", paragraph(7, lambda t: t + "\x02wzxhzdk:1\x03"), r"zh\.txt:24: invisible .* U\+0002"),
    (8, "zero-width space in a term", "zh", paragraph(6, lambda t: t.replace("人居署", "人居\u200b署", 1)), r":23: .*U\+200B"),
    (9, "right-to-left override", "en", paragraph(7, lambda t: t + "\u202e"), r"en\.txt:20: .*U\+202E"),
    (15, "5,000-digit paragraph number", "zh", paragraph(7, lambda t: "9" * 5000 + t[1:]), r":24: paragraph number 9+… is too long"),
    (16, "5,000-digit footnote marker", "zh", lambda t: t.replace("\n¹ ", "\n" + "¹" * 5000 + " ", 1), r":21: footnote marker ¹+… is too long"),
    (33, "two English paragraphs swapped", "en", swap_paragraphs(7, 10), r"en\.txt:20: unit 7 does not correspond to .*zh\.txt:24 \(years 2022"),
    (33, "English shifted by one paragraph", "en", swap_paragraphs(16, 17), r"en\.txt:42: unit 16 does not correspond"),
    (50, "term id index", "terms", lambda t: t.replace("- id: un-habitat-programme\n", "- id: index\n", 1), r"terms\.yml:20: term id 'index' is reserved"),
    (52, "term id of 300 characters", "terms", lambda t: t.replace("- id: un-habitat-programme\n", f"- id: {'a' * 300}\n", 1), r"terms\.yml:20: term id 'a+' is reserved or longer than 100"),
    (58, "a key repeated in an entry", "terms", lambda t: t.replace("  source: A/RES/56/206\n", "  source: A/RES/56/206\n  source: x\n", 1), r"terms\.yml:25: invalid YAML: key 'source' repeated in one entry \(first at line 24\)"),
    (59, "YAML alias bomb", "terms", lambda t: t.replace("  source: A/RES/56/206\n", "  source: &p [a, b]\n  match: [*p, *p]\n", 1), r"terms\.yml:24: invalid YAML: aliases"),
    (64, "unknown keys of two types", "terms", lambda t: t.replace("  source: A/RES/56/206\n", "  1: x\n  foo: y\n", 1), r"terms\.yml:24: unknown field '1'"),
    (65, "impossible date in the term base", "terms", lambda t: t.replace("  source: A/RES/56/206\n", "  source: 2023-02-30\n", 1), r"terms\.yml:24: invalid YAML: invalid date '2023-02-30'"),
    (68, "empty term base", "terms", lambda t: "[]\n", r"terms\.yml:1: the term base lists no term"),
    (84, "impossible instrument date", "instruments", lambda t: t.replace("date: 2016-12-23", "date: 2016-02-30", 1), r"instruments\.yml:11: invalid YAML: invalid date"),
    (89, "symbol with another's page name", "instruments", instrument("a.res.71.256"), rf"instruments\.yml:{last_line('instruments')}: symbol 'a\.res\.71\.256' gives the same page name 'a-res-71-256' as A/RES/71/256"),
    (90, "symbol with a reserved page name", "instruments", instrument("Index"), rf"instruments\.yml:{last_line('instruments')}: symbol 'Index' gives the page name 'index'"),
    (91, "symbol with no page name", "instruments", instrument("决议"), rf"instruments\.yml:{last_line('instruments')}: symbol '决议' gives the page name ''"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "mutate", "expected"),
    [case[2:] for case in BAD_INPUTS],
    ids=[f"row{case[0]}-{case[1]}" for case in BAD_INPUTS],
)
def test_bad_input_is_one_clear_error(inputs, name, mutate, expected):
    path = inputs / FILES[name]
    path.write_text(mutate(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        load(inputs)
    assert re.search(expected, str(caught.value)), str(caught.value)
    assert str(caught.value).startswith(FILES[name]), str(caught.value)


def _fifo(base: Path) -> Path:
    os.mkfifo(base / "fifo")
    return base / "fifo"


def _loop(base: Path) -> Path:
    (base / "loop").symlink_to(base / "loop")
    return base / "loop"


# (review rows, what, file that is replaced, the replacement, expected message)
BAD_FILES = [
    ("98", "/dev/zero as the source", "zh", lambda base: Path("/dev/zero"), "/dev/zero:0: cannot read the source text (not a regular file)"),
    ("99", "/dev/zero as the term base", "terms", lambda base: Path("/dev/zero"), "/dev/zero:0: cannot read the data file (not a regular file)"),
    ("100", "a FIFO with no writer", "zh", _fifo, "fifo:0: cannot read the source text (not a regular file)"),
    ("101", "a symlink loop as the source", "zh", _loop, "loop:0: cannot read the source text"),
    ("102", "a symlink loop as the term base", "terms", _loop, "loop:0: cannot read the data file"),
    ("94", "a directory", "zh", lambda base: base / "source", "source:0: cannot read the source text (not a regular file)"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "make", "expected"), [c[2:] for c in BAD_FILES], ids=[f"row{c[0]}-{c[1]}" for c in BAD_FILES]
)
def test_unreadable_input_is_one_clear_error(inputs, name, make, expected):
    path = make(inputs)
    started = time.monotonic()
    with pytest.raises(SourceError) as caught:
        load(inputs, **{name: str(path)})
    assert expected in str(caught.value), str(caught.value)
    assert time.monotonic() - started < 10


def test_an_oversized_input_is_refused(inputs):
    big = inputs / "big.txt"
    with big.open("wb") as f:
        f.truncate(51 * 2**20)  # sparse: no disk used
    with pytest.raises(SourceError, match=r"big\.txt:0: the source text is larger than 50 MB"):
        load(inputs, zh=str(big))


EDITION_ZH = {"lang": "zh", "source": "a.txt", "status": "official", "dir": "ltr"}
EDITION_EN = {"lang": "en", "source": "b.txt", "status": "unofficial", "dir": "ltr"}
EXTRA = {
    "edition": "zh",
    "site_root": "https://example.org/",
    "editions": [
        {"lang": "zh", "source": "a.txt", "status": "official", "dir": "ltr"},
        {"lang": "en", "source": "b.txt", "status": "unofficial", "dir": "ltr"},
    ],
    "glossary": {"terms": "t.yml", "instruments": "i.yml"},
}
# (review row, what, change to extra, expected message)
BAD_SETTINGS = [
    (96, "DECLARATION_ZH= (empty)", {"editions": [{**EDITION_ZH, "source": None}, EDITION_EN]}, "mkdocs.yml:", "extra.editions entry 1: source is missing or empty"),
    (106, "SITE_ROOT= (empty)", {"site_root": None}, "SITE_ROOT:0:", "the site address is empty"),
    (105, "SITE_ROOT without scheme", {"site_root": "example.org"}, "SITE_ROOT:0:", "must be an absolute http:// or https:// URL"),
    (107, "SITE_ROOT with a query", {"site_root": "https://example.org/?a=1&b=2"}, "SITE_ROOT:0:", "a query or a fragment"),
    (108, "SITE_ROOT breaking out of an attribute", {"site_root": 'https://example.org/"><script>alert(1)</script><x y="/'}, "SITE_ROOT:0:", "must not contain"),
    (109, "SITE_ROOT injecting a BibTeX field", {"site_root": "https://example.org/}, note = {injected"}, "SITE_ROOT:0:", "must not contain"),
    (110, "extra.editions entry without a status", {"editions": [EDITION_ZH, {"lang": "en", "source": "b.txt", "dir": "ltr"}]}, "mkdocs.yml:", "entry 2: status is missing"),
    (110, "extra.editions: the same language twice", {"editions": [EDITION_ZH, EDITION_ZH]}, "mkdocs.yml:", "the edition 'zh' is listed twice"),
    (110, "extra.editions: a direction that is not one", {"editions": [EDITION_ZH, {**EDITION_EN, "dir": "up"}]}, "mkdocs.yml:", "dir 'up' must be one of ltr, rtl"),
    (110, "extra.editions: an unofficial source edition", {"editions": [{**EDITION_ZH, "status": "unofficial"}]}, "mkdocs.yml:", "the first entry is the source edition"),
    (110, "extra.editions: a folder name that is not a language tag", {"editions": [{**EDITION_ZH, "lang": "../x"}]}, "mkdocs.yml:", "is not a lower-case language tag"),
    (110, "extra.editions missing", {"editions": None}, "mkdocs.yml:", "extra.editions must list the editions"),
    (111, "extra.glossary.term (typo)", {"glossary": {"term": "t.yml", "instruments": "i.yml"}}, "mkdocs.yml:", "extra.glossary.terms is missing"),
    (112, "extra.edition: fr", {"edition": "fr"}, "mkdocs.yml:", "extra.edition 'fr' must be one of zh, en"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("change", "where", "expected"), [c[2:] for c in BAD_SETTINGS], ids=[f"row{c[0]}-{c[1]}" for c in BAD_SETTINGS]
)
def test_bad_settings_are_one_clear_error(change, where, expected):
    with pytest.raises(SourceError) as caught:
        read_settings({**EXTRA, **change}, str(ROOT / "mkdocs.yml"))
    assert str(caught.value).startswith(where) and expected in str(caught.value), str(caught.value)


def test_settings_accept_a_site_root_with_or_without_slash():
    assert (
        read_settings({**EXTRA, "site_root": "https://example.org"}, "mkdocs.yml").site_root == "https://example.org/"
    )
    assert read_settings(EXTRA, "mkdocs.yml").site_root == "https://example.org/"


def test_the_real_inputs_correspond_and_build(inputs):
    assert load(inputs).problems == ()


# Escaping helpers: each output context, the characters that would change it.
def test_markdown_text_escapes_only_what_markdown_unescapes():
    assert markup.md_text("*a* _b_ [x](javascript:y) | #") == r"\*a\* \_b\_ &#91;x&#93;\(javascript:y\) | \#"
    # Rows 39 and 132: no backslash is left before characters Python-Markdown does not unescape.
    assert markup.md_text("world's ministers: Tom ~x^ = $") == "world's ministers: Tom ~x^ = $"
    assert markup.md_text("</title><script>") == "&lt;/title\\>&lt;script\\>"
    assert markup.md_text("&lt;") == "&amp;lt;"


def test_json_in_a_script_cannot_change_the_parser_state():
    body = markup.json_script({"t": "<!--<script></script>&"})
    assert "<" not in body and ">" not in body and "&" not in body
    assert json.loads(body) == {"t": "<!--<script></script>&"}


def test_csv_cells_cannot_start_a_formula():
    assert markup.csv_cell('=HYPERLINK("http://evil.example/")') == '\'=HYPERLINK("http://evil.example/")'
    assert [markup.csv_cell(v) for v in ("+1", "-1", "@x", "人居署")] == ["'+1", "'-1", "'@x", "人居署"]


def test_bibtex_text_cannot_close_a_field():
    value = markup.bibtex_text("x}, note = {injected \\ 100%")
    assert value == r"x\}, note = \{injected \textbackslash{} 100\%"


# Row 17: a long unit costs time linear in its length.
def _occurrence(start: int, end: int) -> Occurrence:
    return Occurrence("t", "1", 1, start, end, "x", False)


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(1, 8)), max_size=40))
def test_nested_sweep_agrees_with_the_definition(spans):
    found = sorted({_occurrence(s, s + n) for s, n in spans}, key=lambda o: (o.start, -o.end))
    swept = mark_nested(found)
    for o, marked in zip(found, swept, strict=True):
        inside = any(p.start <= o.start and o.end <= p.end and p.end - p.start > o.end - o.start for p in found)
        assert marked == replace(o, nested=inside)


def test_a_long_unit_costs_linear_time(inputs):
    from unhabitat.glossary import build_glossary
    from unhabitat.source_text import read_source
    from unhabitat.termbase import load_terms

    terms = load_terms(inputs / FILES["terms"], "terms.yml", frozenset(load(inputs).instruments))
    text = read_source(inputs / FILES["zh"])

    def seconds(copies: int) -> float:
        unit = text.paragraph(3).unit
        long = replace(unit, text=" ".join([unit.text] * copies))
        paragraphs = (replace(text.paragraphs[2], unit=long),)
        started = time.perf_counter()
        build_glossary(terms, replace(text, paragraphs=paragraphs, footnotes=()))
        return time.perf_counter() - started

    seconds(50)  # warm: jieba's dictionary
    small, large = seconds(200), seconds(800)
    assert large < 8 * small, (small, large)  # 4× the text: about 4× the time, not 16×


def test_make_build_fails_on_a_warning(tmp_path):
    """Row 33: the README's `make build` is strict: a consistency warning fails it (it had --quiet)."""
    work = tmp_path / "repo"
    work.mkdir()
    for name in ("Makefile", "mkdocs.yml", "requirements.txt"):
        shutil.copy2(ROOT / name, work / name)  # with its time: make must not reinstall
    for folder in ("hooks", "overrides", "docs", "source", "glossary", "locales"):
        shutil.copytree(ROOT / folder, work / folder, ignore=shutil.ignore_patterns("__pycache__"))
    (work / ".venv").symlink_to(ROOT / ".venv")
    en = work / FILES["en"]
    en.write_text(
        en.read_text(encoding="utf-8").replace("observance of Urban October", "observance of the October month of cities", 1),
        encoding="utf-8",
    )
    run = subprocess.run(["make", "build"], cwd=work, capture_output=True, text=True, env={**os.environ})
    assert run.returncode != 0, run.stdout + run.stderr
    assert "'城市十月' is in the zh text; the en text has none of: Urban October" in run.stderr
    assert "Aborted with 1 warnings in strict mode!" in run.stdout + run.stderr


def test_english_offsets_hold_after_characters_that_casefold_longer():
    """Row 41: offsets found in casefold() text drifted after ﬁ, ß or İ, so links covered the wrong words."""
    from unhabitat.glossary import first_equivalent
    from unhabitat.termbase import Designation, Term

    english = Designation("New Urban Agenda", "en", "fullForm", "properNoun", "preferred", True, (), None, None, None)
    chinese = Designation("新城市议程", "zh", "fullForm", "properNoun", "preferred", True, (), None, None, None)
    term = Term(
        "nua", ("zh", "en"), "instrument", "human-settlements", "un", None, None, (chinese, english),
        {"zh": (), "en": ()}, None, {}, {}, None, None, True, 1,
    )
    text = "ﬁﬁﬁ Straße İ the new urban agenda²"
    hit = first_equivalent(term, [Unit(2, None, text, 1)], "en")
    assert hit is not None and text[hit[1] : hit[2]] == "new urban agenda"


def test_builds_outside_git_have_a_fixed_date(tmp_path):
    """Row 129: without git (an archive export) every date in the site is the declaration's, not 1970's."""
    shutil.copy2(ROOT / "Makefile", tmp_path / "Makefile")
    run = subprocess.run(
        ["make", "-s", "--eval", "epoch: ; @echo $$SOURCE_DATE_EPOCH", "epoch"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
        | {"GIT_CEILING_DIRECTORIES": str(tmp_path)},
    )
    assert run.stdout.strip() == "1686268800", run.stdout + run.stderr
