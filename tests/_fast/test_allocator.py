import json
import re
import subprocess
import sys
from pathlib import Path

from ikm_analysis import cli
from ikm_analysis._fast.allocator import (
    LARGE_TABLE_ENVIRONMENT,
    large_table_environment,
)
from ikm_analysis.report import build as report_build

ROOT = Path(__file__).resolve().parents[2]


def _without_settings():
    return {k: v for k, v in large_table_environment().items() if k not in LARGE_TABLE_ENVIRONMENT}


def _pool_in_child(env):
    code = "import pyarrow as pa; print(pa.default_memory_pool().backend_name)"
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                          check=True).stdout.strip()


def test_your_own_settings_win_and_others_are_added():
    env = large_table_environment({"ARROW_DEFAULT_MEMORY_POOL": "jemalloc", "PATH": "/bin"})
    assert env["ARROW_DEFAULT_MEMORY_POOL"] == "jemalloc"
    assert env["MALLOC_MMAP_MAX_"] == "0" and env["PATH"] == "/bin"


def test_a_child_started_with_the_settings_allocates_arrow_through_the_system():
    assert _pool_in_child(large_table_environment()) == "system"
    assert _pool_in_child(_without_settings()) != "system"  # importing changes nothing


def test_the_module_prints_the_settings_for_a_shell():
    output = subprocess.run([sys.executable, "-m", "ikm_analysis._fast.allocator"], check=True,
                            capture_output=True, text=True).stdout
    assert dict(line.split("=") for line in output.split()) == LARGE_TABLE_ENVIRONMENT


def _applied_in_child(env):
    code = ("import pyarrow as pa; from ikm_analysis._fast.allocator import "
            "use_large_table_allocator as use; print(use(), pa.default_memory_pool().backend_name)")
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                          check=True).stdout.strip()


def test_a_running_process_can_take_the_settings_itself():
    assert _applied_in_child(_without_settings()) == "['glibc', 'arrow'] system"


def test_settings_a_process_started_with_are_left_alone():
    env = {**_without_settings(), "ARROW_DEFAULT_MEMORY_POOL": "mimalloc",
           "MALLOC_MMAP_MAX_": "65536"}
    assert _applied_in_child(env) == "[] mimalloc"


def test_the_program_applies_the_settings_before_it_runs(monkeypatch):
    calls = []
    monkeypatch.setattr(cli, "use_large_table_allocator", lambda: calls.append("allocator"))
    monkeypatch.setattr(cli, "main", lambda: calls.append("main") or 0)
    assert cli.run() == 0
    assert calls == ["allocator", "main"]


def test_report_kernels_and_the_lab_kernel_get_the_same_settings(tmp_path):
    spec = report_build._kernel_spec_dir(tmp_path) / "kernels" / report_build.KERNEL_NAME
    kernel_env = json.loads((spec / "kernel.json").read_text())["env"]
    assert set(kernel_env) == set(LARGE_TABLE_ENVIRONMENT)
    assert kernel_env == large_table_environment(kernel_env)  # ours, or a setting of yours
    # The lab kernel's flags come from a shell command in the Makefile: run it as make would.
    makefile = (ROOT / "Makefile").read_text()
    (command,) = re.findall(r"\$\$\((\$\(BIN\)/python -m ikm_analysis\._fast\.allocator \|.*)\)$",
                            makefile, flags=re.MULTILINE)
    flags = subprocess.run(["bash", "-c", command.replace("$(BIN)/python", sys.executable)],
                           check=True, capture_output=True, text=True).stdout
    assert dict(re.findall(r"--env (\w+) (\w+)", flags)) == LARGE_TABLE_ENVIRONMENT
