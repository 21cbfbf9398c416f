"""Link integrity: every internal link and anchor of the built site resolves; external links are https
and go only to official hosts."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

from lxml import html

OFFICIAL_HOSTS = {"undocs.org", "unfccc.int", "sdgs.un.org", "www.un.org", "unhabitat.org", "unterm.un.org", "media.un.org"}


@cache
def _ids(path: Path) -> frozenset[str]:
    return frozenset(html.fromstring(path.read_bytes()).xpath("//@id"))


def _target(page: Path, href: str, root: Path) -> tuple[Path, str]:
    url, fragment = urldefrag(href)
    path = unquote(urlsplit(url).path)
    target = (root / path.lstrip("/")) if path.startswith("/") else (page.parent / path if path else page)
    target = target.resolve()
    if target.is_dir():
        target = target / "index.html"
    return target, fragment


def links(site_root: Path):
    for page in sorted(site_root.rglob("*.html")):
        tree = html.fromstring(page.read_bytes())
        for element, attribute, href, _ in tree.iterlinks():
            if element.tag in ("a", "link", "script", "img") and attribute in ("href", "src"):
                yield page, element.tag, href


def test_every_internal_link_and_anchor_resolves(site):
    checked = broken = 0
    problems = []
    for page, _, href in links(site.root):
        scheme = urlsplit(href).scheme
        if scheme in ("http", "https", "mailto", "data", "javascript") or href.startswith("//"):
            continue
        target, fragment = _target(page, href, site.root)
        checked += 1
        if not target.is_file():
            problems.append(f"{page.relative_to(site.root)}: {href} (no file)")
        elif fragment and target.suffix == ".html" and fragment not in _ids(target):
            problems.append(f"{page.relative_to(site.root)}: {href} (no anchor)")
    broken = len(problems)
    assert checked > 5000
    assert broken == 0, "\n".join(problems[:30])


def test_external_links_are_https_to_official_hosts(site):
    outside = set()
    for page, tag, href in links(site.root):
        parts = urlsplit(href)
        if parts.scheme in ("http", "https") and parts.hostname not in ("127.0.0.1", "localhost"):
            assert parts.scheme == "https", f"{page}: {href}"
            outside.add(parts.hostname)
            assert tag == "a", f"{page}: a {tag} loads {href} from another host"
    assert outside <= OFFICIAL_HOSTS, outside - OFFICIAL_HOSTS
