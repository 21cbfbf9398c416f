"""Golden files for the generated Markdown. `pytest --update-golden` rewrites them after a deliberate change."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest
from support import ROOT
from unhabitat import render
from unhabitat.pipeline import Build, load_build

GOLDEN = Path(__file__).parent / "golden"
PAGES = [
    "index",
    "2",
    "13",
    "full",
    "glossary/index",
    "glossary/new-urban-agenda",
    "glossary/sdg-localization",
]
SOURCES = {"zh": "source/declaration.zh.txt", "en": "source/declaration.en.txt"}
DATA = {"terms": "glossary/terms.yml", "instruments": "glossary/instruments.yml"}


@pytest.fixture(scope="module")
def builds() -> dict[str, Build]:
    return {lang: load_build(ROOT, SOURCES, DATA, lang) for lang in ("zh", "en")}


def generate(build: Build, page: str) -> str:
    return build.pages[f"{page}.md"]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_generated_markdown_matches_golden(builds, lang, page, update_golden):
    actual = generate(builds[lang], page)
    path = GOLDEN / lang / f"{page}.md"
    if update_golden:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    expected = path.read_text(encoding="utf-8")
    diff = "".join(
        difflib.unified_diff(
            expected.splitlines(keepends=True), actual.splitlines(keepends=True), str(path), "generated"
        )
    )
    assert not diff, f"generated Markdown differs from {path} (pytest --update-golden):\n{diff}"


def test_the_build_has_no_problems(builds):
    assert builds["zh"].problems == ()


def test_rendering_is_deterministic(builds):
    assert generate(builds["zh"], "full") == generate(load_build(ROOT, SOURCES, DATA, "zh"), "full")


def test_text_is_escaped_and_markers_linked():
    pieces = render.inline("<script>*x*</script> 议程¹", anchors=True)
    assert pieces == [("&lt;script>\\*x\\*&lt;/script> 议程", True), ("[¹](#fnt_1){#fnref_1 .decl-fnref}", False)]
    assert render.inline("议程¹", anchors=False) == [("议程", True), ('<sup class="decl-fnref">¹</sup>', False)]


LONGEST_LINE = 400
# A link reference definition holds one address, which cannot break (UNTERM's search for a long name).
RE_REFERENCE = re.compile(r"^\[[^\]]+\]: <?\S+>?$")
MINI = Path(__file__).parent / "fixtures" / "mini"


def long_lines(markdown: str) -> list[tuple[int, int]]:
    """(line, length) of the lines over ``LONGEST_LINE`` characters, an address on its own line aside."""
    return [
        (n, len(line))
        for n, line in enumerate(markdown.splitlines(), 1)
        if len(line) > LONGEST_LINE and not RE_REFERENCE.match(line)
    ]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_golden_pages_have_short_lines(lang, page):
    """A golden diff shows the changed words: no line of a page is longer than 400 characters."""
    lines = (GOLDEN / lang / f"{page}.md").read_text(encoding="utf-8").splitlines()
    long = [(n, len(line)) for n, line in enumerate(lines, 1) if len(line) > LONGEST_LINE]
    assert not long, f"{lang}/{page}.md: lines over {LONGEST_LINE} characters (line, length): {long}"


def test_every_generated_page_has_short_lines(builds):
    """Every page of both editions, not only the golden ones: each glossary entry, the formulae, the downloads."""
    long = {
        f"{lang}/{src}": found
        for lang, build in builds.items()
        for src, markdown in build.pages.items()
        if (found := long_lines(markdown))
    }
    assert not long, f"lines over {LONGEST_LINE} characters (line, length): {long}"


def test_every_page_of_the_three_language_fixture_has_short_lines():
    sources = {lang: f"declaration.{lang}.txt" for lang in ("zh", "en", "ar")}
    data = {"terms": "terms.yml", "instruments": "instruments.yml"}
    long = {
        f"{lang}/{src}": found
        for lang in sources
        for src, markdown in load_build(MINI, sources, data, lang).pages.items()
        if (found := long_lines(markdown))
    }
    assert not long, f"lines over {LONGEST_LINE} characters (line, length): {long}"


def test_a_reference_stands_alone_and_other_long_lines_count():
    url = "https://unterm.un.org/unterm2/en/search?searchTerm=" + "x" * 400
    assert long_lines(f"[unterm]: <{url}>") == []
    assert long_lines(f"[Look it up][unterm] {url}") == [(1, len(url) + 21)]


def test_terms_are_marked_once_per_unit(builds):
    page = generate(builds["zh"], "3")
    assert page.count("[shared-prosperity]{.decl-term}") == 1  # 共同繁荣 occurs twice in para. 3
    assert "[共同繁荣][shared-prosperity]{.decl-term}" in page
    assert "[shared-prosperity]: glossary/shared-prosperity.md" in page
    english = generate(builds["en"], "3")
    assert english.count("[shared-prosperity]{.decl-term}") == 1
    assert "glossary/welcome.md" not in generate(builds["zh"], "8")  # a drafting formula


def test_a_reference_lends_its_term_the_tooltip(builds):
    page = generate(builds["zh"], "6")
    label = "ref a-res-71-256 new-urban-agenda"
    assert f"[《新城市议程》][{label}]{{.decl-ref .decl-term}}" in page
    assert (
        f'[{label}]: instruments/a-res-71-256.md "Xīn Chéngshì Yìchéng · New Urban Agenda · A/RES/71/256"'
        in page.replace("\n    ", " ")
    )
    english = generate(builds["en"], "6")
    assert f"[New Urban Agenda][{label}]{{.decl-ref .decl-term}}" in english
