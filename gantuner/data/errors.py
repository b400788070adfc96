"""The one exception the data loaders raise, and its messages in English and Japanese.

Every message is one line: the file, what is wrong with it, and what to do.
The loaders build them through :func:`data_error` from the table below so that
both languages stay side by side and cannot drift apart.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import GantunerError
from ..text import Text

# {image_sources} in the messages below.
IMAGE_SOURCES = Text("a folder of images, MNIST/Fashion-MNIST IDX files, CIFAR-10 batches or a .npy/.npz array",
                     "画像フォルダ、MNIST/Fashion-MNIST の IDX ファイル、CIFAR-10 のバッチ、.npy/.npz 配列")


class DataError(GantunerError):
    """A data file or folder that cannot be used; the message names it and says how to fix it.

    ``str(error)`` is the English message; ``error.message("ja")`` the Japanese one
    (falls back to English when none was given).  ``path`` is the file at fault, if known.
    """

    def __init__(self, message: Text | str, *, path: Path | None = None, code: str = ""):
        super().__init__(message)
        self.path = path
        self.code = code


# code -> its message.  Placeholders are filled from data_error()'s keywords (a Text
# keyword gives each language its wording); {path} is always the file or folder at fault.
MESSAGES: dict[str, Text] = {
    "unknown_dataset": Text(
        "{path}: no such built-in dataset or file; use digits, ring, grid, spiral or the path of an image "
        "folder, MNIST/CIFAR files or a .npy/.npz array",
        "{path}: そのような組み込みデータセットやファイルはありません。digits、ring、grid、spiral か、画像フォルダ、"
        "MNIST/CIFAR のファイル、.npy/.npz 配列のパスを指定してください",
    ),
    "missing": Text(
        "{path}: no such file or folder. Check the path, or choose the file again.",
        "{path}: ファイルまたはフォルダが見つかりません。パスを確かめるか、もう一度選び直してください。",
    ),
    "read_failed": Text(
        "{path}: cannot read it ({reason}). Check that the file is readable.",
        "{path}: 読み込めません（{reason}）。ファイルを読み取れるか確かめてください。",
    ),
    "empty_folder": Text(
        "{path}: the folder is empty. Put images (PNG, JPEG, BMP, GIF) in it, or choose {image_sources}.",
        "{path}: フォルダが空です。画像（PNG, JPEG, BMP, GIF）を入れるか、{image_sources}を選んでください。",
    ),
    "no_images": Text(
        "{path}: no readable image in this folder ({skipped} unreadable, {ignored} other files). "
        "Add PNG/JPEG/BMP/GIF images, or choose an MNIST/CIFAR-10 file or a .npy/.npz array.",
        "{path}: このフォルダに読める画像がありません（読めない画像 {skipped} 個、その他のファイル {ignored} 個）。"
        "PNG/JPEG/BMP/GIF 画像を入れるか、MNIST/CIFAR-10 のファイルや .npy/.npz 配列を選んでください。",
    ),
    "unknown_file": Text(
        "{path}: not a data file gantuner can read ({what}). Give {image_sources}.",
        "{path}: gantuner が読めるデータファイルではありません（{what}）。{image_sources}を指定してください。",
    ),
    "text_for_images": Text(
        "{path}: this is a text/CSV file, which holds 2D points, not images. Choose it as a 2D "
        "points data set, or give {image_sources}.",
        "{path}: テキスト/CSV ファイルです。CSV は画像ではなく 2 次元の点データを表します。2 次元の点データとして"
        "選ぶか、{image_sources}を指定してください。",
    ),
    "zip_of_images": Text(
        "{path}: a zip archive without numpy arrays. If it holds images, unzip it and give the folder.",
        "{path}: numpy 配列を含まない zip です。画像が入っているなら展開して、そのフォルダを指定してください。",
    ),
    "single_image": Text(
        "{path}: this is one image, and a data set needs many. Give the folder that holds the images ({folder}).",
        "{path}: 1 枚の画像です。データセットには多くの画像が必要です。画像の入ったフォルダ（{folder}）を指定してください。",
    ),
    "not_an_image": Text(
        "{path}: named like an image, but its content is not one Pillow can read ({reason}). "
        "Replace or remove the file.",
        "{path}: 画像の名前ですが、中身は Pillow で読める画像ではありません（{reason}）。ファイルを差し替えるか削除してください。",
    ),
    "labels_file": Text(
        "{path}: this is an IDX labels file; give the images file (for example train-images-idx3-ubyte) "
        "or the folder that holds it.",
        "{path}: これは IDX のラベルファイルです。画像ファイル（例: train-images-idx3-ubyte）かそのフォルダを指定してください。",
    ),
    "idx_unsupported": Text(
        "{path}: an IDX file of {detail}; gantuner reads 8-bit image files (magic 0x00000803, "
        "like train-images-idx3-ubyte). Give the images file.",
        "{path}: {detail} の IDX ファイルです。gantuner が読めるのは 8 ビット画像ファイル（マジック 0x00000803、"
        "train-images-idx3-ubyte など）です。画像ファイルを指定してください。",
    ),
    "idx_size": Text(
        "{path}: truncated or damaged: its header says {count} images of {rows}x{cols} ({expected} bytes) "
        "but it holds {actual} bytes. Download the file again.",
        "{path}: 途中で切れているか壊れています。ヘッダでは {rows}x{cols} の画像 {count} 枚（{expected} バイト）ですが、"
        "実際は {actual} バイトです。ファイルをもう一度ダウンロードしてください。",
    ),
    "too_large": Text(
        "{path}: {what} declares {size}, more than gantuner loads from one source ({limit}). "
        "Use a smaller subset of the data.",
        "{path}: {what}が {size} を宣言しています。gantuner が 1 つのソースから読める上限（{limit}）を超えます。"
        "データの一部だけを使ってください。",
    ),
    "expands_too_much": Text(
        "{path}: {what} would expand to {size}, more than {times} times the file's size: a damaged file "
        "or a decompression bomb. Give the uncompressed file instead.",
        "{path}: {what}が {size} に展開されます。ファイルサイズの {times} 倍を超えるため、壊れたファイルか"
        "展開爆弾です。展開済みのファイルを指定してください。",
    ),
    "npy_size": Text(
        "{path}: the header says shape {shape} of {dtype} ({declared} bytes) but the file holds {actual} bytes "
        "of data. Save the array again with np.save.",
        "{path}: ヘッダでは {dtype} の形 {shape}（{declared} バイト）ですが、ファイルのデータは {actual} バイトです。"
        "np.save で保存し直してください。",
    ),
    "truncated": Text(
        "{path}: the file is cut short ({detail}). Download or save it again.",
        "{path}: ファイルが途中で切れています（{detail}）。もう一度ダウンロードするか保存し直してください。",
    ),
    "gzip_damaged": Text(
        "{path}: the gzip data is damaged or cut short ({reason}). Download the file again.",
        "{path}: gzip データが壊れているか途中で切れています（{reason}）。ファイルをもう一度ダウンロードしてください。",
    ),
    "pickle_refused": Text(
        "{path}: refusing to load this pickle because it asks to run code: {target}. Only CIFAR-10 "
        "batches (numpy arrays in a dict) are read; save your data with np.save instead.",
        "{path}: この pickle はコードの実行を求めるため読み込みを拒否しました: {target}。読めるのは CIFAR-10 の"
        "バッチ（dict 内の numpy 配列）だけです。データは np.save で保存してください。",
    ),
    "pickle_damaged": Text(
        "{path}: not a readable CIFAR-10 batch ({reason}). Download the batch again, or save your data with np.save.",
        "{path}: 読める CIFAR-10 バッチではありません（{reason}）。バッチを再ダウンロードするか、データを np.save で保存してください。",
    ),
    "cifar_no_data": Text(
        "{path}: this pickle holds no 'data' array ({found}); a CIFAR-10 batch is a dict with "
        "data = uint8 [N, 3072]. Choose a data_batch_* or test_batch file.",
        "{path}: この pickle には 'data' 配列がありません（{found}）。CIFAR-10 のバッチは data = uint8 [N, 3072] を持つ dict です。"
        "data_batch_* か test_batch を選んでください。",
    ),
    "cifar_shape": Text(
        "{path}: the CIFAR-10 'data' array is {dtype} {shape}; expected uint8 [N, 3072] (3x32x32 per row). "
        "Download the batch again.",
        "{path}: CIFAR-10 の 'data' 配列が {dtype} {shape} です。uint8 [N, 3072]（1 行が 3x32x32）のはずです。"
        "バッチをもう一度ダウンロードしてください。",
    ),
    "cifar_folder": Text(
        "{path}: no CIFAR-10 batches (data_batch_1..5, test_batch) found here. Choose the "
        "cifar-10-batches-py folder or one batch file.",
        "{path}: CIFAR-10 のバッチ（data_batch_1..5, test_batch）が見つかりません。cifar-10-batches-py "
        "フォルダかバッチファイルを選んでください。",
    ),
    "npy_objects": Text(
        "{path}: the array holds Python objects, which gantuner does not load (loading them could run code). "
        "Save a plain numeric array with np.save.",
        "{path}: 配列が Python オブジェクトを含みます（読み込むとコードが実行されうるため読みません）。"
        "数値だけの配列を np.save で保存してください。",
    ),
    "npy_damaged": Text(
        "{path}: cannot read this numpy file ({reason}). Save it again with np.save or np.savez.",
        "{path}: この numpy ファイルを読めません（{reason}）。np.save か np.savez で保存し直してください。",
    ),
    "npz_no_images": Text(
        "{path}: no image array in this .npz (arrays: {arrays}). Save it as np.savez(file, images=x) "
        "with x shaped [N,H,W], [N,H,W,C] or [N,C,H,W].",
        "{path}: この .npz に画像配列がありません（配列: {arrays}）。np.savez(file, images=x) の形で、x を "
        "[N,H,W]、[N,H,W,C]、[N,C,H,W] のいずれかにして保存してください。",
    ),
    "points_not_images": Text(
        "{path}: shape {shape} looks like 2D point data, not images. Choose it as a 2D points data set, "
        "or give images shaped [N,H,W], [N,H,W,C] or [N,C,H,W].",
        "{path}: 形 {shape} は画像ではなく 2 次元の点データのようです。2 次元の点データとして選ぶか、"
        "[N,H,W]、[N,H,W,C]、[N,C,H,W] の画像を指定してください。",
    ),
    "bad_shape": Text(
        "{path}: cannot use an array of shape {shape} as images ({reason}). Give [N,H,W], [N,H,W,C] "
        "or [N,C,H,W] with C = 1, 3 or 4.",
        "{path}: 形 {shape} の配列は画像として使えません（{reason}）。C = 1, 3, 4 の [N,H,W]、[N,H,W,C]、"
        "[N,C,H,W] を指定してください。",
    ),
    "bad_dtype": Text(
        "{path}: the array has type {dtype}; save numbers (uint8, or floats in 0..1, -1..1 or 0..255).",
        "{path}: 配列の型が {dtype} です。数値（uint8、または 0..1, -1..1, 0..255 の浮動小数点）で保存してください。",
    ),
    "no_items": Text(
        "{path}: the array holds no images (shape {shape}). Save at least one.",
        "{path}: 配列に画像がありません（形 {shape}）。1 枚以上保存してください。",
    ),
    "not_finite": Text(
        "{path}: the array contains NaN or infinite values. Replace them before saving.",
        "{path}: 配列に NaN か無限大が含まれています。保存する前に置き換えてください。",
    ),
    "value_range": Text(
        "{path}: values run from {low} to {high}; gantuner reads floats in 0..1, -1..1 or 0..255 and "
        "integers in 0..255 (or 16-bit 0..65535). Rescale the array to one of these ranges.",
        "{path}: 値が {low} から {high} の範囲です。gantuner が読めるのは 0..1、-1..1、0..255 の浮動小数点と "
        "0..255（または 16 ビット 0..65535）の整数です。いずれかの範囲に変換してください。",
    ),
    "points_shape": Text(
        "{path}: {found}; 2D points are an [N, 2] array, one x, y pair per row. {fix}",
        "{path}: {found}。2 次元の点は 1 行に x, y を 1 組ずつ持つ [N, 2] 配列です。{fix}",
    ),
    "points_none": Text(
        "{path}: no [N, 2] points array in this .npz (arrays: {arrays}). Save it as np.savez(file, points=xy).",
        "{path}: この .npz に [N, 2] の点配列がありません（配列: {arrays}）。np.savez(file, points=xy) で保存してください。",
    ),
    "points_format": Text(
        "{path}: not a points file ({what}). Give a .csv/.txt with one 'x, y' per line, or a .npy/.npz "
        "holding an [N, 2] array.",
        "{path}: 点データのファイルではありません（{what}）。1 行に 'x, y' を書いた .csv/.txt か、[N, 2] 配列の "
        ".npy/.npz を指定してください。",
    ),
    "csv_line": Text(
        "{path} line {line}: {reason}. Write two numbers per line: x, y.",
        "{path} {line} 行目: {reason}。1 行に数を 2 つ（x, y）書いてください。",
    ),
    "csv_empty": Text(
        "{path}: no points in this file. Write one 'x, y' pair per line.",
        "{path}: 点が 1 つもありません。1 行に 'x, y' を 1 組ずつ書いてください。",
    ),
}


def data_error(code: str, path: Path | str, **fields: Any) -> DataError:
    """The DataError for ``code`` about ``path``, with both languages filled in
    (a plain string field is the same in both)."""
    text = MESSAGES[code].format(path=str(path), image_sources=IMAGE_SOURCES, **fields)
    return DataError(text, path=Path(path), code=code)
