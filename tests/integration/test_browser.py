"""The built reports in a real browser: headless Chromium at a desktop and a phone width.

Chromium is Debian's ``chromium`` (``.ci/run`` installs it when missing); playwright, from the test
extra, drives it through ``executable_path`` and downloads no browser of its own. Without
Chromium these tests skip and say how to install it. The pages are the shared report set
(``built``, tests/integration/conftest.py) and the index written for it; each page is opened once
per width and everything the checks need is read from it then.
"""

from __future__ import annotations

import os
import re
import shutil
from html import escape
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from report_set import REPORT_PAGES, is_a4, pdf_pages

from ikm_analysis.report.build import write_index

WIDTHS = (1280, 390)  # a desktop window, a phone
PAGES = (*(f"{stem}.html" for stem in REPORT_PAGES), "index.html")
NBCONVERT_ALT = "No description has been provided for this image"
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

# What the checks need from one loaded page.
INSPECT = """() => {
  const here = location.href.split('#')[0];
  const contained = (element) => {  // inside a box that scrolls or clips and fits the window
    for (let box = element.parentElement; box && box !== document.body; box = box.parentElement) {
      if (getComputedStyle(box).overflowX !== 'visible'
          && box.getBoundingClientRect().right <= innerWidth + 1) return true;
    }
    return false;
  };
  const wide = Array.from(document.body.querySelectorAll('*'))
    .filter((e) => e.getBoundingClientRect().right > innerWidth + 1 && !contained(e))
    .slice(0, 5)
    .map((e) => `${e.tagName.toLowerCase()}.${e.className}#${e.id}`
                + ` (right edge ${Math.round(e.getBoundingClientRect().right)} px)`);
  return {
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: innerWidth,
    wide: wide,
    narrowestText: Math.min(Infinity, ...Array.from(document.querySelectorAll('td.ikm-text'))
      .map((cell) => cell.getBoundingClientRect().width
                     / parseFloat(getComputedStyle(cell).fontSize))),
    images: Array.from(document.images).map((img) => ({
      src: (img.getAttribute('src') || '').slice(0, 40), complete: img.complete,
      naturalWidth: img.naturalWidth, alt: img.getAttribute('alt'),
      width: Number(img.getAttribute('width')), shown: img.getBoundingClientRect().width})),
    links: Array.from(document.querySelectorAll('a[href]')).map((a) => {
      const url = new URL(a.href);
      const target = decodeURIComponent(url.hash.slice(1));
      return {href: a.getAttribute('href'), protocol: url.protocol,
              file: url.href.split('#')[0], target: target,
              samePage: url.href.split('#')[0] === here,
              found: target === '' || document.getElementById(target) !== null};
    }),
  };
}"""


def find_chromium() -> str | None:
    """The Chromium to use: ``$IKM_CHROMIUM``, else the first of the usual names on PATH."""
    explicit = os.environ.get("IKM_CHROMIUM")
    if explicit:
        return explicit
    return next((found for name in CHROMIUM_NAMES if (found := shutil.which(name))), None)


@pytest.fixture(scope="module")
def browser():
    executable = find_chromium()
    if executable is None:
        pytest.skip("headless Chromium not found, browser checks not run: install Debian's "
                    "chromium (apt-get install chromium; .ci/run does) or set IKM_CHROMIUM")
    sync_api = pytest.importorskip("playwright.sync_api",
                                   reason="playwright missing: pip install -e '.[test]'")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def site(built, tmp_path_factory) -> Path:
    """A copy of the shared report set with its index, as ``make report`` leaves reports/."""
    root = tmp_path_factory.mktemp("site") / "reports"
    shutil.copytree(built, root, ignore=shutil.ignore_patterns("failed", ".*"))
    write_index(root)
    return root


def _offline(route) -> None:
    """Pages load nothing from the network (the notebook template names two CDN scripts)."""
    if route.request.url.startswith(("file:", "data:")):
        route.continue_()
    else:
        route.abort()


@pytest.fixture(scope="module")
def seen(browser, site) -> dict[tuple[str, int], dict]:
    """What :data:`INSPECT` read from each page at each width."""
    results = {}
    for width in WIDTHS:
        # at phone width as a phone: the page's <meta name="viewport"> decides its layout width
        context = browser.new_context(viewport={"width": width, "height": 900},
                                      is_mobile=width < 800, has_touch=width < 800)
        context.route("**/*", _offline)
        page = context.new_page()
        for name in PAGES:
            page.goto((site / name).as_uri())
            results[name, width] = page.evaluate(INSPECT)
        context.close()
    return results


