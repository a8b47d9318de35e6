import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from ikm_analysis import report_build
from ikm_analysis.allocator import LARGE_TABLE_ENVIRONMENT, large_table_environment

ROOT = Path(__file__).resolve().parents[2]


def _in_child(code, env):
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                          check=True).stdout.split()


def test_your_own_settings_win_and_others_are_added():
    env = large_table_environment({"ARROW_DEFAULT_MEMORY_POOL": "jemalloc", "PATH": "/bin"})
    assert env["ARROW_DEFAULT_MEMORY_POOL"] == "jemalloc"
    assert env["MALLOC_MMAP_MAX_"] == "0" and env["PATH"] == "/bin"


def test_a_child_started_with_the_environment_allocates_arrow_through_the_system():
    code = "import pyarrow as pa; print(pa.default_memory_pool().backend_name)"
    assert _in_child(code, large_table_environment()) == ["system"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="mallopt is glibc's")
def test_the_running_process_can_be_switched_and_importing_switches_nothing():
    code = ("import pyarrow as pa, ikm_analysis, ikm_analysis.cli;"
            "print(pa.default_memory_pool().backend_name);"
            "from ikm_analysis.allocator import use_large_table_allocator as use;"
            "print(use(), pa.default_memory_pool().backend_name)")
    env = {name: value for name, value in large_table_environment().items()
           if name not in LARGE_TABLE_ENVIRONMENT}
    before, accepted, after = _in_child(code, env)
    assert before != "system"
    assert (accepted, after) == ("True", "system")


def test_report_kernels_and_the_lab_kernel_get_the_same_settings(tmp_path):
    spec = report_build._kernel_spec_dir(tmp_path) / "kernels" / report_build.KERNEL_NAME
    kernel_env = json.loads((spec / "kernel.json").read_text())["env"]
    assert kernel_env == large_table_environment(kernel_env)  # ours, or a setting of yours
    assert set(kernel_env) == set(LARGE_TABLE_ENVIRONMENT)
    makefile = (ROOT / "Makefile").read_text()
    assert dict(re.findall(r"--env (\w+) (\w+)", makefile)) == LARGE_TABLE_ENVIRONMENT
