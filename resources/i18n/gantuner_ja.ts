<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>ConfirmStop</name>
    <message>
        <location filename="../../gantuner/gui/confirm_stop.py" line="37"/>
        <source>Stop the training?</source>
        <translation>学習を止めますか?</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/confirm_stop.py" line="38"/>
        <source>Opening “{0}” stops the training that is running now (step {1}).</source>
        <translation>「{0}」を開くと、いま実行中の学習 (ステップ {1}) が止まります。</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/confirm_stop.py" line="40"/>
        <source>The training is kept: its curves, samples and checkpoints stay in {0}, and Load checkpoint and resume goes on from there.</source>
        <translation>学習は残ります: 曲線・サンプル・チェックポイントは {0} に保存されたままで、「チェックポイントを読み込んで再開」でそこから続けられます。</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/confirm_stop.py" line="43"/>
        <source>This training has no run folder: what it learnt is lost.</source>
        <translation>この学習には実行フォルダがありません。学習した内容は失われます。</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/confirm_stop.py" line="45"/>
        <source>Stop training and open</source>
        <translation>学習を止めて開く</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/confirm_stop.py" line="48"/>
        <source>Cancel (keep training)</source>
        <translation>キャンセル (学習を続ける)</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/confirm_stop.py" line="52"/>
        <source>Kept training; “{0}” was not opened</source>
        <translation>学習を続けています。「{0}」は開きませんでした</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/confirm_stop.py" line="55"/>
        <source>the training was stopped at step {0} and kept in {1}</source>
        <translation>学習はステップ {0} で止め、{1} に残しました</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/confirm_stop.py" line="58"/>
        <source>the training was stopped at step {0}</source>
        <translation>学習はステップ {0} で止めました</translation>
    </message>
</context>
<context>
    <name>CurvesView</name>
    <message>
        <location filename="../../gantuner/gui/curves.py" line="520"/>
        <source>D loss</source>
        <translation>D の損失</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/curves.py" line="520"/>
        <source>G loss</source>
        <translation>G の損失</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/curves.py" line="521"/>
        <source>D accuracy on real</source>
        <translation>D の正解率 (本物)</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/curves.py" line="521"/>
        <source>D accuracy on fake</source>
        <translation>D の正解率 (偽物)</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/curves.py" line="522"/>
        <location filename="../../gantuner/gui/curves.py" line="534"/>
        <source>D accuracy</source>
        <translation>D の正解率</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/curves.py" line="526"/>
        <source>Smoothing</source>
        <translation>平滑化</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/curves.py" line="544"/>
        <source>Follow</source>
        <translation>追従</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/curves.py" line="545"/>
        <source>Keep the newest steps in view; zooming or panning turns it off</source>
        <translation>最新のステップを表示し続ける。拡大や移動をすると解除</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/curves.py" line="505"/>
        <location filename="../../gantuner/gui/curves.py" line="539"/>
        <source>step</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/curves.py" line="285"/>
        <source>Shaded steps:</source>
        <translation>色付きの区間:</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/curves.py" line="417"/>
        <source>Not applied: curves shorter than {0} points are drawn as they are</source>
        <translation>適用されていません: {0} 点未満の曲線はそのまま描きます</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/curves.py" line="420"/>
        <source>Each point averages about the last {0} points</source>
        <translation>各点は直近の約 {0} 点の平均です</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/curves.py" line="528"/>
        <source>Exponential moving average as in TensorBoard (0: raw curve, 0.999: heaviest); not applied to curves shorter than {0} points</source>
        <translation>TensorBoard と同じ指数移動平均 (0: 元の曲線, 0.999: 最も強い)。{0} 点未満の曲線には適用しません</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/curves.py" line="534"/>
        <source>Loss</source>
        <translation>損失</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/curves.py" line="535"/>
        <source>D output (probability)</source>
        <translation>D の出力 (確率)</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/curves.py" line="543"/>
        <source>50 % (chance)</source>
        <translation>50 % (当てずっぽう)</translation>
    </message>
</context>
<context>
    <name>DataNotesBar</name>
    <message>
        <location filename="../../gantuner/gui/data_notes.py" line="56"/>
        <source>Dismiss</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/data_notes.py" line="62"/>
        <source>Training data: {0}</source>
        <translation>学習データ: {0}</translation>
    </message>
</context>
<context>
    <name>DataSpaceView</name>
    <message>
        <location filename="../../gantuner/gui/data_space_view.py" line="230"/>
        <source>D&apos;s opinion (heat map)</source>
        <translation>識別器の判断 (ヒートマップ)</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/data_space_view.py" line="230"/>
        <source>Real points</source>
        <translation>本物の点</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/data_space_view.py" line="231"/>
        <source>G&apos;s points</source>
        <translation>生成器の点</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/data_space_view.py" line="231"/>
        <source>G&apos;s gradients (arrows)</source>
        <translation>生成器の勾配 (矢印)</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/data_space_view.py" line="232"/>
        <source>G&apos;s manifold</source>
        <translation>生成器の多様体</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/data_space_view.py" line="235"/>
        <source>Green where D says &apos;real&apos;, purple where it says &apos;fake&apos;</source>
        <translation>識別器が「本物」と言う所は緑、「偽物」と言う所は紫</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/data_space_view.py" line="236"/>
        <source>Where G&apos;s loss pushes each of its points</source>
        <translation>生成器の損失が各点を押す方向</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/data_space_view.py" line="237"/>
        <source>The image of a grid of noise under G: how G folds the noise</source>
        <translation>ノイズの格子を生成器に通した像: 生成器がノイズをどう折り曲げるか</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/data_space_view.py" line="238"/>
        <source>Sample noise</source>
        <translation>ノイズを取り出す</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/data_space_view.py" line="238"/>
        <source>D judges real</source>
        <translation>識別器が本物を判定</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/data_space_view.py" line="239"/>
        <source>D judges fake</source>
        <translation>識別器が偽物を判定</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/data_space_view.py" line="239"/>
        <source>D update</source>
        <translation>識別器を更新</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/data_space_view.py" line="240"/>
        <source>G update</source>
        <translation>生成器を更新</translation>
    </message>
