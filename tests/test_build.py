"""The strict end-to-end build: page set, no warnings, permalinks, lossless text, languages, exports."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
import yaml
from lxml import etree, html
from support import ROOT, SOURCE_EN, SOURCE_ZH, build_site
from unhabitat.model import RE_MARKER
from unhabitat.source_text import read_source

FIXTURES = Path(__file__).parent / "fixtures"
TERM_IDS = [t["id"] for t in yaml.safe_load((ROOT / "glossary" / "terms.yml").read_text(encoding="utf-8"))]
INSTRUMENT_SLUGS = [
    "a-res-71-256",
    "a-res-70-1",
    "a-res-77-262",
    "a-76-639-e-2022-10",
    "1-cp-27",
    "sdg-6",
    "sdg-11",
    "water-action-agenda",
]
PAGES = {
    "index.html",
    "404.html",
    "full/index.html",
    "notes/index.html",
    "changes/index.html",
    "downloads/index.html",
    "glossary/index.html",
    "instruments/index.html",
    *(f"instruments/{slug}/index.html" for slug in INSTRUMENT_SLUGS),
    *(f"{n}/index.html" for n in range(1, 22)),
    *(f"glossary/{t}/index.html" for t in TERM_IDS),
    "glossary/formulae/index.html",
}


def tree(site, path: str):
    return html.fromstring(site.html(path))


def pages_of(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*.html")}


def test_strict_build_has_no_warnings(site):
    assert "WARNING" not in site.output
    assert "Traceback" not in site.output


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_exact_page_set(site, lang):
    assert pages_of(site.root / lang) == PAGES


def test_root_files(site):
    assert {p.name for p in site.root.iterdir() if p.is_file()} == {
        "index.html",
        "permalinks.json",
        "instruments.json",
        "declaration.tmx",
        "declaration.json",
        *(f"declaration.{lang}.{ext}" for lang in ("zh", "en") for ext in ("md", "txt")),
        *(f"citations.{lang}.{ext}" for lang in ("zh", "en") for ext in ("bib", "ris", "json")),
        "glossary.json",
        "glossary.tbx",
        "glossary-2008.tbx",
        "glossary.csv",
        "declaration-site.zip",
        "formulae.csv",
        "robots.txt",
    }
    cite = {p.name for p in (site.root / "zh" / "cite").iterdir()}
    assert len(cite) == 29 * 3 and {"13a.bib", "13a.ris", "13a.json", "2.bib"} <= cite


def test_permalink_manifest_lists_the_29_units(site):
    manifest = json.loads(site.html("permalinks.json"))
    assert len(manifest) == 29
    assert manifest[13] == {
        "id": "13(a)",
        "eid": "para_13__list_1__point_a",
        "zh": "/zh/13/#para_13__list_1__point_a",
        "en": "/en/13/#para_13__list_1__point_a",
        "url": {
            "zh": "http://127.0.0.1:8000/zh/13/#para_13__list_1__point_a",
            "en": "http://127.0.0.1:8000/en/13/#para_13__list_1__point_a",
        },
        "footnotes": [],
    }
    assert [m["id"] for m in manifest[:3]] == ["1", "2", "3"]


def resolve(site, url: str):
    path, anchor = url.lstrip("/").split("#")
    page = site.root / path / "index.html"
    assert page.is_file(), f"{url}: page missing"
    return tree(site, str(page.relative_to(site.root))).get_element_by_id(anchor, None)


def published(value: object, at: tuple[str, ...] = ()) -> set[tuple[tuple[str, ...], object]]:
    """Every value of a manifest entry with its place; a list's objects are placed by their eid."""
    if isinstance(value, dict):
        return {leaf for key, item in value.items() for leaf in published(item, (*at, key))}
    if isinstance(value, list):
        return {leaf for item in value for leaf in published(item, (*at, item["eid"]))}
    return {(at, value)}


def test_published_permalinks_never_break(site):
    """The committed manifest is a promise: each of its values stays where it is (the manifest may add some), and
    each URL and anchor exists in the build."""
    promised = json.loads((FIXTURES / "permalinks.json").read_text(encoding="utf-8"))
    built = {entry["id"]: entry for entry in json.loads(site.html("permalinks.json"))}
    for entry in promised:
        assert entry["id"] in built, f"{entry['id']} dropped from permalinks.json"
        lost = published(entry) - published(built[entry["id"]])
        assert not lost, f"{entry['id']}: {sorted(lost, key=str)} dropped from permalinks.json"
        for row in (entry, *entry.get("footnotes", ())):
            for lang in ("zh", "en"):
                assert resolve(site, row[lang]) is not None, f"{row[lang]}: anchor missing"


