"""What a reader does, in a real browser: open a cited paragraph, switch language, compare, copy links."""

from __future__ import annotations

import re

import pytest
from browsing import screenshot
from playwright.sync_api import Page, expect

POINT_B = "#para_13__list_1__point_b"


def switch_language(page: Page, lang: str) -> None:
    page.hover(".md-header__option .md-select")
    page.click(f'.md-select__link[hreflang="{lang}"]')


def test_a_cited_subparagraph_opens_on_screen(page: Page):
    page.goto("/zh/13/#para_13__list_1__point_e")
    target = page.locator("#para_13__list_1__point_e")
    expect(target).to_be_in_viewport()
    expect(target.locator(".decl-cell").first).to_contain_text("加强可持续发展目标的本地化")
    expect(page.locator("html")).to_have_attribute("lang", "zh")
    screenshot(page, "zh-13")


def test_language_switch_keeps_the_anchor(page: Page, base_url: str):
    page.goto(f"/zh/13/{POINT_B}")
    switch_language(page, "en")
    expect(page).to_have_url(f"{base_url}/en/13/{POINT_B}")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator(POINT_B)).to_be_in_viewport()
    expect(page.locator(f"{POINT_B} .decl-cell").first).to_contain_text("Explore just urban pathways")
    screenshot(page, "en-13")
    switch_language(page, "zh")
    expect(page).to_have_url(f"{base_url}/zh/13/{POINT_B}")
    expect(page.locator(POINT_B)).to_be_in_viewport()


def test_parallel_view_aligns_and_is_remembered(page: Page):
    page.goto("/zh/13/")
    english = page.locator('#para_13__list_1__point_a .decl-alt[lang="en"]')
    expect(english).to_be_hidden()
    page.click(".decl-view-toggle")
    expect(english).to_be_visible()
    expect(page.locator(".decl-view-toggle")).to_have_attribute("aria-pressed", "true")
    chinese = page.locator('#para_13__list_1__point_a .decl-cell[lang="zh"]')
    zh_box, en_box = chinese.bounding_box(), english.bounding_box()
    assert zh_box and en_box and abs(zh_box["y"] - en_box["y"]) < 2 and en_box["x"] > zh_box["x"] + zh_box["width"]
    screenshot(page, "zh-13-parallel")
    page.reload()
    expect(english).to_be_visible()
    page.set_viewport_size({"width": 390, "height": 844})
    zh_box, en_box = chinese.bounding_box(), english.bounding_box()
    assert zh_box and en_box and en_box["y"] >= zh_box["y"] + zh_box["height"], "the columns stack on a phone"
    screenshot(page, "zh-13-parallel-phone")
    page.click(".decl-view-toggle")
    expect(english).to_be_hidden()


def test_copy_permalink(page: Page, base_url: str):
    page.goto("/zh/13/")
    page.locator("#para_13__list_1__point_e").hover()
    page.locator("#para_13__list_1__point_e details.decl-actions > summary").click()
    page.locator("#para_13__list_1__point_e [data-permalink]").click()
    expect(page.locator("#decl-status")).to_contain_text("链接已复制")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == f"{base_url}/zh/13/#para_13__list_1__point_e"
    expect(page).to_have_url(copied)


def test_permalink_control_works_from_the_keyboard(page: Page, base_url: str):
    page.goto("/en/2/")
    page.locator("#para_2 details.decl-actions > summary").focus()
    page.keyboard.press("Enter")
    link = page.locator("#para_2 [data-permalink]")
    link.focus()
    expect(link).to_be_focused()
    page.keyboard.press("Enter")
    assert page.evaluate("navigator.clipboard.readText()") == f"{base_url}/en/2/#para_2"


def test_previous_and_next(page: Page, base_url: str):
    page.goto("/zh/13/")
    page.click(".md-footer__link--next")
    expect(page).to_have_url(f"{base_url}/zh/14/")
    page.click(".md-footer__link--prev")
    page.click(".md-footer__link--prev")
    expect(page).to_have_url(f"{base_url}/zh/12/")


def test_footnote_marker_and_back(page: Page, base_url: str):
    page.goto("/zh/2/")
    page.click("#fnref_1")
    expect(page).to_have_url(f"{base_url}/zh/2/#fnt_1")
    expect(page.locator("#fnt_1")).to_be_in_viewport()
    page.click("#fnt_1 .decl-fnback")
    expect(page).to_have_url(f"{base_url}/zh/2/#fnref_1")


def test_landing_page_remembers_the_choice(page: Page, base_url: str):
    page.goto("/")
    screenshot(page, "landing")
    page.click('a[data-edition="en"]')
    expect(page).to_have_url(f"{base_url}/en/")
    page.goto("/")
    expect(page).to_have_url(f"{base_url}/en/")
    page.goto("/?choose")
    expect(page.locator('a[data-edition="zh"]')).to_be_visible()


def test_home_pages_show_title_and_contents(page: Page):
    for lang, title in (("zh", "联合国人居大会第二届会议部长级宣言"), ("en", "Ministerial Declaration")):
        page.goto(f"/{lang}/")
        expect(page.locator("h1.decl-title")).to_contain_text(title)
        expect(page.locator("article ol li")).to_have_count(21)
        screenshot(page, f"{lang}-home")
    page.locator("article ol li a").nth(12).click()
    expect(page).to_have_url(re.compile(r"/en/13/$"))


MAIN_PAGES = [
    "",
    "13/",
    "full/",
    "glossary/",
    "glossary/new-urban-agenda/",
    "instruments/",
    "instruments/1-cp-27/",
    "downloads/",
]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_main_pages_in_both_editions(page: Page, lang: str):
    for path in MAIN_PAGES:
        page.goto(f"/{lang}/{path}")
        expect(page.locator("html")).to_have_attribute("lang", lang)
        expect(page.locator("article h1").first).to_be_visible()
        screenshot(page, f"{lang}-{path.strip('/').replace('/', '-') or 'home'}")
