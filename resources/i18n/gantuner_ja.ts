<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>CurvesView</name>
    <message>
        <location filename="../../gantuner/gui/curves.py" line="327" />
        <source>D loss</source>
        <translation>D の損失</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/curves.py" line="327" />
        <source>G loss</source>
        <translation>G の損失</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/curves.py" line="328" />
        <source>D accuracy on real</source>
        <translation>D の正解率 (本物)</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/curves.py" line="328" />
        <source>D accuracy on fake</source>
        <translation>D の正解率 (偽物)</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/curves.py" line="329" />
        <location filename="../../gantuner/gui/curves.py" line="342" />
        <source>D accuracy</source>
        <translation>D の正解率</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/curves.py" line="338" />
        <source>Smoothing</source>
        <translation>平滑化</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/curves.py" line="340" />
        <source>Exponential moving average as in TensorBoard (0: raw curve, 0.999: heaviest)</source>
        <translation>TensorBoard と同じ指数移動平均 (0: 生の曲線, 0.999: 最も強い)</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/curves.py" line="352" />
        <source>Follow</source>
        <translation>追従</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/curves.py" line="353" />
        <source>Keep the newest steps in view; zooming or panning turns it off</source>
        <translation>最新のステップを表示し続ける。拡大や移動をすると解除</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/curves.py" line="315" />
        <location filename="../../gantuner/gui/curves.py" line="347" />
        <source>step</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/curves.py" line="342" />
        <source>Loss</source>
        <translation>損失</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/curves.py" line="343" />
        <source>D output (probability)</source>
        <translation>D の出力 (確率)</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/curves.py" line="351" />
        <source>50 % (chance)</source>
        <translation>50 % (当てずっぽう)</translation>
    </message>
</context>
<context>
    <name>KnobEditor</name>
    <message>
        <location filename="../../gantuner/gui/knob_widgets.py" line="155" />
        <source>Image folder…</source>
        <translation>画像フォルダ…</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/knob_widgets.py" line="157" />
        <source>Data file (MNIST, CIFAR, .npy, .npz, .csv)…</source>
        <translation>データファイル (MNIST, CIFAR, .npy, .npz, .csv)…</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/knob_widgets.py" line="158" />
        <source>Choose a built-in dataset, a folder of images or a data file</source>
        <translation>組み込みデータセット、画像フォルダ、データファイルから選ぶ</translation>
    </message>
