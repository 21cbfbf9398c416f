"""Every way text of the declaration or of the data files enters markup, in one place.

Each output context has exactly one helper here, and the renderers build markup only through
them, so that text can never be read as markup:

* ``html_text`` / ``html_attr``: HTML element content and quoted attribute values;
* ``md_text``: literal text inside a Markdown inline context (headings, link text): Python-Markdown's
  own escapable characters get a backslash, ``<`` and ``&`` become entities, nothing else changes
  (a backslash before any other character would be shown to the reader);
* ``md_inline`` and ``md_lines``: running text of the declaration inside a Markdown paragraph (and a link's
  text), escaped only where a character can start markup in the middle of a line, then wrapped into lines
  that never start with a character that could start a block;
* ``md_definitions``: a definition list of literal labels;
* ``md_block``: a container of Markdown that carries a class (md_in_html's ``<div markdown>``);
* ``md_cell``: text in a cell of a Markdown table (``md_inline``, and ``|`` cannot end the cell);
* ``md_attrs``: an ``attr_list`` (``{.class key="value"}``) whose values hold any text;
* ``json_script``: JSON inside ``<script>``, where ``<``, ``>`` and ``&`` are ``\\u`` escapes, so that
  neither ``</script>`` nor ``<!--<script>`` in the data can end or swallow the element;
* ``csv_cell``: a spreadsheet cell that cannot start a formula;
* ``site_root``: the public address, checked before it reaches ``href`` attributes and exports.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from html import escape
from urllib.parse import quote, urlsplit

from .errors import SourceError

# Python-Markdown's ESCAPED_CHARS (markdown.inlinepatterns): a backslash before these disappears.
RE_MD_ESCAPABLE = re.compile(r"([\\`*_{}()>#+\-.!])")
RE_FORMULA_START = re.compile(r"^[=+\-@\t\r]")
RE_URL_UNSAFE = re.compile(r"[\s\"'<>`{}|\\^\x00-\x1f\x7f]")


def html_text(text: str) -> str:
    """Element content: ``<``, ``>``, ``&`` (and quotes, harmless there) as entities."""
    return escape(text)


def html_attr(text: str) -> str:
    """A double- or single-quoted attribute value."""
    return escape(text, quote=True)


def md_text(text: str) -> str:
    """Literal text for a Markdown inline context (a heading, a link's text); brackets as in ``md_inline``."""
    text = RE_MD_ESCAPABLE.sub(r"\\\1", text.replace("&", "&amp;").replace("<", "&lt;"))
    return text.replace("[", "&#91;").replace("]", "&#93;")  # after the backslashes: ``#`` is escapable


# Characters that start inline markup anywhere in a line (``(``, ``!``, ``#``, ``-``, ``.`` … need a ``[`` before
# them or the start of a line, and md_lines never starts a line with running text's own characters but a letter).
RE_MD_INLINE = re.compile(r"([\\`*_{}])")


def md_inline(text: str) -> str:
    """Literal running text inside a Markdown paragraph whose lines md_lines makes (fewer backslashes than
    ``md_text``, so that the text reads as text). Brackets become character references: a backslash does not
    keep a line that starts ``[\\]:`` from being read as a link reference definition."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace("[", "&#91;").replace("]", "&#93;")
    return RE_MD_INLINE.sub(r"\\\1", text)


def md_container(attributes: str, body: str) -> str:
    """Markdown blocks inside a ``<div>`` with these (already escaped) attributes: an md_in_html container."""
    return f"<div {attributes} markdown>\n\n{body}\n\n</div>"


def md_block(css_class: str, body: str) -> str:
    """Markdown blocks inside a ``<div>`` of the class, for the stylesheet and the scripts."""
    return md_container(f'class="{html_attr(css_class)}"', body)


def md_definitions(rows: list[tuple[str, str]]) -> str:
    """A definition list (def_list): each label literal, each definition Markdown indented as its first line is."""
    return "\n\n".join(f"{md_text(label)}\n:   {definition}" for label, definition in rows)


RE_LINE_BREAK = re.compile(r"\r\n?|\n")


def md_cell(text: str) -> str:
    """Literal text in a cell of a Markdown table (the ``tables`` extension reads ``\\|`` as a ``|``); a line
    break, which would end the row, as the space a browser shows for it."""
    return RE_LINE_BREAK.sub(" ", md_inline(text).replace("|", "\\|"))


# What an attr_list value cannot hold as itself: its own quote (html_attr), a line break (the list is one line),
# what Markdown's inline patterns, which run before attr_list, would read as markup, and a table's ``|``. Each
# becomes a character reference, which the attribute keeps.
RE_ATTR_UNSAFE = re.compile(r"[\\`*_{}\[\]|\r\n]")
# A class, an id or an attribute's name: nothing that could end the list or start a value.
RE_ATTR_TOKEN = re.compile(r"[^\s{}\"'=]+")


def md_attrs(*tokens: str, **values: str) -> str:
    """An attr_list: ``tokens`` as written (``.class``, ``#id``, a valueless attribute), then each of ``values``
    as ``name="text"`` (``md_attrs(".glossary-item", **{"data-names": text})``), the text inert."""
    for token in (*tokens, *values):
        if not RE_ATTR_TOKEN.fullmatch(token):
            raise ValueError(f"not an attribute name, class or id: {token!r}")
    quoted = (
        f'{name}="{RE_ATTR_UNSAFE.sub(lambda m: f"&#{ord(m[0])};", html_attr(text))}"'
        for name, text in values.items()
    )
    return "{" + " ".join([*tokens, *quoted]) + "}"


# RFC 3986's reserved and unreserved characters, and ``%`` of an encoding already made.
URL_SAFE = ":/?#[]@!$&'()*+,;=%~"


def md_url(url: str) -> str:
    """A link destination for Markdown (``[text](<…>)``): characters a URL may not hold (space, ``<``, ``>``,
    ``"``, a backslash…) percent-encoded, so the destination can never close early."""
    return "<" + quote(url, safe=URL_SAFE) + ">"


@functools.cache  # a text has few distinct characters
def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def _closing(char: str) -> bool:
    """Punctuation that a line should not start with (，。、）》 …): a break before it would strand it."""
    return unicodedata.category(char) in ("Po", "Pe", "Pf")


# A piece of a paragraph: Markdown, and whether it is running text (md_inline) that may break into lines.
Piece = tuple[str, bool]


def _literal_start(markdown: str) -> str:
    """Running text that starts a paragraph: a first character that could start a block (``#``, ``>``, ``-``,
    ``1.``, ``///``, an indent) as a character reference, which Markdown shows and never reads as syntax."""
    first = markdown[:1]
    if first and first.isascii() and not first.isalpha() and first not in "&\\":
        return f"&#{ord(first)};{markdown[1:]}"
    return markdown


def md_lines(pieces: list[Piece], width: int = 100) -> str:
    """The pieces as lines of about ``width`` columns (a wide character counts two).

    A line breaks only where a soft line break changes nothing a reader sees: at a space of the running text
    before a letter or a link (the break takes the space's place), or between two East Asian wide characters
    of the running text (the declaration's Markdown extension drops that break, as Pandoc's
    ``east_asian_line_breaks``). So a line never starts with ``#``, ``-``, ``1.``, ``>`` or ``///``; nor does
    the first, when it starts with running text (``_literal_start``)."""
    return _lines(tuple(pieces), width)


# A rebuild under `make serve` makes every page's Markdown again to find the pages that changed: most of their
# paragraphs are the same pieces as last time. Sized for a few declarations' worth (about 900 an edition):
# a text a hundred times longer would fill it with what a one-off build never asks for again.
@functools.lru_cache(maxsize=1 << 13)
def _lines(pieces: tuple[Piece, ...], width: int) -> str:
    if pieces and pieces[0][1]:
        pieces = ((_literal_start(pieces[0][0]), True), *pieces[1:])
    text = "".join(markdown for markdown, _ in pieces)
    wide = [_wide(c) for c in text]  # looked up once per character, not at each test of it
    if len(text) + sum(wide) <= width:
        return text
    breaks: dict[int, bool] = {}  # position → whether the break replaces a space there
    at = 0
    for markdown, running in pieces:
        end = at + len(markdown)
        if running:
            for i in range(at, end):
                after = text[i + 1] if i + 1 < len(text) else ""
                # Not between two wide characters: the extension would drop that break, and the space with it.
                if (
                    text[i] == " "
                    and not (i and after and wide[i - 1] and wide[i + 1])
                    and (after.isalpha() or (i + 1 == end and after == "["))
                ):
                    breaks[i] = True
                elif i > at and wide[i - 1] and wide[i] and not _closing(text[i]):
                    breaks[i] = False
        at = end
    lines: list[str] = []
    start, column, last = 0, 0, -1
    for i in range(len(text)):
        if i in breaks and i > start:
            last = i
        column += 2 if wide[i] else 1
        if column > width and last > start:
            lines.append(text[start:last])
            start = last + 1 if breaks[last] else last
            column = sum(2 if w else 1 for w in wide[start : i + 1])
            last = -1
    lines.append(text[start:])
    return "\n".join(lines)


def json_script(data: object) -> str:
    """JSON for the body of a ``<script>`` element: no character of it can change the HTML parser's state."""
    body = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return body.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def json_ld(data: dict[str, object]) -> str:
    """A schema.org JSON-LD block."""
    return f'<script type="application/ld+json">{json_script(data)}</script>'


def csv_cell(text: str) -> str:
    """A cell that spreadsheets show as text: a leading ``= + - @`` would start a formula."""
    return "'" + text if RE_FORMULA_START.match(text) else text


def site_root(value: object, where: str = "SITE_ROOT") -> str:
    """The public address of the site, ending in ``/``: an absolute http(s) URL and nothing else.

    It reaches ``<link rel="canonical">``, the sitemaps, JSON-LD and the citation exports, so
    quotes, angle brackets, braces, spaces, a query or a fragment are refused rather than escaped.
    """
    if value is None or not str(value).strip():
        raise SourceError(where, 0, "the site address is empty (expected e.g. https://example.org/)")
    text = str(value).strip()
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise SourceError(where, 0, f"the site address {text!r} must be an absolute http:// or https:// URL")
    if RE_URL_UNSAFE.search(text) or parts.query or parts.fragment or "?" in text or "#" in text:
        raise SourceError(
            where, 0, f"the site address {text!r} must not contain spaces, quotes, <>, {{}}, a query or a fragment"
        )
    return text.rstrip("/") + "/"


RE_BIBTEX_SPECIAL = re.compile(r"([%&#_$\\{}~^])")
BIBTEX_REPLACEMENTS = {"\\": r"\textbackslash{}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


def bibtex_text(text: str) -> str:
    """A BibTeX field's text: braces and backslashes cannot close the field or add one."""
    return RE_BIBTEX_SPECIAL.sub(lambda m: BIBTEX_REPLACEMENTS.get(m[1], "\\" + m[1]), text)
