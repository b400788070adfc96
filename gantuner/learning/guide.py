"""The article's way of working, as the Guide pane shows it (English and Japanese).

Qt-free text: simple HTML, one section per step of the loop the article
teaches: read the curves, form hypotheses, change one knob, compare, repeat.
"""

from __future__ import annotations

from ..text import Text

SECTIONS: list[tuple[Text, Text]] = [
    # (title, body)
    (Text("1. Read the curves", "1. 曲線を読む"),
     Text("Watch D's loss, G's loss and D's accuracy. D and G should be evenly matched: D's "
          "accuracy near 50 % to 80 %, neither loss collapsing to 0. Early on D usually leads; that "
          "alone means little.",
          "識別器の損失、生成器の損失、識別器の正解率を見る。理想は五分五分: 正解率はおよそ 50〜80 %、"
          "どちらの損失も 0 に張り付かない。最初は識別器が優勢になりがちなので、それだけでは気にしなくてよい。")),
    (Text("2. Form hypotheses", "2. 仮説を立てる"),
     Text("Say what the curves suggest, as many hypotheses as you like, then rule them out one by "
          "one. Accuracy stuck near 100 % with G's loss near 0: D is too strong (the article's "
          "Example 1). Accuracy near 50 % with both losses steady: a good game (Example 2). Losses "
          "shooting up or NaN: divergence. Samples all alike: mode collapse.",
          "曲線から言えることを、いくつでも仮説にして、一つずつ潰していく。正解率が 100 % 付近に張り付き G の損失が 0 付近:"
          " 識別器が強すぎる (記事の例題1)。正解率 50 % 前後で両方の損失が落ち着いている:"
          " いい勝負 (例題2)。損失が跳ね上がる・NaN: 発散。サンプルがどれも同じ:"
          " モード崩壊。")),
    (Text("3. Change one knob", "3. ノブを一つだけ変える"),
     Text("Test one hypothesis at a time: change a single knob, so the result tells you something. "
          "To weaken a D that is too strong, in the article's order: remove D's batch norm, add "
          "dropout to D (not too much: samples turn monotonous), give D a smaller learning rate "
          "than G, or make G bigger. Don't weaken D more than needed: quality suffers. Each knob's "
          "tooltip says what raising and lowering it does.",
          "仮説は一つずつ確かめる: 変えるノブは一つだけにすると、結果から何かが分かる。"
          "強すぎる識別器を弱めるには、記事の順に: 識別器のバッチ正規化を外す、ドロップアウトを足す (大きすぎると画像が単調になる)、"
          "識別器の学習率を生成器より小さくする、生成器を強化する。弱めすぎは品質を落とす。"
          "各ノブのツールチップに、上げたとき・下げたときの効果がある。")),
    (Text("4. Compare", "4. 比べる"),
     Text("Put the new run next to the old one in Compare runs: both curves in one plot, the knob "
          "you changed named in words, and the samples of both at the same step. Did the curves "
          "move the way your hypothesis predicted?",
          "「実行の比較」で新しい実行を前の実行と並べる: 同じグラフに両方の曲線、変えたノブの説明、"
          "同じステップでの両方のサンプル。曲線は仮説の予想どおりに動いたか?")),
    (Text("5. Practise", "5. 練習する"),
     Text("Experience beats theory. Practice shows curves without their diagnosis: pick the "
          "hypothesis and the change, then see what the diagnosis finds and why. The 2D data-space "
          "view shows the game itself: D's opinion over the plane, where G's points are pushed, one "
          "phase at a time.",
          "知識より経験則。「練習」では診断を伏せた曲線が出る: 仮説と変更を選び、診断が何を見つけたか、"
          "なぜかを確かめる。2次元のデータ空間ビューでは、平面上の識別器の判断と生成器の点が押される方向を、"
          "一段階ずつ見られる。")),
]


def guide_html(language: str = "en") -> str:
    return "".join(f"<h3>{title.get(language)}</h3><p>{body.get(language)}</p>" for title, body in SECTIONS)
