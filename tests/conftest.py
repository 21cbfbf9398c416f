"""Session fixtures: one strict build of the real site, the golden-file update switch, and the check
that no test leaves a process behind."""

from __future__ import annotations

from collections.abc import Iterator

import processes
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


@pytest.fixture(scope="session", autouse=True)
def no_process_outlives_the_session() -> Iterator[None]:
    """Set up first, torn down last: when every fixture is closed, nothing the session started may run."""
    processes.adopt_orphans()
    yield
    left = processes.leftovers(set())
    assert not left, f"processes left running at the end of the session: {left}"


@pytest.fixture(autouse=True)
def no_process_outlives_its_test() -> Iterator[None]:
    """A process a test started (a server, its workers, orphans included) must be gone when it ends."""
    before = set(processes.descendants())
    yield
    left = processes.leftovers(before)
    assert not left, f"processes left running by this test: {left}"
