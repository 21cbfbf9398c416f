"""Revision history from git: rebuilt versions, each unit's wordings, and the no-history cases."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import html
from support import ROOT, SOURCE_EN
from unhabitat.history import committed_versions, unit_history
from unhabitat.source_text import parse, read_source

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is needed")


def git(repo: Path, *args: str, date: str = "2024-01-02T10:00:00+00:00") -> str:
    env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "GIT_CONFIG_GLOBAL": os.devnull}
    ident = ["-c", "user.name=T", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"]
    run = subprocess.run(["git", *ident, "-C", str(repo), *args], env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    return run.stdout


@pytest.fixture
def repo(tmp_path) -> Path:
    """A repository whose English text is revised twice: para 2 on 3 January, para 2 again and 13(a) on 4 March."""
    repo = tmp_path / "repo"
    (repo / "source").mkdir(parents=True)
    git(repo, "init", "-q")
    text = SOURCE_EN.read_text(encoding="utf-8")
    path = repo / "source" / "declaration.en.txt"
    path.write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "first")
    path.write_text(text.replace("We affirm the leadership", "We affirm the leading"), encoding="utf-8")
    git(repo, "commit", "-qam", "second", date="2024-01-03T23:30:00-05:00")
    revised = text.replace("We affirm the leadership", "We affirm the guiding").replace("Explore", "To explore", 1)
    path.write_text(revised, encoding="utf-8")
    git(repo, "commit", "-qam", "third", date="2024-03-04T08:00:00+01:00")
    return repo


def test_versions_are_rebuilt_exactly(repo):
    path = repo / "source" / "declaration.en.txt"
    versions, reason = committed_versions(path)
    assert not reason and [date for _, date, _ in versions] == ["2024-01-02", "2024-01-03", "2024-03-04"]
    for commit, _, text in versions:
        assert text.rstrip("\n") == git(repo, "show", f"{commit}:source/declaration.en.txt").rstrip("\n")


def test_each_unit_keeps_its_wordings(repo):
    path = repo / "source" / "declaration.en.txt"
    history = unit_history(path, read_source(path), parse)
    para2 = history.of("2")
    assert [w.date for w in para2] == ["2024-01-02", "2024-01-03", "2024-03-04"]
    assert [w.text.split()[3] for w in para2] == ["leadership", "leading", "guiding"]
    assert [w.date for w in history.of("1")] == ["2024-01-02"]
    assert history.revised("2") == "2024-03-04" and history.revised("1") == "2024-01-02"
    assert len({w.anchor("para_2") for w in para2}) == 3  # each wording its own address


def test_an_uncommitted_edit_is_a_draft_wording(repo):
    path = repo / "source" / "declaration.en.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("We affirm", "We reaffirm"), encoding="utf-8")
    history = unit_history(path, read_source(path), parse)
    assert history.of("2")[-1].date == "" and history.of("2")[-1].anchor("para_2") == "para_2--draft"
    assert history.revised("2") == ""


def test_same_commit_same_history(repo):
    path = repo / "source" / "declaration.en.txt"
    assert unit_history(path, read_source(path), parse) == unit_history(path, read_source(path), parse)


def test_a_full_clone_has_the_history_and_a_shallow_one_has_none(repo, tmp_path):
    full, shallow = tmp_path / "full", tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", str(repo), str(full)], check=True)
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(shallow)], check=True)
    path = full / "source" / "declaration.en.txt"
    assert len(unit_history(path, read_source(path), parse).of("2")) == 3
    path = shallow / "source" / "declaration.en.txt"
    history = unit_history(path, read_source(path), parse)
    assert not history.units and "shallow clone" in history.reason


def test_without_git_there_is_no_history(tmp_path):
    path = tmp_path / "declaration.en.txt"
    shutil.copy(SOURCE_EN, path)
    history = unit_history(path, read_source(path), parse)
    assert not history.units and history.reason == "not a git checkout"


def test_the_site_shows_the_history(site):
    history = unit_history(ROOT / "source" / "declaration.en.txt", read_source(SOURCE_EN), parse)
    changes = html.fromstring(site.html("en/changes/index.html"))
    for uid, wordings in history.units.items():
        for wording in wordings:
            eid = next(u.eid for u in read_source(SOURCE_EN).units() if u.uid == uid)
            node = changes.get_element_by_id(wording.anchor(eid))
            # A line of the Markdown ends in a soft break, which HTML shows as a space.
            assert node.find(".//blockquote").text_content().strip().replace("\n", " ") == wording.text
    headings = [h.get("id") for h in changes.xpath("//article//h2")]
    assert headings == sorted(headings, key=lambda i: history.commits.index(i[2:]), reverse=True)  # newest first
    assert "preview build" in site.output and "no revision history" not in site.output
