"""Every sentence a hint shows, in English and Japanese, written for a learner.

Texts are data: each entry is a :class:`~gantuner.text.Text` of format
strings (English, Japanese) with named fields, filled in by :func:`say` and
:func:`pair`.  The Japanese follows the article's vocabulary (識別器, 生成器, 正解率, 学習率, ドロップアウト, バッチ正規化,
損失, 勾配).  Numbers are formatted by :mod:`gantuner.number_format` (re-exported here as
``T.measured``, ``T.percent``, ``T.count``), so both languages show the same figures.
"""

from __future__ import annotations

from typing import Any

from ..number_format import count as count
from ..number_format import fixed as fixed
from ..number_format import measured as measured
from ..number_format import percent as percent
from ..text import LANGUAGES as LANGUAGES
from ..text import Text

# ---- hint texts -------------------------------------------------------------
# Each value: Text(English, Japanese).

TITLES: dict[str, Text] = {
    "d_too_strong": Text("The discriminator is too strong", "識別器が強すぎます"),
    "d_ahead": Text("The discriminator is pulling ahead", "識別器が優位になりつつあります"),
    "d_too_weak": Text("The discriminator is too weak", "識別器が弱すぎます"),
    "healthy": Text("Training looks healthy", "学習は順調です"),
    "mode_collapse": Text("Possible mode collapse", "モード崩壊の疑いがあります"),
    "poor_quality": Text("The samples are far from the data", "サンプルがデータから離れています"),
    "convergence_failure": Text("Training has failed: D has won outright",
                            "収束に失敗しています: 識別器が完全に勝っています"),
    "d_fooled": Text("D's outputs have saturated: it calls every fake real",
                 "識別器の出力が飽和しています: すべての偽物を本物と判定しています"),
    "divergence": Text("Training has diverged", "学習が発散しています"),
    "divergence_grad": Text("Gradients are exploding", "勾配が爆発しています"),
    "divergence_transient": Text("The losses briefly became infinite",
                             "損失が一時的に無限大になりました"),
    "unstable": Text("Unstable training: the losses swing and spike",
                 "学習が不安定です: 損失が大きく揺れています"),
    "slow_progress": Text("Slow progress: the learning rates look too small",
                      "学習が進んでいません: 学習率が小さすぎるようです"),
    "too_little_data": Text("Not enough data to judge yet", "判断するにはデータが足りません"),
    "fix_result": Text("Result of {change}", "{change} の効果"),
}

