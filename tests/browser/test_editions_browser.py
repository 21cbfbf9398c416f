"""Three editions in a browser: the small declaration in Chinese, English and Arabic (right to left), built
from tests/fixtures/mini/mkdocs.yml. The language switch keeps the reader's place in every edition, every
page names all editions, the Arabic pages run right to left, and each edition searches its own text."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from browsing import screenshot, serve
from playwright.sync_api import Page, expect
from support import SiteBuild, build_site

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "mini"
LANGS = ("zh", "en", "ar")
POINT_B = "#para_2__list_1__point_b"
RUN = "q => new Promise(done => window.declSearch.search(q, hits => done(hits.map(h => [h.doc.k, h.doc.u]))))"


@pytest.fixture(scope="module")
def three(tmp_path_factory: pytest.TempPathFactory) -> SiteBuild:
    built = build_site(tmp_path_factory.mktemp("three"), config=MINI / "mkdocs.yml")
    assert built.returncode == 0, built.output
    return built


@pytest.fixture(scope="module")
def base_url(three: SiteBuild) -> Iterator[str]:
    """This module's pages come from the three-edition build (the suite's ``page`` fixture serves them)."""
    with serve(three.root) as url:
        yield url


def switch_language(page: Page, lang: str) -> None:
    page.hover(".md-header__option .md-select")
    page.click(f'.md-select__link[hreflang="{lang}"]')


def test_the_language_switch_keeps_the_anchor_across_all_three_editions(page: Page, base_url: str):
    page.goto(f"/zh/2/{POINT_B}")
    texts = {"ar": "تحسين إطار الاختبار", "en": "To improve the test framework", "zh": "改进测试框架"}
    for lang in ("ar", "en", "zh"):
        switch_language(page, lang)
        expect(page).to_have_url(f"{base_url}/{lang}/2/{POINT_B}")
        expect(page.locator("html")).to_have_attribute("lang", lang)
        expect(page.locator(POINT_B)).to_be_in_viewport()
        expect(page.locator(f"{POINT_B} .decl-cell").first).to_contain_text(texts[lang])
        if lang == "ar":
            screenshot(page, "ar-2")


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_names_every_edition_and_the_arabic_ones_run_right_to_left(page: Page, lang: str):
    for path in (f"/{lang}/2/", f"/{lang}/glossary/test-framework/"):
        page.goto(path)
        # Every edition, and x-default (the source edition's page) for a reader whose language is none of them.
        alternates = page.locator('link[rel~="alternate"][hreflang]')
        expect(alternates).to_have_count(len(LANGS) + 1)
        hreflangs = alternates.evaluate_all("links => links.map(l => l.hreflang)")
        assert sorted(hreflangs) == sorted([*LANGS, "x-default"])
        direction = page.evaluate("getComputedStyle(document.body).direction")
        assert direction == ("rtl" if lang == "ar" else "ltr"), path
        expect(page.locator("body")).to_have_attribute("dir", "rtl" if lang == "ar" else "ltr")
    page.goto(f"/{lang}/1/")
    cells = page.locator("#para_1 .decl-cell")
    directions = cells.evaluate_all("cs => cs.map(c => [c.lang, getComputedStyle(c).direction])")
    # The parallel view sets each cell's direction by its own language, whatever the page's.
    assert all(direction == ("rtl" if cell_lang == "ar" else "ltr") for cell_lang, direction in directions)


def test_each_edition_searches_its_own_text_an_arabic_word_only_in_the_arabic(page: Page):
    found = {}
    for lang in LANGS:
        page.goto(f"/{lang}/")
        found[lang] = [tuple(hit) for hit in page.evaluate(RUN, "نشجع")]
    assert [kind for kind, _ in found["ar"]] == ["unit"] and found["ar"][0][1].startswith("2/#para_2"), found["ar"]
    assert found["zh"] == [] and found["en"] == []
