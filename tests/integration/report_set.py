"""The small report set the integration tests build: its year, pages and fake personal data."""

from __future__ import annotations

import os
from pathlib import Path

from ikm_analysis.report.build import build_reports, plan_reports

YEAR = 2024
QUARANTINED_OWNER, QUARANTINED_NIK = "Pemilik Karantina Unik", "0099999999999999"
#: Each report of the set as folder/stem (its page is <stem>.html, its PDF <stem>.pdf).
REPORT_PAGES = (f"{YEAR}/laporan_ikm_{YEAR}", "umkm_kalteng/pertumbuhan_umkm_kalteng",
                "kualitas_data/kualitas_data_registri")


def build(registry_file: Path, out: Path, cache_dir: Path | None = None, force: bool = False,
          **options) -> list:
    """Build the reports of ``YEAR`` from ``registry_file`` into ``out``, quietly.

    With ``cache_dir`` the registry is read once for all reports (the kernels read the cache),
    as ``ikm-report build`` does; without, each kernel reads the file.
    """
    jobs = plan_reports(registry_file, years=[YEAR], export_year=2024, out_root=out,
                        cache_dir=cache_dir, **options)
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = "1764633600"  # one build date, even across midnight
    try:
        return build_reports(jobs, workers=2, report=lambda line: None, cell_progress=False,
                             force=force, cache_dir=cache_dir)
    finally:
        if before is None:
            os.environ.pop("SOURCE_DATE_EPOCH")
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before


def pdf_pages(pdf: Path | bytes) -> list[tuple[float, float, str]]:
    """Width and height (pt) and text of every page of a PDF file or of PDF bytes."""
    import io

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf)
    return [(float(page.mediabox.width), float(page.mediabox.height), page.extract_text())
            for page in reader.pages]


def is_a4(width: float, height: float) -> bool:
    """Whether a page is A4 portrait (210 × 297 mm = 595.3 × 841.9 pt), to within 1 pt."""
    return abs(width - 595.28) < 1 and abs(height - 841.89) < 1