PARTS: dict[str, Text] = {
    # -- d_too_strong --
    "strong_acc": Text(
        "{acc_name} stayed between {acc_min} and {acc_max} (mean {acc_mean}) from step {first} "
        "to step {last} ({span} steps), long after the warm-up in which D normally leads "
        "for a while.",
        "{acc_name}が、ステップ {first} から {last} まで ({span} ステップ) "
        "{acc_min}〜{acc_max} (平均 {acc_mean}) に張り付いています。学習の始めに識別器が"
        "優位になるのは普通ですが、その時期はとうに過ぎています。",
    ),
    "strong_loss": Text(
        "D's loss stayed at {d_loss_mean} (near 0: D tells every real from every fake) "
        "from step {first} to step {last} ({span} steps), long after the warm-up.",
        "識別器の損失が、ステップ {first} から {last} まで ({span} ステップ) "
        "{d_loss_mean} (ほぼ 0: 本物と偽物を完全に見分けている) のままです。"
        "学習序盤のウォームアップはとうに過ぎています。",
    ),
    "strong_why": Text(
        "A D that wins every round rejects nearly every fake, so G may no longer learn in "
        "which direction to improve. Look at the samples: if they are still improving, "
        "D's lead is not hurting yet.",
        "識別器が毎回勝ってしまうと、偽画像はほとんどはじかれ、生成器はどちらへ改善すれば"
        "よいか分からなくなるおそれがあります。サンプル画像を確認し、まだ良くなっているなら"
        "識別器の優位はまだ害になっていません。",
    ),
    "strong_loss_unknown": Text(
        "This reading assumes a bce or least-squares loss. With a hinge or relativistic hinge "
        "loss a D loss of 0 is normal (the hinge stops at 0 once D's margins are met) and the "
        "run may be fine: give the loss (diagnose --loss hinge or relhinge) to have it read "
        "on its own scale.",
        "この読み方は bce か最小二乗の損失を前提にしています。hinge や relativistic hinge の"
        "損失では識別器の損失が 0 になるのは普通のことで (マージンを満たすと 0 で止まる)、"
        "学習は順調かもしれません。損失の種類を指定すると (diagnose --loss hinge または "
        "relhinge) その尺度で読みます。",
    ),
    "won_outright": Text(
        "From step {first} to step {last} ({rows} rows, up to the latest) D rejected every "
        "fake outright: {measures}. No warm-up looks like this for long: D is far ahead "
        "and G learns little from it.",
        "ステップ {first} から {last} まで ({rows} 行、最新の行まで)、識別器はすべての偽物を"
        "完全にはじいています: {measures}。ウォームアップでこの状態が続くことはありません。"
        "識別器が大きく優位で、生成器はそこからほとんど学べていません。",
    ),
    "won_d_g_z": Text("D(G(z)) at most {d_g_z}", "D(G(z)) は最大でも {d_g_z}"),
    "won_g": Text("G's loss {g_mean} on average, far above its equilibrium (over {g_far} means "
              "D(G(z)) under 0.7 % in G's step)",
              "生成器の損失は平均 {g_mean} で、釣り合いの水準をはるかに上回っています ({g_far} を"
              "超えると、生成器のステップで D(G(z)) が 0.7% 未満)"),
    "strong_g_far": Text(
        "From step {first} to step {last}, G's loss rose steadily from {g_start} to {g_end}, "
        "far above its equilibrium, while D's loss stayed low ({d_loss_mean}): D is pulling "
        "further ahead. Some DCGANs print this and still make fair images, so check the "
        "samples before acting.",
        "ステップ {first} から {last} まで、生成器の損失が {g_start} から {g_end} へ着実に"
        "上がり、釣り合いの水準をはるかに上回っています。一方、識別器の損失は低いまま "
        "({d_loss_mean}) です。識別器がさらに引き離しています。この形でもそれなりの画像を"
        "作る DCGAN もあるので、対処する前にサンプル画像を確認しましょう。",
    ),
    "fooled": Text(
        "From step {first} to step {last} ({rows} rows, up to the latest) G's loss is "
        "{g_loss_mean} and D's loss {d_loss_mean}: D calls every fake real with certainty, "
        "its outputs have saturated, and neither network gets a usable gradient. Likely "
        "causes: too little data for the batch size, labels or a loss set up the wrong way "
        "round, or a learning rate so large that D's outputs were pushed to their limits.",
        "ステップ {first} から {last} まで ({rows} 行、最新の行まで)、生成器の損失は "
        "{g_loss_mean}、識別器の損失は {d_loss_mean} です。識別器がすべての偽物を確信をもって"
        "本物と判定しており、出力が飽和して、どちらのネットワークにも使える勾配が届いて"
        "いません。考えられる原因: バッチサイズに対してデータが少なすぎる、ラベルや損失の"
        "設定が逆になっている、学習率が大きすぎて識別器の出力が限界まで押しやられた。",
    ),
    "strong_g_near_zero": Text(
        "G's loss is near 0 too (mean {g_mean}). The article's Example 1 looks just like "
        "this; it reads it as D's tiny loss dragging G's loss down with it, and "
        "prescribes weakening D. One more reading is worth checking first: when D is "
        "correctly frozen while G trains, a D this strong gives G a LARGE loss (G's "
        "fakes are rejected). A G loss near 0 means that in G's step D calls the fakes "
        "real. Two set-up faults do that: (1) batch normalisation in D while real and "
        "fake images go through D in separate batches, so D tells the batches apart by "
        "their statistics instead of by the images; (2) D not frozen while G trains "
        "(in Keras, set D.trainable = False before compiling the combined model), so "
        "G's step teaches D to accept fakes.",
        "生成器の損失も 0 に近いままです (平均 {g_mean})。記事の例題1がまさにこの形で、"
        "識別器の極端に低い損失に G loss が引っ張られていると読み、識別器を弱めるよう"
        "勧めています。ただ、先に確かめておきたいもう一つの読み方があります。生成器の"
        "学習中に識別器が正しく凍結 (固定) されていれば、これほど強い識別器のもとでは"
        "偽画像がはじかれるので、G loss は大きくなるはずです。G loss が 0 に近いという"
        "ことは、生成器の学習ステップでは識別器が偽画像を本物と判定していることになります。"
        "これを起こす設定ミスは二つです。(1) 識別器にバッチ正規化があり、本物と偽物を"
        "別々のバッチで流している: 識別器は画像そのものではなくバッチの統計で見分けて"
        "しまいます。(2) 生成器の学習中に識別器が凍結されていない (Keras なら結合モデルを"
        "コンパイルする前に D.trainable = False にする): 生成器のステップが識別器に"
        "偽物を受け入れるよう教えてしまいます。",
    ),
    "strong_g_large": Text(
        "G's loss is large (mean {g_mean}): D rejects G's fakes with confidence, the "
        "textbook picture of a D that is too strong.",
        "生成器の損失は大きいまま (平均 {g_mean}) です。識別器が偽画像を自信をもって"
        "はじいている、識別器が強すぎるときの典型的な形です。",
    ),
    "strong_g_rising": Text(
        "G's loss keeps rising (from {g_start} to {g_end}): D is pulling further ahead.",
        "生成器の損失が上がり続けています ({g_start} → {g_end})。識別器がさらに"
        "引き離しています。",
    ),
    "strong_grad": Text(
        "G's gradient norm is {grad_norm} (median), over the 100 that ganhacks calls "
        "trouble: the gradients D passes to G are huge and erratic, another sign that D "
        "has won.",
        "生成器の勾配ノルムが {grad_norm} (中央値) で、ganhacks が危険とする 100 を"
        "超えています。識別器から生成器へ渡る勾配が大きく荒れており、これも識別器が"
        "勝ちすぎているしるしです。",
    ),
    "strong_ahead": Text(
        "{acc_name} averages {acc_mean} after the warm-up (up to {acc_max}): D is "
        "clearly ahead, though not pinned near 100 %. Keep an eye on it; if it keeps "
        "climbing, weaken D.",
        "ウォームアップ後の{acc_name}は平均 {acc_mean} (最大 {acc_max}) です。"
        "100% 付近に張り付いてはいませんが、識別器がはっきり優位です。注意して見守り、"
        "さらに上がるようなら識別器を弱めましょう。",
    ),
    "strong_remedies": Text(
        "Weaken D in the article's order, one change at a time, and watch the accuracy come "
        "down towards 50-80 %: remove batch norm from D, add dropout to D, give D a "
        "smaller learning rate than G (and G a larger one, with care), strengthen G "
        "(wider, deeper). Do not weaken D so far that image quality suffers.",
        "記事の順に、一度に一つずつ識別器を弱め、正解率が 50〜80% 程度まで下がるか"
        "見ましょう: 識別器のバッチ正規化を外す → 識別器にドロップアウトを追加する → "
        "識別器の学習率を生成器より小さくする (生成器の学習率は慎重に上げる) → "
        "生成器を強化する (幅を広げる・層を増やす)。ただし、弱めすぎると画像の質が"
        "落ちるので、過度な弱体化は避けましょう。",
    ),
    # -- convergence_failure --
    "failure": Text(
        "D's loss fell to {d_loss_mean} (near 0) and stayed there from step {first} to "
        "step {last}, while G's loss kept rising from {g_start} to {g_end}. D rejects "
        "every fake with certainty, so G's gradients vanish and G cannot recover by "
        "itself; its samples are likely to stay poor. Go back to a checkpoint from before "
        "D's loss reached 0, if you saved one (or start again), with a weaker D: label smoothing and "
        "instance noise give G a usable signal again, and the least-squares loss does "
        "not saturate the way bce does.",
        "識別器の損失が {d_loss_mean} (ほぼ 0) まで下がり、ステップ {first} から {last} "
        "までそのままです。一方で生成器の損失は {g_start} から {g_end} へ上がり続けて"
        "います。識別器がすべての偽画像を確信をもってはじくため、生成器に届く勾配が消え、"
        "自力では立ち直れません。生成画像は良くならない可能性が高いです。識別器の損失が 0 に"
        "なる前のチェックポイントを保存していればそこへ (なければ最初に) 戻り、識別器を弱めてやり直しましょう。"
        "ラベルスムージングやインスタンスノイズで生成器に使える勾配が戻り、最小二乗損失 "
        "(lsgan) は bce のように飽和しません。",
    ),
    # -- d_too_weak --
    "weak_below": Text(
        "{acc_name} stayed at {acc_mean} on average from step {first} to step {last} "
        "({span} steps): below chance, so G fools D more often than a coin toss would. "
        "D's loss is {d_loss_mean} (ln 2 = 0.69 means D cannot tell real from fake).",
        "{acc_name}がステップ {first} から {last} まで ({span} ステップ) 平均 "
        "{acc_mean} で、当てずっぽう (50%) を下回っています。生成器が識別器をコイン投げ"
        "以上にだませている状態です。識別器の損失は {d_loss_mean} です (ln 2 = 0.69 は"
        "本物と偽物を見分けられていないことを示します)。",
    ),
    "weak_chance": Text(
        "{acc_name} stayed at {acc_mean} on average from step {first} to step {last} "
        "({span} steps), no better than chance, with D's loss flat at {d_loss_mean} "
        "(ln 2 = 0.69: D cannot tell real from fake).",
        "{acc_name}がステップ {first} から {last} まで ({span} ステップ) 平均 "
        "{acc_mean} で、当てずっぽうと変わりません。識別器の損失も {d_loss_mean} で"
        "横ばいです (ln 2 = 0.69 は本物と偽物を見分けられていないことを示します)。",
    ),
    "weak_quality": Text(
        "Meanwhile the samples are not improving ({quality}: {q_start} -> {q_end}).",
        "その間、サンプルの質も改善していません ({quality}: {q_start} → {q_end})。",
    ),
    "weak_knobs": Text(
        "The settings in force handicap D: {reasons}.",
        "現在の設定が識別器を弱めています: {reasons}。",
    ),
    "weak_why": Text(
        "The article: a D that is too weak cannot show G what to improve, so the quality "
        "stays low. A D near 50 % for a while is normal (a balanced game); what matters "
        "here is that it stays there or below for thousands of steps. Strengthen D a "
        "little: undo the weakening first, then raise D's learning rate.",
        "記事より: 識別器が弱すぎると、偽画像の改善点がわからないので低い品質が続きます。"
        "しばらく 50% 前後なのは釣り合った状態で普通のことですが、ここでは数千ステップに"
        "わたってその水準かそれ以下に留まっています。識別器を少し強めましょう。まず"
        "弱体化の設定を元に戻し、それから識別器の学習率を上げます。",
    ),
    # -- mode_collapse --
    "collapse_osc": Text(
        "G's loss oscillates regularly, with a period of about {period} steps "
        "(autocorrelation {acf}), from step {first} to step {last}, while {acc_name} "
        "is high ({acc_mean}). This is the typical pattern of mode collapse: G makes only "
        "a few kinds of sample, D learns to reject them, G jumps to another few, and "
        "round it goes. Look at the samples: near-identical images confirm it.",
        "{acc_name}が高いまま ({acc_mean})、生成器の損失がステップ {first} から "
        "{last} まで約 {period} ステップ周期で規則的に振動しています (自己相関 {acf})。"
        "モード崩壊の典型的なパターンです: 生成器が数種類のサンプルしか作らず、識別器が"
        "それを見破ると、生成器は別の数種類へ移り、これを繰り返します。サンプル画像を"
        "確認し、ほとんど同じ画像ばかりなら確定です。",
    ),
    "collapse_quality": Text(
        "The samples' {quality} fell from {best} (step {best_step}) to {now} "
        "(step {now_step}): G covers fewer modes, its samples are less varied than before.",
        "サンプルの {quality} が、ステップ {best_step} の {best} からステップ {now_step} "
        "の {now} に下がりました。生成器が覆うモードが減り、多様性が失われています。",
    ),
    "collapse_coverage": Text(
        "The samples' {quality} is only {now} of the data's {total} (steps {first} to {last}): "
        "G seems to make a few kinds of sample and ignore the rest. Look at the samples to "
        "confirm.",
        "サンプルの {quality} はデータの {total} 種類のうち {now} だけです (ステップ {first}〜{last})。"
        "生成器は数種類のサンプルしか作らず、残りを無視しているようです。サンプル画像で確かめましょう。",
    ),
    "poor_quality": Text(
        "In the latest {evaluations} quality evaluation(s) (up to step {last}) the samples' "
        "{quality} is {now}: most samples are far from the data, whatever the losses say. "
        "Look at the samples; if they are also all alike, G has collapsed to a few outputs.",
        "直近 {evaluations} 回の品質評価 (ステップ {last} まで) で、サンプルの{quality}は "
        "{now} です。損失の見かけにかかわらず、ほとんどのサンプルがデータから離れています。"
        "サンプル画像を確認し、どれも似ていれば生成器が少数の出力に崩壊しています。",
    ),
    "collapse_why": Text(
        "The article: a smaller batch gives more varied gradients and helps escape a poor "
        "local solution, and too much dropout in D leaves G producing monotonous images. "
        "Instance noise and label smoothing also keep D from locking on to one mode.",
        "記事より: バッチサイズを小さくすると勾配が多様になり、局所解から抜け出し"
        "やすくなります。また、識別器のドロップアウトが大きすぎると単調な画像しか"
        "生成できなくなります。インスタンスノイズやラベルスムージングも、識別器が一つの"
        "モードに張り付くのを防ぎます。",
    ),
    # -- divergence --
    "diverge_nonfinite": Text(
        "{what} became {bad} at step {first} and has not come back to a finite value "
        "(last row: step {last}). The weights are now NaN or infinite and this run cannot "
        "recover. A learning rate that is too large is a common cause (the article: too "
        "large a step overshoots the solution and diverges). Restart with smaller learning "
        "rates, from a checkpoint saved before step {first} if you have one.",
        "ステップ {first} で{what}が {bad} になり、その後有限の値に戻っていません "
        "(最終行: ステップ {last})。重みが NaN か無限大になっており、この学習は"
        "立ち直れません。よくある原因は学習率が大きすぎることです (記事より: 学習率が大きすぎると"
        "最適解を飛び越えて発散します)。学習率を下げて、ステップ {first} より前に保存した"
        "チェックポイントがあればそこから、やり直しましょう。",
    ),
    "diverge_nonfinite_start": Text(
        "{what} is {bad} in every row, from the first row of the log to the last: there is "
        "no finite value to judge. A run that is NaN from its "
        "start points at a bug in the code or the data more often than at the learning rate: "
        "an integer division that gives 0 (Python 2), a log or division of 0, a wrong "
        "normalisation, NaN or infinite values in the data. Check one batch by hand (the "
        "data's range, the first losses) before changing the learning rates.",
        "{what}はログの最初の行から最後の行まで、すべての行で {bad} です。判断できる有限の値がありません。開始時から NaN の学習は、"
        "学習率よりもコードかデータの不具合が原因であることが多いです: 0 になる整数除算 "
        "(Python 2)、0 の対数や 0 での割り算、誤った正規化、データ中の NaN や無限大など。"
        "学習率を変える前に、1 バッチを手で確かめましょう (データの範囲、最初の損失)。",
    ),
    "diverge_transient": Text(
        "{what} was infinite in {count} rows (first at step {first}) but came back. "
        "Training survived, but it is near the edge: a smaller learning rate gives it "
        "a margin.",
        "{what}が {count} 行で無限大になりました (最初はステップ {first})。その後は"
        "戻っているので学習は続いていますが、発散の一歩手前です。学習率を下げて余裕を"
        "持たせましょう。",
    ),
    "diverge_explode": Text(
        "{what} exploded to {peak} around step {peak_step}. Losses this large mean D's outputs have saturated completely or the "
        "weights have blown up: the learning rate is likely too large (the article: too large "
        "a step overshoots and diverges). Restart with smaller learning rates, from a "
        "checkpoint saved before step {first} if you have one.",
        "{what}がステップ {peak_step} 付近で {peak} まで爆発しています。"
        "ここまで大きな損失は、識別器の出力が完全に飽和したか重みが発散したことを意味"
        "します。学習率が大きすぎる可能性があります (記事より: 学習率が大きすぎると最適解を"
        "飛び越えて発散します)。学習率を下げて、ステップ {first} より前に保存した"
        "チェックポイントがあればそこから、やり直しましょう。",
    ),
    "diverge_grad": Text(
        "The gradient norm of {which} stayed above 100 (median {grad_norm}) from step "
        "{first} to step {last}. ganhacks: gradient norms over 100 mean training is "
        "going wrong. Smaller learning rates steady it.",
        "{which}の勾配ノルムが、ステップ {first} から {last} まで 100 を超えています "
        "(中央値 {grad_norm})。ganhacks によれば、勾配ノルムが 100 を超えるのは学習が"
        "おかしくなっているしるしです。学習率を下げると安定します。",
    ),
    # -- unstable --
    "unstable": Text(
        "From step {first} to step {last}, {which} swings by +-{noise} around its trend "
        "({rel} of its level){spikes}. Healthy losses have a small variance and move "
        "smoothly. The article: a larger batch gives steadier gradient estimates, and a "
        "smaller learning rate steadies training (at the cost of speed).",
        "ステップ {first} から {last} まで、{which}がトレンドの周りで ±{noise} "
        "(水準の {rel}) 揺れています{spikes}。健全な損失は分散が小さく、なめらかに"
        "推移します。記事より: バッチサイズを大きくすると勾配の推定が安定し、学習率を"
        "小さくすると学習が安定します (ただし遅くなります)。",
    ),
    "unstable_spikes": Text(", with {n_spikes} spikes ({spike_share} of the rows)",
                        "。急なスパイクも {n_spikes} 回 (全体の {spike_share}) あります"),
    # -- slow_progress --
    "slow": Text(
        "From the start of the run (step {first}) to step {last}, D's loss has stayed "
        "within {band} of ln 2 = 0.693 ({d_loss_min}-{d_loss_max}){outputs}. D has not "
        "even taken the early lead it takes in nearly every run. A balanced game also sits "
        "at 0.693, but only after D has learned something; here nothing has happened "
        "yet. The article: a small learning rate is stable but slow to converge. Raise both "
        "learning rates.",
        "学習の開始 (ステップ {first}) から {last} まで、識別器の損失が ln 2 = 0.693 から "
        "{band} 以内 ({d_loss_min}〜{d_loss_max}) に留まっています{outputs}。ほとんどの"
        "学習で見られる序盤の識別器の優位すら現れていません。釣り合った学習も 0.693 "
        "付近にいますが、それは識別器が何かを学んだ後の話で、ここではまだ何も起きて"
        "いません。記事より: 学習率が小さいと学習は安定しますが、収束までに時間が"
        "かかります。両方の学習率を上げましょう。",
    ),
    "slow_outputs": Text(
        " and its outputs stayed at D(x) = {d_x}, D(G(z)) = {d_g_z}, the 0.5 of a D that "
        "has not learned to tell them apart",
        "。識別器の出力も D(x) = {d_x}、D(G(z)) = {d_g_z} と、見分け方をまだ学んでいない"
        "識別器の 0.5 のままです",
    ),
    "slow_lr": Text(
        "The learning rates in force are {lr_d} (D) and {lr_g} (G).",
        "現在の学習率は識別器 {lr_d}、生成器 {lr_g} です。",
    ),
    # -- healthy --
    "healthy_acc": Text(
        "After the warm-up, {acc_name} averages {acc_mean} (from {acc_lo} to {acc_hi}) "
        "and the losses are steady (D {d_loss_mean}, G {g_loss_mean}): D and G are "
        "competing well, close to the evenly matched game the article calls ideal.",
        "ウォームアップの後、{acc_name}は平均 {acc_mean} ({acc_lo}〜{acc_hi}) で、"
        "損失も安定しています (識別器 {d_loss_mean}、生成器 {g_loss_mean})。生成器と"
        "識別器がいい感じで競い合っており、記事のいう五分五分の理想に近い状態です。",
    ),
    "healthy_loss": Text(
        "After the warm-up, the losses are steady (D {d_loss_mean}, G {g_loss_mean}), "
        "with no sign of D winning outright, diverging or stalling.",
        "ウォームアップの後、損失は安定しています (識別器 {d_loss_mean}、生成器 "
        "{g_loss_mean})。識別器の圧勝・発散・停滞のしるしは見られません。",
    ),
    "healthy_warmup": Text(
        "The {warm_acc} at the start (before step {warm_end}) is the normal warm-up: D "
        "learns faster than G at first, so that early lead needs no action.",
        "序盤 (ステップ {warm_end} まで) の {warm_acc} は通常のウォームアップです。"
        "始めは識別器が優位になりがちなので、気にする必要はありません。",
    ),
    "healthy_ahead": Text(
        "From about step {rise_step} {acc_name} rose to {late_acc}: D is slightly "
        "ahead, which is fine. Act only if it keeps climbing towards 100 %.",
        "ステップ {rise_step} 頃から{acc_name}が {late_acc} に上がりました。識別器が少しだけ"
        "優位になった状態で、問題ありません。100% に向かって上がり続けるようなら"
        "対処しましょう。",
    ),
    # -- too_little_data --
    "little": Text(
        "The log has {rows} usable rows, {after} of them after the warm-up (the first "
        "{warmup} steps). The rules need at least {min_rows} rows after the warm-up and "
        "a loss or accuracy column. Keep training or log more often.",
        "使える行が {rows} 行しかなく、ウォームアップ (最初の {warmup} ステップ) の後は "
        "{after} 行です。判断には、ウォームアップ後に少なくとも {min_rows} 行と、損失か"
        "正解率の列が必要です。学習を続けるか、ログの出力間隔を短くしましょう。",
    ),
    # -- fix_result --
    "fix_moved": Text(
        "Since {change} at step {step}, {metric} {moved} from {before} to {after} "
        "(steps {b0}-{b1} against {a0}-{a1}). {verdict}",
        "ステップ {step} で {change}てから、{metric}が {before} から {after} に{moved} "
        "(ステップ {b0}〜{b1} と {a0}〜{a1} の比較)。{verdict}",
    ),
    "fix_same": Text(
        "Since {change} at step {step}, {metric} has stayed at about {before} (now "
        "{after}; steps {b0}-{b1} against {a0}-{a1}). {verdict}",
        "ステップ {step} で {change}てから、{metric}は {before} 前後のままです (現在 "
        "{after}、ステップ {b0}〜{b1} と {a0}〜{a1} の比較)。{verdict}",
    ),
    "fix_partly": Text("D and G moved towards an even game but are not there yet: give it more "
                   "steps, or take the next remedy.",
                   "五分五分に近づいていますが、まだ届いていません。もう少し様子を見るか、"
                   "次の手を試しましょう。"),
    "fix_worked": Text("D and G are closer to an even game: the change worked.",
                   "生成器と識別器が五分五分に近づきました。変更は効いています。"),
    "fix_no_effect": Text("The balance has not moved yet: give it more steps, or try the next "
                      "remedy.",
                      "バランスはまだ変わっていません。もう少し様子を見るか、次の手を"
                      "試しましょう。"),
    "fix_worse": Text("This moved away from an even game: consider undoing it.",
                  "五分五分から遠ざかりました。元に戻すことを検討しましょう。"),
    "fix_still_fine": Text("The game is still balanced.", "引き続き釣り合っています。"),
}

