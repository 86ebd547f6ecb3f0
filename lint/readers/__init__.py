"""Readers: one module per input format, each turning source text into a Document."""

from __future__ import annotations

import codecs
import importlib
from collections.abc import Callable
from dataclasses import replace
from pathlib import PurePath
from typing import Protocol

from lint.document import Document
from lint.errors import InputError

Reader = Callable[[str, str], Document]

#: Format → the module whose ``read`` builds its Documents. An explicit registry: adding
#: a format is one module, one line. Modules load on first use (markdown-it costs start-up).
FORMATS: dict[str, str] = {
    "text": "lint.readers.plain",
    "markdown": "lint.readers.markdown",
    "html": "lint.readers.html",
    "docx": "lint.readers.docx",
    "odt": "lint.readers.odt",
}
#: File extension → format.
SUFFIXES: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    # A legacy Word file is named so that it is reported (save as .docx), not skipped.
    ".doc": "docx",
    ".odt": "odt",
}

SUPPORTED_SUFFIXES = frozenset(SUFFIXES)
#: Formats read from their bytes by the module's ``read_bytes`` (packages, not text).
BINARY_FORMATS = frozenset({"docx", "odt"})
#: Formats without lines: ``line`` is the paragraph and ``column`` the character in it.
PARAGRAPH_FORMATS = BINARY_FORMATS
#: Copies sglint writes (``--annotate``): skipped when walking a folder.
ANNOTATED_SUFFIX = ".sglint.docx"


def format_for(path: str) -> str | None:
    return SUFFIXES.get(PurePath(path).suffix.lower())


def reader(fmt: str) -> Reader:
    read: Reader = importlib.import_module(FORMATS[fmt]).read
    return read


def looks_binary(data: bytes) -> bool:
    """NUL bytes mean binary (git and grep use the same test), except in UTF-16 or
    UTF-32 text, with a byte-order mark or without: those are read and refused with a
    message by ``decode``, never skipped as binary without a word."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    return b"\x00" in data[:8192] and _wide_without_bom(data) is None


_BOMS_32 = ((codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"))


def _wide_without_bom(data: bytes) -> str | None:
    """ "UTF-16" or "UTF-32" when text looks wide but has no byte-order mark: its NUL
    bytes fall in the places the high bytes of ASCII characters would."""
    sample = data[:8192]
    if len(sample) < 4:
        return None
    for width, name in ((4, "UTF-32"), (2, "UTF-16")):
        usable = len(sample) - len(sample) % width
        units = [sample[i : i + width] for i in range(0, usable, width)]
        for keep in (0, width - 1):  # little-endian: text byte first; big: last
            ascii_like = sum(
                1
                for u in units
                if u[keep] != 0 and all(b == 0 for j, b in enumerate(u) if j != keep)
            )
            if ascii_like >= 0.9 * len(units):
                return name
    return None


def decode(data: bytes, path: str) -> tuple[str, str, tuple[str, ...]]:
    """Decode file bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252.

    UTF-32 and UTF-16 without a byte-order mark are refused with a message. A file that
    is UTF-8 but for a few bad bytes (it has valid multi-byte characters) is refused at
    the first bad byte, never read as Windows-1252 (which --fix would then write back).
    Returns (text, encoding, notices). The encoding name is what --fix writes back with.
    """
    for bom, name in _BOMS_32:  # before UTF-16: the UTF-32 LE mark starts like its mark
        if data.startswith(bom):
            raise InputError(f"{name} text is not supported; save the file as UTF-8", path=path)
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig", ()
        except UnicodeDecodeError as exc:
            raise _undecodable(data, exc, path) from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16", (f"{path}: decoded as UTF-16",)
        except UnicodeDecodeError as exc:
            raise _undecodable(data, exc, path) from None
    wide = _wide_without_bom(data) if b"\x00" in data[:8192] else None
    if wide is not None:
        raise InputError(
            f"looks like {wide} text without a byte-order mark; save the file as UTF-8",
            path=path,
        )
    try:
        return data.decode("utf-8"), "utf-8", ()
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if _has_utf8_characters(data):
        raise _undecodable(data, utf8_error, path) from None
    # Word exports are commonly Windows-1252; it maps all but five byte values.
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise _undecodable(data, utf8_error, path) from None
    return text, "cp1252", (f"{path}: not UTF-8; decoded as Windows-1252",)


def _has_utf8_characters(data: bytes) -> bool:
    """Whether the bytes hold any valid multi-byte UTF-8 character: then the file is
    UTF-8 with a few bad bytes, not Windows-1252 (where such pairs almost never occur)."""
    text = data.decode("utf-8", errors="surrogateescape")
    return any(c > "\x7f" and not "\udc80" <= c <= "\udcff" for c in text)


def _undecodable(data: bytes, exc: UnicodeDecodeError, path: str) -> InputError:
    line = data.count(b"\n", 0, exc.start) + 1
    return InputError(
        f"cannot decode byte 0x{data[exc.start]:02x} as {exc.encoding}", path=path, line=line
    )


def read_text(path: str, source: str, fmt: str | None = None) -> Document:
    """Build a Document from already-decoded text; ``fmt`` overrides the extension."""
    if fmt is None:
        fmt = format_for(path) or "text"
    if fmt not in FORMATS:
        raise InputError(f"unknown input format {fmt!r}", path=path)
    return reader(fmt)(path, source)


def read_bytes(path: str, data: bytes, fmt: str | None = None) -> Document:
    fmt = fmt or format_for(path)
    if fmt in BINARY_FORMATS:
        package: Callable[[str, bytes], Document] = importlib.import_module(FORMATS[fmt]).read_bytes
        return package(path, data)
    if looks_binary(data):
        raise InputError("binary file, not a text document", path=path)
    text, encoding, notices = decode(data, path)
    doc = read_text(path, text, fmt)
    if encoding == "utf-8" and not notices:
        return doc
    from dataclasses import replace

    return replace(doc, encoding=encoding, notices=(*notices, *doc.notices))


def reread(doc: Document, text: str) -> Document:
    """The document for ``text`` (a fixed version of ``doc``), read as ``doc`` was: same
    format, encoding and notices."""
    return replace(read_text(doc.path, text, doc.fmt), encoding=doc.encoding, notices=doc.notices)


class Reading(Protocol):
    """How a project reads its files: the first time, and again after a fix."""

    def read(self, path: str, data: bytes) -> Document: ...

    def reread(self, doc: Document, text: str) -> Document: ...


class AsIs:
    """Reading each file by its extension, with nothing more (sglint's own projects)."""

    def read(self, path: str, data: bytes) -> Document:
        return read_bytes(path, data)

    def reread(self, doc: Document, text: str) -> Document:
        return reread(doc, text)
