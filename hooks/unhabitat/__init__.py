"""Pure core of the declaration site: parse, check, render, export. Never imports mkdocs."""
