"""The offline edition's links: a folder link names its index.html, whatever else is around it."""

from __future__ import annotations

import pytest
from unhabitat.offline import offline_html


@pytest.mark.parametrize(
    ("link", "expected"),
    [
        ("../13/", "../13/index.html"),
        ("../13/#para_13", "../13/index.html#para_13"),
        ("./?h=x#a", "./index.html?h=x#a"),
        ("..", "../index.html"),
        (".", "./index.html"),
        ("a/..#x", "a/../index.html#x"),
        ("stylesheets/declaration.css", "stylesheets/declaration.css"),
        ("#fnt_1", "#fnt_1"),
        ("/zh/13/", "/zh/13/"),
        ("https://undocs.org/A/RES/71/256/", "https://undocs.org/A/RES/71/256/"),
        ("mailto:x@example.org", "mailto:x@example.org"),
        ("", ""),
    ],
)
def test_a_folder_link_names_its_index(link, expected):
    html = f'<a class="x" href="{link}">a</a><link rel="next" href="{link}">'
    assert offline_html(html) == f'<a class="x" href="{expected}">a</a><link rel="next" href="{expected}">'