MOVED = {  # Text(English verb, Japanese verb ending)
    "fell": Text("fell", "下がりました"),
    "rose": Text("rose", "上がりました"),
}

# How a knob change reads in "Since lr_d was halved at step 4,000" /
# "ステップ 4,000 で lr_d を半分にしてから" (the Japanese joins to "てから").
CHANGES = {
    "halved": Text("{knob} was halved", "{knob} を半分にし"),
    "doubled": Text("{knob} was doubled", "{knob} を 2 倍にし"),
    "tenth": Text("{knob} was cut tenfold", "{knob} を 1/10 にし"),
    "tenfold": Text("{knob} was raised tenfold", "{knob} を 10 倍にし"),
    "on": Text("{knob} was turned on", "{knob} をオンにし"),
    "off": Text("{knob} was turned off", "{knob} をオフにし"),
    "changed": Text("{knob} was changed from {old} to {new}", "{knob} を {old} から {new} に変更し"),
}

ACC_NAMES = {  # what the accuracy thresholds were compared with
    "d_acc": Text("D's accuracy", "識別器の正解率"),
    "d_score": Text("D's score (the mean of D(x) and 1 - D(G(z)))",
                "識別器のスコア (D(x) と 1 - D(G(z)) の平均)"),
}

METRICS = {  # what follow_up compares
    "d_acc": Text("D's accuracy", "識別器の正解率"),
    "d_score": Text("D's score (from D(x) and D(G(z)))", "識別器のスコア (D(x) と D(G(z)) から)"),
    "d_loss": Text("D's loss", "識別器の損失"),
}

