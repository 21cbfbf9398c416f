"""A Python-Markdown extension for the generated pages: what plain Markdown cannot say about the text.

* A link of class ``decl-term`` (a glossary term, or a reference lending a term its tip) carries its tooltip
  as the link's title (``[人类住区][human-settlements]{.decl-term}`` with ``[human-settlements]: … "tip"``);
  the tooltip becomes a ``<span class="decl-tip" role="tooltip">`` inside the link, which tooltips.js and
  the CSS show on hover, focus and tap (a ``title`` would only show on hover, after a delay).
* East Asian line breaks, as Pandoc's ``east_asian_line_breaks``: the renderer wraps long lines, and a soft
  line break between two East Asian wide characters is dropped, since a browser shows it as a space
  between two Han characters, where the text has none.
"""

from __future__ import annotations

import re
import unicodedata
from xml.etree import ElementTree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

TERM_CLASS = "decl-term"


def is_wide(char: str) -> bool:
    """Wide or fullwidth in Unicode's East Asian Width (Han, kana, hangul, fullwidth punctuation)."""
    return unicodedata.east_asian_width(char) in ("W", "F")


RE_SOFT_BREAK = re.compile(r"(?<=(?P<before>.))[ \t]*\n[ \t]*(?=(?P<after>.))")


def join_wide_lines(text: str) -> str:
    """``text`` without the soft line breaks that sit between two wide characters."""
    return RE_SOFT_BREAK.sub(lambda m: "" if is_wide(m["before"]) and is_wide(m["after"]) else m[0], text)


class DeclarationTreeprocessor(Treeprocessor):
    def run(self, root: ElementTree.Element) -> None:
        for element in root.iter():
            if element.text and "\n" in element.text:
                element.text = join_wide_lines(element.text)
            if element.tail and "\n" in element.tail:
                element.tail = join_wide_lines(element.tail)
        for link in root.iter("a"):
            tip = link.get("title")
            if tip is not None and TERM_CLASS in (link.get("class") or "").split():
                del link.attrib["title"]
                span = ElementTree.SubElement(link, "span", {"class": "decl-tip", "role": "tooltip"})
                span.set("data-search-exclude", "")
                span.text = tip


class DeclarationExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # After attr_list (priority 8), which gives the links their class, and before the unescaping (0).
        md.treeprocessors.register(DeclarationTreeprocessor(md), "declaration", 6)


def makeExtension(**kwargs: object) -> DeclarationExtension:  # noqa: N802 (Python-Markdown's name)
    return DeclarationExtension(**kwargs)
