"""gantuner's own errors reach the window in the interface's language."""

from __future__ import annotations

import pytest

from gantuner.data.errors import data_error
from gantuner.gui import i18n
from gantuner.gui.background import describe_error
from gantuner.learning.gif_export import GifError, export_gif


def test_errors_from_background_work_follow_the_interface_language(qapp, tmp_path):
    missing = data_error("missing", tmp_path / "nowhere")
    with pytest.raises(GifError) as raised:
        export_gif([], tmp_path / "out.gif")
    no_samples = raised.value
    assert describe_error(missing).endswith("no such file or folder. Check the path, or choose the file again.")
    assert describe_error(no_samples).startswith("this run has no sample grids yet")
    i18n.set_language("ja")
    assert "ファイルまたはフォルダが見つかりません" in describe_error(missing)
    assert describe_error(no_samples).startswith("この実行にはまだサンプル画像がありません")
    assert describe_error(ValueError("plain words")) == "plain words"  # not ours: as it is