LOSS_NAMES = {  # column -> its name in sentences
    "d_loss": Text("D's loss", "識別器の損失"),
    "g_loss": Text("G's loss", "生成器の損失"),
    "d_loss_real": Text("D's loss on real images", "識別器の本物に対する損失"),
    "d_loss_fake": Text("D's loss on fakes", "識別器の偽物に対する損失"),
    "grad_norm_d": Text("D's gradient norm", "識別器の勾配ノルム"),
    "grad_norm_g": Text("G's gradient norm", "生成器の勾配ノルム"),
    "D": Text("D", "識別器"),
    "G": Text("G", "生成器"),
}

QUALITY_NAMES = {  # the labels of gantuner.quality.descriptions, in sentence case
    "quality_modes": Text("modes covered", "カバーしたモード数"),
    "quality_classes": Text("digit classes covered", "カバーした数字クラス数"),
    "quality_diversity": Text("diversity", "多様性"),
    "quality_recall": Text("recall (coverage of the data)", "再現率 (データの網羅性)"),
    "quality_precision": Text("kNN precision (share of samples near the data)",
                          "kNN 適合率 (データに近いサンプルの割合)"),
    "quality_high_quality": Text("share of samples near a mode", "モードに近いサンプルの割合"),
}

# Reasons that D is handicapped (d_too_weak), filled with the knob values.
WEAK_REASONS = {
    "lr": Text("D's learning rate {lr_d} is {ratio} of G's {lr_g}",
           "識別器の学習率 {lr_d} が生成器 ({lr_g}) の {ratio} しかない"),
    "dropout": Text("dropout in D is {value}", "識別器のドロップアウトが {value} と大きい"),
    "label_smoothing": Text("label smoothing is {value}", "ラベルスムージングが {value} と大きい"),
    "instance_noise": Text("instance noise is {value}", "インスタンスノイズが {value} と大きい"),
}

