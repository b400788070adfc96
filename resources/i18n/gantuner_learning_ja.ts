<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
  <context>
    <name>DataSpaceView</name>
    <message>
      <source>D's opinion (heat map)</source>
      <translation>識別器の判断 (ヒートマップ)</translation>
    </message>
    <message>
      <source>Real points</source>
      <translation>本物の点</translation>
    </message>
    <message>
      <source>G's points</source>
      <translation>生成器の点</translation>
    </message>
    <message>
      <source>G's gradients (arrows)</source>
      <translation>生成器の勾配 (矢印)</translation>
    </message>
    <message>
      <source>G's manifold</source>
      <translation>生成器の多様体</translation>
    </message>
    <message>
      <source>Green where D says 'real', purple where it says 'fake'</source>
      <translation>識別器が「本物」と言う所は緑、「偽物」と言う所は紫</translation>
    </message>
    <message>
      <source>Where G's loss pushes each of its points</source>
      <translation>生成器の損失が各点を押す方向</translation>
    </message>
    <message>
      <source>The image of a grid of noise under G: how G folds the noise</source>
      <translation>ノイズの格子を生成器に通した像: 生成器がノイズをどう折り曲げるか</translation>
    </message>
    <message>
      <source>Sample noise</source>
      <translation>ノイズを取り出す</translation>
    </message>
    <message>
      <source>D judges real</source>
      <translation>識別器が本物を判定</translation>
    </message>
    <message>
      <source>D judges fake</source>
      <translation>識別器が偽物を判定</translation>
    </message>
    <message>
      <source>D update</source>
      <translation>識別器を更新</translation>
    </message>
    <message>
      <source>G update</source>
      <translation>生成器を更新</translation>
    </message>
  </context>
  <context>
    <name>KnobPanel</name>
    <message>
      <source>On</source>
      <translation>オン</translation>
    </message>
    <message>
      <source>Off</source>
      <translation>オフ</translation>
    </message>
    <message>
      <source>Other choices</source>
      <translation>他の選択肢</translation>
    </message>
    <message>
      <source>Default</source>
      <translation>既定</translation>
    </message>
    <message>
      <source>Raise</source>
      <translation>上げる</translation>
    </message>
    <message>
      <source>Lower</source>
      <translation>下げる</translation>
    </message>
  </context>
  <context>
    <name>LearningDocks</name>
    <message>
      <source>Learn: data space</source>
      <translation>学ぶ: データ空間</translation>
    </message>
    <message>
      <source>Learn: compare runs</source>
      <translation>学ぶ: 実行の比較</translation>
    </message>
    <message>
      <source>Learn: practice</source>
      <translation>学ぶ: 練習</translation>
    </message>
    <message>
      <source>Learn: guide</source>
      <translation>学ぶ: ガイド</translation>
    </message>
  </context>
  <context>
    <name>LearningLab</name>
    <message>
      <source>The playground stopped: {0}</source>
      <translation>練習場が止まりました: {0}</translation>
    </message>
    <message>
      <source>Step {0}</source>
      <translation>ステップ {0}</translation>
    </message>
    <message>
      <source>Pause</source>
      <translation>一時停止</translation>
    </message>
    <message>
      <source>Play</source>
      <translation>再生</translation>
    </message>
    <message>
      <source>2D data:</source>
      <translation>2次元データ:</translation>
    </message>
    <message>
      <source>Step D</source>
      <translation>D を 1 回更新</translation>
    </message>
    <message>
      <source>One discriminator update; G stays as it is</source>
      <translation>識別器を 1 回だけ更新 (生成器はそのまま)</translation>
    </message>
    <message>
      <source>Step G</source>
      <translation>G を 1 回更新</translation>
    </message>
    <message>
      <source>One generator update against the current D</source>
      <translation>今の識別器に対して生成器を 1 回だけ更新</translation>
    </message>
    <message>
      <source>Step</source>
      <translation>1 ステップ</translation>
    </message>
    <message>
      <source>One whole training step: D, then G</source>
      <translation>学習を 1 ステップ: 識別器、次に生成器</translation>
    </message>
    <message>
      <source>Slow motion</source>
      <translation>スローモーション</translation>
    </message>
    <message>
      <source>Walk through one step phase by phase: each click shows the next</source>
      <translation>1 ステップを段階ごとにたどる: クリックごとに次の段階</translation>
    </message>
    <message>
      <source>Reset</source>
      <translation>リセット</translation>
    </message>
    <message>
      <source>Start the playground again with fresh models (and the Knobs panel's values, when it is set to this data)</source>
      <translation>新しいモデルで練習場をやり直す (つまみパネルが同じデータ用なら、その値で)</translation>
    </message>
    <message>
      <source>Train continuously, or pause</source>
      <translation>続けて学習する、または一時停止</translation>
    </message>
    <message>
      <source>This window's run:</source>
      <translation>このウィンドウの実行:</translation>
    </message>
    <message>
      <source>While the window's run is paused: one update of its D only</source>
      <translation>ウィンドウの実行が一時停止中に: その識別器だけを 1 回更新</translation>
    </message>
    <message>
      <source>While the window's run is paused: one update of its G only</source>
      <translation>ウィンドウの実行が一時停止中に: その生成器だけを 1 回更新</translation>
    </message>
  </context>
  <context>
    <name>OverlaidRuns</name>
    <message>
      <source>Add all runs in a folder…</source>
      <translation>フォルダ内の実行をすべて追加…</translation>
    </message>
    <message>
      <source>Overlay every run folder directly inside a folder, such as the runs of a search, each in its own colour</source>
      <translation>フォルダの直下にある実行フォルダ(探索の実行など)をすべて重ねて表示します。実行ごとに色が変わります</translation>
    </message>
    <message>
      <source>Add all runs in a folder (the runs of a search)</source>
      <translation>フォルダ内の実行をすべて追加(探索の実行など)</translation>
    </message>
    <message>
      <source>{0}: no run folders directly in it (a run folder holds config.json); pick the folder that holds the runs</source>
      <translation>{0}: 直下に実行フォルダがありません(実行フォルダには config.json があります)。実行フォルダを含むフォルダを選んでください</translation>
    </message>
    <message>
      <source>Added {0} runs from {1}; {2} could not be read: {3}</source>
      <translation>{1} から {0} 件の実行を追加しました。{2} 件は読めませんでした: {3}</translation>
    </message>
    <message>
      <source>Added {0} runs from {1}</source>
      <translation>{1} から {0} 件の実行を追加しました</translation>
    </message>
    <message>
      <source>No run to add: start training or open a run first</source>
      <translation>追加できる実行がありません: 先に学習を始めるか実行を開いてください</translation>
    </message>
    <message>
      <source>Add a log, or any file of a run folder</source>
      <translation>ログ、または実行フォルダ内のファイルを追加</translation>
    </message>
    <message>
      <source>log: knobs unknown</source>
      <translation>ログ: つまみ不明</translation>
    </message>
    <message>
      <source>a log: its knobs are unknown</source>
      <translation>ログのため、つまみは不明</translation>
    </message>
    <message>
      <source>Compared with {0}:</source>
      <translation>{0} と比べて:</translation>
    </message>
    <message>
      <source>Add two or more runs to see how their knobs differ.</source>
      <translation>実行を 2 つ以上追加すると、つまみの違いが表示されます。</translation>
    </message>
    <message>
      <source>no samples</source>
      <translation>サンプルなし</translation>
    </message>
    <message>
      <source>Step {0}</source>
      <translation>ステップ {0}</translation>
    </message>
    <message>
      <source>Add a run with sample grids first</source>
      <translation>先にサンプル画像のある実行を追加してください</translation>
    </message>
    <message>
      <source>Export the samples as a GIF</source>
      <translation>サンプルを GIF に書き出す</translation>
    </message>
    <message>
      <source>GIF images (*.gif)</source>
      <translation>GIF 画像 (*.gif)</translation>
    </message>
    <message>
      <source>Saved {0} frames to {1}</source>
      <translation>{0} コマを {1} に保存しました</translation>
    </message>
    <message>
      <source>Add run or log…</source>
      <translation>実行・ログを追加…</translation>
    </message>
    <message>
      <source>Overlay another run (pick any file in its folder) or a training log</source>
      <translation>別の実行 (フォルダ内のファイルを選ぶ) または学習ログを重ねて表示</translation>
    </message>
    <message>
      <source>Add this run</source>
      <translation>この実行を追加</translation>
    </message>
    <message>
      <source>Overlay the run this window trains or shows</source>
      <translation>このウィンドウで学習中・表示中の実行を重ねる</translation>
    </message>
    <message>
      <source>Clear</source>
      <translation>消去</translation>
    </message>
    <message>
      <source>Curve:</source>
      <translation>曲線:</translation>
    </message>
    <message>
      <source>D loss</source>
      <translation>D の損失</translation>
    </message>
    <message>
      <source>G loss</source>
      <translation>G の損失</translation>
    </message>
    <message>
      <source>D accuracy</source>
      <translation>D の正解率</translation>
    </message>
    <message>
      <source>D(x)</source>
      <translation>D(x)</translation>
    </message>
    <message>
      <source>D(G(z))</source>
      <translation>D(G(z))</translation>
    </message>
    <message>
      <source>Export GIF…</source>
      <translation>GIF を書き出す…</translation>
    </message>
    <message>
      <source>Save the left run's sample history as an animated GIF</source>
      <translation>左の実行のサンプル履歴をアニメーション GIF に保存</translation>
    </message>
  </context>
  <context>
    <name>PracticePane</name>
    <message>
      <source>Pick a hypothesis and a change first.</source>
      <translation>先に仮説と変更を選んでください。</translation>
    </message>
    <message>
      <source>Right hypothesis.</source>
      <translation>仮説は正解。</translation>
    </message>
    <message>
      <source>Not this time: the diagnosis says: {0}</source>
      <translation>今回は違います。診断の結論: {0}</translation>
    </message>
    <message>
      <source>Right change.</source>
      <translation>変更も正解。</translation>
    </message>
    <message>
      <source>A better change: {0}</source>
      <translation>より良い変更: {0}</translation>
    </message>
    <message>
      <source>Evidence:</source>
      <translation>根拠:</translation>
    </message>
    <message>
      <source>Score: {0} / {1}</source>
      <translation>得点: {0} / {1}</translation>
    </message>
    <message>
      <source>D loss</source>
      <translation>D の損失</translation>
    </message>
    <message>
      <source>G loss</source>
      <translation>G の損失</translation>
    </message>
    <message>
      <source>D accuracy</source>
      <translation>D の正解率</translation>
    </message>
    <message>
      <source>Your hypothesis</source>
      <translation>あなたの仮説</translation>
    </message>
    <message>
      <source>What would you change?</source>
      <translation>何を変えますか?</translation>
    </message>
    <message>
      <source>Check my answer</source>
      <translation>答え合わせ</translation>
    </message>
    <message>
      <source>Next scenario</source>
      <translation>次の問題</translation>
    </message>
    <message>
      <source>Which hypothesis fits these curves, and what would you change?</source>
      <translation>この曲線に合う仮説は? 何を変えますか?</translation>
    </message>
  </context>
</TS>
