"""Citations in the standard styles: rendering a template once per shape of item gives, byte for byte,
what citeproc-py gives for each item on its own."""

from __future__ import annotations

import json

import pytest
from bench.synthetic import repeated
from support import ROOT
from unhabitat import cite, styles
from unhabitat.pipeline import load_build

SOURCES = {"zh": "source/declaration.zh.txt", "en": "source/declaration.en.txt"}
DATA = {"terms": "glossary/terms.yml", "instruments": "glossary/instruments.yml"}


def _items(lang: str, copies: int = 1) -> list[cite.CslItem]:
    # With the revision history, so that the English items carry their revision dates.
    edition = load_build(ROOT, SOURCES, DATA, lang, history=True).edition
    units = repeated(edition.text, copies).units()
    return cite.csl_items(edition.work, [(u, edition.permalink(u)) for u in units])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_templated_entries_equal_entries_rendered_one_by_one(lang):
    items = _items(lang)
    rendered = styles.render(items, lang)
    for item in items:
        item_json = json.dumps(item, sort_keys=True, ensure_ascii=False)
        for style, _ in styles.order(lang):
            assert rendered[item["id"]][style.key] == styles._entry(style, lang, item_json), (item["id"], style.key)


def test_the_renders_do_not_grow_with_the_text(monkeypatch):
    calls: list[str] = []
    entry = styles._entry.__wrapped__
    monkeypatch.setattr(
        styles, "_entry", lambda style, lang, item_json: calls.append(item_json) or entry(style, lang, item_json)
    )
    renders = []
    for copies in (10, 20):
        calls.clear()
        rendered = styles.render(_items("en", copies), "en")
        renders.append(len(calls))
    assert renders[0] == renders[1] < 290 * 3 / 5
    # Two copies' entries differ in their digits only.
    first, other = rendered["unha2-declaration-en-23"]["apa"], rendered["unha2-declaration-en-233"]["apa"]
    assert other == first.replace("para. 23", "para. 233").replace("23/#para_23", "233/#para_233")


def test_a_template_that_does_not_hold_falls_back_to_each_item(monkeypatch):
    # A style that prints the count of digits in the title cannot be a template: every item is rendered.
    items = _items("zh")[:6]
    monkeypatch.setattr(
        styles, "_entry", lambda style, lang, item_json: str(sum(c.isdigit() for c in json.loads(item_json)["title"]))
    )
    rendered = styles.render(items, "zh")
    for item in items:
        assert rendered[item["id"]]["apa"] == str(sum(c.isdigit() for c in item["title"]))
