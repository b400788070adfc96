"""User data files: every format loads from small files written here, and bad input says what is wrong."""

from __future__ import annotations

import gzip
import io
import os
import pickle
import pickletools
import struct
import subprocess
import sys
import tarfile
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from gantuner.data.errors import DataError
from gantuner.data.files import detect_format, load_image_source, load_images_with_report, load_points_source

# ---------------------------------------------------------------- writers

def write_idx_images(path: Path, images: np.ndarray, compress: bool = False) -> Path:
    count, rows, cols = images.shape
    raw = b"\x00\x00\x08\x03" + struct.pack(">3I", count, rows, cols) + images.astype(np.uint8).tobytes()
    path.write_bytes(gzip.compress(raw) if compress else raw)
    return path


def solid_digits(count: int, size: int = 28) -> np.ndarray:
    """Image i is filled with the value 40 * i + 10."""
    return np.stack([np.full((size, size), 40 * i + 10, dtype=np.uint8) for i in range(count)])


def cifar_batch(colours: list[tuple[int, int, int]]) -> np.ndarray:
    """uint8 [N, 3072] rows of solid 32x32 images, laid out as CIFAR stores them (R, G, B planes)."""
    rows = [np.concatenate([np.full(1024, c, dtype=np.uint8) for c in colour]) for colour in colours]
    return np.stack(rows)


def write_cifar_batch(path: Path, data: np.ndarray, protocol: int = 2, bytes_keys: bool = True) -> Path:
    key = (lambda k: k.encode()) if bytes_keys else (lambda k: k)
    batch = {key("batch_label"): key("training batch 1 of 5"), key("labels"): list(range(len(data))),
             key("data"): data}
    path.write_bytes(pickle.dumps(batch, protocol=protocol))
    return path


# ---------------------------------------------------------------- MNIST IDX

def test_idx_plain_file_loads_resized_with_values_kept(tmp_path):
    path = write_idx_images(tmp_path / "train-images-idx3-ubyte", solid_digits(5))
    assert detect_format(path) == "idx"
    images, report = load_images_with_report(path, 16)
    assert images.shape == (5, 1, 16, 16) and images.dtype == np.uint8
    assert [int(v) for v in images[:, 0, 8, 8]] == [10, 50, 90, 130, 170]
    assert (images == images[:, :, :1, :1]).all()  # a flat image stays flat after resizing
    assert report.format == "idx" and report.count == 5 and report.source_size == (28, 28)


def test_idx_at_native_size_is_exact_and_writable(tmp_path):
    digits = np.random.default_rng(0).integers(0, 256, (3, 28, 28), dtype=np.uint8)
    images = load_image_source(write_idx_images(tmp_path / "digits.idx", digits), 28)
    np.testing.assert_array_equal(images[:, 0], digits)
    images[0, 0, 0, 0] = 7  # callers may normalise in place


def test_idx_gz_in_a_folder_prefers_training_images(tmp_path):
    raw = tmp_path / "MNIST" / "raw"
    raw.mkdir(parents=True)
    write_idx_images(raw / "train-images-idx3-ubyte.gz", solid_digits(4), compress=True)
    write_idx_images(raw / "t10k-images-idx3-ubyte.gz", solid_digits(2), compress=True)
    assert detect_format(tmp_path) == "idx"
    images, report = load_images_with_report(tmp_path, 32, channels=3)
    assert images.shape == (4, 3, 32, 32)
    assert "train-images" in report.source_files[0]
    assert (images[3] == 130).all()


def test_idx_labels_file_says_give_the_images_file(tmp_path):
    path = tmp_path / "train-labels-idx1-ubyte"
    path.write_bytes(b"\x00\x00\x08\x01" + struct.pack(">I", 3) + bytes([1, 2, 3]))
    with pytest.raises(DataError, match="labels file; give the images file") as caught:
        load_image_source(path, 16)
    assert "train-labels-idx1-ubyte" in str(caught.value)


