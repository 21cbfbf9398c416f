"""Printing a paragraph and the full text; the dark colour scheme."""

from __future__ import annotations

import pytest
from browsing import SCREENSHOTS, screenshot
from playwright.sync_api import Page, expect


@pytest.mark.parametrize("path", ["/zh/13/", "/en/full/"])
def test_print_shows_text_and_permalinks_only(page: Page, path: str):
    page.goto(path)
    page.emulate_media(media="print")
    for hidden in (
        ".md-header",
        ".md-sidebar--primary",
        ".md-footer",
        ".decl-toolbar",
        ".decl-actions",
        ".decl-tip",
    ):
        expect(page.locator(hidden).first).to_be_hidden()
    row = page.locator("#para_13__list_1__point_a")
    expect(row).to_be_visible()
    printed = row.evaluate("e => getComputedStyle(e, '::after').content")
    assert printed.strip('"').endswith(f"{path[:4]}13/#para_13__list_1__point_a")
    if path.startswith("/en/"):
        expect(page.locator(".decl-notice")).to_be_visible()  # the unofficial-translation notice prints
    # A running header on every sheet (page-margin boxes): the title, the date and the page's canonical address.
    rules = page.locator("style.decl-print-page").first.text_content() or ""
    title = "部长级宣言" if path.startswith("/zh/") else "Ministerial Declaration"
    assert "@top-left" in rules and title in rules and "2023" in rules, rules
    assert f'{path}"' in rules, rules
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.pdf(path=str(SCREENSHOTS / f"print{path.rstrip('/').replace('/', '-')}.pdf"))


def test_print_keeps_the_notice_after_it_was_dismissed(page: Page):
    page.goto("/en/13/")
    page.click(".md-banner__button")
    page.reload()
    page.emulate_media(media="print")
    expect(page.locator(".decl-notice")).to_be_visible()


def test_dark_mode_toggle_is_remembered(page: Page):
    page.goto("/zh/13/")
    body = page.locator("body")
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    page.click('label[for="__palette_1"]')
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    screenshot(page, "zh-13-dark")
    page.goto("/zh/2/")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
