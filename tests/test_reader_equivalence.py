"""Refactors keep the built site equivalent for readers: every page of both editions keeps its ids, the
targets of its internal links (resolved to a path from the site root, so ``../glossary/x/`` and a link
MkDocs made from ``glossary/x.md`` count as the same) and the text a reader sees.

``tests/fixtures/reader_view.json`` was recorded from a build of main before the editions and the
address book became data (issue 13). After a deliberate change of pages, refresh it with
``pytest tests/test_reader_equivalence.py --update-golden`` and review the diff."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

from lxml import html

RECORDED = Path(__file__).parent / "fixtures" / "reader_view.json"


def _target(root: Path, page: Path, href: str) -> str | None:
    """An internal link's target as ``path#fragment`` from the site root; None for other hosts."""
    parts = urlsplit(href)
    if parts.scheme or href.startswith("//"):
        return None
    url, fragment = urldefrag(href)
    path = unquote(urlsplit(url).path)
    target = (page.parent / path).resolve() if path else page
    if target.suffix != ".html" and not target.is_file():
        target = target / "index.html"
    try:
        relative = target.relative_to(root.resolve()).as_posix()
    except ValueError:
        relative = f"(outside) {path}"
    return f"{relative}#{fragment}" if fragment else relative


def _text_digest(tree) -> str:
    """What a reader reads: the article's text (the whole page without one), scripts and styles left out."""
    article = tree.xpath("//article") or [tree]
    texts = article[0].xpath(".//text()[not(ancestor::script) and not(ancestor::style)]")
    words = " ".join(" ".join(texts).split())
    return hashlib.sha256(words.encode("utf-8")).hexdigest()[:16]


def reader_view(root: Path) -> dict[str, dict]:
    """Page → its ids, internal link targets and a digest of its article text."""
    view = {}
    for page in sorted(root.rglob("*.html")):
        tree = html.fromstring(page.read_bytes())
        targets = set()
        for element, attribute, href, _ in tree.iterlinks():
            if element.tag == "a" and attribute == "href":
                target = _target(root, page.resolve(), href)
                if target is not None:
                    targets.add(target)
        view[page.relative_to(root).as_posix()] = {
            "ids": sorted(set(tree.xpath("//@id"))),
            "links": sorted(targets),
            "text": _text_digest(tree),
        }
    return view


def test_built_pages_stay_equivalent_for_readers(site, update_golden):
    actual = reader_view(site.root)
    if update_golden:
        RECORDED.write_text(json.dumps(actual, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    expected = json.loads(RECORDED.read_text(encoding="utf-8"))
    assert sorted(actual) == sorted(expected), "the set of pages changed"
    problems = []
    for page, seen in expected.items():
        now = actual[page]
        for key in ("ids", "links"):
            lost, gained = set(seen[key]) - set(now[key]), set(now[key]) - set(seen[key])
            if lost or gained:
                problems.append(f"{page} {key}: lost {sorted(lost)[:5]}, gained {sorted(gained)[:5]}")
        if seen["text"] != now["text"]:
            problems.append(f"{page}: the article text changed")
    assert not problems, "\n".join(problems[:40])
