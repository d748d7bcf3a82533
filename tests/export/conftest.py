"""Shared pieces of the export tests: a trained lesson, and PNG/PDF readers."""
import struct
import zlib

import pytest

from simulator.document import lessons


@pytest.fixture(scope="module")
def xor_state(qapp):
    """The xor lesson after a few epochs of seeded training (headless, no window)."""
    from simulator.export import trained_state
    _, state = trained_state(lessons.load_lesson("xor"), lessons.LESSONS_DIR, 20)
    return state


def png_chunks(data: bytes) -> dict[bytes, bytes]:
    """The PNG's chunks by type (the first of each), CRCs checked."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    out, pos = {}, 8
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        crc, = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])
        assert crc == zlib.crc32(kind + body) & 0xFFFFFFFF
        out.setdefault(kind, body)
        pos += 12 + length
    return out


def png_dpi(data: bytes) -> tuple[float, float]:
    """The resolution the pHYs chunk records, in dots per inch."""
    x, y, unit = struct.unpack(">IIB", png_chunks(data)[b"pHYs"])
    assert unit == 1, "pHYs in metres"
    return x * 0.0254, y * 0.0254
