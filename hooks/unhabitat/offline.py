"""The offline edition: the built site made browsable from disk (file://), zipped reproducibly.

A static host serves ``13/`` as ``13/index.html``; a file browser does not. Every relative link to
a folder is rewritten to name its ``index.html``; nothing else changes, and the permalinks that
citations carry stay the online ones.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

# A relative link's path (not to an anchor, not from the root, no scheme), up to its query, fragment or closing
# quote, when it names a folder: ending in ``/`` (``../13/``), or ``.`` or ``..`` (``..``, ``a/..``). Substituted
# by template, with no Python call per link: a page at scale has hundreds of links.
RELATIVE = r'href="(?![#/]|[a-zA-Z][a-zA-Z0-9+.-]*:)'
RE_FOLDER_HREF = re.compile("(" + RELATIVE + r'[^"?#]*/)(?=["?#])')
RE_DOTS_HREF = re.compile("(" + RELATIVE + r'(?:[^"?#]*/)?\.\.?)(?=["?#])')
# The zip's name at the site root, where the downloads page offers it (never inside itself).
ZIP_NAME = "declaration-site.zip"
# A fixed timestamp for every zip entry, so that the same site gives the same bytes.
ZIP_DATE = (2023, 6, 9, 0, 0, 0)
# zlib's level: 4 compresses the site in half the time of the default (6), for a zip about 5 % larger (the site's
# Markdown-made HTML repeats itself enough for the faster matching to find most of it).
ZIP_LEVEL = 4


def offline_html(html: str) -> str:
    """Every relative link to a folder names its ``index.html``: ``../13/#para_13`` → ``../13/index.html#para_13``,
    ``..`` → ``../index.html``; files, anchors and absolute URLs unchanged."""
    return RE_DOTS_HREF.sub(r"\g<1>/index.html", RE_FOLDER_HREF.sub(r"\g<1>index.html", html))


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
            archive.writestr(info, data, compresslevel=ZIP_LEVEL)
    return target