# One-click actions: key -> the action's label.
ACTION_LABELS: dict[str, Text] = {
    "d_batchnorm_off": Text("Remove batch norm from D", "識別器のバッチ正規化を外す"),
    "d_dropout_up": Text("Add dropout to D", "識別器にドロップアウトを追加する"),
    "d_dropout_down": Text("Reduce D's dropout", "識別器のドロップアウトを減らす"),
    "lr_d_down": Text("Lower D's learning rate", "識別器の学習率を下げる"),
    "lr_d_up": Text("Raise D's learning rate", "識別器の学習率を上げる"),
    "lr_d_cut": Text("Cut D's learning rate tenfold", "識別器の学習率を 1/10 にする"),
    "lr_g_up": Text("Raise G's learning rate (with care: too fast and it will not converge)",
                "生成器の学習率を上げる (上げすぎると収束しなくなるので慎重に)"),
    "lr_g_down": Text("Lower G's learning rate", "生成器の学習率を下げる"),
    "lr_g_cut": Text("Cut G's learning rate tenfold", "生成器の学習率を 1/10 にする"),
    "g_width_up": Text("Widen G", "生成器の幅を広げる"),
    "g_depth_up": Text("Give G one more layer", "生成器に層を 1 つ追加する"),
    "d_width_up": Text("Widen D", "識別器の幅を広げる"),
    "label_smoothing_on": Text("Smooth the real labels (one-sided)",
                           "本物のラベルをスムージングする (片側)"),
    "label_smoothing_off": Text("Stop smoothing the labels", "ラベルスムージングをやめる"),
    "instance_noise_on": Text("Add instance noise to D's inputs",
                          "識別器の入力にインスタンスノイズを加える"),
    "instance_noise_off": Text("Stop the instance noise", "インスタンスノイズをやめる"),
    "loss_lsgan": Text("Switch to the least-squares loss", "最小二乗損失 (lsgan) に切り替える"),
    "batch_up": Text("Use a larger batch (steadier gradients)",
                 "バッチサイズを大きくする (勾配が安定する)"),
    "batch_down": Text("Use a smaller batch (more varied gradients)",
                   "バッチサイズを小さくする (勾配が多様になる)"),
    "beta1_half": Text("Set Adam's beta1 to 0.5 (the usual GAN choice)",
                   "Adam の beta1 を 0.5 にする (GAN の定番)"),
}

