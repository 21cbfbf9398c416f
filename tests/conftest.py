"""Session fixtures: one strict build of the real site, and the golden-file update switch."""

from __future__ import annotations

import pytest
from support import SiteBuild, build_site


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite the golden files")


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> SiteBuild:
    built = build_site(tmp_path_factory.mktemp("site"))
    assert built.returncode == 0, built.output
    return built


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))
