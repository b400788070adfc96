<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>LearningLab</name>
    <message>
        <source>This window's run, live</source>
        <translation>このウィンドウの学習 (ライブ)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Loading PyTorch… training starts as soon as it is ready</source>
        <translation>PyTorch を読み込み中… 準備ができしだい学習を始めます</translation>
    </message>
    <message>
        <source>PyTorch could not be loaded: {0}. Headless commands and log reading still work; reinstall torch to train.</source>
        <translation>PyTorch を読み込めませんでした: {0}。ウィンドウなしのコマンドとログの読み込みは使えます。学習するには torch を再インストールしてください。</translation>
    </message>
    <message>
        <source>as set in Preferences</source>
        <translation>環境設定による</translation>
    </message>
    <message>
        <source>chosen for {0} cores, one left for the window</source>
        <translation>コア {0} 個に合わせて自動、1 個はウィンドウ用</translation>
    </message>
    <message>
        <source>set by OMP_NUM_THREADS</source>
        <translation>OMP_NUM_THREADS による</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Automatic</source>
        <translation>自動</translation>
    </message>
    <message>
        <source>Automatic: all cores but one, which is left for the window, at most {0}. Fewer threads keep training steady when other programs are busy.</source>
        <translation>自動: ウィンドウ用に 1 個を残した全コア (最大 {0})。ほかのプログラムが忙しいときは、スレッドを減らすと学習が安定します。</translation>
    </message>
    <message>
        <source>CPU threads for training</source>
        <translation>学習に使う CPU スレッド数</translation>
    </message>
    <message>
        <source>The device and the CPU threads apply to the next run (Start, or Restart with these settings); the language changes at once.</source>
        <translation>デバイスと CPU スレッド数は次の学習 (開始、またはこの設定で再スタート) から使われます。言語はすぐに切り替わります。</translation>
    </message>
</context>
<context>
    <name>TransportBar</name>
    <message>
        <source>Loading… (starts by itself)</source>
        <translation>読み込み中… (自動で開始)</translation>
    </message>
    <message>
        <source>Start (loading…)</source>
        <translation>開始 (読み込み中…)</translation>
    </message>
</context>
</TS>