</context>
<context>
    <name>DiagnosisDock</name>
    <message>
        <location filename="../../gantuner/gui/diagnosis_dock.py" line="90"/>
        <source>Hints</source>
        <translation>ヒント</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/diagnosis_dock.py" line="178"/>
        <source>{name}: {format} log, {rows} rows</source>
        <translation>{name}: {format} 形式のログ、{rows} 行</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/diagnosis_dock.py" line="181"/>
        <source>{count} lines skipped (first: line {lines})</source>
        <translation>{count} 行を読み飛ばしました(最初: {lines} 行目)</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/diagnosis_dock.py" line="216"/>
        <source>No run in progress: start training to apply a hint</source>
        <translation>実行中の学習がありません。ヒントを適用するには学習を開始してください</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/diagnosis_dock.py" line="221"/>
        <source>Staged {changes}: use Restart with these settings to build a new model</source>
        <translation>{changes} を保留しました。「この設定で再スタート」で新しいモデルを作ってください</translation>
    </message>
</context>
<context>
    <name>DiskTroubleBar</name>
    <message>
        <location filename="../../gantuner/gui/disk_trouble.py" line="66"/>
        <source>Choose a folder for this run</source>
        <translation>この実行の保存先フォルダを選ぶ</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/disk_trouble.py" line="107"/>
        <source>Choose another folder…</source>
        <translation>別のフォルダを選ぶ…</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/disk_trouble.py" line="108"/>
        <source>Continue without saving</source>
        <translation>保存せずに続ける</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/disk_trouble.py" line="114"/>
        <source>This run&apos;s files cannot be saved in {0}: {1}.</source>
        <translation>この実行のファイルを {0} に保存できません: {1}。</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/disk_trouble.py" line="116"/>
        <source>Disk trouble: {0}</source>
        <translation>ディスクの問題: {0}</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/disk_trouble.py" line="118"/>
        <source>Training goes on. Choose another folder to keep saving this run there (what it has written so far is copied along), or continue without saving.</source>
        <translation>学習は続いています。別のフォルダを選ぶとこの実行をそこに保存し続けます (これまでに書き込んだ内容もコピーします)。保存せずに続けることもできます。</translation>
    </message>
</context>
<context>
    <name>HintRegions</name>
    <message>
        <location filename="../../gantuner/gui/hint_regions.py" line="130"/>
        <location filename="../../gantuner/gui/hint_regions.py" line="169"/>
        <source>steps {first}–{last}</source>
        <translation>ステップ {first}〜{last}</translation>
    </message>
</context>
<context>
    <name>HintsPanel</name>
    <message>
        <location filename="../../gantuner/gui/hints_panel.py" line="90"/>
        <source>steps {first}–{last}</source>
        <translation>ステップ {first}〜{last}</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/hints_panel.py" line="110"/>
        <source>needs a restart</source>
        <translation>再スタートが必要</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/hints_panel.py" line="111"/>
        <source>already in force</source>
        <translation>設定済み</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/hints_panel.py" line="112"/>
        <source>cannot be applied to the current value</source>
        <translation>現在の値には適用できません</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/hints_panel.py" line="119"/>
        <source>Critical</source>
        <translation>重大</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/hints_panel.py" line="119"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/hints_panel.py" line="120"/>
        <source>Information</source>
        <translation>情報</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/hints_panel.py" line="219"/>
        <location filename="../../gantuner/gui/hints_panel.py" line="286"/>
        <source>Why?</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/hints_panel.py" line="294"/>
        <source>Applying…</source>
        <translation>適用中…</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/hints_panel.py" line="295"/>
        <source>Waiting for the run to take the change</source>
        <translation>学習が変更を反映するのを待っています</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/hints_panel.py" line="297"/>
        <location filename="../../gantuner/gui/hints_panel.py" line="300"/>
        <source>Apply</source>
        <translation>適用</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/hints_panel.py" line="298"/>
        <source>No run in progress to apply this to</source>
        <translation>適用先の実行中の学習がありません</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/hints_panel.py" line="300"/>
        <source>Apply again</source>
        <translation>もう一度適用</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/hints_panel.py" line="302"/>
        <source>Change now: {changes}</source>
        <translation>今すぐ変更: {changes}</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/hints_panel.py" line="304"/>
        <source>Tick the actions to apply</source>
        <translation>適用する対策にチェックを入れてください</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/hints_panel.py" line="308"/>
        <source>Staged for Restart with these settings: {changes}</source>
        <translation>「この設定で再スタート」用に準備: {changes}</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/hints_panel.py" line="437"/>
        <source>No hints at the moment. Hints appear here while the run trains.</source>
        <translation>現在ヒントはありません。学習中にここにヒントが表示されます。</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/hints_panel.py" line="439"/>
        <source>What the diagnosis sees in the curves, and what to try</source>
        <translation>診断が曲線から読み取ったことと、試すべきこと</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/hints_panel.py" line="471"/>
        <source>yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/hints_panel.py" line="471"/>
        <source>no</source>
        <translation>いいえ</translation>
    </message>
</context>
<context>
    <name>KnobEditor</name>
    <message>
        <location filename="../../gantuner/gui/knob_widgets.py" line="164"/>
        <source>Image folder…</source>
        <translation>画像フォルダ…</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/knob_widgets.py" line="166"/>
        <source>Data file (MNIST, CIFAR, .npy, .npz, .csv)…</source>
        <translation>データファイル (MNIST, CIFAR, .npy, .npz, .csv)…</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/knob_widgets.py" line="167"/>
        <source>Choose a built-in dataset, a folder of images or a data file</source>
        <translation>組み込みデータセット、画像フォルダ、データファイルから選ぶ</translation>
    </message>
