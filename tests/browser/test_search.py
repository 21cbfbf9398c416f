"""Search that means what the reader types: every word (AND), "phrases", symbols, unit jumps, the other
language's text; the keyboard's choice visible; the browser's own keys left to the browser."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from browsing import screenshot
from playwright.sync_api import Page, expect
from search_queries import ACROSS, JUMPS, QUERIES, precision_at_k, unit_id

RUN = """q => new Promise(done => window.declSearch.search(q, hits => done(
  hits.map(h => [h.group, h.doc.k, h.doc.u]))))"""


def hits(page: Page, query: str) -> list[tuple[str, str, str]]:
    return [tuple(h) for h in page.evaluate(RUN, query)]


def units(found: list[tuple[str, str, str]], group: str = "full") -> list[str]:
    return [unit_id(url) for g, kind, url in found if g == group and kind == "unit"]


def open_search(page: Page, query: str) -> None:
    page.locator("#decl-search-input").click()
    page.keyboard.type(query)
    expect(page.locator("#decl-search-meta")).not_to_have_text(re.compile("^(键入|Type)"))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_query_suite_precision_is_one_and_sets_are_exact(page: Page, lang: str):
    page.goto(f"/{lang}/")
    failures = []
    for edition, _, query, expected in QUERIES:
        if edition != lang:
            continue
        found = hits(page, query)
        ranked = units(found)
        if precision_at_k(ranked, expected) < 1.0:
            failures.append(f"{query!r}: {ranked[: len(expected) + 2]} expected {expected}")
        # A query of several words (or a phrase) finds exactly the units that have them all.
        if len(query.split()) > 1 and sorted(ranked) != sorted(expected):
            failures.append(f"{query!r}: full matches {ranked}, expected exactly {expected}")
    assert not failures, "\n".join(failures)


def test_the_suite_is_large_enough():
    assert len(QUERIES) >= 30
    assert {"term", "number", "mixed", "char", "symbol", "phrase"} <= {kind for _, kind, _, _ in QUERIES}
    assert {lang for lang, *_ in QUERIES} == {"zh", "en"}


def test_every_word_is_required_and_partial_matches_are_apart(page: Page):
    page.goto("/en/13/")
    open_search(page, "right to adequate housing")
    meta = page.locator("#decl-search-meta")
    full = hits(page, "right to adequate housing")
    count = sum(1 for g, *_ in full if g == "full")
    expect(meta).to_have_text(f"{count} matching documents")
    assert units(full) == ["13(a)"] and "12" in units(full, "partial")
    group = page.locator(".decl-search-group")
    expect(group).to_have_text("Partial matches (some of the words)")
    # Partial matches come after their label, full matches before it.
    items = page.locator("#decl-search-list > li")
    labels = items.evaluate_all(
        "els => els.map(e => e.className.includes('decl-search-group') ? 'G' : e.dataset.group)"
    )
    assert labels[: labels.index("G")] == ["full"] * count and set(labels[labels.index("G") + 1 :]) == {"partial"}
    # Stop-words are not marked on their own.
    marks = page.locator(".decl-search-hit mark").all_inner_texts()
    assert marks and "to" not in [m.strip().lower() for m in marks]
    expect(page.locator(".decl-search-hit").first.locator(".decl-kind")).to_have_text("Paragraph")
    screenshot(page, "en-search-and")


def test_quoted_phrase(page: Page):
    page.goto("/en/")
    found = hits(page, '"Habitat Assembly"')
    assert sorted(units(found)) == ["1", "17", "20"]
    assert not units(found, "partial")
    assert "11" in units(hits(page, "Habitat Assembly"))  # UN-Habitat … General Assembly: both words, apart


def test_results_say_what_they_are_and_keep_footnotes_apart(page: Page):
    page.goto("/zh/")
    open_search(page, "本地化")
    kinds = page.locator(".decl-search-hit .decl-kind").all_inner_texts()
    assert kinds[:2] == ["段落", "段落"] and "术语" in kinds
    page.goto("/en/")
    open_search(page, "annex")
    first = page.locator(".decl-search-hit").first
    expect(first).to_contain_text("para. 2")
    expect(first.locator("p")).to_have_text(re.compile(r"^Footnote: .*annex"))
    page.locator("#decl-search-input").fill("")
    page.keyboard.type("New Urban Agenda")
    para6 = page.locator(".decl-search-hit", has_text="para. 6").locator("p")
    expect(para6).not_to_contain_text("A/76/639")


def test_snippets_cut_at_word_boundaries(page: Page):
    page.goto("/en/")
    for query in ("slums", "right to adequate housing", "localization", "water"):
        page.locator("#decl-search-input").fill("")
        open_search(page, query)
        # The words of the documents shown (their text files are fetched for the results shown).
        words = set(re.findall(r"[A-Za-z0-9'’-]+", page.evaluate("JSON.stringify(window.declSearch.fetched())")))
        for snippet in page.locator(".decl-search-hit p").all_inner_texts():
            for token in re.findall(r"[A-Za-z0-9'’-]+", snippet):
                assert token in words, f"{query!r}: {token!r} is a cut word in {snippet!r}"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_document_symbols_find_the_instrument_and_the_citing_units(page: Page, lang: str):
    page.goto(f"/{lang}/")
    for symbol, slug, citing in (
        ("A/RES/71/256", "a-res-71-256", ["2", "4", "6", "7", "10", "21"]),
        ("FCCC/CP/2022/10/Add.1", "1-cp-27", ["8"]),
    ):
        found = hits(page, symbol)
        assert sorted(units(found), key=str) == sorted(citing, key=str)
        assert ("full", "instrument", f"instruments/{slug}/") in found


@pytest.mark.parametrize(("lang", "query", "unit"), JUMPS)
def test_unit_references_jump_first(page: Page, lang: str, query: str, unit: str):
    page.goto(f"/{lang}/")
    group, kind, url = hits(page, query)[0]
    assert (group, kind, unit_id(url)) == ("jump", "unit", unit)


def test_jump_from_the_keyboard(page: Page, base_url: str):
    page.goto("/zh/")
    open_search(page, "第13段(b)")
    expect(page.locator(".decl-search-hit").first.locator(".decl-kind")).to_have_text("跳转")
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{base_url}/zh/13/#para_13__list_1__point_b")
    expect(page.locator("#para_13__list_1__point_b")).to_be_in_viewport()


@pytest.mark.parametrize(("lang", "query", "expected"), ACROSS)
def test_a_query_in_the_other_language_finds_the_units_through_it(page: Page, lang: str, query: str, expected):
    page.goto(f"/{lang}/")
    found = hits(page, query)
    assert sorted(units(found, "via"), key=str) == sorted(expected, key=str)
    assert not units(found)


def test_other_language_results_are_labelled(page: Page):
    page.goto("/en/")
    open_search(page, "本地化")
    expect(page.locator(".decl-search-group")).to_have_text("Found through the Chinese text")
    via = page.locator('.decl-search-hit[data-group="via"]')
    expect(via).to_have_count(2)
    expect(via.first.locator("p")).to_have_attribute("lang", "zh")
    expect(via.first.locator("mark").first).to_have_text("本地化")
    screenshot(page, "en-search-via-chinese")


def test_search_from_the_header_highlights_and_lands_on_the_unit(page: Page, base_url: str):
    page.goto("/zh/")
    open_search(page, "本地化")
    found = page.locator(".decl-search-hit")
    expect(found.first).to_contain_text("第12段")
    expect(found.nth(1)).to_contain_text("第13段(e)分段")
    expect(found.first.locator("mark").first).to_have_text("本地化")
    expect(page.locator("#decl-search-meta")).to_contain_text("3")  # paras 12 and 13(e), the glossary entry
    screenshot(page, "zh-search")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{base_url}/zh/13/?h=%E6%9C%AC%E5%9C%B0%E5%8C%96#para_13__list_1__point_e")
    mark = page.locator("#para_13__list_1__point_e mark.decl-hit")
    expect(mark).to_have_text("本地化")
    expect(mark).to_be_in_viewport()


def test_the_selected_result_is_visibly_highlighted(page: Page):
    page.goto("/zh/")
    open_search(page, "新城市议程")
    links = page.locator(".decl-search-hit > a")
    page.mouse.move(0, 0)
    style = "e => [getComputedStyle(e).backgroundColor, getComputedStyle(e).boxShadow].join(' ')"
    before = links.nth(1).evaluate(style)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(links.nth(1)).to_have_attribute("aria-selected", "true")
    assert links.nth(1).evaluate(style) != before
    assert links.nth(0).evaluate(style) == before
    screenshot(page, "zh-search-keyboard")


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


KEYDOWN = """key => {
  const e = new KeyboardEvent("keydown", Object.assign({bubbles: true, cancelable: true}, key));
  document.body.dispatchEvent(e);
  return e.defaultPrevented;
}"""


@pytest.mark.parametrize(
    "key",
    [
        {"key": "f", "ctrlKey": True},
        {"key": "f", "metaKey": True},
        {"key": "s", "ctrlKey": True},
        {"key": "s", "metaKey": True},
        {"key": "/", "ctrlKey": True},
        {"key": "s", "altKey": True},
        {"key": "f"},
    ],
)
def test_the_browsers_keys_stay_the_browsers(page: Page, key: dict):
    page.goto("/en/full/")
    assert page.evaluate(KEYDOWN, key) is False
    expect(page.locator("#decl-search-input")).not_to_be_focused()
    assert page.evaluate("document.getElementById('__search').checked") is False


def test_ctrl_f_reaches_the_browser(page: Page):
    page.goto("/zh/full/")
    page.keyboard.press("Control+f")
    page.keyboard.press("Control+s")
    expect(page.locator("#decl-search-input")).not_to_be_focused()
    assert page.evaluate("document.getElementById('__search').checked") is False


@pytest.mark.parametrize("key", ["/", "s"])
def test_slash_and_s_open_search_and_escape_closes_it(page: Page, key: str):
    page.goto("/zh/13/")
    page.keyboard.press(key)
    expect(page.locator("#decl-search-input")).to_be_focused()
    assert page.evaluate("document.getElementById('__search').checked") is True
    page.keyboard.type("本地化")
    expect(page.locator(".decl-search-hit").first).to_be_visible()
    page.keyboard.press("Escape")
    assert page.evaluate("document.getElementById('__search').checked") is False
    expect(page.locator("#decl-search-input")).not_to_be_focused()


def test_an_empty_result_offers_the_other_edition_and_the_glossary(page: Page, base_url: str):
    page.goto("/zh/")
    open_search(page, "zhanlüe xyz")
    offers = page.locator(".decl-search-empty a")
    expect(offers).to_have_count(2)
    expect(offers.first).to_have_text("在英文版中搜索")
    screenshot(page, "zh-search-empty")
    offers.first.click()
    expect(page).to_have_url(re.compile(r"/en/\?q=zhanl"))
    expect(page.locator("#decl-search-input")).to_have_value("zhanlüe xyz")
    page.goto("/zh/")
    open_search(page, "xcsyc")
    page.locator(".decl-search-empty a").nth(1).click()
    expect(page).to_have_url(f"{base_url}/zh/glossary/?q=xcsyc")
    expect(page.locator("#glossary-filter")).to_have_value("xcsyc")
    expect(page.locator(".glossary-item:visible").first).to_contain_text("新城市议程")


AXE = Path(__file__).resolve().parents[1] / "node" / "node_modules" / "axe-core" / "axe.min.js"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("lang", "query"), [("en", "right to adequate housing"), ("en", "本地化"), ("zh", "xyzzy")])
def test_open_search_has_no_axe_violations(browser, base_url: str, lang: str, query: str, scheme: str):
    """Results with their groups, the keyboard's choice, and the empty state (axe-core, WCAG 2.1 AA)."""
    context = browser.new_context(base_url=base_url, color_scheme=scheme)
    page = context.new_page()
    page.goto(f"/{lang}/13/")
    open_search(page, query)
    page.keyboard.press("ArrowDown")
    # Colours are measured once the overlay's transitions end (mid-fade, the text is paler than it will be).
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "() => axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
    )
    context.close()
    problems = [f"{v['id']}: {v['help']} {[n['target'] for n in v['nodes'][:3]]}" for v in result["violations"]]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    "path", ["/zh/glossary/sdg-localization/?h=本地化", "/en/instruments/a-res-71-256/?h=A/RES/71/256"]
)
def test_arriving_on_an_entry_marks_the_words(page: Page, path: str):
    page.goto(path)
    expect(page.locator("mark.decl-hit").first).to_be_visible()
