"""The site root ``/``: leads to every edition and remembers the reader's choice."""

from __future__ import annotations

from . import urls
from .labels import locale
from .markup import html_text as escape
from .markup import json_script
from .model import Declaration

STORAGE_KEY = "unhabitat-edition"


def landing_page(texts: dict[str, Declaration], official: set[str], rtl: frozenset[str] = frozenset()) -> str:
    """``texts``: every edition's, the source first; ``official``: the languages whose text is official;
    ``rtl``: those written right to left."""
    langs = list(texts)
    titles = " · ".join(escape(text.header.title) for text in texts.values())
    alternates = "\n".join(
        f'<link rel="alternate" hreflang="{lang}" href="{urls.edition_home(lang)}">' for lang in langs
    )
    dirs = {lang: ' dir="rtl"' if lang in rtl else "" for lang in langs}
    headings = "\n".join(
        f'<span lang="{lang}"{dirs[lang]}>{escape(text.header.title)}</span>' for lang, text in texts.items()
    )
    links = "\n".join(_link(lang, lang in official, dirs[lang]) for lang in langs)
    notes = "\n".join(
        f'<p class="small" lang="{lang}"{dirs[lang]}>{escape(locale(lang).site.landing_note)}</p>'
        for lang in langs
        if lang not in official
    )
    return f"""<!doctype html>
<html lang="{langs[0]}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>{titles}</title>
{alternates}
<script>
try {{
  var chosen = localStorage.getItem("{STORAGE_KEY}");
  if ({json_script(langs)}.indexOf(chosen) >= 0 && location.search.indexOf("choose") < 0) {{
    location.replace(chosen + (location.protocol === "file:" ? "/index.html" : "/") + location.hash);
  }}
}} catch (e) {{}}
</script>
<style>
body {{ font-family: system-ui, "Noto Sans CJK SC", sans-serif; max-width: 40rem; margin: 4rem auto;
  padding: 0 1rem; color: #1d1d1d; background: #fff; line-height: 1.6; }}
a.edition {{ display: block; padding: 1rem 1.25rem; margin: 1rem 0; border: 2px solid #3f51b5;
  border-radius: .4rem; color: #1a237e; text-decoration: none; }}
a.edition:hover, a.edition:focus {{ background: #e8eaf6; outline: 3px solid #1a237e; }}
.small {{ font-size: .9rem; color: #424242; }}
h1 {{ font-size: 1.35rem; font-weight: 600; line-height: 1.4; margin: 0 0 2rem; }}
h1 span {{ display: block; }}
@media (prefers-color-scheme: dark) {{
  body {{ color: #e3e3e8; background: #1e2029; }}
  a.edition {{ border-color: #8c9eff; color: #c5cae9; }}
  a.edition:hover, a.edition:focus {{ background: #283593; outline-color: #c5cae9; }}
  .small {{ color: #b8b8c0; }}
}}
</style>
</head>
<body>
<main>
<h1>{headings}</h1>
{links}
{notes}
</main>
<script>
document.querySelectorAll("a[data-edition]").forEach(function (a) {{
  a.addEventListener("click", function () {{
    try {{ localStorage.setItem("{STORAGE_KEY}", a.dataset.edition); }} catch (e) {{}}
  }});
}});
</script>
</body>
</html>
"""


def _link(lang: str, official: bool, dir_attr: str) -> str:
    site = locale(lang).site
    name = site.official_edition if official else site.translation
    attributes = f'href="{urls.edition_home(lang)}" hreflang="{lang}" lang="{lang}"{dir_attr} data-edition="{lang}"'
    return f'<a class="edition" {attributes}>{escape(name)}</a>'