def test_idx_truncated_file_names_sizes(tmp_path):
    path = write_idx_images(tmp_path / "cut-images-idx3-ubyte", solid_digits(3))
    path.write_bytes(path.read_bytes()[:-100])
    with pytest.raises(DataError, match="truncated") as caught:
        load_image_source(path, 16)
    message = str(caught.value)
    assert "cut-images-idx3-ubyte" in message and "2352 bytes" in message and "2252" in message


def test_damaged_gzip_is_a_data_error(tmp_path):
    digits = np.random.default_rng(1).integers(0, 256, (20, 28, 28), dtype=np.uint8)
    path = write_idx_images(tmp_path / "train-images-idx3-ubyte.gz", digits, compress=True)
    path.write_bytes(path.read_bytes()[:-40])  # lose the end of the stream and the CRC
    with pytest.raises(DataError, match="gzip") as caught:
        load_image_source(path, 16)
    assert "train-images-idx3-ubyte.gz" in str(caught.value)


# ---------------------------------------------------------------- CIFAR-10

@pytest.mark.parametrize("protocol,bytes_keys", [(2, True), (4, False), (5, False)])
def test_cifar_batch_file_loads_colours(tmp_path, protocol, bytes_keys):
    colours = [(255, 0, 0), (0, 255, 0), (10, 20, 30)]
    path = write_cifar_batch(tmp_path / "data_batch_1", cifar_batch(colours), protocol, bytes_keys)
    assert detect_format(path) == "cifar10"
    images = load_image_source(path, 16)
    assert images.shape == (3, 3, 16, 16) and images.dtype == np.uint8
    assert [tuple(int(v) for v in images[i, :, 5, 9]) for i in range(3)] == colours


def test_cifar_folder_concatenates_training_batches_in_number_order(tmp_path):
    folder = tmp_path / "cifar-10-batches-py"
    folder.mkdir()
    write_cifar_batch(folder / "data_batch_2", cifar_batch([(0, 0, 2)] * 2))
    write_cifar_batch(folder / "data_batch_1", cifar_batch([(0, 0, 1)] * 3))
    write_cifar_batch(folder / "test_batch", cifar_batch([(0, 0, 9)]))
    (folder / "batches.meta").write_bytes(pickle.dumps({b"label_names": [b"cat"]}, protocol=2))
    assert detect_format(tmp_path) == "cifar10"  # the folder above also works
    images, report = load_images_with_report(tmp_path, 32, channels=1)
    assert images.shape == (5, 1, 32, 32)
    # Grey from (0, 0, b) with Pillow's weights: round(0.114 * b) is 0 for these; check blue instead.
    colour = load_image_source(folder, 32)
    assert [int(v) for v in colour[:, 2, 0, 0]] == [1, 1, 1, 2, 2]
    assert [Path(f).name for f in report.source_files] == ["data_batch_1", "data_batch_2"]


def test_cifar_downloaded_tar_gz_is_read_in_memory(tmp_path):
    batch = pickle.dumps({b"data": cifar_batch([(7, 8, 9)] * 2), b"labels": [0, 1]}, protocol=2)
    archive = tmp_path / "cifar-10-python.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        info = tarfile.TarInfo("cifar-10-batches-py/data_batch_1")
        info.size = len(batch)
        tar.addfile(info, io.BytesIO(batch))
    assert detect_format(archive) == "cifar10"
    images = load_image_source(archive, 8)
    assert images.shape == (2, 3, 8, 8) and tuple(images[1, :, 3, 3]) == (7, 8, 9)
    assert not (tmp_path / "cifar-10-batches-py").exists()  # nothing unpacked to disk


class _RunsShell:
    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return os.system, (f"touch '{self.marker}'",)


