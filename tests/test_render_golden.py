"""Golden files for the generated Markdown. `pytest --update-golden` rewrites them after a deliberate change."""

from __future__ import annotations

import difflib
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


def test_text_is_html_escaped_and_markers_linked():
    html = render.inline("<script>x</script> 议程¹", anchors=True)
    assert html == '&lt;script&gt;x&lt;/script&gt; 议程<a class="decl-fnref" id="fnref_1" href="#fnt_1">¹</a>'
    assert render.inline("议程¹", anchors=False) == '议程<sup class="decl-fnref">¹</sup>'


def test_terms_are_marked_once_per_paragraph(builds):
    page = generate(builds["zh"], "6")
    assert page.count('href="../glossary/progress-in-implementation/"') == 1  # 执行进展情况 occurs twice
    assert '<a class="decl-term" href="../glossary/progress-in-implementation/">执行进展情况<span' in page
    english = generate(builds["en"], "6")
    assert english.count('href="../glossary/progress-in-implementation/"') == 1


def test_a_reference_lends_its_term_the_tooltip(builds):
    page = generate(builds["zh"], "6")
    assert (
        '<a class="decl-ref decl-term" href="../instruments/a-res-71-256/">《新城市议程》'
        '<span class="decl-tip" role="tooltip" data-search-exclude>xīn chéngshì yìchéng · New Urban Agenda · '
        "A/RES/71/256</span></a>"
    ) in page
    english = generate(builds["en"], "6")
    assert '<a class="decl-ref decl-term" href="../instruments/a-res-71-256/">New Urban Agenda<span' in english
