"""Gzip streams read so that damage loses as little as possible.

:class:`GzipLines` decompresses (multi-member) gzip in small pieces: when the stream is
damaged half-way, every byte decompressed before the damaged piece has been handed on,
so the lines before it are kept, and the error (E103) says how far reading got.
Python's ``gzip`` module reads ahead 8 KiB or more of compressed input and loses what it
decompressed from it on an error.
"""
from __future__ import annotations

import io
import zlib
from typing import BinaryIO

from ..errors import CorruptInputError

_PIECE = 1024


class GzipLines(io.RawIOBase):
    """A raw binary stream of the decompressed bytes of ``stream`` (wrap it in
    ``io.BufferedReader`` to read lines)."""

    def __init__(self, stream: BinaryIO, name: str) -> None:
        self.stream, self.name = stream, name
        self.inflate = zlib.decompressobj(zlib.MAX_WBITS | 16)
        self.pending = b""
        self.consumed = 0
        self.started = False
        self.done = False

    def readable(self) -> bool:
        return True

    def _fail(self, why: str) -> None:
        self.done = True
        raise CorruptInputError(f"{why} (compressed byte {self.consumed:,})", path=self.name)

    def _more(self) -> bytes:
        while not self.pending and not self.done:
            data = self.inflate.unused_data or self.stream.read(_PIECE)
            if not data:
                if self.started and not self.inflate.eof:
                    self._fail("the gzip stream is cut short")
                self.done = True
                return b""
            if not self.started and data[:2] != b"\x1f\x8b":
                self._fail("not a gzip file")
            if self.inflate.eof:  # the next member of a multi-member file
                if data[:2] != b"\x1f\x8b":
                    if not data.strip(b"\x00"):
                        continue
                    self._fail("bytes after the end of the gzip stream are not gzip")
                self.inflate = zlib.decompressobj(zlib.MAX_WBITS | 16)
            self.started = True
            try:
                self.pending = self.inflate.decompress(data)
            except zlib.error as err:
                self._fail(f"damaged gzip data: {err}")
            self.consumed += len(data) - len(self.inflate.unused_data)
        return self.pending

    def readinto(self, buffer) -> int:  # noqa: ANN001
        data = self._more()
        n = min(len(buffer), len(data))
        buffer[:n] = data[:n]
        self.pending = data[n:]
        return n

    def close(self) -> None:
        self.stream.close()
        super().close()
