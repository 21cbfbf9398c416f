"""The parallel view with any pair of editions: on the three-edition fixture (zh, en, ar written right to left),
a reader of each edition can put each other edition beside it, the choice is remembered, and each cell shows
the right text in the right language and direction."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from browsing import serve
from playwright.sync_api import Browser, expect
from support import build_site

MINI = Path(__file__).parent.parent / "fixtures" / "mini"
# Paragraph 1's text in each edition (tests/fixtures/mini/declaration.<lang>.txt), without its footnote marker.
OPENING = {"zh": "测试框架", "en": "test framework", "ar": "إطار الاختبار"}
DIRECTION = {"zh": "ltr", "en": "ltr", "ar": "rtl"}
PAIRS = [(lang, other) for lang in OPENING for other in OPENING if other != lang]


@pytest.fixture(scope="module")
def mini_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    built = build_site(tmp_path_factory.mktemp("three"), config=MINI / "mkdocs.yml")
    assert built.returncode == 0, built.output
    with serve(built.root) as url:
        yield url


@pytest.mark.parametrize(("lang", "other"), PAIRS)
def test_any_edition_can_be_put_beside_any_other(browser: Browser, mini_url: str, lang: str, other: str):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=mini_url)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"/{lang}/1/")
    row = page.locator("#para_1")
    expect(row.locator(".decl-alt")).to_have_count(2)  # a cell per other edition
    expect(row.locator(".decl-alt:visible")).to_have_count(0)  # the single view
    page.locator(".decl-pair-choice").first.select_option(other)
    own, beside = row.locator(".decl-cell:not(.decl-alt)"), row.locator(".decl-alt:visible")
    expect(beside).to_have_count(1)
    expect(beside).to_have_attribute("lang", other)
    expect(beside).to_contain_text(OPENING[other])
    expect(own).to_contain_text(OPENING[lang])
    for cell, language in ((own, lang), (beside, other)):
        assert cell.evaluate("e => getComputedStyle(e).direction") == DIRECTION[language]
    box, other_box = own.bounding_box(), beside.bounding_box()
    assert box and other_box and abs(box["y"] - other_box["y"]) < 2  # side by side, not under
    # The choice is remembered on the next page.
    page.goto(f"/{lang}/2/")
    expect(page.locator("#para_2 .decl-alt:visible")).to_have_attribute("lang", other)
    expect(page.locator(".decl-pair-choice").first).to_have_value(other)
    context.close()
    assert not errors, errors


def test_with_two_editions_the_toggle_alone_pairs_them(page, base_url: str):
    """The real site (zh, en): no menu, one counterpart cell per row, and the toggle shows it beside the text."""
    page.goto("/en/13/")
    expect(page.locator(".decl-pair-choice")).to_have_count(0)
    row = page.locator("#para_13")
    expect(row.locator(".decl-alt")).to_have_count(1)
    expect(row.locator(".decl-alt:visible")).to_have_count(0)
    page.locator(".decl-view-toggle").click()
    expect(row.locator(".decl-alt:visible")).to_have_attribute("lang", "zh")
    expect(page.locator(".decl-view-toggle")).to_have_attribute("aria-pressed", "true")
