"""The offline edition: the built site made browsable from disk (file://), zipped reproducibly.

A static host serves ``13/`` as ``13/index.html``; a file browser does not. Every relative link to
a folder is rewritten to name its ``index.html``; nothing else changes, and the permalinks that
citations carry stay the online ones.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

RE_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
# A link's path, up to its query, fragment or closing quote: relative ones only. No ``\b`` before
# ``href``: it keeps the regex engine from scanning for the literal, which made this 8 times slower.
RE_RELATIVE_HREF = re.compile(r'href="(?![#/]|[a-zA-Z][a-zA-Z0-9+.-]*:)(?P<path>[^"?#]*)')
# The zip's name at the site root, where the downloads page offers it (never inside itself).
ZIP_NAME = "declaration-site.zip"
# A fixed timestamp for every zip entry, so that the same site gives the same bytes.
ZIP_DATE = (2023, 6, 9, 0, 0, 0)


def folder_link(url: str) -> str:
    """``../13/#para_13`` → ``../13/index.html#para_13``; files, anchors and absolute URLs unchanged."""
    if not url or url.startswith(("#", "/")) or RE_SCHEME.match(url):
        return url
    cut = min((i for i in (url.find("?"), url.find("#")) if i >= 0), default=len(url))
    path, rest = url[:cut], url[cut:]
    if path in (".", "..") or path.endswith(("/.", "/..")):
        path += "/"
    if path.endswith("/"):
        path += "index.html"
    return f"{path}{rest}"


def offline_html(html: str) -> str:
    """Every relative ``href`` through ``folder_link``."""
    return RE_RELATIVE_HREF.sub(lambda m: 'href="' + folder_link(m["path"]), html)


def offline_zip(site: Path, target: Path) -> Path:
    """Zip ``site`` for reading from disk; entries sorted, dates fixed. One file is read at a time: at
    scale the site is hundreds of megabytes, which the build must not hold in memory."""
    target.parent.mkdir(parents=True, exist_ok=True)
    files = sorted((p.relative_to(site).as_posix(), p) for p in site.rglob("*") if p.is_file() and p.name != ZIP_NAME)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, path in files:
            data = path.read_bytes()
            if path.suffix == ".html":
                data = offline_html(data.decode("utf-8")).encode("utf-8")
            info = zipfile.ZipInfo(f"declaration-site/{name}", ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return target
