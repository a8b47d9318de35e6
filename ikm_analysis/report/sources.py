"""Sources of published figures as a reader sees them: the news outlet and the date, in words.

The bundled table of published figures keeps each source as its collector wrote it: web
addresses, a date in brackets, remarks in English (``citing Antara``). A report prints the
outlets and the date in its own language instead, and lists the addresses once under the table.

Example:
    >>> source = ("https://kalteng.antaranews.com/amp/berita/647217/x ; "
    ...           "https://fbeta.republika.co.id/berita/ry4xha423/y (21 Jul 2023)")
    >>> describe_source(source, "id")
    'Antara Kalteng, Republika (21 Juli 2023)'
    >>> describe_source("https://beritasampit.com/2021/06/24/x/ (24 Jun 2021, citing Antara)", "en")
    'Berita Sampit (24 June 2021), citing Antara'
    >>> describe_source("same; also perkim.id page citing Kota Palangka Raya Dalam Angka 2025")
    'perkim.id, mengutip Kota Palangka Raya Dalam Angka 2025'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlparse

from ikm_analysis.i18n import check_lang, text

#: Web hosts of the bundled sources and the outlet each is.
OUTLETS = {
    "kalteng.antaranews.com": "Antara Kalteng",
    "fbeta.republika.co.id": "Republika",
    "beritasampit.com": "Berita Sampit",
    "kalteng.tribunnews.com": "Tribun Kalteng",
    "adv.kompas.id": "Kompas",
    "perkim.id": "perkim.id",
}
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_URL = re.compile(r"https?://[^\s;()]+")
_BRACKET_DATE = re.compile(r"\((\d{1,2}) ([A-Za-z]{3})[a-z]* (\d{4})")
_BRACKET_YEAR = re.compile(r",\s*(\d{4})\)")
_PATH_DATE = re.compile(r"/(20\d{2})/(\d{2})/(\d{2})/")
_CITING = re.compile(r"citing ([^;)]+)")


def source_addresses(source: str) -> list[str]:
    """The web addresses in a source, in order, each once.

    Example:
        >>> source_addresses("https://a.id/x ; https://b.id/y (1 Jan 2024); also https://a.id/x")
        ['https://a.id/x', 'https://b.id/y']
    """
    return list(dict.fromkeys(_URL.findall(source)))


def _outlet(address: str) -> str:
    host = urlparse(address).netloc.removeprefix("www.")
    return OUTLETS.get(host, host)


def _date(source: str, lang: str) -> str | None:
    for pattern in (_BRACKET_DATE, _PATH_DATE):
        match = pattern.search(source)
        if match is None:
            continue
        if pattern is _BRACKET_DATE:
            day, month_name, year = match.groups()
            month = _MONTHS.index(month_name.lower()[:3]) + 1
        else:
            year, month, day = match.groups()
        return f"{int(day)} {text(f'month_{int(month)}', lang)} {year}"
    match = _BRACKET_YEAR.search(source)
    return match.group(1) if match else None


def describe_source(source: str, lang: str = "id") -> str:
    """The outlets of a source and its date, in the report's language.

    Args:
        source: A source as the bundled table holds it.
        lang: ``"id"`` or ``"en"``.

    Returns:
        Outlets joined by commas, the date in brackets when the source gives one, and who the
        outlet cites; the source unchanged when it names no known outlet or web address.
    """
    check_lang(lang)
    named = [_outlet(address) for address in source_addresses(source)]
    named += [outlet for host, outlet in OUTLETS.items()
              if re.search(rf"(?<![\w./]){re.escape(host)}", source)]  # named without an address
    if not named:
        return source
    outlets = ", ".join(dict.fromkeys(named))
    date = _date(source, lang)
    described = f"{outlets} ({date})" if date else outlets
    citing = _CITING.search(source)
    if citing:
        described += ", " + text("source_citing", lang, name=citing.group(1).strip())
    return described


def addresses_note(sources: Iterable[str], lang: str = "id") -> str | None:
    """One sentence listing every address of ``sources``, for under a table.

    Example:
        >>> addresses_note(["https://a.id/x (1 Jan 2024)", "https://a.id/x"], "en")
        'Source addresses: https://a.id/x'
    """
    addresses = list(dict.fromkeys(address for source in sources
                                   for address in source_addresses(source)))
    if not addresses:
        return None
    return text("source_addresses", lang, addresses=" · ".join(addresses))
