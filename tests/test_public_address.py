"""The public address: one setting for every static file; a preview build says so, a release refuses none.
The address may be a sub-path of its host (review row 104): every URL of every file the site holds, the
offline zip's included, resolves under it; the sitemaps and robots.txt tell search engines where it is."""

from __future__ import annotations

import html
import json
import re
import zipfile
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

import pytest
from lxml import etree
from support import ROOT, SOURCE_EN, SOURCE_ZH, SiteBuild, build_site
from test_links import _ids
from unhabitat.address import PREVIEW_ROOT, site_address
from unhabitat.history import History, Wording
from unhabitat.offline import ZIP_NAME
from unhabitat.pipeline import load_build
from unhabitat.render import Edition
from unhabitat.sitemap import entries
from unhabitat.source_text import read_source
from unhabitat.urls import declaration_id

RE_LOOPBACK_URL = re.compile(r"https?://(?:127\.\d+\.\d+\.\d+|localhost|\[::1\]|0\.0\.0\.0)\b")
PUBLIC = "https://example.org/declaration/"  # a sub-path of its host: /zh/1/ alone would leave the site
HOST = urlsplit(PUBLIC).hostname
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@pytest.fixture(scope="module")
def public(tmp_path_factory: pytest.TempPathFactory) -> SiteBuild:
    built = build_site(tmp_path_factory.mktemp("public"), extra_env={"SITE_ROOT": PUBLIC, "DECLARATION_RELEASE": "1"})
    assert built.returncode == 0, built.output
    return built


@pytest.mark.parametrize(
    ("site_url", "root", "public"),
    [
        (None, PREVIEW_ROOT, False),
        ("", PREVIEW_ROOT, False),
        ("http://127.0.0.1:8000/", PREVIEW_ROOT, False),
        ("http://localhost:8000", "http://localhost:8000/", False),
        ("http://[::1]:8000/", "http://[::1]:8000/", False),
        ("https://example.org/declaration", PUBLIC, True),
    ],
)
def test_site_address(site_url, root, public):
    assert site_address(site_url).root == root and site_address(site_url).public is public


def test_a_preview_build_says_so_once_without_failing_strict(site):
    assert site.returncode == 0
    notices = [line for line in site.output.splitlines() if "preview build" in line]
    assert len(notices) == 1 and notices[0].startswith("INFO"), site.output


def test_a_public_build_writes_no_loopback_address(public):
    built, tmp_path = public, public.root
    assert "preview build" not in built.output
    checked = 0
    for path in tmp_path.rglob("*"):
        if path.suffix in {".html", ".xml", ".json", ".bib", ".ris", ".tmx", ".txt", ".md", ".js", ".csv", ".tbx"}:
            found = RE_LOOPBACK_URL.search(path.read_text(encoding="utf-8"))
            assert not found, f"{path.relative_to(tmp_path)}: {found and found.group()}"
            checked += 1
    assert checked > 600
    page = (tmp_path / "en" / "13" / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{PUBLIC}en/13/">' in page
    assert f'data-permalink-url="{PUBLIC}en/13/#para_13__list_1__point_a"' in page
    assert f"url = {{{PUBLIC}zh/13/#para_13}}" in (tmp_path / "zh" / "cite" / "13.bib").read_text(encoding="utf-8")
    assert f"<loc>{PUBLIC}zh/</loc>" in (tmp_path / "zh" / "sitemap.xml").read_text(encoding="utf-8")


@pytest.mark.parametrize("site_root", ["", "http://127.0.0.1:8000/"])  # "": unset (!ENV gives the default)
def test_a_release_build_refuses_a_missing_or_loopback_address(tmp_path, site_root):
    built = build_site(tmp_path, extra_env={"DECLARATION_RELEASE": "1", "SITE_ROOT": site_root})
    assert built.returncode != 0
    assert "release build refused: the public address is" in built.output
    assert "Traceback" not in built.output


# Every URL of the site under a sub-path root (review row 104: permalinks.json and instruments.json gave
# /zh/1/#para_1, which resolves outside /declaration/). A file's references, each with the address it is
# relative to; a reference to another host is not the site's and is left to test_links.
References = Callable[[str, str], Iterator[tuple[str, str]]]
RE_ATTRIBUTE = re.compile(r'\b(?:href|src|action)="([^"]*)"')
RE_ABSOLUTE = re.compile(r"https?://[^\s\"'<>\\)\]}]+")
RE_SEARCH_ENTRY = re.compile(r'"u":"([^"]*)"')


def markup_links(name: str, text: str) -> Iterator[tuple[str, str]]:
    """href, src and action attributes, relative to the file's own address."""
    for ref in RE_ATTRIBUTE.findall(text):
        yield html.unescape(ref), PUBLIC + name


def absolute_urls(name: str, text: str) -> Iterator[tuple[str, str]]:
    """Absolute URLs anywhere (citations, JSON-LD, canonical links, sitemaps, robots.txt); a citation's
    sentence may end right after one."""
    for url in RE_ABSOLUTE.findall(text):
        yield url.rstrip(".,;:"), PUBLIC


def manifest_paths(name: str, text: str) -> Iterator[tuple[str, str]]:
    """The manifests' published fields (``zh``, ``en``, ``page``) are paths from the site root, by definition."""

    def strings(value: object) -> Iterator[str]:
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict | list):
            for item in value.values() if isinstance(value, dict) else value:
                yield from strings(item)

    for value in strings(json.loads(text)):
        if value.startswith("/"):
            yield value.removeprefix("/"), PUBLIC


