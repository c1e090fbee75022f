"""What ships: the examples inside the package are real files, and the copies at the top of
the source tree (which `circles validate examples/*.toml` and the README use) never drift."""

from __future__ import annotations

import tomllib

from circles_tui import __version__
from circles_tui.core.examples import example_path
from tests.conftest import EXAMPLES, ROOT

PACKAGE_EXAMPLES = example_path("mia-complete.toml").parent


def test_the_top_level_examples_are_the_packaged_ones_byte_for_byte():
    packaged = sorted(p.name for p in PACKAGE_EXAMPLES.glob("*.toml"))
    assert packaged == sorted(p.name for p in EXAMPLES.glob("*.toml"))
    for name in packaged:
        assert (EXAMPLES / name).read_bytes() == (PACKAGE_EXAMPLES / name).read_bytes(), (
            f"examples/{name} differs from circles_tui/examples/{name}, the one that ships: "
            f"edit that one and copy it over (cp circles_tui/examples/{name} examples/)")


def test_the_package_data_is_real_files_not_links():
    assert not PACKAGE_EXAMPLES.is_symlink()
    assert all(p.is_file() and not p.is_symlink() for p in PACKAGE_EXAMPLES.iterdir())


def test_one_version_and_an_spdx_licence():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert "version" not in project and "version" in project["dynamic"]
    assert project["license"] == "MIT" and project["license-files"] == ["LICENSE"]
    assert (ROOT / "LICENSE").read_text().startswith("MIT License")
    assert f"## {__version__}" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
