"""Every word the package prints, in Indonesian (the default) and English: a catalogue each.

The texts live in ``id.po`` and ``en.po`` beside this module, gettext catalogues that translators'
tools (Poedit, Weblate) open as they are. Each entry's ``msgid`` is a stable key such as
``section_categories`` rather than the English sentence, because neither language is the
source of the other; a comment above each entry says where it appears and what its fields in
braces are. :func:`text` looks a key up and fills the fields in. Numbers are formatted before
they are filled in (:mod:`ikm_analysis.i18n.formatting`).

An unknown language is always the same error, :class:`UnknownLanguageError`, raised by
:func:`check_lang`, which every function taking ``lang`` calls.

Example:
    >>> text("section_categories", "id")
    'Unit IKM menurut kategori produk'
    >>> text("yearly_title", "en", year=2024)
    'IKM report, Kota Palangka Raya, 2024'
    >>> check_lang("fr")
    Traceback (most recent call last):
    ...
    ikm_analysis.exceptions.UnknownLanguageError: unknown language 'fr'; use 'id' ...
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

__all__ = ["LANGS", "Lang", "UnknownLanguageError", "catalogue", "check_lang", "text", "texts"]

from ikm_analysis.exceptions import UnknownLanguageError

Lang = Literal["id", "en"]
#: The report languages, the default first.
LANGS: tuple[str, ...] = ("id", "en")
_FOLDER = Path(__file__).resolve().parent


def check_lang(lang: object) -> str:
    """``lang`` itself when it is a report language; raise :class:`UnknownLanguageError` if not.

    Example:
        >>> check_lang("en")
        'en'
    """
    if lang not in LANGS:
        raise UnknownLanguageError("unknown_language", language=repr(lang))
    return str(lang)


@cache
def catalogue(lang: str) -> dict[str, str]:
    """Every key of one language's catalogue with its text.

    Raises:
        UnknownLanguageError: For a language other than ``id`` and ``en``.

    Example:
        >>> catalogue("id")["total"]
        'Jumlah'
    """
    from babel.messages.pofile import read_po  # imported here: only printing needs it

    check_lang(lang)
    with (_FOLDER / f"{lang}.po").open("rb") as stream:
        messages = read_po(stream, locale=lang)
    return {str(message.id): str(message.string) for message in messages if message.id}


def text(key: str, lang: str = "id", **values: object) -> str:
    """The text of ``key`` in ``lang`` with ``values`` filled into its fields.

    Args:
        key: A key of the catalogues, e.g. ``section_categories``.
        lang: ``"id"`` or ``"en"``.
        **values: The fields the text names in braces, already formatted.

    Raises:
        UnknownLanguageError: For a language other than ``id`` and ``en``.
        KeyError: For a key neither catalogue has, or a field not given.
    """
    template = catalogue(check_lang(lang))[key]
    return template.format(**values) if values else template.format()


def texts(prefix: str, lang: str = "id") -> dict[str, str]:
    """Every key starting with ``prefix``, without it, with its text (e.g. all ``caveat_``).

    Example:
        >>> sorted(texts("qualifier_", "en"))[:2]
        ['approximate', 'as_printed_inconsistent']
    """
    return {key[len(prefix):]: value for key, value in catalogue(check_lang(lang)).items()
            if key.startswith(prefix)}