REPORT_WORDS: dict[str, Text] = {
    "source": Text("Source", "ファイル"),
    "format": Text("Format", "形式"),
    "rows": Text("Rows", "行数"),
    "steps": Text("Steps", "ステップ"),
    "skipped": Text("Skipped lines", "読み飛ばした行"),
    "first_at": Text("first at line", "最初の行番号"),
    "none": Text("none", "なし"),
    "restarts": Text("The step counter restarts {n} time(s); the hints describe the last run "
                 "(from row {row}).",
                 "ステップ数が {n} 回リセットされています。ヒントは最後の学習 "
                 "({row} 行目から) についてのものです。"),
    "no_hints": Text("No hints.", "ヒントはありません。"),
    "combined": Text("{which} here is the sum {sources} (the log has several); the hints judge the sum.",
                 "この{which}は {sources} の合計です (ログに複数あるため)。ヒントは合計で判断しています。"),
    "tail": Text("The log starts at step {first}, not at the start of training: its early phase "
             "(the warm-up) is not in it and is not judged.",
             "このログはステップ {first} から始まっており、学習の最初からではありません。序盤 "
             "(ウォームアップ) は含まれていないので判断していません。"),
    "steps_range": Text("steps {a}-{b}", "ステップ {a}〜{b}"),
    "evidence": Text("Evidence", "根拠"),
    "try": Text("Try", "試すこと"),
    "restart": Text("needs a restart", "再スタートが必要"),
    "critical": Text("CRITICAL", "重大"),
    "warning": Text("WARNING", "警告"),
    "info": Text("INFO", "情報"),
}


def pct2(share: float, whole: bool = False) -> Text:
    """A percentage in both typographies: '99.7 %' and '99.7%'."""
    return Text(percent(share, "en", whole), percent(share, "ja", whole))


def entry(key: str, table: dict | None = None) -> Text:
    """The text ``key`` of ``table``, else of PARTS/TITLES/REPORT_WORDS."""
    found = table[key] if table is not None else (PARTS.get(key) or TITLES.get(key) or REPORT_WORDS.get(key))
    if found is None:
        raise KeyError(f"no text {key!r}")
    return found


def say(key: str, language: str = "en", table: dict | None = None, **fields: Any) -> str:
    """The text ``key`` in ``language``, with ``fields`` filled in; Text fields pick their language."""
    return pair(key, table, **fields).get(language)


def pair(key: str, table: dict | None = None, **fields: Any) -> Text:
    """The text ``key`` with ``fields`` filled in, in both languages."""
    return entry(key, table).format(**fields)


def join(*parts: Text) -> Text:
    """Sentences joined per language (a space in English, nothing in Japanese)."""
    return Text.join(*parts)
