"""Small hostile files never make gantuner allocate what their size does not justify,
and unreadable images are reported, not skipped silently."""

from __future__ import annotations

import gzip
import io
import os
import pickle
import resource
import struct
import zipfile
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from gantuner.data.errors import DataError
from gantuner.data.files import load_images_with_report
from gantuner.data.limits import MAX_ARRAY_BYTES
from gantuner.data.numpy_files import load_npy
from gantuner.data.safe_pickle import restricted_loads

from .helpers import run_cli as _cli


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _grows_less_than(mb: float, action) -> DataError:
    """Run ``action`` expecting DataError; the process's peak memory must not grow by ``mb`` or more."""
    before = _peak_rss_mb()
    with pytest.raises(DataError) as caught:
        action()
    assert _peak_rss_mb() - before < mb
    assert "\n" not in str(caught.value)
    return caught.value


def test_a_gzipped_idx_bomb_is_refused_before_it_is_inflated(tmp_path):
    # Header: 200,000 images of 200x200 (8 GB), then 200 MB of zeros: a ~200 kB file.
    path = tmp_path / "train-images-idx3-ubyte.gz"
    with gzip.open(path, "wb", compresslevel=9) as file:
        file.write(b"\x00\x00\x08\x03" + struct.pack(">3I", 200_000, 200, 200))
        zeros = bytes(1 << 20)
        for _ in range(200):
            file.write(zeros)
    assert path.stat().st_size < 1_000_000
    error = _grows_less_than(100, lambda: load_images_with_report(path, 8))
    assert "decompression bomb" in str(error) or "more than gantuner loads" in str(error)


def test_a_gzipped_idx_whose_content_outgrows_its_honest_looking_header_is_refused(tmp_path):
    path = tmp_path / "train-images-idx3-ubyte.gz"
    with gzip.open(path, "wb", compresslevel=9) as file:  # says 10 small images, holds 300 MB
        file.write(b"\x00\x00\x08\x03" + struct.pack(">3I", 10, 28, 28))
        zeros = bytes(1 << 20)
        for _ in range(300):
            file.write(zeros)
    error = _grows_less_than(60, lambda: load_images_with_report(path, 8))
    assert "truncated or damaged" in str(error)


@pytest.mark.parametrize("payload", [
    b"\x80\x02c__builtin__\nbytearray\n\x8a\x05\x00\x00\x00\x80\x00\x85R.",  # bytearray(2**31)
    b"\x80\x02cnumpy\nndarray\n\x8a\x05\x00\x00\x00\x80\x00\x85\x85R.",  # ndarray((2**31,))
    b"\x80\x02cnumpy.core.multiarray\n_reconstruct\ncnumpy\nndarray\n"
    b"\x8a\x05\x00\x00\x00\x80\x00\x85U\x01b\x87R.",  # _reconstruct(ndarray, (2**31,), 'b')
], ids=["bytearray", "ndarray", "reconstruct"])
def test_a_tiny_pickle_cannot_allocate_gigabytes(tmp_path, payload):
    assert len(payload) < 80
    error = _grows_less_than(100, lambda: restricted_loads(payload, tmp_path / "data_batch_1"))
    assert "bytes from a" in str(error)


def test_real_cifar_style_pickles_still_load():
    data = np.arange(2 * 3072, dtype=np.uint8).reshape(2, 3072)
    for protocol in (2, 4, 5):
        blob = pickle.dumps({b"data": data, b"labels": [1, 2], b"extra": bytearray(b"ab")}, protocol=protocol)
        assert np.array_equal(restricted_loads(blob, Path("x"))[b"data"], data)


def _npy_with_shape(path: Path, shape) -> None:
    buffer = io.BytesIO()
    np.save(buffer, np.zeros((2, 8, 8), np.uint8))
    header = np.lib.format.header_data_from_array_1_0(np.zeros((2, 8, 8), np.uint8))
    header["shape"] = shape
    out = io.BytesIO()
    np.lib.format.write_array_header_1_0(out, header)
    path.write_bytes(out.getvalue() + bytes(128))


def test_a_npy_with_a_lying_header_is_refused_before_reading(tmp_path):
    path = tmp_path / "images.npy"
    _npy_with_shape(path, (400_000, 256, 256))  # 26 GB declared, 128 bytes held
    error = _grows_less_than(50, lambda: load_npy(path))
    assert "the file holds 128 bytes" in str(error)
    result = _cli("train", "--dataset", str(path), "--steps", "1", "--quiet", "--out", str(tmp_path / "run"))
    assert result.returncode == 2 and "Traceback" not in result.stderr and "MemoryError" not in result.stderr


