"""environment.yml (conda) and pyproject.toml (pip) must pin the same packages."""

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def pip_pins():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    requirements = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        requirements += extra
    return dict(re.fullmatch(r"([A-Za-z0-9_.-]+)==(\S+)", r).groups() for r in requirements)


def conda_pins():
    environment = yaml.safe_load((ROOT / "environment.yml").read_text())
    pins = {}
    for item in environment["dependencies"]:
        if isinstance(item, str) and item.split("=")[0].split(">")[0] not in ("python", "pip"):
            name, version = item.split("=", 1)
            pins[name] = version
    return pins


def test_every_dependency_is_pinned_exactly_once_in_both_files():
    assert pip_pins() == conda_pins()


def test_environment_installs_the_package_itself():
    environment = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip_section = next(item for item in environment["dependencies"] if isinstance(item, dict))
    assert pip_section["pip"] == ["-e ."]
    assert environment["channels"] == ["conda-forge"]
