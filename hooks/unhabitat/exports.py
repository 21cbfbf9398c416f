"""Stage 4: machine-readable files written beside the two editions, from the model alone."""

from __future__ import annotations

import json
from xml.sax.saxutils import escape, quoteattr

from .model import Declaration

EDITIONS = ("zh", "en")


def unit_url(lang: str, paragraph: int, eid: str) -> str:
    return f"/{lang}/{paragraph}/#{eid}"


def permalinks(text: Declaration) -> str:
    """``permalinks.json``: one object per citable unit, URLs relative to the site root."""
    rows = [
        {"id": u.uid, "eid": u.eid, **{lang: unit_url(lang, u.paragraph, u.eid) for lang in EDITIONS}}
        for u in text.units()
    ]
    return json.dumps(rows, ensure_ascii=False, indent=1) + "\n"


def tmx(zh: Declaration, en: Declaration, tool_version: str) -> str:
    """``declaration.tmx``: TMX 1.4b, one translation unit per citable unit, keyed by its eid."""
    english = {u.uid: u for u in en.units()}
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<!DOCTYPE tmx SYSTEM "tmx14.dtd">',
        '<tmx version="1.4">',
        f'  <header creationtool="unhabitat-declaration-site" creationtoolversion={quoteattr(tool_version)}'
        ' segtype="paragraph" o-tmf="plain text" adminlang="en" srclang="zh" datatype="plaintext"/>',
        "  <body>",
    ]
    for unit in zh.units():
        out += [
            f'    <tu tuid="{unit.eid}">',
            f'      <prop type="x-citation">{escape(unit.uid)}</prop>',
            f'      <tuv xml:lang="zh"><seg>{escape(unit.text)}</seg></tuv>',
            f'      <tuv xml:lang="en"><seg>{escape(english[unit.uid].text)}</seg></tuv>',
            "    </tu>",
        ]
    out += ["  </body>", "</tmx>", ""]
    return "\n".join(out)
