"""The site's public address: the one setting (``site_url``, or ``SITE_ROOT``) every absolute URL of the
static files comes from. Unset or loopback, the build is a preview: it still builds, with these URLs
pointing at ``make serve``; a release build refuses it."""

from __future__ import annotations

from dataclasses import dataclass
from ipaddress import ip_address
from urllib.parse import urlsplit

PREVIEW_ROOT = "http://127.0.0.1:8000/"
LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost", "0.0.0.0"})


@dataclass(frozen=True)
class Address:
    """``root`` ends with ``/`` and holds no edition folder; ``public`` is False for a preview."""

    root: str
    public: bool

    def preview_notice(self) -> str:
        return (
            f"preview build: no public address (site_url or SITE_ROOT), so citation files, structured data "
            f"and sitemaps point at {self.root}; `make release SITE_ROOT=https://…/` builds the site to publish"
        )

    def release_problem(self) -> str:
        given = self.root if self.root != PREVIEW_ROOT else "nothing"
        return (
            f"release build refused: the public address is {given}; set site_url in mkdocs.yml or "
            "SITE_ROOT to the https:// address the site is published at"
        )


def is_loopback(host: str) -> bool:
    host = host.lower().strip("[]")
    if host in LOOPBACK_NAMES or host.endswith(".localhost"):
        return True
    try:
        address = ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


def site_address(site_url: str | None) -> Address:
    """The address a build writes into its static files, from the configured ``site_url``."""
    url = (site_url or "").strip()
    if not url:
        return Address(PREVIEW_ROOT, public=False)
    root = url.rstrip("/") + "/"
    parts = urlsplit(root)
    return Address(root, public=bool(parts.hostname) and not is_loopback(parts.hostname or ""))
