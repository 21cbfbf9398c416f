"""What keeps a page's size flat as the text grows: a nested navigation and a concordance in parts."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from bench.synthetic import repeated
from support import ROOT
from unhabitat import glossary_pages, render
from unhabitat.pipeline import load_build
from unhabitat.render import NAV_GROUP

SOURCES = {"zh": "source/declaration.zh.txt", "en": "source/declaration.en.txt"}
DATA = {"terms": "glossary/terms.yml", "instruments": "glossary/instruments.yml"}


@pytest.fixture(scope="module")
def edition():
    return load_build(ROOT, SOURCES, DATA, "zh").edition


def _leaves(items: list) -> list[str]:
    out: list[str] = []
    for item in items:
        (value,) = item.values()
        out += _leaves(value) if isinstance(value, list) else [value]
    return out


def _widest_level(items: list) -> int:
    nested = [v for item in items for v in item.values() if isinstance(v, list)]
    return max([len(items), *(_widest_level(v) for v in nested)])


def _rendered(items: list) -> int:
    """The most entries a page renders with navigation.prune: each level's siblings along its path."""
    nested = [v for item in items for v in item.values() if isinstance(v, list)]
    return len(items) + max((_rendered(v) for v in nested), default=0)


@pytest.mark.parametrize("copies", [1, 3, 100])
def test_the_navigation_nests_groups_so_no_level_grows_with_the_text(edition, copies):
    text = repeated(edition.text, copies)
    (paragraphs,) = render.navigation(replace(edition, text=text))[1].values()
    assert _leaves(paragraphs) == [f"{p.number}.md" for p in text.paragraphs]
    assert _widest_level(paragraphs) <= 2 * NAV_GROUP
    if copies == 100:  # 2,100 paragraphs: groups of 13 paragraphs within groups of 13 groups, 13 of those
        assert [next(iter(item)) for item in paragraphs] == [f"{n}–{min(n + 168, 2100)}" for n in range(1, 2101, 169)]
        assert _rendered(paragraphs) == 39  # what a page shows of them: its groups' siblings, level by level


# A concordance card: an item of the ordered list; the number of the list's first.
CARD = re.compile(r"<li>.*?</li>", re.DOTALL)
START = re.compile(r'<div class="concordance">\n<ol(?: start="(\d+)")?>')


def test_a_long_concordance_continues_on_numbered_pages(edition, monkeypatch):
    whole = {t.id: glossary_pages.concordance(edition, t) for t in edition.glossary.terms}
    monkeypatch.setattr(glossary_pages, "CONCORDANCE_PART", 2)
    pages = glossary_pages.pages(edition, edition.instruments)
    long = [t for t in edition.glossary.terms if len(edition.glossary.occurrences_of(t.id)) > 2]
    assert long
    for term in long:
        count = len(edition.glossary.occurrences_of(term.id))
        parts = [pages[f"glossary/{term.id}.md"]] + [
            pages[f"glossary/{term.id}/{n}.md"] for n in range(2, (count + 1) // 2 + 1)
        ]
        assert f"glossary/{term.id}/{(count + 1) // 2 + 1}.md" not in pages
        cards = [CARD.findall(page) for page in parts]
        assert all(len(c) == 2 for c in cards[:-1]) and 1 <= len(cards[-1]) <= 2
        # The same cards, numbered in text order, as one page would hold; links one folder deeper after the first.
        flat = cards[0] + [c.replace('href="../../../', 'href="../../') for part in cards[1:] for c in part]
        assert flat == CARD.findall(whole[term.id])
        assert [int(START.findall(page)[0] or 1) for page in parts] == list(range(1, count + 1, 2))
        assert f"[3–{min(4, count)}]({term.id}/2.md)" in parts[0]


def test_a_long_text_continues_on_numbered_full_text_pages(edition, monkeypatch):
    assert render.full_text_parts(edition) == []  # the declaration itself: one page
    whole = render.full_text_page(edition)
    monkeypatch.setattr(render, "FULL_PART", 8)  # 21 paragraphs: 8, 8 and 5
    pages = render.full_text_pages(edition)
    assert list(pages) == ["full.md", "full-2.md", "full-3.md"]
    headings = [re.findall(r"\{#p(\d+) ", page) for page in pages.values()]
    assert [len(part) for part in headings] == [8, 8, 5]
    assert [int(n) for part in headings for n in part] == [p.number for p in edition.text.paragraphs]
    # Each paragraph's units and each footnote once, as on the single page.
    for pattern in (r'<div class="decl-row[^"]*" id="([^"]+)"', r'id="(fnt_\d+)"'):
        split = [eid for page in pages.values() for eid in re.findall(pattern, page)]
        assert sorted(split) == sorted(re.findall(pattern, whole)) and split
    assert '<a href="../full-2/">9–16</a>' in pages["full.md"]
    assert '<a href="../full/">1–8</a>' in pages["full-3.md"]
