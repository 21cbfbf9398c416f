"""The glossary as a reader uses it: tooltips on marked terms, the filter, the concordance."""

from __future__ import annotations

import pytest
from browsing import screenshot
from playwright.sync_api import Browser, Page, expect

TERM = '#para_2 a.decl-term[href="../glossary/human-settlements/"]'


def test_tooltip_on_hover(page: Page):
    page.goto("/zh/2/")
    tip = page.locator(f"{TERM} .decl-tip")
    expect(tip).to_be_hidden()
    page.hover(TERM)
    expect(tip).to_be_visible()
    expect(tip).to_have_text("rénlèi zhùqū · human settlements")
    reference = page.locator('#para_2 a.decl-ref[href="../instruments/a-res-71-256/"]')
    reference.hover()
    expect(reference.locator(".decl-tip")).to_have_text("Xīn Chéngshì Yìchéng · New Urban Agenda · A/RES/71/256")


def test_tooltip_on_keyboard_focus(page: Page):
    page.goto("/en/2/")
    term = page.locator('#para_2 a.decl-term[href="../glossary/human-settlements/"]')
    term.focus()
    expect(term).to_be_focused()
    expect(term.locator(".decl-tip")).to_be_visible()
    expect(term.locator(".decl-tip")).to_have_text("人类住区 · rénlèi zhùqū")


def test_tooltip_on_touch(browser: Browser, base_url: str):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True, base_url=base_url
    )
    page = context.new_page()
    page.goto("/zh/2/")
    page.tap(TERM)
    expect(page.locator(f"{TERM} .decl-tip")).to_be_visible()
    expect(page).to_have_url(f"{base_url}/zh/2/")
    page.tap(TERM)
    expect(page).to_have_url(f"{base_url}/zh/glossary/human-settlements/")
    context.close()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("本地化", {"可持续发展目标本地化"}),
        ("kcxfzm", {"可持续发展目标", "可持续发展目标本地化"}),
        ("xin chengshi", {"新城市议程"}),
        ("xīn chéngshì", {"新城市议程"}),
        ("Xīn Chéngshì", {"新城市议程"}),
        ("renjushu", {"联合国人类住区规划署"}),
        ("rjs", {"联合国人类住区规划署"}),
        ("wujia-kegui", {"无家可归"}),
        ("Urban October", {"城市十月"}),
        ("resident coordinator", {"驻地协调员系统"}),
    ],
)
def test_glossary_filter(page: Page, query: str, expected: set[str]):
    page.goto("/zh/glossary/")
    field = page.get_by_label("筛选术语（汉字、拼音、拼音首字母或英文）")
    field.fill(query)
    field.press("End")
    visible = page.locator(".glossary-item:visible .glossary-head")
    expect(visible).to_have_count(len(expected))
    assert set(visible.all_inner_texts()) == expected
    expect(page.locator(".glossary-count span")).to_have_text(str(len(expected)))


def test_glossary_filter_says_when_nothing_matches(page: Page):
    page.goto("/en/glossary/")
    page.fill("#glossary-filter", "zzzz")
    expect(page.locator(".glossary-none")).to_be_visible()
    screenshot(page, "en-glossary-empty")


def test_concordance_links_to_the_paragraph_anchor(page: Page, base_url: str):
    page.goto("/zh/glossary/sdg-localization/")
    screenshot(page, "zh-glossary-entry")
    page.click('.concordance a[href="../../13/#para_13__list_1__point_e"]')
    expect(page).to_have_url(f"{base_url}/zh/13/#para_13__list_1__point_e")
    expect(page.locator("#para_13__list_1__point_e")).to_be_in_viewport()


def test_glossary_index_in_both_editions(page: Page):
    page.goto("/zh/glossary/")
    first = page.locator(".glossary-item .glossary-head").first
    expect(first).to_have_text("包容和有效的多边主义")  # bāoróng… sorts first by pinyin
    screenshot(page, "zh-glossary")
    page.goto("/en/glossary/")
    expect(page.locator(".glossary-item .glossary-head").first).to_have_text("2030 Agenda for Sustainable Development")
    screenshot(page, "en-glossary")


def test_concordance_cards_fit_a_phone(browser: Browser, base_url: str):
    """One card per occurrence, the occurrence highlighted in both languages, no sideways scrolling at 390 px."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, base_url=base_url)
    page = context.new_page()
    page.goto("/en/glossary/un-habitat-programme/")
    cards = page.locator(".concordance ol > li")
    expect(cards.first).to_be_visible()
    assert cards.count() > 10
    # A card (glossary.css), not a list item with a number.
    style = cards.first.evaluate("e => [getComputedStyle(e).borderTopWidth, getComputedStyle(e).listStyleType]")
    assert style == ["1px", "none"], style
    for card in cards.all()[:3]:
        expect(card.locator('p[lang="zh"] mark')).to_have_count(1)
        expect(card.locator('p[lang="en"] mark')).to_have_count(1)
    scroll = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert scroll[0] <= scroll[1], scroll
    screenshot(page, "en-glossary-entry-390")
    context.close()


def test_entry_shows_the_whole_record(page: Page):
    page.goto("/en/glossary/persons-with-disabilities/")
    entry = page.locator(".glossary-entry dl")
    expect(entry).to_contain_text("残疾人")
    expect(entry).to_contain_text("Convention on the Rights of Persons with Disabilities, article 1")
    page.goto("/en/glossary/stakeholders/")
    expect(page.locator(".term-deprecated del").first).to_have_text("利益相关者")
    expect(page.locator('a[href^="https://unterm.un.org/"]')).to_have_count(1)
    page.goto("/en/glossary/welcome/")
    expect(page.locator(".glossary-moved a")).to_have_attribute("href", "../formulae/#welcome")
    page.click(".glossary-moved a")
    expect(page.locator(".formulae td#welcome")).to_be_in_viewport()
    expect(page.locator(".formulae td#welcome")).to_have_attribute("lang", "zh")