def search_entries(name: str, text: str) -> Iterator[tuple[str, str]]:
    """A search result's address is relative to its edition's root."""
    for ref in RE_SEARCH_ENTRY.findall(text):
        yield ref, PUBLIC + name.split("/")[0] + "/"


# (what, which files, their references, how many references to the site at least)
REFERENCES: list[tuple[str, Callable[[str], bool], References, int]] = [
    ("links of pages and sitemaps", lambda name: name.endswith((".html", ".xml")), markup_links, 15000),
    ("absolute URLs of every text file", lambda name: True, absolute_urls, 4000),
    ("paths of permalinks.json and instruments.json", lambda name: name in ("permalinks.json", "instruments.json"), manifest_paths, 2 * (29 + 3 + 8)),
    ("entries of the search indexes", lambda name: re.search(r"search/text-\d+\.js$", name) is not None, search_entries, 2 * 29),
]  # fmt: skip


@cache
def offline_files(zip_path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(zip_path) as archive:
        return {n.removeprefix("declaration-site/"): archive.read(n) for n in archive.namelist()}


def site_files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def text_of(data: bytes) -> str | None:
    """A text file's text; None for the others (images, the zip, the gzipped sitemaps)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


@cache
def anchors(data: bytes) -> frozenset[str]:
    return frozenset(re.findall(r'\bid="([^"]+)"', data.decode("utf-8")))


def unresolved(files: dict[str, bytes], url: str) -> str:
    """Why ``url`` (on the site's host) does not resolve to a file of the site and an anchor in it; "" if it does."""
    if not url.startswith(PUBLIC):
        return "outside the site root"
    address, fragment = urldefrag(url)
    path = unquote(urlsplit(address).path).removeprefix(urlsplit(PUBLIC).path)
    name = path + "index.html" if path.endswith("/") or not path else path
    if name not in files:
        return "no such file"
    # The declaration's JSON-LD identifier names a thing, not a place in the landing page.
    if fragment and name.endswith(".html") and url != declaration_id(PUBLIC) and fragment not in anchors(files[name]):
        return "no such anchor"
    return ""


@pytest.mark.parametrize("tree", ["site", "offline zip"])
@pytest.mark.parametrize(
    ("selects", "references", "least"), [row[1:] for row in REFERENCES], ids=[row[0] for row in REFERENCES]
)
def test_every_url_of_a_sub_path_site_resolves_under_its_root(public, tree, selects, references, least):
    # The zip is never inside itself: its reader has it already (the downloads page links to it).
    files = site_files(public.root) if tree == "site" else {**offline_files(public.root / ZIP_NAME), ZIP_NAME: b""}
    checked, problems = 0, []
    for name, data in files.items():
        text = text_of(data)
        if text is None or not selects(name):
            continue
        for ref, base in references(name, text):
            url = urljoin(base, ref)
            if urlsplit(url).hostname != HOST:
                continue
            checked += 1
            if problem := unresolved(files, url):
                problems.append(f"{name}: {ref} → {url}: {problem}")
    assert not problems, "\n".join(problems[:20])
    assert checked >= least, checked


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("https://example.org/zh/1/#para_1", "outside the site root"),  # row 104's /zh/1/#para_1
        (f"{PUBLIC}zh/99/", "no such file"),
        (f"{PUBLIC}zh/1/#para_99", "no such anchor"),
        (f"{PUBLIC}zh/1/#para_1", ""),
        (f"{PUBLIC}permalinks.json", ""),
    ],
)
def test_the_check_sees_a_url_that_leaves_the_site_or_misses(public, url, problem):
    assert unresolved(site_files(public.root), url) == problem


