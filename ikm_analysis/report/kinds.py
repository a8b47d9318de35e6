"""The reports there are: which notebook, which parameters, where the output goes.

Example:
    >>> REPORT_KINDS["tahunan"].parameters
    ('year', 'registry_path', 'lang', 'min_cell', 'export_year', 'number_format', 'office')
    >>> notebooks_dir().name
    'notebooks'
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class ReportKind:
    """One notebook and where its report goes.

    Attributes:
        notebook: File name in ``notebooks/``.
        folder: Output folder under the output root; ``{year}`` for yearly reports.
        stem: Name of the HTML and notebook files.
        uses_registry: Whether the notebook reads the registry.
        yearly: Whether one report is built per year.
        parameters: The names its cell tagged ``parameters`` sets, in order.
    """

    notebook: str
    folder: str
    stem: str
    uses_registry: bool
    yearly: bool
    parameters: tuple[str, ...]

    def folder_name(self, year: int | None = None) -> str:
        """The report's folder under an edition root (``2024``, ``umkm_kalteng``)."""
        return self.folder.format(year=year)

    def file_stem(self, year: int | None = None) -> str:
        """The name of the report's HTML, PDF and notebook files without the suffix."""
        return self.stem.format(year=year)

    def page(self, root: Path, year: int | None = None) -> Path:
        """The report's HTML page under the edition root ``root``.

        Example:
            >>> REPORT_KINDS["tahunan"].page(Path("reports"), 2024).as_posix()
            'reports/2024/laporan_ikm_2024.html'
        """
        return root / self.folder_name(year) / f"{self.file_stem(year)}.html"


REPORT_KINDS: dict[str, ReportKind] = {
    "tahunan": ReportKind("laporan_tahunan_ikm.ipynb", "{year}", "laporan_ikm_{year}", True, True,
                          ("year", "registry_path", "lang", "min_cell", "export_year",
                           "number_format", "office")),
    "umkm_kalteng": ReportKind("pertumbuhan_umkm_kalteng.ipynb", "umkm_kalteng",
                               "pertumbuhan_umkm_kalteng", False, False, ("lang",)),
    "kualitas_data": ReportKind("kualitas_data_registri.ipynb", "kualitas_data",
                                "kualitas_data_registri", True, False,
                                ("registry_path", "lang", "export_year", "number_format",
                                 "office")),
}


def download_names(stem: str) -> tuple[str, str]:
    """File names of a report's workbook and CSV zip (:mod:`ikm_analysis.report.downloads`).

    Example:
        >>> download_names("laporan_ikm_2024")
        ('laporan_ikm_2024_tabel.xlsx', 'laporan_ikm_2024_tabel_csv.zip')
    """
    return f"{stem}_tabel.xlsx", f"{stem}_tabel_csv.zip"


def report_files(stem: str) -> tuple[str, ...]:
    """The names of every file a report writes into its folder.

    Example:
        >>> report_files("pertumbuhan_umkm_kalteng")[:2]
        ('pertumbuhan_umkm_kalteng.html', 'pertumbuhan_umkm_kalteng.pdf')
    """
    return (f"{stem}.html", f"{stem}.pdf", f"{stem}.ipynb", *download_names(stem),
            "key_figures.json", "provenance.json")


def notebooks_dir() -> Path:
    """The folder with the report notebooks (``notebooks/`` of a checkout, or inside a wheel).

    Raises:
        FileNotFoundError: Neither exists.
    """
    for candidate in (_PACKAGE_DIR / "notebooks", _PACKAGE_DIR.parent / "notebooks"):
        if (candidate / REPORT_KINDS["tahunan"].notebook).is_file():
            return candidate
    raise FileNotFoundError("report notebooks not found: expected notebooks/ beside the package")
