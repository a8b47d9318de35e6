"""The commit hooks: a valid pre-commit configuration whose every command exists locally."""

import shlex
import subprocess
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / ".pre-commit-config.yaml"


def test_the_configuration_is_valid():
    pre_commit = ROOT / ".venv" / "bin" / "pre-commit"
    subprocess.run([str(pre_commit), "validate-config", str(CONFIG)], check=True,
                   capture_output=True)


def test_every_hook_runs_a_local_command_and_the_stripper_and_large_file_guard_are_there():
    hooks = [hook for repo in yaml.safe_load(CONFIG.read_text())["repos"]
             for hook in repo["hooks"]]
    for hook in hooks:
        assert hook["language"] == "system"
        assert (ROOT / shlex.split(hook["entry"])[0]).is_file(), hook["id"]
    assert {"notebook-outputs", "ruff", "large-files"} <= {hook["id"] for hook in hooks}