@pytest.fixture(scope="module")
def printed(browser, site) -> dict[str, bytes]:
    """Each report printed by Chromium to PDF, page size from the print stylesheet."""
    context = browser.new_context()
    context.route("**/*", _offline)
    page = context.new_page()
    pdfs = {}
    for stem in REPORT_PAGES:
        page.goto((site / f"{stem}.html").as_uri())
        pdfs[stem] = page.pdf(prefer_css_page_size=True)
    context.close()
    return pdfs


EVERY_VIEW = pytest.mark.parametrize(("name", "width"),
                                     [(name, width) for name in PAGES for width in WIDTHS])


@EVERY_VIEW
def test_nothing_is_wider_than_the_window(seen, name, width):
    view = seen[name, width]
    assert view["scrollWidth"] <= view["innerWidth"], \
        f"{name} scrolls sideways at {width} px: {view['wide']}"


@pytest.mark.parametrize("name", [*(f"{stem}.html" for stem in REPORT_PAGES), "index.html"])
def test_a_phone_lays_the_page_out_at_its_own_width(seen, name):
    assert seen[name, 390]["innerWidth"] == 390  # not zoomed out from a 980 px desktop layout


@EVERY_VIEW
def test_every_image_loads(seen, name, width):
    broken = [image["src"] for image in seen[name, width]["images"]
              if not (image["complete"] and image["naturalWidth"] > 0)]
    assert broken == []


@pytest.mark.parametrize("name", [f"{stem}.html" for stem in REPORT_PAGES
                                  if not stem.startswith("kualitas_data")])  # no figures
def test_figure_text_is_legible_on_a_phone(seen, name):
    from ikm_analysis.report.charts import SMALL_TEXT_SIZE

    figures = [image for image in seen[name, 390]["images"] if image["width"]]
    assert figures
    # a figure's smallest text, in CSS pixels as the phone shows the figure
    smallest = {round(SMALL_TEXT_SIZE * 96 / 72 * image["shown"] / image["width"], 1)
                for image in figures}
    assert min(smallest) >= 11, smallest


@pytest.mark.parametrize("name", [f"{stem}.html" for stem in REPORT_PAGES])
def test_table_labels_keep_a_readable_width_on_a_phone(seen, name):
    # not a word per line: a column of words stays 10em wide and the table scrolls in its box
    assert seen[name, 390]["narrowestText"] >= 10


def test_every_image_has_a_description(seen):
    undescribed = [(name, image["src"]) for name in PAGES for image in seen[name, 1280]["images"]
                   if not (image["alt"] or "").strip() or image["alt"] == NBCONVERT_ALT]
    assert undescribed == []


def _target_exists(file: str, target: str) -> bool:
    path = Path(unquote(urlparse(file).path))
    if not path.is_file():
        return False
    return not target or re.search(f'id="{re.escape(escape(target))}"',
                                   path.read_text(encoding="utf-8")) is not None


@EVERY_VIEW
def test_every_internal_link_resolves(seen, name, width):
    links = [link for link in seen[name, width]["links"] if link["protocol"] == "file:"]
    broken = [link["href"] for link in links
              if not (link["found"] if link["samePage"] else
                      _target_exists(link["file"], link["target"]))]
    assert broken == []


def test_the_index_links_every_report(seen):
    linked = {link["href"] for link in seen["index.html", 1280]["links"]}
    assert linked >= {f"{stem}.html" for stem in REPORT_PAGES}


@pytest.mark.parametrize("stem", REPORT_PAGES)
def test_chromium_prints_each_report_on_a4_pages(printed, stem):
    pages = pdf_pages(printed[stem])
    assert pages
    synthetic = not stem.startswith("umkm_kalteng")
    for number, (width, height, text) in enumerate(pages, 1):
        assert is_a4(width, height), (number, width, height)
        assert f"{number} / {len(pages)}" in text, number
        assert ("DATA SINTETIS" in text) == synthetic, number


def test_the_checks_see_a_page_too_wide_a_broken_image_and_a_dead_link(browser, tmp_path):
    (tmp_path / "rusak.html").write_text(
        '<!DOCTYPE html><html><body><div style="width: 600px">lebar</div>'
        '<img src="tidak_ada.png" alt="peta"><a href="#tidak-ada">ke</a>'
        '<a href="lain.html">lain</a></body></html>', encoding="utf-8")
    context = browser.new_context(viewport={"width": 390, "height": 900})
    page = context.new_page()
    page.goto((tmp_path / "rusak.html").as_uri())
    view = page.evaluate(INSPECT)
    context.close()
    assert view["scrollWidth"] > 390 and view["wide"][0].startswith("div.")
    assert view["images"][0]["naturalWidth"] == 0
    same, other = view["links"]
    assert same["samePage"] and not same["found"]
    assert not other["samePage"] and not _target_exists(other["file"], other["target"])
