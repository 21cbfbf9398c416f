"""The address book: every generated page's source path and address, every link between generated pages,
and every public URL. Nothing else formats a URL (tests/test_editions.py greps the other modules).

Three kinds of address, all built here:

* a page's source path in an edition (``13.md``, ``glossary/new-urban-agenda.md``), which MkDocs turns into
  its path with ``use_directory_urls`` (``13/``, ``glossary/new-urban-agenda/``);
* a relative link from one page to another (``href``), or to a file beside the editions (``root_file``);
* a public URL (``edition_url``, ``permalink``) from the site's address, and a path from the site root
  (``site_path``) for the manifests, which give the public URL beside it (``addresses``): the site root may be
  a sub-path of its host (``https://example.org/declaration/``), where ``/zh/1/`` alone resolves outside the site.
"""

from __future__ import annotations

import functools
import posixpath
from urllib.parse import quote

from .model import Footnote, Unit

UNTERM_SEARCH = "https://unterm.un.org/unterm2/{lang}/search?searchTerm={query}"

HOME = "index.md"
FULL_TEXT = "full.md"
DOWNLOADS = "downloads.md"
CHANGES = "changes.md"
NOTES = "notes.md"
GLOSSARY = "glossary/index.md"
FORMULAE = "glossary/formulae.md"
INSTRUMENTS = "instruments/index.md"
# Beside an edition's pages (MkDocs writes it from overrides/sitemap.xml), and at the site root.
SITEMAP = "sitemap.xml"
ROBOTS = "robots.txt"
# The folders of an edition's files beside its pages: its search, and each unit's citation files.
SEARCH, CITE = "search/", "cite/"
# An edition's search: what every query needs (search_shards), then its shards (search_file).
SEARCH_HEAD = f"{SEARCH}head.js"


def search_file(corpus: str, kind: str, number: int | None) -> str:
    """A shard of an edition's search: ``search/keys-3.js``, ``search/other-text-0.js`` (``main`` is the
    edition's own text); without a number, the pattern the browser fills in (``search/keys-{n}.js``)."""
    prefix = "" if corpus == "main" else f"{corpus}-"
    return f"{SEARCH}{prefix}{kind}-{'{n}' if number is None else number}.js"


def paragraph_page(number: int) -> str:
    return f"{number}.md"


def full_text_page(part: int) -> str:
    """The full text, or its ``part``-th page when it needs more than one (``full-2.md``)."""
    return FULL_TEXT if part == 1 else f"full-{part}.md"


def term_page(term_id: str) -> str:
    return f"glossary/{term_id}.md"


def concordance_page(term_id: str, part: int) -> str:
    """A further page of a term's concordance (``glossary/<id>/2.md``)."""
    return f"glossary/{term_id}/{part}.md"


def instrument_page(slug: str) -> str:
    return f"instruments/{slug}.md"


def path(src_uri: str) -> str:
    """A page's path in its edition, as MkDocs makes it: ``glossary/x.md`` → ``glossary/x/``."""
    stem = src_uri.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"


def unit_path(unit: Unit) -> str:
    """A unit's place: its paragraph's page and its anchor."""
    return f"{path(paragraph_page(unit.paragraph))}#{unit.eid}"


def footnote_path(footnote: Footnote) -> str:
    """A footnote's place: the page of the paragraph whose unit cites it, and its anchor."""
    return f"{path(paragraph_page(footnote.paragraph))}#{footnote.eid}"


def cite_file(unit_slug: str, ext: str) -> str:
    """A unit's citation file in its edition (``cite/13a.bib``)."""
    return f"{CITE}{unit_slug}.{ext}"


def href(from_src: str, to: str, anchor: str = "") -> str:
    """The shortest relative link from the page ``from_src`` to ``to`` (a path in the same edition: ``path(…)``,
    ``unit_path(…)``, ``cite_file(…)``, or ``../name`` beside the editions), with an optional anchor."""
    target, _, fragment = to.partition("#")
    here = path(from_src).rstrip("/") or "."
    relative = _relpath(target.rstrip("/") or ".", here)
    relative = "" if relative == "." else relative + ("/" if target.endswith("/") else "")
    fragment = anchor or fragment
    return relative + (f"#{fragment}" if fragment else "") or "./"


@functools.lru_cache(maxsize=1 << 14)  # a page links to few places, from one folder: most calls repeat
def _relpath(target: str, start: str) -> str:
    return posixpath.relpath(target, start)


def link(from_src: str, to_src: str, anchor: str = "") -> str:
    """A Markdown link from the page ``from_src`` to the page ``to_src`` by their source paths (``glossary/x.md``),
    which MkDocs checks and turns into the page's address."""
    relative = _relpath(to_src, posixpath.dirname(from_src) or ".")
    return relative + (f"#{anchor}" if anchor else "")


def root_file(from_src: str, name: str) -> str:
    """A relative link from a page to a file beside the editions (``declaration.tmx``)."""
    return href(from_src, f"../{name}")


def other_edition(lang: str, page_path: str) -> str:
    """The same page in another edition, from the page (MkDocs resolves it against the page)."""
    return f"../{lang}/{page_path}"


def edition_home(lang: str) -> str:
    """An edition's home page from the site root's landing page."""
    return f"{lang}/"


def text_file(lang: str, ext: str) -> str:
    """An edition's whole text beside the editions (``declaration.zh.md``)."""
    return f"declaration.{lang}.{ext}"


def citations_file(lang: str, ext: str) -> str:
    """Every unit's citation in one edition, beside the editions (``citations.zh.bib``)."""
    return f"citations.{lang}.{ext}"


def unterm_search(lang: str, query: str, langs: tuple[str, ...]) -> str:
    """UNTERM's search for ``query`` with its interface in ``lang``, searching and showing the records in
    ``langs`` (UNTERM names the six official languages by the codes of the editions)."""
    shown = sorted(langs)
    options = "".join(f"&searchLanguages={code}" for code in shown)
    options += "".join(f"&languagesDisplay={code}" for code in shown)
    return UNTERM_SEARCH.format(lang=lang, query=quote(query)) + options


def site_path(lang: str, to: str = "") -> str:
    """A path from the site root (``/zh/13/#para_13``; with no edition, a file beside them: ``/glossary.csv``),
    for the manifests and `make serve` (not from the host's root: under a sub-path, the public URL is
    ``edition_url``)."""
    return f"/{lang}/{to}" if lang else f"/{to}"


def addresses(site_root: str, langs: tuple[str, ...], to: str) -> dict[str, object]:
    """A manifest's addresses of ``to`` in every edition: the path from the site root under each language
    (the published fields), and the public URLs under ``url``."""
    return {
        **{lang: site_path(lang, to) for lang in langs},
        "url": {lang: edition_url(site_root, lang, to) for lang in langs},
    }


def edition_url(site_root: str, lang: str, to: str = "") -> str:
    """The public address of ``to`` in one edition."""
    return f"{site_root.rstrip('/')}/{lang}/{to}"


def permalink(site_root: str, lang: str, unit: Unit) -> str:
    return edition_url(site_root, lang, unit_path(unit))


def declaration_id(site_root: str) -> str:
    """The JSON-LD id of the declaration itself (one for every edition)."""
    return f"{site_root.rstrip('/')}/#declaration"