def test_a_npz_member_with_a_lying_header_is_refused(tmp_path):
    path = tmp_path / "images.npz"
    member = io.BytesIO()
    header = np.lib.format.header_data_from_array_1_0(np.zeros((2, 8, 8), np.uint8))
    header["shape"] = (400_000, 256, 256)
    np.lib.format.write_array_header_1_0(member, header)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("images.npy", member.getvalue() + bytes(128))
    error = _grows_less_than(50, lambda: load_images_with_report(path, 8))
    assert "images" in str(error) and "128 bytes" in str(error)


def test_an_honest_array_over_the_limit_is_refused_by_its_header(tmp_path, monkeypatch):
    import gantuner.data.limits as limits

    monkeypatch.setattr(limits, "MAX_ARRAY_BYTES", 1000)
    path = tmp_path / "images.npy"
    np.save(path, np.zeros((20, 8, 8), np.uint8))  # 1,280 bytes of data
    with pytest.raises(DataError, match="smaller subset"):
        load_npy(path)
    assert MAX_ARRAY_BYTES == 2 * 1024**3


def test_a_fifo_given_as_data_is_refused_not_waited_on(tmp_path):
    fifo = tmp_path / "data.npy"
    os.mkfifo(fifo)
    result = _cli("train", "--dataset", str(fifo), "--steps", "1", "--quiet", "--out", str(tmp_path / "run"))
    assert result.returncode == 2 and "not a regular file" in result.stderr


def _folder_with_bad_images(tmp_path: Path, bomb_pixels: int) -> Path:
    folder = tmp_path / "faces"
    folder.mkdir()
    for index in range(4):
        Image.new("L", (12, 12), 40 * index).save(folder / f"ok_{index}.png")
    (folder / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\nnot really")
    # A decompression bomb: small on disk, over Pillow's pixel limit (which Pillow only warns about).
    side = int((bomb_pixels * 1.5) ** 0.5)
    Image.new("1", (side, side)).save(folder / "bomb.png", optimize=True)
    return folder


def test_unreadable_and_bomb_images_are_reported_with_names_and_reasons(tmp_path, monkeypatch, recwarn):
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 10_000)  # Pillow's own check, at a small scale
    folder = _folder_with_bad_images(tmp_path, Image.MAX_IMAGE_PIXELS)
    images, report = load_images_with_report(folder, 8)
    assert len(images) == 4
    reasons = {s.path.name: s.reason for s in report.skipped}
    assert set(reasons) == {"broken.png", "bomb.png"}
    assert "decompression bomb" in reasons["bomb.png"].en and "解凍爆弾" in reasons["bomb.png"].ja
    summary = report.summary()
    assert "Skipped 2" in summary and "bomb.png" in summary and "broken.png" in summary
    assert "個" in report.summary("ja") and "bomb.png" in report.summary("ja")
    assert not [w for w in recwarn if issubclass(w.category, Image.DecompressionBombWarning)]


@pytest.mark.slow
def test_train_tells_which_images_it_skipped_and_never_prints_pillows_warning(tmp_path):
    folder = _folder_with_bad_images(tmp_path, Image.MAX_IMAGE_PIXELS)  # a real 134-megapixel bomb
    assert (folder / "bomb.png").stat().st_size < 2_000_000
    result = _cli("train", "--dataset", str(folder), "--set", "image_size=8", "--steps", "1", "--quiet",
                  "--out", str(tmp_path / "run"))
    assert result.returncode == 0, result.stderr
    assert "Skipped 2 unreadable image(s)" in result.stderr and "bomb.png" in result.stderr
    assert "DecompressionBombWarning" not in result.stderr  # not Pillow's raw warning


def test_escape_sequences_in_a_file_name_never_reach_the_terminal(tmp_path):
    hostile = tmp_path / "x\x1b]0;pwned\x07\x1b[2J.npy"
    hostile.write_bytes(b"\x93NUMPY garbage")
    result = _cli("train", "--dataset", str(hostile), "--steps", "1", "--quiet", "--out", str(tmp_path / "r"))
    assert result.returncode == 2
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "\\x1b" in result.stderr
