"""The pipeline serves any declaration in the line format: a small one of our own, end to end,
and two builds of the same commit are byte-identical."""

from __future__ import annotations

import filecmp
import json
from pathlib import Path

import yaml
from support import build_site

MINI = Path(__file__).parent / "fixtures" / "mini"


def _without(value: object, lang: str) -> object:
    """A term base's entries without one language's keys (the site's editions do not have it)."""
    if isinstance(value, dict):
        return {k: _without(v, lang) for k, v in value.items() if k != lang}
    if isinstance(value, list):
        return [_without(v, lang) for v in value]
    return value


def test_a_small_declaration_builds_through_the_whole_pipeline(tmp_path, monkeypatch):
    # The mini term base also gives Arabic, which the site's two editions would reject as no edition's.
    terms = tmp_path / "input" / "terms.yml"
    terms.parent.mkdir()
    entries = _without(yaml.safe_load((MINI / "terms.yml").read_text(encoding="utf-8")), "ar")
    terms.write_text(yaml.safe_dump(entries, allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv("GLOSSARY_TERMS", str(terms))
    monkeypatch.setenv("GLOSSARY_INSTRUMENTS", str(MINI / "instruments.yml"))
    built = build_site(tmp_path, MINI / "declaration.zh.txt", MINI / "declaration.en.txt")
    assert built.returncode == 0, built.output
    pages = {str(p.relative_to(tmp_path / "zh")) for p in (tmp_path / "zh").rglob("index.html")}
    assert {
        "index.html",
        "1/index.html",
        "2/index.html",
        "glossary/test-framework/index.html",
        "instruments/a-res-1-1/index.html",
    } <= pages
    assert "3/index.html" not in pages
    manifest = json.loads((tmp_path / "permalinks.json").read_text(encoding="utf-8"))
    assert [m["id"] for m in manifest] == ["1", "2", "2(a)", "2(b)"]
    page = (tmp_path / "en" / "1" / "index.html").read_text(encoding="utf-8")
    assert "Test Declaration (Geneva, 2030), para. 1" in page
    assert 'href="../instruments/a-res-1-1/"' in page


def _tree(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def test_two_builds_are_byte_identical(tmp_path, site):
    again = build_site(tmp_path)
    assert again.returncode == 0, again.output
    assert _tree(site.root) == _tree(tmp_path)
    different = [name for name in _tree(site.root) if not filecmp.cmp(site.root / name, tmp_path / name, shallow=False)]
    assert different == [], different
