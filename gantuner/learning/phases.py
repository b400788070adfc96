"""The five phases of one training step as slow motion shows them, with their captions.

Torch-free, so the window can label its phase strip before torch has loaded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..text import Text

PHASES = ("noise", "judge_real", "judge_fake", "update_d", "update_g")

CAPTIONS: dict[str, Text] = {
    "noise": Text("1. Sample noise: G turns random noise z into a batch of fake points.",
                  "1. ノイズを取り出す: 生成器がランダムなノイズ z を偽の点の集まりに変える。"),
    "judge_real": Text("2. D judges a real batch: green where it calls a point real, purple where it wrongly says fake.",
                       "2. 識別器が本物を判定: 本物と判定した点は緑、誤って偽物と判定した点は紫。"),
    "judge_fake": Text("3. D judges the fake batch: purple where it spots a fake, green where the fake fools it.",
                       "3. 識別器が偽物を判定: 見破った点は紫、だまされた点は緑。"),
    "update_d": Text("4. D updates: the map shifts to call real points real and fakes fake.",
                     "4. 識別器を更新: 本物を本物、偽物を偽物と言えるように地図が動く。"),
    "update_g": Text("5. G updates: each fake point moves along its arrow, towards where D says 'real'.",
                     "5. 生成器を更新: 偽の点が矢印に沿って、識別器が「本物」と言う方へ動く。"),
}


def caption(phase: str, language: str = "en") -> str:
    return CAPTIONS[phase].get(language)


@dataclass
class Phase:
    name: str
    index: int                      # 0-based position in PHASES
    show: dict[str, Any] = field(default_factory=dict)  # numpy arrays and numbers for the view

    def caption(self, language: str = "en") -> str:
        return caption(self.name, language)