def test_malicious_pickle_is_refused_and_does_not_run(tmp_path):
    marker = tmp_path / "pwned"
    path = tmp_path / "data_batch_1"
    payload = pickle.dumps({b"data": _RunsShell(marker)}, protocol=2)
    # The payload really names os.system (posix.system on Linux): plain pickle.load would run it.
    globals_named = [arg for op, arg, _ in pickletools.genops(payload) if op.name == "GLOBAL"]
    assert any(str(arg).endswith("system") for arg in globals_named)
    path.write_bytes(payload)
    with pytest.raises(DataError, match=r"refusing to load .* asks to run code: \w+\.system") as caught:
        load_image_source(path, 16)
    assert "data_batch_1" in str(caught.value)
    assert not marker.exists()


def test_pickle_of_other_classes_is_refused(tmp_path):
    path = tmp_path / "test_batch"
    path.write_bytes(pickle.dumps({"data": Path("x")}, protocol=4))
    with pytest.raises(DataError, match="asks to run code: pathlib"):
        load_image_source(path, 16)


def test_cifar_batch_without_data_or_with_wrong_shape(tmp_path):
    no_data = tmp_path / "data_batch_1"
    no_data.write_bytes(pickle.dumps({b"labels": [1, 2]}, protocol=2))
    with pytest.raises(DataError, match="no 'data' array.*labels") as caught:
        load_image_source(no_data, 16)
    assert "data_batch_1" in str(caught.value)
    wrong = write_cifar_batch(tmp_path / "data_batch_2", np.zeros((4, 100), dtype=np.uint8))
    with pytest.raises(DataError, match=r"data_batch_2.*\[4, 100\]"):
        load_image_source(wrong, 16)


def test_truncated_pickle_is_a_data_error(tmp_path):
    path = write_cifar_batch(tmp_path / "data_batch_1", cifar_batch([(1, 2, 3)] * 4))
    path.write_bytes(path.read_bytes()[:-500])
    with pytest.raises(DataError, match="not a readable CIFAR-10 batch") as caught:
        load_image_source(path, 16)
    assert "data_batch_1" in str(caught.value)


# ---------------------------------------------------------------- .npy / .npz

def test_npy_layouts_and_value_rules(tmp_path):
    grey = np.full((2, 20, 20), 0.5, dtype=np.float32)  # 0..1 floats
    np.save(tmp_path / "grey.npy", grey)
    images, report = load_images_with_report(tmp_path / "grey.npy", 10)
    assert images.shape == (2, 1, 10, 10) and (images == 128).all() and report.value_rule == "0..1"

    nchw = np.full((3, 3, 12, 12), -1.0)  # -1..1 floats in [N, C, H, W]
    nchw[:, 0] = 1.0
    np.save(tmp_path / "nchw.npy", nchw)
    images = load_image_source(tmp_path / "nchw.npy", 12)
    assert images.shape == (3, 3, 12, 12)
    assert tuple(images[0, :, 0, 0]) == (255, 0, 0)

    nhwc = np.zeros((1, 8, 8, 3), dtype=np.float64)  # 0..255 floats in [N, H, W, C]
    nhwc[..., 1] = 200.0
    np.save(tmp_path / "nhwc.npy", nhwc)
    assert tuple(load_image_source(tmp_path / "nhwc.npy", 16)[0, :, 4, 4]) == (0, 200, 0)


def test_rgba_array_drops_alpha_onto_black(tmp_path):
    rgba = np.zeros((2, 8, 8, 4), dtype=np.uint8)
    rgba[0] = (255, 255, 255, 255)  # opaque white
    rgba[1] = (90, 180, 30, 0)  # transparent: its colour must not leak in
    np.save(tmp_path / "rgba.npy", rgba)
    images, report = load_images_with_report(tmp_path / "rgba.npy", 8)
    assert images.shape == (2, 3, 8, 8) and report.alpha_composited
    assert (images[0] == 255).all() and (images[1] == 0).all()


