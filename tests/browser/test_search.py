"""Search that is right: every query of the suite finds exactly the units that contain it, first."""

from __future__ import annotations

import pytest
from browsing import screenshot
from playwright.sync_api import Page, expect
from search_queries import QUERIES, precision_at_k, unit_id

RUN = "q => new Promise(done => window.declSearch.search(q, hits => done(hits.map(h => [h.doc.k, h.doc.u]))))"


def ranked_units(page: Page, query: str) -> list[str]:
    return [unit_id(url) for kind, url in page.evaluate(RUN, query) if kind == "unit"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_query_suite_precision_is_one(page: Page, lang: str):
    page.goto(f"/{lang}/")
    failures = []
    for edition, _, query, expected in QUERIES:
        if edition != lang:
            continue
        ranked = ranked_units(page, query)
        if precision_at_k(ranked, expected) < 1.0:
            failures.append(f"{query!r}: {ranked[: len(expected) + 2]} expected {expected}")
        # No unit that lacks the query is ranked above one that has it.
        assert set(ranked[: len(expected)]) == set(expected) or failures
    assert not failures, "\n".join(failures)


def test_the_suite_is_large_enough():
    assert len(QUERIES) >= 30
    assert {"term", "number", "mixed", "char"} <= {kind for _, kind, _, _ in QUERIES}
    assert {lang for lang, *_ in QUERIES} == {"zh", "en"}


def test_search_from_the_header_highlights_and_lands_on_the_unit(page: Page, base_url: str):
    page.goto("/zh/")
    page.locator("#decl-search-input").click()
    page.keyboard.type("本地化")
    hits = page.locator(".decl-search-hit")
    expect(hits.first).to_contain_text("第12段")
    expect(hits.nth(1)).to_contain_text("第13段(e)分段")
    expect(hits.first.locator("mark").first).to_have_text("本地化")
    expect(page.locator("#decl-search-meta")).to_contain_text("3")  # paras 12 and 13(e), the glossary entry
    screenshot(page, "zh-search")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{base_url}/zh/13/?h=%E6%9C%AC%E5%9C%B0%E5%8C%96#para_13__list_1__point_e")
    mark = page.locator("#para_13__list_1__point_e mark.decl-hit")
    expect(mark).to_have_text("本地化")
    expect(mark).to_be_in_viewport()


def test_english_search_finds_english_text(page: Page, base_url: str):
    page.goto("/en/13/")
    page.keyboard.press("/")
    expect(page.locator("#decl-search-input")).to_be_focused()
    page.keyboard.type("smart city")
    first = page.locator(".decl-search-hit").first
    expect(first).to_contain_text("para. 13 (h)")
    first.click()
    expect(page).to_have_url(f"{base_url}/en/13/?h=smart%20city#para_13__list_1__point_h")
    expect(page.locator("#para_13__list_1__point_h mark.decl-hit").first).to_have_text("smart city")
    screenshot(page, "en-search-landing")


def test_search_per_edition(page: Page):
    page.goto("/zh/")
    assert ranked_units(page, "localization") == []  # the Chinese edition searches Chinese text
    page.goto("/en/")
    assert ranked_units(page, "本地化") == []
