"""Hostile data in every field reaches every kind of output inert (review rows 37–40, 72–75, 82–83, 108).

One build whose text, footnotes, title, term equivalents, pinyin and notes, instrument titles, kinds,
contents and symbols all carry markup that would run, close an element or start a formula. In
Chromium, no page opens a dialog or raises an error, every page keeps its structure (title, footer,
scripts, parseable JSON-LD); the exports stay well-formed and the injected text stays text.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from browsing import serve
from lxml import etree
from playwright.sync_api import Browser
from support import ROOT, build_site

PAYLOAD = "</title><script>alert(document.domain)//</script><!--<script><img src=x onerror=alert(document.domain)>"
FORMULA = '=HYPERLINK("http://evil.example/","click")'
BIBTEX = "}, note = {injected"
SYMBOL = "Water Action Agenda <img src=x onerror=alert(document.domain)>"


def _hostile_inputs(folder: Path) -> dict[str, Path]:
    files = {
        "zh": ROOT / "source" / "declaration.zh.txt",
        "en": ROOT / "source" / "declaration.en.txt",
        "terms": ROOT / "glossary" / "terms.yml",
        "formulae": ROOT / "glossary" / "formulae.yml",
        "instruments": ROOT / "glossary" / "instruments.yml",
    }
    out = {name: folder / path.name for name, path in files.items()}
    for name, path in files.items():
        shutil.copy(path, out[name])

    def edit(name: str, *pairs: tuple[str, str]) -> None:
        text = out[name].read_text(encoding="utf-8")
        for old, new in pairs:
            assert old in text, old
            text = text.replace(old, new, 1)
        out[name].write_text(text, encoding="utf-8")

    edit(
        "zh",
        ("联合国人居大会第二届会议部长级宣言\n", f"联合国人居大会第二届会议部长级宣言{BIBTEX}{PAYLOAD}\n"),
        ("\n7. 我们欢迎", f"\n7. {PAYLOAD}我们欢迎"),
        ("\n¹ ", f"\n¹ {PAYLOAD} "),
    )
    edit(
        "en",
        ("Habitat Assembly\n\nA sustainable", f"Habitat Assembly{BIBTEX}{PAYLOAD}\n\nA sustainable"),
        ("\n7. We welcome", f"\n7. {PAYLOAD} We welcome"),
        ("\n¹ ", f"\n¹ {PAYLOAD} "),
    )
    quoted = json.dumps(PAYLOAD, ensure_ascii=False)
    edit(
        "terms",
        ("  en:\n    - United Nations Human Settlements Programme\n", f"  en:\n    - {quoted}\n    - United Nations Human Settlements Programme\n"),
        ("  source: A/RES/56/206\n", f"  source: A/RES/56/206\n  pinyin: {quoted}\n"),
        ("    zh: 联合国负责可持续城市化和人类住区的规划署，总部设在内罗毕，简称人居署。\n", f"    zh: {quoted}\n"),
        (
            "    en: The United Nations programme for sustainable urbanization and human settlements, based in Nairobi; known as UN-Habitat.\n",
            f"    en: {json.dumps(FORMULA)}\n",
        ),
        ("  instrument: Water Action Agenda\n", f"  instrument: {json.dumps(SYMBOL)}\n"),
    )
    edit(
        "instruments",
        ("    zh: 新城市议程\n    en: New Urban Agenda\n", f"    zh: {quoted}\n    en: {quoted}\n"),
        ("    zh: 大会决议\n    en: General Assembly resolution\n", f"    zh: {quoted}\n    en: {quoted}\n"),
        ('    en: "General Assembly resolution 71/256, annex: the New Urban Agenda"\n', f"    en: {quoted}\n"),
        ("- symbol: Water Action Agenda\n", f"- symbol: {json.dumps(SYMBOL)}\n"),
    )
    return out


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    files = _hostile_inputs(folder)
    with pytest.MonkeyPatch.context() as env:
        env.setenv("GLOSSARY_TERMS", str(files["terms"]))
        env.setenv("GLOSSARY_INSTRUMENTS", str(files["instruments"]))
        env.setenv("SITE_ROOT", "https://example.org/decl/")
        built = build_site(folder / "site", files["zh"], files["en"])
    assert built.returncode == 0, built.output
    return built.root


@pytest.fixture(scope="module")
def hostile_url(hostile_site: Path) -> Iterator[str]:
    with serve(hostile_site) as url:
        yield url


PAGES = [
    "index.html",
    *(f"{lang}/{path}" for lang in ("zh", "en") for path in ("", "2/", "7/", "full/", "glossary/", "instruments/")),
    "zh/glossary/un-habitat/",
    "zh/glossary/un-habitat-programme/",
    "en/glossary/un-habitat-programme/",
    "zh/glossary/water-action-agenda/",
    "en/instruments/a-res-71-256/",
    "zh/instruments/a-res-71-256/",
    "en/instruments/water-action-agenda-img-src-x-onerror-alert-document-domain/",
    "en/downloads/",
]

# The site's own scripts on every page, one per feature (mkdocs.yml extra_javascript).
SITE_SCRIPTS = ["reader-controls.js", "tooltips.js", "search-loader.js", "unit-actions.js"]
STRUCTURE = """() => {
  const ld = [...document.querySelectorAll('script[type="application/ld+json"]')].map(s => JSON.parse(s.textContent));
  return {
    title: document.title,
    headElements: [...document.head.children].map(e => e.tagName).filter(t => !['META','LINK','SCRIPT','STYLE','TITLE','NOSCRIPT'].includes(t)),
    handlers: document.querySelectorAll('[onerror],[onload],[onclick]').length,
    footer: !!document.querySelector('footer.md-footer'),
    scripts: [...document.scripts].map(s => s.src).filter(src => src.includes('/javascripts/') && !src.includes('/assets/')).map(src => src.split('/').pop()),
    ld: ld.length,
  };
}"""


@pytest.mark.parametrize("path", PAGES)
def test_hostile_data_stays_text_in_the_browser(browser: Browser, hostile_url: str, path: str):
    context = browser.new_context(base_url=hostile_url)
    page = context.new_page()
    dialogs: list[str] = []
    errors: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"/{path}")
    page.wait_for_load_state("load")
    page.wait_for_timeout(200)
    shape = page.evaluate(STRUCTURE)
    context.close()
    assert not dialogs and not errors, (dialogs, errors)
    assert shape["headElements"] == [] and shape["handlers"] == 0, shape
    if path != "index.html":
        # search.js is loaded on demand; the glossary's filter on its index only
        scripts = [*SITE_SCRIPTS, "glossary-filter.js"] if path.endswith("/glossary/") else SITE_SCRIPTS
        assert shape["footer"] and shape["scripts"] == scripts, shape
    if path.endswith(("/7/", "/2/", "glossary/", "un-habitat-programme/")):
        assert shape["ld"] == 1, shape
    if path == "en/glossary/un-habitat-programme/":
        assert shape["title"].startswith(PAYLOAD), shape["title"]


def test_hostile_data_keeps_the_exports_well_formed(hostile_site: Path):
    for name in ("declaration.tmx", "glossary.tbx", "zh/sitemap.xml", "en/sitemap.xml"):
        etree.parse(str(hostile_site / name))  # raises if not well-formed
    tmx = etree.parse(str(hostile_site / "declaration.tmx"))
    assert any(PAYLOAD in (seg.text or "") for seg in tmx.iter("seg"))
    for name in ("permalinks.json", "glossary.json", "instruments.json", "declaration.json"):
        json.loads((hostile_site / name).read_text(encoding="utf-8"))
    rows = list(csv.DictReader(io.StringIO((hostile_site / "glossary.csv").read_text(encoding="utf-8-sig"))))
    assert [r["note_en"] for r in rows if r["id"] == "un-habitat-programme"] == ["'" + FORMULA]
    for lang in ("zh", "en"):
        bib = (hostile_site / f"citations.{lang}.bib").read_text(encoding="utf-8")
        entries = bib.split("@misc{")[1:]
        assert entries and all(entry.count("note = {") == 1 for entry in entries)
        assert "https://example.org/decl/" in bib