def test_array_is_centre_cropped(tmp_path):
    wide = np.zeros((1, 10, 30), dtype=np.uint8)
    wide[:, :, 10:20] = 200  # only the middle square is bright
    np.save(tmp_path / "wide.npy", wide)
    assert (load_image_source(tmp_path / "wide.npy", 10) == 200).all()
    assert (load_image_source(tmp_path / "wide.npy", 5) == 200).all()


def test_npz_picks_the_image_array_by_name_or_shape(tmp_path):
    np.savez(tmp_path / "named.npz", y_train=np.arange(3), x_train=np.full((3, 16, 16), 60, np.uint8))
    assert detect_format(tmp_path / "named.npz") == "npz"
    images, report = load_images_with_report(tmp_path / "named.npz", 8)
    assert images.shape == (3, 1, 8, 8) and (images == 60).all()
    assert report.source_files[0].endswith(":x_train")
    np.savez(tmp_path / "shaped.npz", labels=np.arange(2), pictures=np.full((2, 8, 8, 3), 9, np.uint8))
    assert load_image_source(tmp_path / "shaped.npz", 8).shape == (2, 3, 8, 8)


def test_flattened_rows_read_as_square_grey_images(tmp_path):
    np.save(tmp_path / "flat.npy", np.full((4, 784), 33, np.uint8))
    images = load_image_source(tmp_path / "flat.npy", 14)
    assert images.shape == (4, 1, 14, 14) and (images == 33).all()


def test_channel_conversion_uses_pillow_weights(tmp_path):
    colour = np.zeros((1, 4, 4, 3), np.uint8)
    colour[...] = (200, 100, 50)
    np.save(tmp_path / "c.npy", colour)
    expected = Image.new("RGB", (1, 1), (200, 100, 50)).convert("L").getpixel((0, 0))
    assert (load_image_source(tmp_path / "c.npy", 4, channels=1) == expected).all()


@pytest.mark.parametrize("array,pattern", [
    (np.zeros((100, 2), np.float32), "looks like 2D point data"),
    (np.zeros(50, np.uint8), "shape \\[50\\].*1 dimensions"),
    (np.zeros((5, 7), np.uint8), "not square grey images"),
    (np.zeros((2, 5, 6, 7), np.uint8), "neither the second nor the last axis"),
    (np.zeros((0, 8, 8), np.uint8), "holds no images"),
    (np.full((2, 8, 8), 300.0), "values run from 300 to 300"),
    (np.full((2, 8, 8), np.nan), "NaN"),
    (np.array(["a", "b"] * 32).reshape(1, 8, 8), "type <U1"),
])
def test_unusable_arrays_name_the_file_and_problem(tmp_path, array, pattern):
    path = tmp_path / "mine.npy"
    np.save(path, array)
    with pytest.raises(DataError, match=pattern) as caught:
        load_image_source(path, 16)
    assert "mine.npy" in str(caught.value) and "\n" not in str(caught.value)


def test_object_arrays_are_not_unpickled(tmp_path):
    path = tmp_path / "objects.npy"
    np.save(path, np.array([{"a": 1}, None], dtype=object), allow_pickle=True)
    with pytest.raises(DataError, match="Python objects") as caught:
        load_image_source(path, 16)
    assert "objects.npy" in str(caught.value)


def test_npz_without_images_lists_its_arrays(tmp_path):
    np.savez(tmp_path / "labels.npz", y=np.arange(10))
    with pytest.raises(DataError, match=r"labels.npz: no image array .*y \[10\]"):
        load_image_source(tmp_path / "labels.npz", 16)


def test_truncated_npy_is_a_data_error(tmp_path):
    path = tmp_path / "cut.npy"
    np.save(path, np.zeros((50, 28, 28), np.uint8))
    path.write_bytes(path.read_bytes()[:2000])
    with pytest.raises(DataError, match=r"cut.npy: the header says shape \[50, 28, 28\] of uint8 \(39200 bytes\)"):
        load_image_source(path, 16)


# ---------------------------------------------------------------- image folders