def primary_text(element) -> str:
    """The reader-visible text of a unit's primary cell, without its number, controls and translator's notes."""
    cell = element.find_class("decl-cell")[0]
    controls = ("decl-tip", "decl-actions", "decl-tn", "decl-tn-ref")
    for control in [c for name in controls for c in cell.find_class(name)]:
        control.drop_tree()
    # Lines of the Markdown end in a soft break, which HTML shows as a space (between Han characters, none).
    text = cell.text_content().strip().replace("\n", " ")
    text = re.sub(r"^(\d+\.|\([a-z]\)) ", "", text)
    return text


@pytest.mark.parametrize(("lang", "source"), [("zh", SOURCE_ZH), ("en", SOURCE_EN)])
def test_every_character_reaches_the_site(site, lang, source):
    text = read_source(source)
    home = tree(site, f"{lang}/index.html")
    header = home.find_class("decl-header")[0]
    shown = [p.text_content() for p in header.iter("p", "h1")]
    assert shown[:-1] == list(text.header.lines()[: -len(text.header.subtitle)])
    assert shown[-1] == "".join(text.header.subtitle)
    for unit in text.units():
        page = tree(site, f"{lang}/{unit.paragraph}/index.html")
        assert primary_text(page.get_element_by_id(unit.eid)) == unit.text, unit.uid
    for note in text.footnotes:
        page = tree(site, f"{lang}/{note.paragraph}/index.html")
        cell = page.get_element_by_id(note.eid).find_class("decl-cell")[0]
        assert cell.text_content().strip().replace("\n", " ") == f"{note.marker} {note.text}"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_paragraph_page_structure(site, lang):
    page = tree(site, f"{lang}/13/index.html")
    assert page.get("lang") == lang
    rows = [r.get("id") for r in page.find_class("decl-row") if r.get("id")]
    assert rows == ["para_13", *(f"para_13__list_1__point_{c}" for c in "abcdefgh")]
    links = page.xpath("//a[@data-permalink]/@href")
    assert links == [f"#{r}" for r in rows]
    alternates = {a.get("hreflang"): a.get("href") for a in page.xpath('//head/link[normalize-space(@rel)="alternate"]')}
    # Absolute, as search engines require; x-default is the source edition's page.
    root = "http://127.0.0.1:8000"
    assert alternates == {"zh": f"{root}/zh/13/", "en": f"{root}/en/13/", "x-default": f"{root}/zh/13/"}
    switch = page.xpath("//a[contains(@class, 'md-select__link')]/@href")
    assert sorted(switch) == ["../../en/13/", "../../zh/13/"]
    other = "en" if lang == "zh" else "zh"
    assert {c.get("lang") for c in page.find_class("decl-alt")} == {other}


def test_footnote_sits_on_the_citing_paragraph_page(site):
    page = tree(site, "zh/2/index.html")
    ref = page.get_element_by_id("fnref_1")
    assert ref.get("href") == "#fnt_1"
    note = page.get_element_by_id("fnt_1")
    assert "联大第71/256号决议" in note.text_content()
    assert note.xpath(".//a/@href") == ["#fnref_1", "../instruments/a-res-71-256/"]
    assert tree(site, "zh/3/index.html").get_element_by_id("fnt_1", None) is None


def test_previous_and_next_links(site):
    page = tree(site, "zh/13/index.html")
    assert page.xpath('//a[contains(@class,"md-footer__link--prev")]/@href') == ["../12/"]
    assert page.xpath('//a[contains(@class,"md-footer__link--next")]/@href') == ["../14/"]


def test_home_page_lists_every_paragraph_with_its_opening_words(site):
    home = tree(site, "zh/index.html")
    links = home.xpath("//ol/li/a")
    assert [a.get("href") for a in links] == [f"{n}/" for n in range(1, 22)]
    assert links[0].text_content().startswith("我们身为负责城市和人类住区事务的各国部长")


def test_english_pages_say_unofficial_translation(site):
    for page in sorted(pages_of(site.root / "en")):
        notice = tree(site, f"en/{page}").find_class("decl-notice")
        assert notice and "unofficial translation" in notice[0].text_content().lower(), page
    assert not tree(site, "zh/13/index.html").find_class("decl-notice")


def test_sitemaps_carry_hreflang_alternates(site):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    for lang in ("zh", "en"):
        sitemap = etree.parse(str(site.root / lang / "sitemap.xml"))
        urls = sitemap.xpath("//s:url", namespaces=ns)
        assert len(urls) == len(PAGES) - 1  # all but 404.html
        for url in urls:
            loc = url.findtext("s:loc", namespaces=ns)
            links = {x.get("hreflang"): x.get("href") for x in url.xpath("x:link", namespaces=ns)}
            assert links[lang] == loc
            assert set(links) == {"zh", "en", "x-default"}


