"""Editions are data: the small declaration in three editions, one written right to left (Arabic, test data),
built from tests/fixtures/mini/mkdocs.yml, which only lists other editions, texts and a glossary; and the
interface words of every language, checked with file:line errors."""

from __future__ import annotations

import ast
import csv
import io
import json
import re
from pathlib import Path

import pytest
from lxml import etree, html
from support import ROOT, build_site
from test_links import _ids, _target, links
from unhabitat.errors import SourceError
from unhabitat.labels import LOCALES, check_locales, read_locale

MINI = Path(__file__).parent / "fixtures" / "mini"
LANGS = ("zh", "en", "ar")
TMX_LANGS = {"zh": "zh-CN", "en": "en", "ar": "ar"}


@pytest.fixture(scope="module")
def three(tmp_path_factory: pytest.TempPathFactory):
    built = build_site(tmp_path_factory.mktemp("three"), config=MINI / "mkdocs.yml")
    assert built.returncode == 0, built.output
    return built


def _page(built, path: str):
    return html.fromstring((built.root / path).read_bytes())


def test_three_editions_build_strictly_each_in_its_folder(three):
    assert "WARNING" not in three.output and "Traceback" not in three.output, three.output
    for lang in LANGS:
        pages = {p.relative_to(three.root / lang).as_posix() for p in (three.root / lang).rglob("index.html")}
        assert {"index.html", "1/index.html", "2/index.html", "full/index.html", "glossary/test-framework/index.html"} <= pages


def test_every_internal_link_and_anchor_resolves_in_three_editions(three):
    problems = []
    for page, _, href in links(three.root):
        # The 404 page's example is paragraph 13, which the mini declaration does not have.
        if re.match(r"[a-z]+:|//", href) or page.name == "404.html":
            continue
        target, fragment = _target(page, href, three.root)
        if not target.is_file() or (fragment and target.suffix == ".html" and fragment not in _ids(target)):
            problems.append(f"{page.relative_to(three.root)}: {href}")
    assert not problems, problems[:20]


def test_permalinks_give_a_url_in_every_edition_and_each_resolves(three):
    manifest = json.loads((three.root / "permalinks.json").read_text(encoding="utf-8"))
    assert [m["id"] for m in manifest] == ["1", "2", "2(a)", "2(b)"]
    for unit in manifest:
        assert [k for k in unit if k not in ("id", "eid", "url", "footnotes")] == list(LANGS) == list(unit["url"])
        for lang in LANGS:
            path, _, anchor = unit[lang].partition("#")
            assert anchor in _ids(three.root / path.strip("/") / "index.html"), unit[lang]


def test_the_language_switch_and_hreflang_name_every_edition_at_the_same_page(three):
    for lang in LANGS:
        page = _page(three, f"{lang}/2/index.html")
        switch = page.xpath('//a[contains(@class, "md-select__link")]')
        assert [a.get("hreflang") for a in switch] == [lang, *(other for other in LANGS if other != lang)]
        assert {a.get("href") for a in switch} == {f"../../{other}/2/" for other in LANGS}
        assert sorted(page.xpath('//link[@rel="alternate "]/@hreflang')) == sorted([*LANGS, "x-default"])
        sitemap = (three.root / lang / "sitemap.xml").read_text(encoding="utf-8")
        assert all(f'hreflang="{other}" href="http://127.0.0.1:8000/{other}/2/"' in sitemap for other in LANGS)


def test_the_right_to_left_edition_says_so_on_its_pages_and_cells(three):
    page = _page(three, "ar/2/index.html")
    assert page.xpath("//body/@dir") == ["rtl"] and page.xpath("//html/@lang") == ["ar"]
    cells = page.xpath('//div[contains(@class, "decl-cell")]')
    assert {(c.get("lang"), c.get("dir")) for c in cells} == {("ar", "rtl"), ("zh", "ltr"), ("en", "ltr")}
    assert _page(three, "zh/2/index.html").xpath("//body/@dir") == ["ltr"]
    assert "إعلان الاختبار" in page.xpath("//title/text()")[0]  # locales/ar.yml's site name


def test_the_parallel_view_pairs_each_edition_with_any_other(three):
    """A cell per edition, the default counterpart (the source; for the source, the first translation) shown."""
    pairs = {}
    for lang in LANGS:
        cells = _page(three, f"{lang}/1/index.html").xpath('//div[@id="para_1"]/div')
        pairs[lang] = tuple((c.get("lang"), c.get("hidden") is None) for c in cells)
    assert pairs == {
        "zh": (("zh", True), ("en", True), ("ar", False)),
        "en": (("en", True), ("zh", True), ("ar", False)),
        "ar": (("ar", True), ("zh", True), ("en", False)),
    }


