"""The edit loop of `make serve`: a rebuild after an edit renders only what changed, with the Jinja
environment and the taught tokenizer kept between builds, yet gives the site a clean build gives."""

from __future__ import annotations

import filecmp
import shutil
from pathlib import Path

import pytest
from mkdocs.theme import Theme
from serve_editions import _kept_environment, build_edition, finish_edition
from support import ROOT

# What serve_editions and the hook keep beside the pages to decide what a dirty rebuild renders.
BOOKKEEPING = {".serve-shape.json", ".page-digests.json"}

EDITS = [  # (file, old, new): a paragraph, a glossary entry, a translator's note
    ("declaration.zh.txt", "探索各种机制和平台", "探索各项机制和平台"),
    ("declaration.en.txt", "Explore mechanisms and platforms", "Examine mechanisms and platforms"),
    ("terms.yml", "在地方一级落实、调整和监测可持续发展目标的过程。", "新的说明。"),
    ("notes.en.yml", "The official English text could not be consulted.", "The official English text was unavailable."),
]


def _differences(left: Path, right: Path) -> list[str]:
    found: list[str] = []

    def walk(c: filecmp.dircmp, prefix: str) -> None:
        found.extend(f"only in one: {prefix}{n}" for n in c.left_only + c.right_only if n not in BOOKKEEPING)
        found.extend(f"differs: {prefix}{n}" for n in c.diff_files)
        for name, sub in c.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right, ignore=[]), "")
    return found


def test_an_edit_rebuild_gives_what_a_clean_build_gives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("source/declaration.zh.txt", "source/declaration.en.txt", "source/notes.en.yml"):
        shutil.copy(ROOT / name, inputs)
    for name in ("glossary/terms.yml", "glossary/formulae.yml"):
        shutil.copy(ROOT / name, inputs)
    monkeypatch.setenv("DECLARATION_ZH", str(inputs / "declaration.zh.txt"))
    monkeypatch.setenv("DECLARATION_EN", str(inputs / "declaration.en.txt"))
    monkeypatch.setenv("GLOSSARY_TERMS", str(inputs / "terms.yml"))
    monkeypatch.setenv("DECLARATION_SERVING", "1")  # as in a serve worker
    monkeypatch.setattr(Theme, "get_env", _kept_environment(Theme.get_env))
    served, clean = tmp_path / "served", tmp_path / "clean"
    for lang in ("zh", "en"):
        build_edition(lang, str(served))
    for name, old, new in EDITS:
        path = inputs / name
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, (name, old)
        path.write_text(text.replace(old, new), encoding="utf-8")
        # As `make serve` does: the shown edition (zh) leaves its search and downloads to be written after the
        # browser reloads; the other writes them in its build.
        built = build_edition("zh", str(served), dirty=True, defer=True)
        assert all(map(built.defers, ["/zh/search/head.js", "/zh/cite/13a.bib", "/glossary.csv", "/"]))
        assert not any(map(built.defers, ["/zh/13/", "/zh/assets/javascripts/bundle.js", "/en/search/head.js"]))
        finish_edition("zh")
        build_edition("en", str(served), dirty=True)
    for lang in ("zh", "en"):
        build_edition(lang, str(clean))
    shown = {
        path: (served / path / "index.html").read_text(encoding="utf-8")
        for path in ("en/13", "zh/glossary/sdg-localization", "en/2")
    }
    assert "Examine mechanisms" in shown["en/13"]
    assert "新的说明。" in shown["zh/glossary/sdg-localization"]
    assert "was unavailable" in shown["en/2"]
    assert _differences(served, clean) == []


def test_a_template_or_locale_edit_reaches_every_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Review row 120: the Jinja environment a worker keeps, and the pages a dirty rebuild skips, must not
    hide an edit to a template (overrides/main.html) or to the site's name (locales/en.yml, site.name)."""
    import serve_editions
    from unhabitat import labels

    project = tmp_path / "project"
    project.mkdir()
    for name in ("overrides", "locales"):  # edited below: copies
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project)
    for name in ("docs", "hooks", "source", "glossary"):
        (project / name).symlink_to(ROOT / name)
    monkeypatch.setattr(serve_editions, "ROOT", project)
    monkeypatch.setattr(serve_editions, "CONFIGS", dict.fromkeys(serve_editions.CONFIGS, project / "mkdocs.yml"))
    monkeypatch.setattr(labels.locale, "__defaults__", (project / "locales",))
    monkeypatch.setenv("DECLARATION_SERVING", "1")
    monkeypatch.setattr(Theme, "get_env", _kept_environment(Theme.get_env))
    served, clean = tmp_path / "served", tmp_path / "clean"
    build_edition("en", str(served))
    main = project / "overrides" / "main.html"
    main.write_text(
        main.read_text(encoding="utf-8").replace("{% block extrahead %}", '{% block extrahead %}<meta name="edited">'),
        encoding="utf-8",
    )
    words = project / "locales" / "en.yml"
    name = "Ministerial Declaration of the second session of the United Nations Habitat Assembly"
    words.write_text(words.read_text(encoding="utf-8").replace(name, "Edited site name", 1), encoding="utf-8")
    build_edition("en", str(served), dirty=True)
    for page in ("en/index.html", "en/7/index.html", "en/full/index.html", "en/glossary/index.html"):
        html = (served / page).read_text(encoding="utf-8")
        assert '<meta name="edited">' in html, page
        assert "Edited site name" in html, page
    build_edition("en", str(clean))
    assert _differences(served / "en", clean / "en") == []