</context>
<context>
    <name>KnobPanel</name>
    <message>
        <location filename="../../gantuner/gui/knob_panel.py" line="230" />
        <source>dataset {0!r}: no such file or folder; use digits, ring, grid, spiral or the path of your data</source>
        <translation>dataset {0!r}: そのファイルやフォルダはありません。digits, ring, grid, spiral かデータのパスを指定してください</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/knob_panel.py" line="265" />
        <source>Pending: takes effect at the next step</source>
        <translation>反映待ち: 次のステップで有効になります</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/knob_panel.py" line="270" />
        <source>Staged: needs Restart with these settings</source>
        <translation>保留中: 「この設定で再スタート」で有効になります</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/knob_panel.py" line="290" />
        <source>Optimiser</source>
        <translation>最適化</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/knob_panel.py" line="291" />
        <source>Batch</source>
        <translation>バッチ</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/knob_panel.py" line="292" />
        <source>Discriminator</source>
        <translation>識別器</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/knob_panel.py" line="293" />
        <source>Generator</source>
        <translation>生成器</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/knob_panel.py" line="294" />
        <source>Loss and tricks</source>
        <translation>損失と工夫</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/knob_panel.py" line="295" />
        <source>Data</source>
        <translation>データ</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/knob_panel.py" line="306" />
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/knob_panel.py" line="307" />
        <source>Put back the value before the last change (Ctrl+Z)</source>
        <translation>直前の変更の前の値に戻す (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/knob_panel.py" line="308" />
        <source>Restart with these settings</source>
        <translation>この設定で再スタート</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/knob_panel.py" line="309" />
        <source>Build a new model with the staged setup knobs and train it</source>
        <translation>保留中の構成ノブで新しいモデルを作り、学習する</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/knob_panel.py" line="314" />
        <source>one of {0}</source>
        <translation>{0} のいずれか</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/knob_panel.py" line="316" />
        <source>on or off</source>
        <translation>オンまたはオフ</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/knob_panel.py" line="321" />
        <source>Live: takes effect at the next step</source>
        <translation>ライブ: 次のステップで有効になります</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/knob_panel.py" line="322" />
        <source>Setup: needs a restart with a new model</source>
        <translation>構成: 新しいモデルで再スタートが必要です</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/knob_panel.py" line="323" />
        <source>Range</source>
        <translation>範囲</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="90" />
        <source>Knobs</source>
        <translation>ノブ</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="92" />
        <source>Samples</source>
        <translation>サンプル</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="188" />
        <source>Checkpoint saved: {0}</source>
        <translation>チェックポイントを保存しました: {0}</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="190" />
        <source>Could not save the checkpoint: {0}</source>
        <translation>チェックポイントを保存できませんでした: {0}</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="234" />
        <source>Nothing to undo</source>
        <translation>元に戻す変更はありません</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="248" />
        <source>{0} is staged: use Restart with these settings to build a new model</source>
        <translation>{0} は保留中です: 「この設定で再スタート」で新しいモデルを作ります</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="255" />
        <source>There is no model to save: start training first</source>
        <translation>保存するモデルがありません: 先に学習を開始してください</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="261" />
        <source>Save checkpoint in folder</source>
        <translation>チェックポイントを保存するフォルダ</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="266" />
        <source>The model is not ready yet; try again in a moment</source>
        <translation>モデルの準備がまだです。少し待ってからやり直してください</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="272" />
        <source>Loading checkpoint {0}…</source>
        <translation>チェックポイント {0} を読み込み中…</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="278" />
        <source>Load checkpoint</source>
        <translation>チェックポイントを読み込む</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="279" />
        <source>Checkpoints (*.safetensors)</source>
        <translation>チェックポイント (*.safetensors)</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="290" />
        <source>Opening {0}…</source>
        <translation>{0} を開いています…</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="310" />
        <source>Could not open the run: {0}</source>
        <translation>実行結果を開けませんでした: {0}</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="313" />
        <source>Open run folder</source>
        <translation>実行フォルダを開く</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="338" />
        <source>{0}: {1} steps, {2} knob changes, {3} sample grids</source>
        <translation>{0}: {1} ステップ, ノブ変更 {2} 回, サンプル画像 {3} 枚</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="342" />
        <source>({0} unreadable lines skipped, first: {1} line {2})</source>
        <translation>(読めない {0} 行を飛ばしました。最初は {1} の {2} 行目)</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="356" />
        <source>(none yet)</source>
        <translation>(まだありません)</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="366" />
        <source>Building the model…</source>
        <translation>モデルを構築中…</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="385" />
        <source>Training; run files in {0}</source>
        <translation>学習中。実行ファイルの保存先: {0}</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="395" />
        <source>CPU (1 thread)</source>
        <translation>CPU (1 スレッド)</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="395" />
        <source>CPU ({0} threads)</source>
        <translation>CPU ({0} スレッド)</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="432" />
        <source>Stopped at step {0}</source>
        <translation>ステップ {0} で停止しました</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="433" />
        <source>files kept in {0}</source>
        <translation>ファイルは {0} に残っています</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="438" />
        <source>Training failed: {0}</source>
        <translation>学習に失敗しました: {0}</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="452" />
        <source>Sample grid saved: {0}</source>
        <translation>サンプル画像を保存しました: {0}</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="456" />
        <source>Could not save the sample grid: {0}</source>
        <translation>サンプル画像を保存できませんでした: {0}</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="522" />
        <source>About gantuner</source>
        <translation>gantuner について</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="518" />
        <source>Transport</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="523" />
        <source>gantuner {0}: tune GANs by hand, with live curves, live knobs and hints.</source>
        <translation>gantuner {0}: ライブの曲線、学習中に回せるノブ、ヒントで GAN を手で調整するツール。</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/main_window.py" line="551" />
        <source>Waiting for the current training step to finish…</source>
        <translation>現在の学習ステップの終了を待っています…</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../gantuner/gui/preferences.py" line="66" />
        <location filename="../../gantuner/gui/preferences.py" line="79" />
        <source>Folder for new runs</source>
        <translation>新しい実行の保存フォルダ</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/preferences.py" line="76" />
        <source>Preferences</source>
        <translation>設定</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/preferences.py" line="77" />
        <source>Training device</source>
        <translation>学習デバイス</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/preferences.py" line="78" />
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/preferences.py" line="80" />
        <source>The device applies to the next model (Restart with these settings); the language changes at once.</source>
        <translation>デバイスは次のモデルから使われます (この設定で再スタート)。言語はすぐに切り替わります。</translation>
    </message>
</context>
<context>
    <name>RunStatusBar</name>
    <message>
        <location filename="../../gantuner/gui/status_bar.py" line="60" />
        <source>Elapsed {0}</source>
        <translation>経過 {0}</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/status_bar.py" line="68" />
        <source>Device: {0}</source>
        <translation>デバイス: {0}</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/status_bar.py" line="69" />
        <source>Step {0}</source>
        <translation>ステップ {0}</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/status_bar.py" line="71" />
        <source>{0} it/s</source>
        <translation>{0} it/s</translation>
    </message>
</context>
<context>
    <name>SampleView</name>
    <message>
        <location filename="../../gantuner/gui/sample_view.py" line="181" />
        <source>no samples yet</source>
        <translation>サンプルはまだありません</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/sample_view.py" line="183" />
        <source>step {0} ({1}/{2})</source>
        <translation>ステップ {0} ({1}/{2})</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/sample_view.py" line="189" />
        <source>Save sample grid as PNG</source>
        <translation>サンプル画像を PNG で保存</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/sample_view.py" line="190" />
        <source>PNG images (*.png)</source>
        <translation>PNG 画像 (*.png)</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/sample_view.py" line="200" />
        <source>Save PNG…</source>
        <translation>PNG で保存…</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/sample_view.py" line="201" />
        <source>Save the grid shown as a PNG image</source>
        <translation>表示中の画像を PNG で保存</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/sample_view.py" line="202" />
        <source>Scrub back through the sample grids of this run</source>
        <translation>この実行のサンプル画像をさかのぼって見る</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/sample_view.py" line="204" />
        <source>real</source>
        <translation>本物</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/sample_view.py" line="205" />
        <source>generated</source>
        <translation>生成</translation>
    </message>
</context>
<context>
    <name>TransportBar</name>
    <message>
        <location filename="../../gantuner/gui/transport.py" line="58" />
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/transport.py" line="59" />
        <source>Train with the settings in the knob panel</source>
        <translation>ノブパネルの設定で学習する</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/transport.py" line="60" />
        <source>Resume</source>
        <translation>再開</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/transport.py" line="60" />
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/transport.py" line="61" />
        <source>Pause or resume training (Space)</source>
        <translation>学習を一時停止・再開 (スペース)</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/transport.py" line="62" />
        <source>Step</source>
        <translation>1 ステップ</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/transport.py" line="63" />
        <source>Run exactly one training step while paused</source>
        <translation>一時停止中に学習を 1 ステップだけ進める</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/transport.py" line="64" />
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/transport.py" line="65" />
        <source>End the run; its files stay in the run folder</source>
        <translation>実行を終える。ファイルは実行フォルダに残る</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/transport.py" line="66" />
        <source>Reset</source>
        <translation>リセット</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/transport.py" line="67" />
        <source>Start again from a fresh model with the same settings</source>
        <translation>同じ設定の新しいモデルでやり直す</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <location filename="../../gantuner/gui/menus.py" line="80" />
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/menus.py" line="81" />
        <source>Recent runs</source>
        <translation>最近の実行</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/menus.py" line="82" />
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/menus.py" line="83" />
        <source>&amp;Training</source>
        <translation>学習(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/menus.py" line="84" />
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/menus.py" line="85" />
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/menus.py" line="87" />
        <source>Open run…</source>
        <translation>実行結果を開く…</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/menus.py" line="88" />
        <source>Save checkpoint</source>
        <translation>チェックポイントを保存</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/menus.py" line="89" />
        <source>Load checkpoint and resume…</source>
        <translation>チェックポイントを読み込んで再開…</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/menus.py" line="90" />
        <source>Save sample grid as PNG…</source>
        <translation>サンプル画像を PNG で保存…</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/menus.py" line="91" />
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/menus.py" line="92" />
        <source>Undo knob change</source>
        <translation>ノブの変更を元に戻す</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/menus.py" line="93" />
        <source>Preferences…</source>
        <translation>設定…</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/menus.py" line="94" />
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/menus.py" line="95" />
        <source>Resume</source>
        <translation>再開</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/menus.py" line="95" />
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/menus.py" line="96" />
        <source>Step</source>
        <translation>1 ステップ</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/menus.py" line="97" />
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/menus.py" line="98" />
        <source>Reset (fresh model, same settings)</source>
        <translation>リセット (同じ設定で新しいモデル)</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/menus.py" line="99" />
        <source>Restart with these settings</source>
        <translation>この設定で再スタート</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/menus.py" line="100" />
        <source>Reset layout</source>
        <translation>レイアウトを初期化</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/menus.py" line="101" />
        <source>About gantuner</source>
        <translation>gantuner について</translation>
    </message>
</context>
</TS>