</context>
<context>
    <name>KnobPanel</name>
    <message>
        <location filename="../../gantuner/gui/knob_panel.py" line="275"/>
        <source>dataset {0!r}: no such file or folder; use digits, ring, grid, spiral or the path of your data</source>
        <translation>dataset {0!r}: そのファイルやフォルダはありません。digits, ring, grid, spiral かデータのパスを指定してください</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/knob_panel.py" line="310"/>
        <source>Pending: takes effect at the next step</source>
        <translation>反映待ち: 次のステップで有効になります</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/knob_panel.py" line="315"/>
        <source>Staged: needs Restart with these settings</source>
        <translation>保留中: 「この設定で再スタート」で有効になります</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/knob_panel.py" line="330"/>
        <source>Optimiser</source>
        <translation>最適化</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/knob_panel.py" line="331"/>
        <source>Batch</source>
        <translation>バッチ</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/knob_panel.py" line="332"/>
        <source>Discriminator</source>
        <translation>識別器</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/knob_panel.py" line="333"/>
        <source>Generator</source>
        <translation>生成器</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/knob_panel.py" line="334"/>
        <source>Loss and tricks</source>
        <translation>損失と工夫</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/knob_panel.py" line="335"/>
        <source>Data</source>
        <translation>データ</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/knob_panel.py" line="346"/>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/knob_panel.py" line="347"/>
        <source>Put back the value before the last change (Ctrl+Z)</source>
        <translation>直前の変更の前の値に戻す (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/knob_panel.py" line="348"/>
        <source>Restart with these settings</source>
        <translation>この設定で再スタート</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/knob_panel.py" line="349"/>
        <source>Build a new model with the staged setup knobs and train it</source>
        <translation>保留中の構成ノブで新しいモデルを作り、学習する</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/knob_panel.py" line="354"/>
        <source>one of {0}</source>
        <translation>{0} のいずれか</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/knob_panel.py" line="356"/>
        <source>on or off</source>
        <translation>オンまたはオフ</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/knob_panel.py" line="361"/>
        <source>Live: takes effect at the next step</source>
        <translation>ライブ: 次のステップで有効になります</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/knob_panel.py" line="362"/>
        <source>Setup: needs a restart with a new model</source>
        <translation>構成: 新しいモデルで再スタートが必要です</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/knob_panel.py" line="363"/>
        <source>Range</source>
        <translation>範囲</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/knob_panel.py" line="373"/>
        <source>On</source>
        <translation>オン</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/knob_panel.py" line="373"/>
        <source>Off</source>
        <translation>オフ</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/knob_panel.py" line="375"/>
        <source>Other choices</source>
        <translation>他の選択肢</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/knob_panel.py" line="375"/>
        <source>Default</source>
        <translation>既定</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/knob_panel.py" line="377"/>
        <source>Raise</source>
        <translation>上げる</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/knob_panel.py" line="377"/>
        <source>Lower</source>
        <translation>下げる</translation>
    </message>
</context>
<context>
    <name>LearningDocks</name>
    <message>
        <location filename="../../gantuner/gui/learning_docks.py" line="40"/>
        <source>Learn: data space</source>
        <translation>学ぶ: データ空間</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/learning_docks.py" line="42"/>
        <source>Learn: compare runs</source>
        <translation>学ぶ: 実行の比較</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/learning_docks.py" line="44"/>
        <source>Learn: practice</source>
        <translation>学ぶ: 練習</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/learning_docks.py" line="46"/>
        <source>Learn: guide</source>
        <translation>学ぶ: ガイド</translation>
    </message>
</context>
<context>
    <name>LearningLab</name>
    <message>
        <location filename="../../gantuner/gui/learning_lab.py" line="153"/>
        <source>This window&apos;s run, live</source>
        <translation>このウィンドウの学習 (ライブ)</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/learning_lab.py" line="169"/>
        <source>The playground stopped: {0}</source>
        <translation>練習場が止まりました: {0}</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/learning_lab.py" line="171"/>
        <source>Step {0}</source>
        <translation>ステップ {0}</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/learning_lab.py" line="176"/>
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/learning_lab.py" line="176"/>
        <source>Play</source>
        <translation>再生</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/learning_lab.py" line="179"/>
        <source>2D data:</source>
        <translation>2次元データ:</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/learning_lab.py" line="180"/>
        <location filename="../../gantuner/gui/learning_lab.py" line="192"/>
        <source>Step D</source>
        <translation>D を 1 回更新</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/learning_lab.py" line="180"/>
        <source>One discriminator update; G stays as it is</source>
        <translation>識別器を 1 回だけ更新 (生成器はそのまま)</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/learning_lab.py" line="181"/>
        <location filename="../../gantuner/gui/learning_lab.py" line="194"/>
        <source>Step G</source>
        <translation>G を 1 回更新</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/learning_lab.py" line="181"/>
        <source>One generator update against the current D</source>
        <translation>今の識別器に対して生成器を 1 回だけ更新</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/learning_lab.py" line="182"/>
        <source>Step</source>
        <translation>1 ステップ</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/learning_lab.py" line="182"/>
        <source>One whole training step: D, then G</source>
        <translation>学習を 1 ステップ: 識別器、次に生成器</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/learning_lab.py" line="183"/>
        <source>Slow motion</source>
        <translation>スローモーション</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/learning_lab.py" line="184"/>
        <source>Walk through one step phase by phase: each click shows the next</source>
        <translation>1 ステップを段階ごとにたどる: クリックごとに次の段階</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/learning_lab.py" line="185"/>
        <source>Reset</source>
        <translation>リセット</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/learning_lab.py" line="185"/>
        <source>Start the playground again with fresh models (and the Knobs panel&apos;s values, when it is set to this data)</source>
        <translation>新しいモデルで練習場をやり直す (ノブパネルが同じデータ用なら、その値で)</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/learning_lab.py" line="190"/>
        <source>Train continuously, or pause</source>
        <translation>続けて学習する、または一時停止</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/learning_lab.py" line="191"/>
        <source>This window&apos;s run:</source>
        <translation>このウィンドウの実行:</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/learning_lab.py" line="193"/>
        <source>While the window&apos;s run is paused: one update of its D only</source>
        <translation>ウィンドウの実行が一時停止中に: その識別器だけを 1 回更新</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/learning_lab.py" line="195"/>
        <source>While the window&apos;s run is paused: one update of its G only</source>
        <translation>ウィンドウの実行が一時停止中に: その生成器だけを 1 回更新</translation>
    </message>
</context>
<context>
    <name>LogOpener</name>
    <message>
        <location filename="../../gantuner/gui/log_opener.py" line="184"/>
        <source>Open log</source>
        <translation>ログを開く</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/log_opener.py" line="186"/>
        <source>Logs (*.log *.txt *.csv *.out);;All files (*)</source>
        <translation>ログ (*.log *.txt *.csv *.out);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/log_opener.py" line="203"/>
        <source>Opening {0}…</source>
        <translation>{0} を開いています…</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/log_opener.py" line="234"/>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/log_opener.py" line="238"/>
        <source>Could not open the log</source>
        <translation>ログを開けませんでした</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/log_opener.py" line="296"/>
        <source>Open log…</source>
        <translation>ログを開く…</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/log_opener.py" line="297"/>
        <source>Show a training log&apos;s curves and hints (Keras-GAN, PyTorch-GAN, CSV, TensorBoard…)</source>
        <translation>学習ログの曲線とヒントを表示します(Keras-GAN、PyTorch-GAN、CSV、TensorBoard など)</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/log_opener.py" line="299"/>
        <source>Loss of opened logs</source>
        <translation>開いたログの損失関数</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/log_opener.py" line="300"/>
        <source>Which loss an opened log&apos;s numbers are: each is judged on its own scale</source>
        <translation>開いたログの数値がどの損失関数のものか: それぞれの尺度で判断します</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/log_opener.py" line="303"/>
        <source>Detect from the log</source>
        <translation>ログから判定する</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/log_opener.py" line="304"/>
        <source>BCE, mean of the real and fake terms (Keras-GAN, PyTorch-GAN)</source>
        <translation>BCE、本物と偽物の項の平均 (Keras-GAN、PyTorch-GAN)</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/log_opener.py" line="305"/>
        <source>BCE, sum of the two terms (pytorch/examples, Chainer)</source>
        <translation>BCE、2 つの項の合計 (pytorch/examples、Chainer)</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/log_opener.py" line="306"/>
        <source>Least squares (LSGAN, CycleGAN)</source>
        <translation>最小二乗 (LSGAN、CycleGAN)</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/log_opener.py" line="307"/>
        <source>Hinge</source>
        <translation>ヒンジ</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/log_opener.py" line="308"/>
        <source>Relativistic hinge</source>
        <translation>相対論的ヒンジ (relativistic hinge)</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/log_opener.py" line="309"/>
        <source>Wasserstein (WGAN, WGAN-GP)</source>
        <translation>Wasserstein (WGAN、WGAN-GP)</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/log_opener.py" line="314"/>
        <source>Lesson 1: D too strong (example 1 of the article)</source>
        <translation>レッスン 1: D が強すぎる (記事の例 1)</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/log_opener.py" line="316"/>
        <source>Lesson 2: a healthy run (example 2 of the article)</source>
        <translation>レッスン 2: 健全な学習 (記事の例 2)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="113"/>
        <source>Knobs</source>
        <translation>ノブ</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="115"/>
        <source>Samples</source>
        <translation>サンプル</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="228"/>
        <source>Checkpoint saved: {0}</source>
        <translation>チェックポイントを保存しました: {0}</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="230"/>
        <source>Could not save the checkpoint: {0}</source>
        <translation>チェックポイントを保存できませんでした: {0}</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="263"/>
        <source>Loading PyTorch… training starts as soon as it is ready</source>
        <translation>PyTorch を読み込み中… 準備ができしだい学習を始めます</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="273"/>
        <source>PyTorch could not be loaded: {0}. Headless commands and log reading still work; reinstall torch to train.</source>
        <translation>PyTorch を読み込めませんでした: {0}。ウィンドウなしのコマンドとログの読み込みは使えます。学習するには torch を再インストールしてください。</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="320"/>
        <source>Nothing to undo</source>
        <translation>元に戻す変更はありません</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="335"/>
        <source>{0} is staged: use Restart with these settings to build a new model</source>
        <translation>{0} は保留中です: 「この設定で再スタート」で新しいモデルを作ります</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="342"/>
        <source>There is no model to save: start training first</source>
        <translation>保存するモデルがありません: 先に学習を開始してください</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="348"/>
        <source>Save checkpoint in folder</source>
        <translation>チェックポイントを保存するフォルダ</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="353"/>
        <source>The model is not ready yet; try again in a moment</source>
        <translation>モデルの準備がまだです。少し待ってからやり直してください</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="359"/>
        <source>Loading checkpoint {0}…</source>
        <translation>チェックポイント {0} を読み込み中…</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="365"/>
        <source>Load checkpoint</source>
        <translation>チェックポイントを読み込む</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="366"/>
        <source>Checkpoints (*.safetensors)</source>
        <translation>チェックポイント (*.safetensors)</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="377"/>
        <source>Opening {0}…</source>
        <translation>{0} を開いています…</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="397"/>
        <source>Could not open the run: {0}</source>
        <translation>実行結果を開けませんでした: {0}</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="422"/>
        <source>Open run folder</source>
        <translation>実行フォルダを開く</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="447"/>
        <source>{0}: {1} steps, {2} knob changes, {3} sample grids</source>
        <translation>{0}: {1} ステップ, ノブ変更 {2} 回, サンプル画像 {3} 枚</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="451"/>
        <source>({0} unreadable lines skipped, first: {1} line {2})</source>
        <translation>(読めない {0} 行を飛ばしました。最初は {1} の {2} 行目)</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="465"/>
        <source>(none yet)</source>
        <translation>(まだありません)</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="481"/>
        <source>Building the model…</source>
        <translation>モデルを構築中…</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="500"/>
        <source>Training; run files in {0}</source>
        <translation>学習中。実行ファイルの保存先: {0}</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="559"/>
        <source>Stopped at step {0}</source>
        <translation>ステップ {0} で停止しました</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="560"/>
        <source>files kept in {0}</source>
        <translation>ファイルは {0} に残っています</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="566"/>
        <source>Training failed: {0}</source>
        <translation>学習に失敗しました: {0}</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="580"/>
        <source>Sample grid saved: {0}</source>
        <translation>サンプル画像を保存しました: {0}</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="584"/>
        <source>Could not save the sample grid: {0}</source>
        <translation>サンプル画像を保存できませんでした: {0}</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="672"/>
        <source>About gantuner</source>
        <translation>gantuner について</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="668"/>
        <source>Transport</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="673"/>
        <source>gantuner {0}: tune GANs by hand, with live curves, live knobs and hints.</source>
        <translation>gantuner {0}: ライブの曲線、学習中に回せるノブ、ヒントで GAN を手で調整するツール。</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="701"/>
        <source>Waiting for the current training step to finish…</source>
        <translation>現在の学習ステップの終了を待っています…</translation>
    </message>
</context>
<context>
    <name>OverlaidRuns</name>
    <message>
        <location filename="../../gantuner/gui/overlaid_runs.py" line="187"/>
        <source>{0}: no run folders directly in it (a run folder holds config.json); pick the folder that holds the runs</source>
        <translation>{0}: 直下に実行フォルダがありません(実行フォルダには config.json があります)。実行フォルダを含むフォルダを選んでください</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/overlaid_runs.py" line="196"/>
        <source>Added {0} runs from {1}; {2} could not be read: {3}</source>
        <translation>{1} から {0} 件の実行を追加しました。{2} 件は読めませんでした: {3}</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/overlaid_runs.py" line="199"/>
        <source>Added {0} runs from {1}</source>
        <translation>{1} から {0} 件の実行を追加しました</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/overlaid_runs.py" line="204"/>
        <source>No run to add: start training or open a run first</source>
        <translation>追加できる実行がありません: 先に学習を始めるか実行を開いてください</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/overlaid_runs.py" line="218"/>
        <source>Add a log, or any file of a run folder</source>
        <translation>ログ、または実行フォルダ内のファイルを追加</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/overlaid_runs.py" line="223"/>
        <source>Add all runs in a folder (the runs of a search)</source>
        <translation>フォルダ内の実行をすべて追加(探索の実行など)</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/overlaid_runs.py" line="233"/>
        <source>log: knobs unknown</source>
        <translation>ログ: ノブ不明</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/overlaid_runs.py" line="261"/>
        <source>a log: its knobs are unknown</source>
        <translation>ログのため、ノブは不明</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/overlaid_runs.py" line="314"/>
        <source>Compared with {0}:</source>
        <translation>{0} と比べて:</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/overlaid_runs.py" line="316"/>
        <source>Add two or more runs to see how their knobs differ.</source>
        <translation>実行を 2 つ以上追加すると、ノブの違いが表示されます。</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/overlaid_runs.py" line="346"/>
        <source>no samples</source>
        <translation>サンプルなし</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/overlaid_runs.py" line="354"/>
        <source>Step {0}</source>
        <translation>ステップ {0}</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/overlaid_runs.py" line="364"/>
        <source>Add a run with sample grids first</source>
        <translation>先にサンプル画像のある実行を追加してください</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/overlaid_runs.py" line="366"/>
        <source>Export the samples as a GIF</source>
        <translation>サンプルを GIF に書き出す</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/overlaid_runs.py" line="367"/>
        <source>GIF images (*.gif)</source>
        <translation>GIF 画像 (*.gif)</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/overlaid_runs.py" line="375"/>
        <source>Saved {0} frames to {1}</source>
        <translation>{0} コマを {1} に保存しました</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/overlaid_runs.py" line="381"/>
        <source>Add run or log…</source>
        <translation>実行・ログを追加…</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/overlaid_runs.py" line="382"/>
        <source>Overlay another run (pick any file in its folder) or a training log</source>
        <translation>別の実行 (フォルダ内のファイルを選ぶ) または学習ログを重ねて表示</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/overlaid_runs.py" line="383"/>
        <source>Add all runs in a folder…</source>
        <translation>フォルダ内の実行をすべて追加…</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/overlaid_runs.py" line="384"/>
        <source>Overlay every run folder directly inside a folder, such as the runs of a search, each in its own colour</source>
        <translation>フォルダの直下にある実行フォルダ(探索の実行など)をすべて重ねて表示します。実行ごとに色が変わります</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/overlaid_runs.py" line="386"/>
        <source>Add this run</source>
        <translation>この実行を追加</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/overlaid_runs.py" line="387"/>
        <source>Overlay the run this window trains or shows</source>
        <translation>このウィンドウで学習中・表示中の実行を重ねる</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/overlaid_runs.py" line="388"/>
        <source>Clear</source>
        <translation>消去</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/overlaid_runs.py" line="389"/>
        <source>Curve:</source>
        <translation>曲線:</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/overlaid_runs.py" line="390"/>
        <source>D loss</source>
        <translation>D の損失</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/overlaid_runs.py" line="390"/>
        <source>G loss</source>
        <translation>G の損失</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/overlaid_runs.py" line="390"/>
        <source>D accuracy</source>
        <translation>D の正解率</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/overlaid_runs.py" line="391"/>
        <source>D(x)</source>
        <translation>D(x)</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/overlaid_runs.py" line="391"/>
        <source>D(G(z))</source>
        <translation>D(G(z))</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/overlaid_runs.py" line="394"/>
        <source>Export GIF…</source>
        <translation>GIF を書き出す…</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/overlaid_runs.py" line="395"/>
        <source>Save the left run&apos;s sample history as an animated GIF</source>
        <translation>左の実行のサンプル履歴をアニメーション GIF に保存</translation>
    </message>
</context>
<context>
    <name>PlainWords</name>
    <message>
        <location filename="../../gantuner/gui/plain_words.py" line="28"/>
        <source>Training on {device} at normal speed (the extra-fast mode needs an NVIDIA graphics card; nothing to do).</source>
        <translation>{device} で通常の速さで学習しています (超高速モードには NVIDIA のグラフィックスカードが必要です。対応は不要です)。</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/plain_words.py" line="31"/>
        <source>Training on {device} with ordinary 32-bit numbers: bf16 and the extra-fast mode need an NVIDIA graphics card.</source>
        <translation>{device} で通常の 32 ビットの数値で学習しています: bf16 と超高速モードには NVIDIA のグラフィックスカードが必要です。</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/plain_words.py" line="34"/>
        <source>The extra-fast mode is switched off ({variable}=0); training runs at normal speed.</source>
        <translation>超高速モードはオフにされています ({variable}=0)。通常の速さで学習します。</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/plain_words.py" line="37"/>
        <source>The extra-fast mode is off ({detail}); training runs at normal speed.</source>
        <translation>超高速モードはオフです ({detail})。通常の速さで学習します。</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/plain_words.py" line="40"/>
        <source>The extra-fast mode failed ({error}); training goes on at normal speed.</source>
        <translation>超高速モードが失敗しました ({error})。通常の速さで学習を続けます。</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/plain_words.py" line="43"/>
        <source>Extra-fast mode on: each training step is recorded once on the graphics card and replayed ({ms} ms to record).</source>
        <translation>超高速モード オン: 学習の各ステップをグラフィックスカード上で一度記録し、再生します (記録に {ms} ms)。</translation>
    </message>
</context>
<context>
    <name>PracticePane</name>
    <message>
        <location filename="../../gantuner/gui/practice_pane.py" line="129"/>
        <source>Pick a hypothesis and a change first.</source>
        <translation>先に仮説と変更を選んでください。</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/practice_pane.py" line="164"/>
        <source>Right hypothesis.</source>
        <translation>仮説は正解。</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/practice_pane.py" line="166"/>
        <source>Not this time: the diagnosis says: {0}</source>
        <translation>今回は違います。診断の結論: {0}</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/practice_pane.py" line="169"/>
        <source>Right change.</source>
        <translation>変更も正解。</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/practice_pane.py" line="171"/>
        <source>A better change: {0}</source>
        <translation>より良い変更: {0}</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/practice_pane.py" line="177"/>
        <source>Evidence:</source>
        <translation>根拠:</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/practice_pane.py" line="190"/>
        <source>Score: {0} / {1}</source>
        <translation>得点: {0} / {1}</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/practice_pane.py" line="195"/>
        <source>D loss</source>
        <translation>D の損失</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/practice_pane.py" line="195"/>
        <source>G loss</source>
        <translation>G の損失</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/practice_pane.py" line="195"/>
        <source>D accuracy</source>
        <translation>D の正解率</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/practice_pane.py" line="198"/>
        <source>Your hypothesis</source>
        <translation>あなたの仮説</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/practice_pane.py" line="199"/>
        <source>What would you change?</source>
        <translation>何を変えますか?</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/practice_pane.py" line="203"/>
        <source>Check my answer</source>
        <translation>答え合わせ</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/practice_pane.py" line="204"/>
        <source>Next scenario</source>
        <translation>次の問題</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/practice_pane.py" line="214"/>
        <source>Which hypothesis fits these curves, and what would you change?</source>
        <translation>この曲線に合う仮説は? 何を変えますか?</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../gantuner/gui/preferences.py" line="90"/>
        <location filename="../../gantuner/gui/preferences.py" line="103"/>
        <source>Folder for new runs</source>
        <translation>新しい実行の保存フォルダ</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/preferences.py" line="95"/>
        <source>Preferences</source>
        <translation>設定</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/preferences.py" line="96"/>
        <source>Training device</source>
        <translation>学習デバイス</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/preferences.py" line="97"/>
        <source>CPU threads for training</source>
        <translation>学習に使う CPU スレッド数</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/preferences.py" line="98"/>
        <source>Automatic</source>
        <translation>自動</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/preferences.py" line="100"/>
        <source>Automatic: all cores but one, which is left for the window, at most {0}. Fewer threads keep training steady when other programs are busy.</source>
        <translation>自動: ウィンドウ用に 1 個を残した全コア (最大 {0})。ほかのプログラムが忙しいときは、スレッドを減らすと学習が安定します。</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/preferences.py" line="102"/>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/preferences.py" line="104"/>
        <source>The device and the CPU threads apply to the next run (Start, or Restart with these settings); the language changes at once.</source>
        <translation>デバイスと CPU スレッド数は次の学習 (開始、またはこの設定で再スタート) から使われます。言語はすぐに切り替わります。</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../../gantuner/gui/i18n.py" line="38"/>
        <source>Folder</source>
        <translation>フォルダ</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/i18n.py" line="39"/>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/i18n.py" line="40"/>
        <source>Drive</source>
        <translation>ドライブ</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/i18n.py" line="41"/>
        <source>%1 File</source>
        <translation>%1 ファイル</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../gantuner/gui/i18n.py" line="36"/>
        <source>&amp;Look in:</source>
        <translation>場所(&amp;L):</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/i18n.py" line="37"/>
        <source>Files of &amp;type:</source>
        <translation>ファイルの種類(&amp;T):</translation>
    </message>
</context>
<context>
    <name>QualityPlot</name>
    <message>
        <location filename="../../gantuner/gui/quality_plot.py" line="247"/>
        <source>step</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/quality_plot.py" line="268"/>
        <location filename="../../gantuner/gui/quality_plot.py" line="273"/>
        <source>value</source>
        <translation>値</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/quality_plot.py" line="270"/>
        <source>count, of {0}</source>
        <translation>個数 ({0} 個中)</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/quality_plot.py" line="272"/>
        <source>share (0–1)</source>
        <translation>割合 (0〜1)</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/quality_plot.py" line="330"/>
        <source>Quality</source>
        <translation>品質</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/quality_plot.py" line="331"/>
        <source>No quality measurements yet: a run takes them every few hundred steps</source>
        <translation>品質の測定値はまだありません: 学習中に数百ステップごとに測ります</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/quality_plot.py" line="333"/>
        <source>Which quality metric to draw, on its own scale</source>
        <translation>描く品質指標 (それぞれ本来の尺度で描きます)</translation>
    </message>
</context>
<context>
    <name>RunStatusBar</name>
    <message>
        <location filename="../../gantuner/gui/status_bar.py" line="119"/>
        <source>Paused at step {0}</source>
        <translation>ステップ {0} で一時停止中</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/status_bar.py" line="120"/>
        <source>Starting…</source>
        <translation>開始中…</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/status_bar.py" line="120"/>
        <source>Training</source>
        <translation>学習中</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/status_bar.py" line="121"/>
        <source>Stopping…</source>
        <translation>停止中…</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/status_bar.py" line="121"/>
        <source>Stopped</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/status_bar.py" line="149"/>
        <source>Elapsed {0}</source>
        <translation>経過 {0}</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/status_bar.py" line="152"/>
        <source>Device: {0}</source>
        <translation>デバイス: {0}</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/status_bar.py" line="153"/>
        <source>Step {0}</source>
        <translation>ステップ {0}</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/status_bar.py" line="155"/>
        <source>{0} it/s</source>
        <translation>{0} it/s</translation>
    </message>
</context>
<context>
    <name>SampleView</name>
    <message>
        <location filename="../../gantuner/gui/sample_view.py" line="197"/>
        <source>no samples yet</source>
        <translation>サンプルはまだありません</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/sample_view.py" line="199"/>
        <source>step {0} ({1}/{2})</source>
        <translation>ステップ {0} ({1}/{2})</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/sample_view.py" line="205"/>
        <source>Save sample grid as PNG</source>
        <translation>サンプル画像を PNG で保存</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/sample_view.py" line="206"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 画像 (*.png)</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/sample_view.py" line="216"/>
        <source>Save PNG…</source>
        <translation>PNG で保存…</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/sample_view.py" line="217"/>
        <source>Save the grid shown as a PNG image</source>
        <translation>表示中の画像を PNG で保存</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/sample_view.py" line="218"/>
        <source>Scrub back through the sample grids of this run</source>
        <translation>この実行のサンプル画像をさかのぼって見る</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/sample_view.py" line="221"/>
        <source>real</source>
        <translation>本物</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/sample_view.py" line="221"/>
        <source>generated</source>
        <translation>生成</translation>
    </message>
</context>
<context>
    <name>TransportBar</name>
    <message>
        <location filename="../../gantuner/gui/transport.py" line="73"/>
        <source>Loading… (starts by itself)</source>
        <translation>読み込み中… (自動で開始)</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/transport.py" line="75"/>
        <source>Start (loading…)</source>
        <translation>開始 (読み込み中…)</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/transport.py" line="77"/>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/transport.py" line="78"/>
        <source>Train with the settings in the knob panel</source>
        <translation>ノブパネルの設定で学習する</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/transport.py" line="79"/>
        <source>Resume</source>
        <translation>再開</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/transport.py" line="79"/>
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/transport.py" line="80"/>
        <source>Pause or resume training (Space)</source>
        <translation>学習を一時停止・再開 (スペース)</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/transport.py" line="81"/>
        <source>Step</source>
        <translation>1 ステップ</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/transport.py" line="82"/>
        <source>Run exactly one training step while paused</source>
        <translation>一時停止中に学習を 1 ステップだけ進める</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/transport.py" line="83"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/transport.py" line="84"/>
        <source>End the run; its files stay in the run folder</source>
        <translation>実行を終える。ファイルは実行フォルダに残る</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/transport.py" line="85"/>
        <source>Reset</source>
        <translation>リセット</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/transport.py" line="86"/>
        <source>Start again from a fresh model with the same settings</source>
        <translation>同じ設定の新しいモデルでやり直す</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/transport.py" line="87"/>
        <source>Paused</source>
        <translation>一時停止中</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/transport.py" line="88"/>
        <source>Training is paused: Resume (Space) goes on, Step runs one step</source>
        <translation>学習は一時停止中です: 「再開」(Space) で続き、「1 ステップ」で 1 ステップだけ進めます</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <location filename="../../gantuner/gui/welcome.py" line="134"/>
        <source>Welcome</source>
        <translation>はじめに</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/welcome.py" line="135"/>
        <source>Show the first steps again</source>
        <translation>最初の手順をもう一度表示します</translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <location filename="../../gantuner/gui/welcome.py" line="72"/>
        <source>Welcome to gantuner: train a GAN and watch it learn</source>
        <translation>gantuner へようこそ: GAN を学習させ、学ぶ様子を見てみましょう</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/welcome.py" line="74"/>
        <source>&lt;b&gt;1. Press Start&lt;/b&gt; (top left). A small GAN learns to imitate the data chosen under Data (handwritten digits at first); its samples appear on the right, digits after a few hundred steps.&lt;br&gt;&lt;b&gt;2. Turn the knobs&lt;/b&gt; on the left while it trains: live knobs act at the next step, and each change is marked on the curves.</source>
        <translation>&lt;b&gt;1. 「開始」を押します&lt;/b&gt; (左上)。小さな GAN が「データ」で選んだデータ (最初は手書き数字) をまねることを学びます。サンプルは右に表示され、数百ステップで数字らしくなります。&lt;br&gt;&lt;b&gt;2. 学習中に左のノブを回します&lt;/b&gt;: ライブのノブは次のステップから効き、変更は曲線に印で示されます。</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/welcome.py" line="79"/>
        <source>&lt;b&gt;What the curves mean&lt;/b&gt;&lt;br&gt;&lt;b&gt;Loss&lt;/b&gt;: how wrong D and G are; in a good game both stay level (about 0.69).&lt;br&gt;&lt;b&gt;D accuracy&lt;/b&gt;: how often D tells real from fake; near 50 % (chance) is balanced, near 100 % means D is too strong.&lt;br&gt;&lt;b&gt;D output&lt;/b&gt;: D(x) on real and D(G(z)) on generated samples; they meet near 0.5 when G fools D half the time.&lt;br&gt;&lt;b&gt;Quality&lt;/b&gt;: how close the samples are to the data.</source>
        <translation>&lt;b&gt;曲線の意味&lt;/b&gt;&lt;br&gt;&lt;b&gt;損失&lt;/b&gt;: D と G がどれだけ間違えているか。良い勝負なら両方とも横ばい (約 0.69) です。&lt;br&gt;&lt;b&gt;D の正解率&lt;/b&gt;: D が本物と偽物を見分けられる割合。50 % (当てずっぽう) 付近なら釣り合っており、100 % 近くなら D が強すぎます。&lt;br&gt;&lt;b&gt;D の出力&lt;/b&gt;: 本物に対する D(x) と生成サンプルに対する D(G(z))。G が D を半分だませていれば 0.5 付近で重なります。&lt;br&gt;&lt;b&gt;品質&lt;/b&gt;: サンプルがどれだけデータに近いか。</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/welcome.py" line="87"/>
        <source>&lt;b&gt;Hints&lt;/b&gt; on the right say what the curves show and what to try; Apply changes the ticked knobs.&lt;br&gt;&lt;b&gt;Lessons&lt;/b&gt;: Help &amp;gt; Lesson 1 and Lesson 2 replay the two examples of the article (D too strong, a healthy run).&lt;br&gt;This welcome comes back with Help &amp;gt; Welcome.</source>
        <translation>右の&lt;b&gt;ヒント&lt;/b&gt;は、曲線から読み取れることと試すべきことを示します。「適用」でチェックしたノブを変えます。&lt;br&gt;&lt;b&gt;レッスン&lt;/b&gt;: ヘルプ &amp;gt; レッスン 1・レッスン 2 で記事の 2 つの例 (D が強すぎる、健全な学習) を再生します。&lt;br&gt;この案内はヘルプ &amp;gt; はじめに でもう一度表示できます。</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/welcome.py" line="90"/>
        <source>Open Lesson 1</source>
        <translation>レッスン 1 を開く</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/welcome.py" line="91"/>
        <source>Show the article&apos;s first example: D too strong</source>
        <translation>記事の最初の例 (D が強すぎる) を表示します</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/welcome.py" line="92"/>
        <source>Got it</source>
        <translation>わかった</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/welcome.py" line="93"/>
        <source>Hide this welcome; it does not come back by itself</source>
        <translation>この案内を閉じます (自動ではもう表示されません)</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <location filename="../../gantuner/gui/menus.py" line="82"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/menus.py" line="83"/>
        <source>Recent runs</source>
        <translation>最近の実行</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/menus.py" line="84"/>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/menus.py" line="85"/>
        <source>&amp;Training</source>
        <translation>学習(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/menus.py" line="86"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/menus.py" line="87"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/menus.py" line="89"/>
        <source>Open run…</source>
        <translation>実行結果を開く…</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/menus.py" line="90"/>
        <source>Save checkpoint</source>
        <translation>チェックポイントを保存</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/menus.py" line="91"/>
        <source>Load checkpoint and resume…</source>
        <translation>チェックポイントを読み込んで再開…</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/menus.py" line="92"/>
        <source>Save sample grid as PNG…</source>
        <translation>サンプル画像を PNG で保存…</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/menus.py" line="93"/>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/menus.py" line="94"/>
        <source>Undo knob change</source>
        <translation>ノブの変更を元に戻す</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/menus.py" line="95"/>
        <source>Preferences…</source>
        <translation>設定…</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/menus.py" line="96"/>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/menus.py" line="97"/>
        <source>Resume</source>
        <translation>再開</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/menus.py" line="97"/>
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/menus.py" line="98"/>
        <source>Step</source>
        <translation>1 ステップ</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/menus.py" line="99"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/menus.py" line="100"/>
        <source>Reset (fresh model, same settings)</source>
        <translation>リセット (同じ設定で新しいモデル)</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/menus.py" line="101"/>
        <source>Restart with these settings</source>
        <translation>この設定で再スタート</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/menus.py" line="102"/>
        <source>Reset layout</source>
        <translation>レイアウトを初期化</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/menus.py" line="103"/>
        <source>About gantuner</source>
        <translation>gantuner について</translation>
    </message>
</context>
</TS>
