"""The site root ``/``: leads to both editions and remembers the reader's choice."""

from __future__ import annotations

from .markup import html_text as escape
from .model import Declaration

STORAGE_KEY = "unhabitat-edition"


def landing_page(zh: Declaration, en: Declaration) -> str:
    return f"""<!doctype html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>{escape(zh.header.title)} · {escape(en.header.title)}</title>
<link rel="alternate" hreflang="zh" href="zh/">
<link rel="alternate" hreflang="en" href="en/">
<script>
try {{
  var chosen = localStorage.getItem("{STORAGE_KEY}");
  if ((chosen === "zh" || chosen === "en") && location.search.indexOf("choose") < 0) {{
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
<h1><span lang="zh">{escape(zh.header.title)}</span>
<span lang="en">{escape(en.header.title)}</span></h1>
<a class="edition" href="zh/" hreflang="zh" lang="zh" data-edition="zh">中文（原文）</a>
<a class="edition" href="en/" hreflang="en" lang="en" data-edition="en">English (unofficial translation)</a>
<p class="small" lang="en">The Chinese text is the source;
the English is this site's unofficial translation.</p>
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