def save_solid(path: Path, mode: str, size: tuple[int, int], colour, **options) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new(mode, size, colour).save(path, **options)


def test_folder_of_mixed_images_loads_recursively_and_reports_skips(tmp_path):
    save_solid(tmp_path / "a.png", "RGB", (64, 48), (200, 30, 60))
    save_solid(tmp_path / "b.jpg", "RGB", (300, 500), (20, 120, 220), quality=95)
    save_solid(tmp_path / "sub" / "c.bmp", "L", (17, 23), 90)
    save_solid(tmp_path / "sub" / "deeper" / "d.gif", "P", (40, 40), 0)
    rgba = Image.new("RGBA", (30, 30), (255, 0, 0, 0))  # transparent red -> black
    rgba.save(tmp_path / "sub" / "e.png")
    (tmp_path / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)
    (tmp_path / "notes.txt").write_text("not an image")
    (tmp_path / "._a.png").write_bytes(b"macOS metadata")  # hidden litter is ignored

    assert detect_format(tmp_path) == "image_folder"
    images, report = load_images_with_report(tmp_path, 16)
    assert images.shape == (5, 3, 16, 16) and images.dtype == np.uint8
    by_order = {name: i for i, name in enumerate(["a", "b", "c", "d", "e"])}  # sorted walk
    assert tuple(images[by_order["a"], :, 8, 8]) == (200, 30, 60)
    assert np.abs(images[by_order["b"], :, 8, 8].astype(int) - (20, 120, 220)).max() <= 3  # JPEG
    assert tuple(images[by_order["c"], :, 8, 8]) == (90, 90, 90)  # grey repeated into colour
    assert (images[by_order["e"]] == 0).all()
    assert [s.path.name for s in report.skipped] == ["broken.png"]
    assert report.ignored_files == 1 and report.source_size is None and report.source_channels == 3
    assert "Skipped 1" in report.summary() and "1 個" in report.summary("ja")


def test_grey_folder_stays_one_channel_and_16_bit_is_scaled(tmp_path):
    save_solid(tmp_path / "x.png", "L", (20, 20), 77)
    Image.fromarray(np.full((20, 20), 65535, np.uint16)).save(tmp_path / "y.png")  # 16-bit grey
    images = load_image_source(tmp_path, 8)
    assert images.shape == (2, 1, 8, 8)
    assert (images[0] == 77).all() and (images[1] == 255).all()
    assert load_image_source(tmp_path, 8, channels=3).shape == (2, 3, 8, 8)


def test_folder_image_is_centre_cropped(tmp_path):
    stripes = np.zeros((20, 60, 3), np.uint8)
    stripes[:, :20] = (255, 0, 0)
    stripes[:, 20:40] = (0, 255, 0)
    stripes[:, 40:] = (0, 0, 255)
    Image.fromarray(stripes).save(tmp_path / "wide.png")
    Image.fromarray(stripes).save(tmp_path / "wide2.png")
    images = load_image_source(tmp_path, 10)
    assert (images[0] == np.array([0, 255, 0], np.uint8)[:, None, None]).all()