def test_tmx_has_every_unit_in_both_languages(site):
    zh, en = read_source(SOURCE_ZH), read_source(SOURCE_EN)
    tmx = etree.parse(str(site.root / "declaration.tmx"))
    assert tmx.getroot().get("version") == "1.4"
    assert tmx.find("header").get("segtype") == "paragraph"
    units = tmx.findall("body/tu")
    footnotes = [f"fnt_{f.number}" for f in zh.footnotes]
    assert [tu.get("tuid") for tu in units] == ["title", "subtitle", *(u.eid for u in zh.units()), *footnotes]
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    for tu, z, e in zip(units[2:], zh.units(), en.units(), strict=False):
        segs = {tuv.get(lang): tuv.findtext("seg") for tuv in tu.findall("tuv")}
        # Footnote markers are left out of the segments (a TM match must not depend on them).
        assert segs == {"zh-CN": RE_MARKER.sub("", z.text), "en": RE_MARKER.sub("", e.text)}


def test_landing_page_leads_to_both_editions(site):
    landing = html.fromstring(site.html("index.html"))
    assert landing.xpath("//a[@data-edition]/@href") == ["zh/", "en/"]


def test_markup_characters_show_literally(tmp_path):
    hostile = "*着重* _下划线_ | 管道 <script>alert(1)</script> [x](javascript:alert(1)) &amp; `代码`"
    zh = SOURCE_ZH.read_text(encoding="utf-8").replace("第二届会议\n", "# 第二届会议\n", 1)
    zh = zh.replace("我们身为负责", hostile + "我们身为负责", 1)
    en = SOURCE_EN.read_text(encoding="utf-8").replace("1. We, the", "1. " + hostile + " We, the", 1)
    (tmp_path / "zh.txt").write_text(zh, encoding="utf-8")
    (tmp_path / "en.txt").write_text(en, encoding="utf-8")
    built = build_site(tmp_path / "site", tmp_path / "zh.txt", tmp_path / "en.txt")
    assert built.returncode == 0, built.output
    page = tree(built, "zh/1/index.html")
    row = page.get_element_by_id("para_1")
    assert primary_text(row).startswith(hostile)
    assert not row.xpath(".//script | .//em | .//strong | .//code | .//table")
    assert not page.xpath('//a[starts-with(@href, "javascript")]')
    session = tree(built, "zh/index.html").find_class("decl-session")[0]
    assert session.text_content() == "# 第二届会议"


BAD_BUILDS = [
    ("zh", lambda t: t.replace("\n - (c)", "\n - (d)", 1), ":33: expected sub-paragraph (c)"),
    ("en", lambda t: t.replace("\n- (h) Promote people-centred smart city approaches", "", 1), None),
    ("zh", lambda t: t.replace("\n- (h) 通过加强人居署", "", 1), None),
    ("en", lambda t: t.replace("¹ General", "⁴ General", 1), ":17: footnote 4 is not cited"),
    # Terminology consistency: strict mode fails on a unit whose English drops the term's equivalent.
    (
        "en",
        lambda t: t.replace(
            "cities and other human settlements inclusive",
            "cities and other places inclusive",
            1,
        ),
        ":12: unit 2: '人类住区' is in the zh text; the en text has none of: human settlements",
    ),
]


@pytest.mark.parametrize(
    ("lang", "mutate", "expected"), BAD_BUILDS, ids=["zh-letter", "en-no-h", "zh-no-h", "en-fn", "en-term"]
)
def test_bad_input_stops_the_build_with_file_and_line(tmp_path, lang, mutate, expected):
    paths = {"zh": SOURCE_ZH, "en": SOURCE_EN}
    bad = tmp_path / f"declaration.{lang}.txt"
    source = paths[lang].read_text(encoding="utf-8")
    assert mutate(source) != source, "the mutation no longer matches the source text"
    bad.write_text(mutate(source), encoding="utf-8")
    paths[lang] = bad
    built = build_site(tmp_path / "site", paths["zh"], paths["en"])
    assert built.returncode != 0
    assert "Traceback" not in built.output
    if expected is None:
        # A sub-paragraph missing from one text: the other text's line names what has no counterpart.
        other = "en" if lang == "zh" else "zh"
        expected = (
            f"declaration.{other}.txt:43: sub-paragraph 13(h) is missing from"
            if other == "zh"
            else ("declaration.en.txt:39: sub-paragraph 13(h) is missing from")
        )
    assert expected in built.output, built.output


def test_workflows_pass_the_linter():
    workflows = sorted(str(p) for p in (ROOT / ".github" / "workflows").glob("*.yml"))
    assert workflows
    lint = subprocess.run(
        ["node", "tests/node/lint-workflows.cjs", *workflows], cwd=ROOT, capture_output=True, text=True
    )
    assert lint.returncode == 0, lint.stdout + lint.stderr