def test_the_tmx_has_a_variant_in_every_language(three):
    tmx = (three.root / "declaration.tmx").read_text(encoding="utf-8")
    units = re.findall(r"<tu .*?</tu>", tmx, re.S)
    assert len(units) == 2 + 4 + 1  # title, subtitle, four units, one footnote
    for unit in units:
        assert re.findall(r'<tuv xml:lang="([^"]+)"', unit) == [TMX_LANGS[lang] for lang in LANGS]
    assert "<seg>نرحب بإطار الاختبار.</seg>" in tmx


def test_each_edition_has_its_own_search_index_text_and_citations(three):
    for lang in LANGS:
        index = (three.root / lang / "search" / "head.js").read_text(encoding="utf-8")
        assert f'"lang":"{lang}"' in index
        assert (three.root / f"declaration.{lang}.txt").is_file()
        assert (three.root / f"citations.{lang}.bib").is_file()
    texts = "".join(p.read_text(encoding="utf-8") for p in (three.root / "ar" / "search").glob("text-*.js"))
    assert "نشجع جميع الأطراف" in texts


def test_the_landing_page_leads_to_every_edition(three):
    page = _page(three, "index.html")
    assert page.xpath("//a[@data-edition]/@hreflang") == list(LANGS)
    assert page.xpath('//a[@data-edition="ar"]/@dir') == ["rtl"]


def test_the_unofficial_notice_is_in_each_translation_s_words(three):
    assert not _page(three, "zh/1/index.html").xpath('//div[@class="decl-notice"]')
    assert "ترجمة غير رسمية" in _page(three, "ar/1/index.html").xpath('string(//div[@class="decl-notice"])')


def test_the_term_base_gives_the_arabic_edition_its_arabic_terms(three):
    entry = _page(three, "ar/glossary/test-framework/index.html")
    assert entry.xpath("string(//h1)") == "إطار الاختبار"
    assert entry.xpath('//div[@class="glossary-entry"]//span[@lang="ar"]/text()') == ["إطار الاختبار"]
    assert "إطار يُستخدم للاختبار." in entry.xpath('string(//div[@class="glossary-entry"])')
    assert entry.xpath('//p[@class="kwic"][@lang="ar"]/@dir') == ["rtl"] * 3
    # Marked in the Arabic text, with the preposition attached to it there (match.ar).
    marks = _page(three, "ar/1/index.html").xpath('//a[contains(@class, "decl-term")]/text()')
    assert marks == ["بإطار الاختبار"]
    index = _page(three, "ar/glossary/index.html")
    item = index.xpath('//li[@class="glossary-item"][.//a[@href="test-framework/"]]')[0]
    assert "إطار الاختبار" in item.xpath("./a/@data-names")[0] and item.get("data-source") == "测试框架"
    # An entry without an Arabic equivalent yet shows the first translation's.
    assert _page(three, "ar/glossary/welcome/index.html").xpath("string(//h1)") == "welcome"


