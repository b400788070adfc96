<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
  <context>
    <name>ConfirmStop</name>
    <message>
      <source>Stop the training?</source>
      <translation>学習を止めますか?</translation>
    </message>
    <message>
      <source>Opening “{0}” stops the training that is running now (step {1}).</source>
      <translation>「{0}」を開くと、いま実行中の学習 (ステップ {1}) が止まります。</translation>
    </message>
    <message>
      <source>The training is kept: its curves, samples and checkpoints stay in {0}, and Load checkpoint and resume goes on from there.</source>
      <translation>学習は残ります: 曲線・サンプル・チェックポイントは {0} に保存されたままで、「チェックポイントを読み込んで再開」でそこから続けられます。</translation>
    </message>
    <message>
      <source>This training has no run folder: what it learnt is lost.</source>
      <translation>この学習には実行フォルダがありません。学習した内容は失われます。</translation>
    </message>
    <message>
      <source>Stop training and open</source>
      <translation>学習を止めて開く</translation>
    </message>
    <message>
      <source>Cancel (keep training)</source>
      <translation>キャンセル (学習を続ける)</translation>
    </message>
    <message>
      <source>Kept training; “{0}” was not opened</source>
      <translation>学習を続けています。「{0}」は開きませんでした</translation>
    </message>
    <message>
      <source>the training was stopped at step {0} and kept in {1}</source>
      <translation>学習はステップ {0} で止め、{1} に残しました</translation>
    </message>
    <message>
      <source>the training was stopped at step {0}</source>
      <translation>学習はステップ {0} で止めました</translation>
    </message>
  </context>
  <context>
    <name>CurvesView</name>
    <message>
      <source>Shaded steps:</source>
      <translation>色付きの区間:</translation>
    </message>
    <message>
      <source>Not applied: curves shorter than {0} points are drawn as they are</source>
      <translation>適用されていません: {0} 点未満の曲線はそのまま描きます</translation>
    </message>
    <message>
      <source>Each point averages about the last {0} points</source>
      <translation>各点は直近の約 {0} 点の平均です</translation>
    </message>
    <message>
      <source>Exponential moving average as in TensorBoard (0: raw curve, 0.999: heaviest); not applied to curves shorter than {0} points</source>
      <translation>TensorBoard と同じ指数移動平均 (0: 元の曲線, 0.999: 最も強い)。{0} 点未満の曲線には適用しません</translation>
    </message>
  </context>
  <context>
    <name>HintsPanel</name>
    <message>
      <source>Tick the actions to apply</source>
      <translation>適用する対策にチェックを入れてください</translation>
    </message>
    <message>
      <source>Staged for Restart with these settings: {changes}</source>
      <translation>「この設定で再スタート」用に準備: {changes}</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>はい</translation>
    </message>
    <message>
      <source>no</source>
      <translation>いいえ</translation>
    </message>
  </context>
  <context>
    <name>LogOpener</name>
    <message>
      <source>Lesson 1: D too strong (example 1 of the article)</source>
      <translation>レッスン 1: D が強すぎる (記事の例 1)</translation>
    </message>
    <message>
      <source>Lesson 2: a healthy run (example 2 of the article)</source>
      <translation>レッスン 2: 健全な学習 (記事の例 2)</translation>
    </message>
  </context>
  <context>
    <name>QualityPlot</name>
    <message>
      <source>count, of {0}</source>
      <translation>個数 ({0} 個中)</translation>
    </message>
    <message>
      <source>share (0–1)</source>
      <translation>割合 (0〜1)</translation>
    </message>
    <message>
      <source>value</source>
      <translation>値</translation>
    </message>
    <message>
      <source>Which quality metric to draw, on its own scale</source>
      <translation>描く品質指標 (それぞれ本来の尺度で描きます)</translation>
    </message>
  </context>
  <context>
    <name>RunStatusBar</name>
    <message>
      <source>Paused at step {0}</source>
      <translation>ステップ {0} で一時停止中</translation>
    </message>
    <message>
      <source>Starting…</source>
      <translation>開始中…</translation>
    </message>
    <message>
      <source>Training</source>
      <translation>学習中</translation>
    </message>
    <message>
      <source>Stopping…</source>
      <translation>停止中…</translation>
    </message>
    <message>
      <source>Stopped</source>
      <translation>停止</translation>
    </message>
  </context>
  <context>
    <name>TransportBar</name>
    <message>
      <source>Paused</source>
      <translation>一時停止中</translation>
    </message>
    <message>
      <source>Training is paused: Resume (Space) goes on, Step runs one step</source>
      <translation>学習は一時停止中です: 「再開」(Space) で続き、「1 ステップ」で 1 ステップだけ進めます</translation>
    </message>
  </context>
  <context>
    <name>Welcome</name>
    <message>
      <source>Welcome</source>
      <translation>はじめに</translation>
    </message>
    <message>
      <source>Show the first steps again</source>
      <translation>最初の手順をもう一度表示します</translation>
    </message>
  </context>
  <context>
    <name>WelcomePanel</name>
    <message>
      <source>Welcome to gantuner: train a GAN and watch it learn</source>
      <translation>gantuner へようこそ: GAN を学習させ、学ぶ様子を見てみましょう</translation>
    </message>
    <message>
      <source>&lt;b&gt;1. Press Start&lt;/b&gt; (top left). A small GAN learns to imitate the data chosen under Data (handwritten digits at first); its samples appear on the right, digits after a few hundred steps.&lt;br&gt;&lt;b&gt;2. Turn the knobs&lt;/b&gt; on the left while it trains: live knobs act at the next step, and each change is marked on the curves.</source>
      <translation>&lt;b&gt;1. 「開始」を押します&lt;/b&gt; (左上)。小さな GAN が「データ」で選んだデータ (最初は手書き数字) をまねることを学びます。サンプルは右に表示され、数百ステップで数字らしくなります。&lt;br&gt;&lt;b&gt;2. 学習中に左のノブを回します&lt;/b&gt;: ライブのノブは次のステップから効き、変更は曲線に印で示されます。</translation>
    </message>
    <message>
      <source>&lt;b&gt;What the curves mean&lt;/b&gt;&lt;br&gt;&lt;b&gt;Loss&lt;/b&gt;: how wrong D and G are; in a good game both stay level (about 0.69).&lt;br&gt;&lt;b&gt;D accuracy&lt;/b&gt;: how often D tells real from fake; near 50 % (chance) is balanced, near 100 % means D is too strong.&lt;br&gt;&lt;b&gt;D output&lt;/b&gt;: D(x) on real and D(G(z)) on generated samples; they meet near 0.5 when G fools D half the time.&lt;br&gt;&lt;b&gt;Quality&lt;/b&gt;: how close the samples are to the data.</source>
      <translation>&lt;b&gt;曲線の意味&lt;/b&gt;&lt;br&gt;&lt;b&gt;損失&lt;/b&gt;: D と G がどれだけ間違えているか。良い勝負なら両方とも横ばい (約 0.69) です。&lt;br&gt;&lt;b&gt;D の正解率&lt;/b&gt;: D が本物と偽物を見分けられる割合。50 % (当てずっぽう) 付近なら釣り合っており、100 % 近くなら D が強すぎます。&lt;br&gt;&lt;b&gt;D の出力&lt;/b&gt;: 本物に対する D(x) と生成サンプルに対する D(G(z))。G が D を半分だませていれば 0.5 付近で重なります。&lt;br&gt;&lt;b&gt;品質&lt;/b&gt;: サンプルがどれだけデータに近いか。</translation>
    </message>
    <message>
      <source>&lt;b&gt;Hints&lt;/b&gt; on the right say what the curves show and what to try; Apply changes the ticked knobs.&lt;br&gt;&lt;b&gt;Lessons&lt;/b&gt;: Help &amp;gt; Lesson 1 and Lesson 2 replay the two examples of the article (D too strong, a healthy run).&lt;br&gt;This welcome comes back with Help &amp;gt; Welcome.</source>
      <translation>右の&lt;b&gt;ヒント&lt;/b&gt;は、曲線から読み取れることと試すべきことを示します。「適用」でチェックしたノブを変えます。&lt;br&gt;&lt;b&gt;レッスン&lt;/b&gt;: ヘルプ &amp;gt; レッスン 1・レッスン 2 で記事の 2 つの例 (D が強すぎる、健全な学習) を再生します。&lt;br&gt;この案内はヘルプ &amp;gt; はじめに でもう一度表示できます。</translation>
    </message>
    <message>
      <source>Open Lesson 1</source>
      <translation>レッスン 1 を開く</translation>
    </message>
    <message>
      <source>Show the article's first example: D too strong</source>
      <translation>記事の最初の例 (D が強すぎる) を表示します</translation>
    </message>
    <message>
      <source>Got it</source>
      <translation>わかった</translation>
    </message>
    <message>
      <source>Hide this welcome; it does not come back by itself</source>
      <translation>この案内を閉じます (自動ではもう表示されません)</translation>
    </message>
  </context>
  <context>
    <name>PlainWords</name>
    <message>
      <source>Training on {device} at normal speed (the extra-fast mode needs an NVIDIA graphics card; nothing to do).</source>
      <translation>{device} で通常の速さで学習しています (超高速モードには NVIDIA のグラフィックスカードが必要です。対応は不要です)。</translation>
    </message>
    <message>
      <source>Training on {device} with ordinary 32-bit numbers: bf16 and the extra-fast mode need an NVIDIA graphics card.</source>
      <translation>{device} で通常の 32 ビットの数値で学習しています: bf16 と超高速モードには NVIDIA のグラフィックスカードが必要です。</translation>
    </message>
    <message>
      <source>The extra-fast mode is switched off ({variable}=0); training runs at normal speed.</source>
      <translation>超高速モードはオフにされています ({variable}=0)。通常の速さで学習します。</translation>
    </message>
    <message>
      <source>The extra-fast mode is off ({detail}); training runs at normal speed.</source>
      <translation>超高速モードはオフです ({detail})。通常の速さで学習します。</translation>
    </message>
    <message>
      <source>The extra-fast mode failed ({error}); training goes on at normal speed.</source>
      <translation>超高速モードが失敗しました ({error})。通常の速さで学習を続けます。</translation>
    </message>
    <message>
      <source>Extra-fast mode on: each training step is recorded once on the graphics card and replayed ({ms} ms to record).</source>
      <translation>超高速モード オン: 学習の各ステップをグラフィックスカード上で一度記録し、再生します (記録に {ms} ms)。</translation>
    </message>
  </context>
  <context>
    <name>QFileDialog</name>
    <message>
      <source>&amp;Look in:</source>
      <translation>場所(&amp;L):</translation>
    </message>
    <message>
      <source>Files of &amp;type:</source>
      <translation>ファイルの種類(&amp;T):</translation>
    </message>
  </context>
  <context>
    <name>QAbstractFileIconProvider</name>
    <message>
      <source>Folder</source>
      <translation>フォルダ</translation>
    </message>
    <message>
      <source>File</source>
      <translation>ファイル</translation>
    </message>
    <message>
      <source>Drive</source>
      <translation>ドライブ</translation>
    </message>
    <message>
      <source>%1 File</source>
      <translation>%1 ファイル</translation>
    </message>
  </context>
</TS>