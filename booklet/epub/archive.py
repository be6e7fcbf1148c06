"""Zip an EPUB's files the same way every time: mimetype first and stored, fixed times, order and compression."""

from __future__ import annotations

import io
import zipfile

# Zip times start in 1980; one fixed time for every entry, so the same files give the same bytes.
FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def epub_zip(files: list[tuple[str, bytes]]) -> bytes:
    """The OCF container: `mimetype` first and uncompressed, then META-INF/container.xml, then the
    files in the order given (the caller's order is fixed), each deflated at one fixed level."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        _add(archive, "mimetype", b"application/epub+zip", zipfile.ZIP_STORED)
        _add(archive, "META-INF/container.xml", CONTAINER, zipfile.ZIP_DEFLATED)
        for name, data in files:
            _add(archive, name, data, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def _add(archive: zipfile.ZipFile, name: str, data: bytes, method: int) -> None:
    info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
    info.compress_type = method
    info.external_attr = 0o644 << 16
    info.create_system = 3            # Unix, whatever system builds it
    archive.writestr(info, data, compress_type=method, compresslevel=9 if method == zipfile.ZIP_DEFLATED else None)


CONTAINER = b"""<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
"""