def test_folder_with_only_broken_images_names_the_folder(tmp_path):
    folder = tmp_path / "my pictures"
    folder.mkdir()
    (folder / "one.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    with pytest.raises(DataError, match="no readable image.*1 unreadable") as caught:
        load_image_source(folder, 16)
    assert "my pictures" in str(caught.value)


def test_empty_folder_and_missing_path(tmp_path):
    with pytest.raises(DataError, match="folder is empty") as caught:
        load_image_source(tmp_path, 16)
    assert str(tmp_path) in str(caught.value)
    with pytest.raises(DataError, match="no such file or folder") as caught:
        detect_format(tmp_path / "nowhere.npz")
    assert "nowhere.npz" in str(caught.value)


def test_single_files_that_are_not_data_sets(tmp_path):
    save_solid(tmp_path / "photo.png", "RGB", (10, 10), (1, 2, 3))
    with pytest.raises(DataError, match="photo.png: this is one image"):
        load_image_source(tmp_path / "photo.png", 16)
    (tmp_path / "fake.jpg").write_text("hello")
    with pytest.raises(DataError, match="fake.jpg: named like an image"):
        load_image_source(tmp_path / "fake.jpg", 16)
    (tmp_path / "points.csv").write_text("1,2\n3,4\n")
    with pytest.raises(DataError, match="points.csv: this is a text/CSV file"):
        load_image_source(tmp_path / "points.csv", 16)
    (tmp_path / "blob.bin").write_bytes(bytes(range(256)))
    with pytest.raises(DataError, match="blob.bin: not a data file"):
        detect_format(tmp_path / "blob.bin")


def test_errors_have_japanese_messages(tmp_path):
    with pytest.raises(DataError) as caught:
        load_image_source(tmp_path / "missing.npy", 16)
    japanese = caught.value.message("ja")
    assert "missing.npy" in japanese and "見つかりません" in japanese
    assert caught.value.message("en") == str(caught.value) != japanese


# ---------------------------------------------------------------- 2D points

def test_points_from_csv_npy_and_npz(tmp_path):
    (tmp_path / "p.csv").write_text("# my data\nx,y,label\n1.5,2,0\n-3,4e-1,1\n\n")
    points = load_points_source(tmp_path / "p.csv")
    assert points.dtype == np.float32
    np.testing.assert_allclose(points, [[1.5, 2.0], [-3.0, 0.4]], rtol=1e-6)
    (tmp_path / "p.txt").write_text("1\t2\n3 4\n")
    np.testing.assert_allclose(load_points_source(tmp_path / "p.txt"), [[1, 2], [3, 4]])
    (tmp_path / "excel.csv").write_bytes("\ufeffx;y\n1,5;2,25\n".encode("utf-8"))
    np.testing.assert_allclose(load_points_source(tmp_path / "excel.csv"), [[1.5, 2.25]])
    np.save(tmp_path / "p.npy", np.arange(8, dtype=np.int64).reshape(4, 2))
    assert load_points_source(tmp_path / "p.npy").shape == (4, 2)
    np.savez(tmp_path / "p.npz", labels=np.arange(3), points=np.ones((3, 2)))
    assert load_points_source(tmp_path / "p.npz").tolist() == [[1.0, 1.0]] * 3


def test_points_errors_name_file_and_line(tmp_path):
    (tmp_path / "bad.csv").write_text("1,2\n3,4\n5,oops\n")
    with pytest.raises(DataError, match=r"bad.csv line 3: 'oops' is not a number"):
        load_points_source(tmp_path / "bad.csv")
    (tmp_path / "three.csv").write_text("1,2,3\n")
    with pytest.raises(DataError, match=r"three.csv line 1: found 3 values, expected 2"):
        load_points_source(tmp_path / "three.csv")
    (tmp_path / "nan.csv").write_text("1,2\nnan,1\n")
    with pytest.raises(DataError, match=r"nan.csv line 2: not a finite number"):
        load_points_source(tmp_path / "nan.csv")
    (tmp_path / "empty.csv").write_text("# nothing\n")
    with pytest.raises(DataError, match="empty.csv: no points"):
        load_points_source(tmp_path / "empty.csv")
    np.save(tmp_path / "wide.npy", np.zeros((5, 3)))
    with pytest.raises(DataError, match=r"wide.npy: an array of shape \[5, 3\]"):
        load_points_source(tmp_path / "wide.npy")
    with pytest.raises(DataError, match="no such file"):
        load_points_source(tmp_path / "gone.csv")


# ---------------------------------------------------------------- house rules

def test_loaders_import_no_qt():
    code = ("import sys, gantuner.data.files; "
            "bad = [m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph'))]; "
            "assert not bad, bad")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