def test_the_glossary_exports_carry_every_edition_s_language(three):
    rows = list(csv.DictReader(io.StringIO((three.root / "glossary.csv").read_text(encoding="utf-8-sig"))))
    by_id = {row["id"]: row for row in rows}
    assert by_id["test-framework"]["ar_preferred"] == "إطار الاختبار"
    assert by_id["test-framework"]["note_ar"] == "إطار يُستخدم للاختبار."
    assert by_id["welcome"]["ar_preferred"] == by_id["welcome"]["note_ar"] == ""
    assert list(rows[0])[5:14] == [f"{lang}_{s}" for lang in LANGS for s in ("preferred", "admitted", "deprecated")]
    data = json.loads((three.root / "glossary.json").read_text(encoding="utf-8"))
    entry = next(e for e in data["entries"] if e["id"] == "test-framework")
    assert (entry["zh"], entry["en"], entry["ar"]) == ("测试框架", ["test framework"], ["إطار الاختبار"])
    assert entry["context"]["ar"] == "نرحب بإطار الاختبار¹."
    assert next(iter(data["fields"])) == "zh, variants, en, ar"
    tbx = etree.fromstring((three.root / "glossary.tbx").read_bytes())
    q, xml_lang = "{urn:iso:std:iso:30042:ed-2}", "{http://www.w3.org/XML/1998/namespace}lang"
    langs = {e.get("id"): [s.get(xml_lang) for s in e.iter(f"{q}langSec")] for e in tbx.iter(f"{q}conceptEntry")}
    assert langs == {"c-test-framework": list(LANGS), "c-welcome": ["zh", "en"]}
    formulae = (three.root / "formulae.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert formulae == "id,zh,en,ar,pinyin,note_zh,note_en,note_ar,occurrences"


def test_an_arabic_citation_is_in_arabic_words(three):
    page = _page(three, "ar/1/index.html")
    assert "إعلان الاختبار (جنيف، 2030)، الفقرة 1، " in page.text_content()
    assert "language = {Arabic}" in (three.root / "citations.ar.bib").read_text(encoding="utf-8")


# ---- the locales ----


def test_every_locale_has_the_words_of_the_source_edition_s():
    check_locales([path.stem for path in sorted(LOCALES.glob("*.yml"), key=lambda p: p.stem != "zh")])


BAD_LOCALES = [
    ("a key missing", ("  home: Home\n", ""), "en.yml:{labels}:", "'labels' lacks home"),
    ("an unknown key", ("  home: Home\n", "  home: Home\n  homepage: Home\n"), "en.yml:{home+1}:", "unknown key 'labels.homepage'"),
    ("an empty word", ("  home: Home\n", "  home: ''\n"), "en.yml:{home}:", "'labels.home' must be non-empty text"),
    ("an unknown section", ("labels:\n", "label:\n  x: y\nlabels:\n"), "en.yml:", "unknown section 'label'"),
    ("invalid YAML", ("  home: Home\n", "  home: [Home\n"), "en.yml:", "invalid YAML"),
]


@pytest.mark.parametrize(("change", "where", "expected"), [c[1:] for c in BAD_LOCALES], ids=[c[0] for c in BAD_LOCALES])
def test_a_bad_locale_is_one_clear_error(tmp_path, change, where, expected):
    text = (LOCALES / "en.yml").read_text(encoding="utf-8")
    assert change[0] in text
    lines = text.splitlines(keepends=True)
    home, labels = lines.index("  home: Home\n") + 1, lines.index("labels:\n") + 1
    where = where.replace("{labels}", str(labels)).replace("{home+1}", str(home + 1)).replace("{home}", str(home))
    bad = tmp_path / "en.yml"
    bad.write_text(text.replace(change[0], change[1], 1), encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        read_locale(bad, "en.yml")
    assert str(caught.value).startswith(where) and expected in str(caught.value), str(caught.value)


def test_a_locale_lacking_a_word_of_the_source_s_is_an_error(tmp_path):
    for lang in ("zh", "en"):
        (tmp_path / f"{lang}.yml").write_text((LOCALES / f"{lang}.yml").read_text(encoding="utf-8"), encoding="utf-8")
    en = tmp_path / "en.yml"
    en.write_text(en.read_text(encoding="utf-8").replace("    phrase: set phrase\n", "", 1), encoding="utf-8")
    with pytest.raises(SourceError, match=r"en\.yml:1: lacks 'glossary\.kinds\.phrase', which zh\.yml has"):
        check_locales(["zh", "en"], tmp_path)


def test_an_edition_without_a_locale_stops_the_build(tmp_path):
    with pytest.raises(SourceError, match=r"locales/fr\.yml:0: no interface words for the edition 'fr'"):
        check_locales(["zh", "fr"], ROOT / "locales")


def test_the_downloads_page_lists_every_edition_s_files_in_its_language(three):
    page = _page(three, "ar/downloads/index.html")
    names = page.xpath('//div[@class="downloads"]//table//a/text()')
    assert {f"declaration.{lang}.{ext}" for lang in LANGS for ext in ("md", "txt")} <= set(names)
    assert {f"citations.{lang}.bib" for lang in LANGS} <= set(names)
    assert all((three.root / name).is_file() for name in names)
    assert page.xpath("//table//th/text()") == ["الملف", "المحتوى", "الحجم"]


# ---- the address book ----

HOOKS = ROOT / "hooks"
# What building an address looks like: a relative climb, an anchor or an edition folder glued onto a path,
# a page's source path (``….md"``), or an href built from a variable's path.
RE_URL_BUILDING = re.compile(
    r"""\.\./                             # ../ in any string
      | /\#\{                             # /#{eid}
      | [\"']/\{                          # "/{lang}
      | \{lang\}/                         # {lang}/
      | \.md[\"'\)]                       # "13.md" or ](13.md)
      | href=[\"'](?!\{|\#|https?://)\w   # href="glossary/…" (not a variable, an anchor or an external URL)
    """,
    re.VERBOSE,
)


def test_only_the_address_book_formats_urls():
    """hooks/unhabitat/urls.py owns every page address and link between pages; offline.py rewrites links
    of the built site (for file://), so it reads paths rather than making them."""
    allowed = {HOOKS / "unhabitat" / "urls.py", HOOKS / "unhabitat" / "offline.py"}
    found = [
        f"{path.relative_to(ROOT)}:{n}: {line.strip()}"
        for path in sorted(HOOKS.rglob("*.py"))
        if path not in allowed
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if RE_URL_BUILDING.search(line) and not line.lstrip().startswith("#")
    ]
    assert not found, "\n".join(found)



# ---- no language in the code ----

# The six official languages of the United Nations, the editions this site may have.
UN_LANGS = ("ar", "en", "es", "fr", "ru", "zh")
RE_LANG_CODE = re.compile(rf"(?<![\w-])({'|'.join(UN_LANGS)})(?!\w)")
# Where a language code may stand in the code: defaults, each a module-level name, with why.
LANGUAGE_DEFAULTS = {
    ("hooks/unhabitat/settings.py", "DEFAULT_LANGS"),  # the site's editions for a caller without a configuration
    ("hooks/unhabitat/exports.py", "EXPORT_LANG"),  # the language the exports' own notes are written in
    ("hooks/unhabitat/structured.py", "PINYIN"),  # the language tag of pinyin (zh-Latn-pinyin), BCP 47
}


def _docstrings(tree: ast.AST) -> set[int]:
    """The ids of the docstring nodes: prose about languages, not code."""
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                out.add(id(first.value))
    return out


def language_literals(code: str, relative: str) -> list[str]:
    """Each ``file:line`` of ``code`` where it names a language: a string holding a language code, or an
    identifier that is one (``term.zh``), outside the module-level defaults of ``LANGUAGE_DEFAULTS``."""
    tree = ast.parse(code)
    allowed: set[int] = set()
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else []
        targets += [node.target] if isinstance(node, ast.AnnAssign) else []
        if any(isinstance(t, ast.Name) and (relative, t.id) in LANGUAGE_DEFAULTS for t in targets):
            allowed |= set(range(node.lineno, (node.end_lineno or node.lineno) + 1))
    docstrings = _docstrings(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            hit = RE_LANG_CODE.search(node.value)
        elif isinstance(node, ast.Name | ast.Attribute | ast.arg | ast.keyword):
            name = {ast.Name: "id", ast.Attribute: "attr", ast.arg: "arg", ast.keyword: "arg"}[type(node)]
            hit = RE_LANG_CODE.fullmatch(getattr(node, name) or "")
        else:
            continue
        if hit and node.lineno not in allowed:
            found.append(f"{relative}:{node.lineno}: {hit.group()!r}")
    return sorted(found, key=lambda f: int(f.split(":")[1]))


def test_no_language_is_named_in_the_hooks_outside_the_defaults():
    """Languages are data (extra.editions, locales/, the term base): a code in hooks/ is a pair or a
    language hard-wired. The scan reads the syntax tree, so comments and docstrings may name languages."""
    found = [
        hit
        for path in sorted(HOOKS.rglob("*.py"))
        for hit in language_literals(path.read_text(encoding="utf-8"), path.relative_to(ROOT).as_posix())
    ]
    assert not found, "\n".join(found)


def test_the_language_scan_finds_codes_in_strings_and_names_but_not_in_prose_or_defaults():
    code = (
        'PINYIN = "zh-Latn-pinyin"\n'
        'OTHER = "en"\n'
        "def f(t, ar):\n"
        '    """Returns the zh form."""\n'
        '    return t.zh, f"{t}.fr", "Chinese", "maybe"  # en\n'
    )
    assert language_literals(code, "hooks/unhabitat/structured.py") == [
        "hooks/unhabitat/structured.py:2: 'en'",
        "hooks/unhabitat/structured.py:3: 'ar'",
        "hooks/unhabitat/structured.py:5: 'zh'",
        "hooks/unhabitat/structured.py:5: 'fr'",
    ]