def test_the_manifests_give_the_public_url_beside_each_path(public):
    """Row 104: the published fields stay paths from the site root; ``url`` and ``page_url`` are where they are."""
    permalinks = json.loads(public.html("permalinks.json"))
    rows = [row for unit in permalinks for row in (unit, *unit["footnotes"])]
    instruments = json.loads(public.html("instruments.json"))
    pairs = [(row[lang], row["url"][lang]) for row in rows for lang in ("zh", "en")]
    pairs += [(row["page"][lang], row["page_url"][lang]) for row in instruments for lang in ("zh", "en")]
    assert len(pairs) == 2 * (29 + 3 + 8)
    assert all(url == PUBLIC + path.removeprefix("/") for path, url in pairs), pairs


def test_the_manifest_gives_each_unit_its_footnotes_and_every_anchor_exists(site):
    manifest = json.loads(site.html("permalinks.json"))
    footnotes = {(f["eid"], f["number"]): unit["id"] for unit in manifest for f in unit["footnotes"]}
    assert footnotes == {(f.eid, f.number): f.cited_by for f in read_source(SOURCE_ZH).footnotes}
    for row in (row for unit in manifest for row in (unit, *unit["footnotes"])):
        for lang in ("zh", "en"):
            path, _, anchor = row[lang].partition("#")
            assert anchor == row["eid"] and anchor in _ids(site.root / path.strip("/") / "index.html"), row[lang]


def test_sitemaps_name_every_edition_the_source_as_default_and_the_revision_date(public):
    build = load_build(
        ROOT,
        {"zh": str(SOURCE_ZH), "en": str(SOURCE_EN)},
        {"terms": "glossary/terms.yml", "instruments": "glossary/instruments.yml"},
        "zh",
        history=True,
    )
    histories = build.edition.histories.values()
    revised = {
        f"{p.number}/": max(h.revised(u.uid) for h in histories for u in p.units())
        for p in build.texts["zh"].paragraphs
    }
    for lang in ("zh", "en"):
        sitemap = etree.parse(str(public.root / lang / "sitemap.xml"))
        urls = sitemap.xpath("//s:url", namespaces=SITEMAP_NS)
        assert len(urls) > 150
        for url in urls:
            loc = url.findtext("s:loc", namespaces=SITEMAP_NS)
            page = loc.removeprefix(f"{PUBLIC}{lang}/")
            links = {x.get("hreflang"): x.get("href") for x in url.xpath("x:link", namespaces=SITEMAP_NS)}
            assert links == {"zh": f"{PUBLIC}zh/{page}", "en": f"{PUBLIC}en/{page}", "x-default": f"{PUBLIC}zh/{page}"}
            assert (url.findtext("s:lastmod", namespaces=SITEMAP_NS) or "") == revised.get(page, ""), loc
    assert any(revised.values()), "the worktree has a history: paragraph pages carry a date"


def test_robots_txt_names_every_edition_sitemap(public):
    robots = public.html("robots.txt").splitlines()
    assert robots[:2] == ["User-agent: *", "Disallow:"]
    named = [line.removeprefix("Sitemap: ") for line in robots if line.startswith("Sitemap: ")]
    assert named == [f"{PUBLIC}zh/sitemap.xml", f"{PUBLIC}en/sitemap.xml"]
    assert all((public.root / url.removeprefix(PUBLIC)).is_file() for url in named)


def test_a_paragraph_page_is_as_recent_as_its_latest_wording_in_any_language():
    text = read_source(SOURCE_ZH)
    histories = {
        "zh": History({"13(a)": (Wording("a", "2023-06-09", "1a"),), "1": (Wording("b", "2023-06-09", "1a"),)}),
        "en": History({"13(b)": (Wording("c", "2023-06-09", "1a"), Wording("d", "2024-02-01", "2b"))}),
    }
    edition = Edition("en", text, "zh", text, site_root=PUBLIC, histories=histories, langs=("zh", "en"))
    thirteen, glossary = entries(edition, ["13.md", "glossary/index.md"])
    assert (thirteen.loc, thirteen.lastmod, glossary.lastmod) == (f"{PUBLIC}en/13/", "2024-02-01", "")
    assert thirteen.alternates == (
        ("zh", f"{PUBLIC}zh/13/"),
        ("en", f"{PUBLIC}en/13/"),
        ("x-default", f"{PUBLIC}zh/13/"),
    )
    assert entries(edition, ["1.md"])[0].lastmod == "2023-06-09"
