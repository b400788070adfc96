<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>DiagnosisDock</name>
    <message>
        <location filename="../../gantuner/gui/diagnosis_dock.py" line="62" />
        <source>Hints</source>
        <translation>ヒント</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/diagnosis_dock.py" line="144" />
        <source>{name}: {format} log, {rows} rows</source>
        <translation>{name}: {format} 形式のログ、{rows} 行</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/diagnosis_dock.py" line="147" />
        <source>{count} lines skipped (first: line {lines})</source>
        <translation>{count} 行を読み飛ばしました(最初: {lines} 行目)</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/diagnosis_dock.py" line="179" />
        <source>No run in progress: start training to apply a hint</source>
        <translation>実行中の学習がありません。ヒントを適用するには学習を開始してください</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/diagnosis_dock.py" line="184" />
        <source>Staged {changes}: use Restart with these settings to build a new model</source>
        <translation>{changes} を保留しました。「この設定で再スタート」で新しいモデルを作ってください</translation>
    </message>
</context>
<context>
    <name>LogOpener</name>
    <message>
        <location filename="../../gantuner/gui/log_opener.py" line="138" />
        <source>Open log</source>
        <translation>ログを開く</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/log_opener.py" line="140" />
        <source>Logs (*.log *.txt *.csv *.out);;All files (*)</source>
        <translation>ログ (*.log *.txt *.csv *.out);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/log_opener.py" line="149" />
        <source>Opening {0}…</source>
        <translation>{0} を開いています…</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/log_opener.py" line="182" />
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/log_opener.py" line="186" />
        <source>Could not open the log</source>
        <translation>ログを開けませんでした</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/log_opener.py" line="243" />
        <source>Open log…</source>
        <translation>ログを開く…</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/log_opener.py" line="244" />
        <source>Show a training log's curves and hints (Keras-GAN, PyTorch-GAN, CSV, TensorBoard…)</source>
        <translation>学習ログの曲線とヒントを表示します(Keras-GAN、PyTorch-GAN、CSV、TensorBoard など)</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/log_opener.py" line="246" />
        <source>Lesson 1: D too strong (seed example 1)</source>
        <translation>レッスン 1: D が強すぎる(元記事の例 1)</translation>
    </message>
    <message>
        <location filename="../../gantuner/gui/log_opener.py" line="247" />
        <source>Lesson 2: a healthy run (seed example 2)</source>
        <translation>レッスン 2: 順調な学習(元記事の例 2)</translation>
    </message>
</context>
</TS>