"""The namespace: cheap to import, names that never hide a module, four lines to a chart."""

import importlib
import json
import pkgutil
import subprocess
import sys

import pytest

import ikm_analysis

HEAVY = {"pandas", "numpy", "pyarrow", "matplotlib", "seaborn", "babel", "papermill", "pandera",
         "openpyxl", "nbconvert"}
PACKAGES = ["ikm_analysis", "ikm_analysis.io", "ikm_analysis.clean", "ikm_analysis.metrics",
            "ikm_analysis.report", "ikm_analysis.sample", "ikm_analysis.i18n",
            "ikm_analysis._fast"]


def _heavy_modules_after(code: str) -> list[str]:
    probe = (f"import sys; {code}; import json; print(json.dumps(sorted({{m.split('.')[0] for m "
             f"in sys.modules}} & set({sorted(HEAVY)!r}))))")
    output = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True,
                            text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


@pytest.mark.parametrize("code", [
    "import ikm_analysis",
    "import ikm_analysis.cli as cli; cli._build_parser().format_help()",
], ids=["import", "cli-help"])
def test_importing_and_asking_for_help_load_no_heavy_library(code):
    # Times are measured by benchmarks/bench_startup.py; this checks the cause, deterministically.
    assert _heavy_modules_after(code) == []


def test_a_name_is_loaded_on_first_use():
    assert _heavy_modules_after("import ikm_analysis; ikm_analysis.parse_id_number('1')") != []


@pytest.mark.parametrize("package", PACKAGES)
def test_no_exported_name_hides_a_submodule(package):
    module = importlib.import_module(package)
    submodules = {info.name for info in pkgutil.iter_modules(module.__path__)}
    for name in getattr(module, "__all__", []):
        value = getattr(module, name)
        if name in submodules:
            assert value is importlib.import_module(f"{package}.{name}"), f"{package}.{name}"


def test_every_exported_name_resolves_and_is_listed():
    assert set(ikm_analysis.__all__) == {*ikm_analysis._EXPORTS, *ikm_analysis._MODULES,
                                         "__version__"}
    for name in ikm_analysis.__all__:
        assert getattr(ikm_analysis, name) is not None
    with pytest.raises(AttributeError):
        ikm_analysis.no_such_name  # noqa: B018


def test_a_metric_module_is_a_module():
    import ikm_analysis.metrics.growth_rates as growth_rates

    assert growth_rates.__name__ == "ikm_analysis.metrics.growth_rates"
    assert callable(growth_rates.growth)


def test_load_clean_measure_draw_in_four_lines():
    import ikm_analysis as ikm
    registry = ikm.process_registry(ikm.sample_registry_path())
    by_category = ikm.metrics.active_units_by_category(registry.clean, 2024)
    chart = ikm.bar_chart(by_category.set_index("category_code")["units"], "Unit aktif", "Unit")
    assert chart.figure.get_suptitle() == "Unit aktif"
    assert int(by_category["units"].sum()) == 3823


@pytest.mark.parametrize("package", PACKAGES[1:])
def test_at_most_eight_modules_at_the_top_and_every_stage_documented(package):
    top = [info.name for info in pkgutil.iter_modules(ikm_analysis.__path__) if not info.ispkg]
    assert len(top) <= 8, top
    assert importlib.import_module(package).__doc__.strip()
