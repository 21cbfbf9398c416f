"""Domain errors. Each names the file and line at fault so a maintainer can go straight there."""

from __future__ import annotations


class SourceError(Exception):
    """Input that cannot be turned into a site, located at ``path:line``."""

    def __init__(self, path: str, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path = path
        self.line = line
        self.message = message
