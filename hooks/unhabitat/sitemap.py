"""Stage 4c: what search engines read. Input: an edition, the source paths of its pages and the site's
address. Output: the entries of the edition's ``sitemap.xml`` (overrides/sitemap.xml writes them, MkDocs
gzips them) and the ``robots.txt`` at the site root that names every edition's sitemap.

Every page exists in every edition at the same path, so each entry names its counterparts (``hreflang``)
and, as ``x-default``, the source edition's page: the text every other edition translates. A paragraph's
page is as recent as the latest wording of its units in any language (the page shows them side by side).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from . import urls
from .history import last_revised
from .render import Edition

DEFAULT = "x-default"


@dataclass(frozen=True)
class Entry:
    loc: str
    lastmod: str  # YYYY-MM-DD; "" when the page has no revision date (no history, or not a paragraph)
    alternates: tuple[tuple[str, str], ...]  # (hreflang, public URL): every edition, then x-default


def entries(edition: Edition, src_uris: Iterable[str]) -> tuple[Entry, ...]:
    """One entry a page (``src_uris``: the edition's pages, ``13.md``), in the given order."""
    langs = edition.langs or (edition.lang, edition.other_lang)
    root = edition.site_root
    revised = last_revised(edition.histories.values())
    lastmod = {
        urls.paragraph_page(p.number): max((revised.get(u.uid, "") for u in p.units()), default="")
        for p in edition.text.paragraphs
    }
    out = []
    for src_uri in src_uris:
        to = urls.path(src_uri)
        alternates = [(lang, urls.edition_url(root, lang, to)) for lang in langs]
        alternates.append((DEFAULT, urls.edition_url(root, edition.source_lang, to)))
        out.append(Entry(urls.edition_url(root, edition.lang, to), lastmod.get(src_uri, ""), tuple(alternates)))
    return tuple(out)


def robots(site_root: str, langs: tuple[str, ...]) -> str:
    """``robots.txt``: every page may be crawled; the sitemaps are every edition's. Crawlers read it at the root
    of a host only: a site under a sub-path needs these lines in its host's file."""
    sitemaps = "".join(f"Sitemap: {urls.edition_url(site_root, lang, urls.SITEMAP)}\n" for lang in langs)
    return f"User-agent: *\nDisallow:\n\n{sitemaps}"
