"""What knob-change markers cost while the curves follow a run (each frame moves the step range).

    QT_QPA_PLATFORM=offscreen python benchmarks/marker_layout.py

Prints the time of one step-range change of the curves with 0 markers (the
baseline, measured in the same run) and with 10 and 50 markers, and of the
marker layout alone (merging close markers, stacking their labels).
Medians of 5 rounds of 200 changes; figures on a busy machine are rough.
"""

from __future__ import annotations

import statistics
import sys
import time


def main() -> int:
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    from gantuner.gui.curves import CurvesView
    from gantuner.metrics import ENGINE_FIELDS
    from gantuner.run_model import ColumnStore as CurveBuffer

    view = CurvesView(CurveBuffer(ENGINE_FIELDS))
    view.resize(1000, 700)
    view.show()
    for _ in range(5):
        app.processEvents()
    box = view.plot_item("lossPlot").getViewBox()

    def per_change_ms(action, rounds: int = 5, count: int = 200) -> float:
        times = []
        for _ in range(rounds):
            started = time.perf_counter()
            for j in range(count):
                action(j)
            times.append((time.perf_counter() - started) / count * 1000.0)
        return statistics.median(times)

    def forced_layout(_j: int) -> None:
        view.knob_markers._shown = ()  # as after a range change
        view.knob_markers.layout()

    baseline = None
    for markers in (0, 10, 50):
        view.clear_markers()
        for i in range(markers):
            view.add_knob_change({"step": 100 * i, "knob": "lr_d", "old": 1e-3, "new": 5e-4})
        change = per_change_ms(lambda j: box.setXRange(0, 5000 + j, padding=0))
        layout = per_change_ms(forced_layout)
        baseline = change if baseline is None else baseline
        print(f"{markers:3d} markers: range change {change:.3f} ms ({change / baseline:.2f}x the 0-marker "
              f"baseline), layout alone {layout:.3f} ms")
    view.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
