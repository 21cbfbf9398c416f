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


@pytest.fixture
def phone(browser, base_url: str):
    """A 390 px phone with touch; the test fails on any request that fails."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True, has_touch=True, base_url=base_url
    )
    tab = context.new_page()
    failed: list[str] = []
    tab.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    tab.on("requestfailed", lambda r: failed.append(f"failed {r.url}"))
    errors: list[str] = []
    tab.on("pageerror", lambda e: errors.append(str(e)))
    yield tab
    context.close()
    assert not failed, failed
    assert not errors, errors


PAGE_KINDS = [
    "/",
    "/zh/",
    "/en/",
    "/zh/13/",
    "/en/13/",
    "/zh/2/",
    "/zh/full/",
    "/en/full/",
    "/zh/glossary/",
    "/en/glossary/",
    "/zh/glossary/new-urban-agenda/",
    "/en/glossary/sdg-localization/",
    "/en/glossary/localization/",  # an id whose entry moved
    "/zh/instruments/",
    "/en/instruments/a-res-71-256/",
    "/zh/downloads/",
    "/en/downloads/",
    "/zh/404.html",
    "/en/404.html",
]


@pytest.mark.parametrize("path", PAGE_KINDS)
def test_no_horizontal_scroll_on_a_phone(phone: Page, path: str):
    phone.goto(path)
    for view in ("single", "parallel"):
        phone.evaluate(f"document.documentElement.dataset.declView = '{view}'")
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{path} ({view}) is {width} px wide"


def first_line(term) -> dict:
    """A point on the first line of a term that may wrap (its box's centre may lie outside it)."""
    return term.evaluate(
        """e => { const box = e.getBoundingClientRect(), line = e.getClientRects()[0];
                  return {x: line.left - box.left + Math.min(8, line.width / 2), y: line.top - box.top + line.height / 2}; }"""
    )


def tip_box(page: Page, term) -> dict:
    box = term.locator(".decl-tip").bounding_box()
    assert box is not None
    return box


def test_tooltips_stay_inside_a_phone_screen_and_close(phone: Page, base_url: str):
    phone.goto("/zh/13/")
    terms = phone.locator(".decl-row a.decl-term")
    assert terms.count() > 5
    for i in range(terms.count()):
        term = terms.nth(i)
        if not term.is_visible():
            continue
        term.scroll_into_view_if_needed()
        term.tap(position=first_line(term))
        tip = term.locator(".decl-tip")
        expect(tip).to_be_visible()
        box = tip_box(phone, term)
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390, f"term {i}: {box}"
        assert box["y"] >= 0 and box["y"] + box["height"] <= 844, f"term {i}: {box}"
        expect(tip).to_contain_text("再点一次查看词条")
        phone.locator("h1").first.tap()  # a tap elsewhere closes it
        expect(tip).to_be_hidden()
    term = terms.first
    term.tap()
    screenshot(phone, "zh-13-tip-phone")
    phone.keyboard.press("Escape")
    expect(term.locator(".decl-tip")).to_be_hidden()
    term.tap()
    term.tap()  # the second tap opens the entry
    expect(phone).to_have_url(re.compile(r"/zh/glossary/[^/]+/$"))


def test_a_hovered_tooltip_is_kept_inside_the_window(page: Page):
    page.set_viewport_size({"width": 700, "height": 800})
    page.goto("/en/13/")
    terms = page.locator(".decl-row a.decl-term")
    width = page.evaluate("document.documentElement.clientWidth")
    for i in range(terms.count()):
        term = terms.nth(i)
        term.hover()
        box = term.locator(".decl-tip").bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, f"term {i}: {box}"


def test_show_terms_switch_is_remembered(page: Page):
    page.goto("/zh/13/")
    switch = page.locator(".decl-terms-toggle")
    term = page.locator("#para_13 a.decl-term").first
    expect(switch).to_have_attribute("aria-pressed", "true")
    assert "underline" in term.evaluate("e => getComputedStyle(e).textDecorationLine")
    switch.click()
    expect(switch).to_have_attribute("aria-pressed", "false")
    assert term.evaluate("e => getComputedStyle(e).textDecorationLine") == "none"
    expect(term).to_have_attribute("tabindex", "-1")
    page.goto("/en/2/")
    expect(page.locator(".decl-terms-toggle")).to_have_attribute("aria-pressed", "false")
    screenshot(page, "en-2-terms-off")
    page.click(".decl-terms-toggle")
    expect(page.locator(".decl-terms-toggle")).to_have_attribute("aria-pressed", "true")


def test_adjacent_terms_are_set_apart(page: Page):
    page.goto("/zh/13/")
    pairs = page.locator("a.decl-term-next")
    assert pairs.count() > 0
    gap = pairs.first.evaluate(
        "e => e.getBoundingClientRect().left - e.previousElementSibling.getBoundingClientRect().right"
    )
    assert gap >= 2 or pairs.first.evaluate(
        "e => e.getBoundingClientRect().top !== e.previousElementSibling.getBoundingClientRect().top"
    )


def test_footnote_marker_is_a_24px_target_with_a_way_back(page: Page, base_url: str):
    page.goto("/zh/2/")
    for selector in ("#fnref_1", "#fnt_1 .decl-fnback"):
        box = page.locator(selector).bounding_box()
        assert box and box["width"] >= 24 and box["height"] >= 24, (selector, box)
    assert "↩" in page.locator("#fnt_1 .decl-fnback").evaluate("e => getComputedStyle(e, '::after').content")
    page.click("#fnref_1")
    page.click("#fnt_1 .decl-fnback")
    expect(page).to_have_url(f"{base_url}/zh/2/#fnref_1")
    screenshot(page, "zh-2-footnote")


def test_english_notice_is_compact_and_dismissed_for_good(phone: Page):
    phone.goto("/en/13/")
    notice = phone.locator("[data-md-component=announce] .md-banner")
    expect(notice).to_be_visible()
    box = notice.bounding_box()
    assert box and box["height"] <= 72, box
    screenshot(phone, "en-13-phone")
    phone.click(".md-banner__button")
    expect(notice).to_be_hidden()
    phone.goto("/en/2/")
    expect(phone.locator("[data-md-component=announce]")).to_be_hidden()


def test_no_banner_strip_on_chinese_pages(phone: Page):
    phone.goto("/zh/13/")
    expect(phone.locator(".md-banner")).to_have_count(0)
    screenshot(phone, "zh-13-phone")


def test_language_menu_marks_the_current_language(page: Page):
    for lang, other in (("zh", "en"), ("en", "zh")):
        page.goto(f"/{lang}/13/")
        expect(page.locator(f'.md-select__link[hreflang="{lang}"]')).to_have_attribute("aria-current", "true")
        expect(page.locator(f'.md-select__link[hreflang="{other}"]')).not_to_have_attribute("aria-current", "true")


def test_full_text_shows_each_number_once(page: Page):
    page.goto("/zh/full/")
    heading = page.locator("h2#p13").bounding_box()
    assert heading and heading["width"] <= 1 and heading["height"] <= 1, "the heading is for screen readers only"
    expect(page.locator("#para_13 .decl-cell:not(.decl-alt) .decl-num")).to_have_text("13.")
    expect(page.locator(".md-sidebar--secondary .md-nav__link", has_text="第 13 段")).to_have_count(1)


def test_home_contents_heading_is_not_repeated(page: Page):
    page.goto("/zh/")
    expect(page.locator(".md-sidebar--secondary")).to_be_hidden()
    expect(page.locator("h2#contents")).to_be_visible()


@pytest.mark.parametrize("path", ["/zh/13/", "/en/13/", "/zh/glossary/new-urban-agenda/"])
def test_first_visit_makes_no_failed_or_unused_request(page: Page, path: str):
    seen: list[tuple[int, str]] = []
    page.on("response", lambda r: seen.append((r.status, r.url)))
    page.goto(path, wait_until="networkidle")
    assert all(status < 400 for status, _ in seen), seen
    # Neither Material's search index nor sitemaps; our own index waits for the search box.
    assert not [u for _, u in seen if "sitemap.xml" in u or "/search/" in u], seen


def test_landing_page_follows_the_colour_scheme(browser, base_url: str):
    context = browser.new_context(base_url=base_url, color_scheme="dark")
    tab = context.new_page()
    tab.goto("/?choose")
    expect(tab.locator("h1")).to_contain_text("部长级宣言")
    background = tab.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background != "rgb(255, 255, 255)"
    screenshot(tab, "landing-dark")
    context.close()


@pytest.mark.parametrize(
    ("lang", "heading", "home"), [("zh", "找不到该页面", "首页与目录"), ("en", "Page not found", "Home")]
)
def test_404_is_localized_and_leads_on(page: Page, base_url: str, lang: str, heading: str, home: str):
    page.goto(f"/{lang}/404.html")
    expect(page.locator("article h1")).to_have_text(heading)
    expect(page.locator("article")).to_contain_text("21")
    screenshot(page, f"{lang}-404")
    page.locator("article a", has_text=home).click()
    expect(page).to_have_url(f"{base_url}/{lang}/")


def test_reference_titles_use_materials_tooltips_inside_the_screen(page: Page):
    """Material's content.tooltips shows a cited instrument's title, kept inside a 390 px screen."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/zh/2/")
    page.locator("a.decl-ref[title]").first.hover()
    tip = page.locator(".md-tooltip2--active .md-tooltip2__inner")
    expect(tip).to_contain_text("SDG 11")
    box = tip.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390, box
