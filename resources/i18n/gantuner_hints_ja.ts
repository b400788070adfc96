<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>HintRegions</name>
    <message>
        <source>steps {first}–{last}</source>
        <translation>ステップ {first}〜{last}</translation>
    </message>
</context>
<context>
    <name>HintsPanel</name>
    <message>
        <source>steps {first}–{last}</source>
        <translation>ステップ {first}〜{last}</translation>
    </message>
    <message>
        <source>needs a restart</source>
        <translation>再スタートが必要</translation>
    </message>
    <message>
        <source>already in force</source>
        <translation>設定済み</translation>
    </message>
    <message>
        <source>cannot be applied to the current value</source>
        <translation>現在の値には適用できません</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>重大</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>情報</translation>
    </message>
    <message>
        <source>Why?</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>適用中…</translation>
    </message>
    <message>
        <source>Waiting for the run to take the change</source>
        <translation>学習が変更を反映するのを待っています</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>適用</translation>
    </message>
    <message>
        <source>No run in progress to apply this to</source>
        <translation>適用先の実行中の学習がありません</translation>
    </message>
    <message>
        <source>Apply again</source>
        <translation>もう一度適用</translation>
    </message>
    <message>
        <source>Change now: {changes}</source>
        <translation>今すぐ変更: {changes}</translation>
    </message>
    <message>
        <source>Tick an action that can change the running training</source>
        <translation>実行中の学習に適用できる対策にチェックを入れてください</translation>
    </message>
    <message>
        <source>Needs a restart: {changes}</source>
        <translation>再スタートが必要: {changes}</translation>
    </message>
    <message>
        <source>No hints at the moment. Hints appear here while the run trains.</source>
        <translation>現在ヒントはありません。学習中にここにヒントが表示されます。</translation>
    </message>
    <message>
        <source>What the diagnosis sees in the curves, and what to try</source>
        <translation>診断が曲線から読み取ったことと、試すべきこと</translation>
    </message>
</context>
<context>
    <name>QualityPlot</name>
    <message>
        <source>No quality measurements yet: a run takes them every few hundred steps</source>
        <translation>品質の測定値はまだありません: 学習中に数百ステップごとに測ります</translation>
    </message>
    <message>
        <source>step</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <source>value (scaled)</source>
        <translation>値 (縮小あり)</translation>
    </message>
    <message>
        <source>Every metric</source>
        <translation>すべての指標</translation>
    </message>
    <message>
        <source>Curves that leave 0–1.5 are divided by their largest value</source>
        <translation>0〜1.5 を超える曲線は、その最大値で割って表示します</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>品質</translation>
    </message>
    <message>
        <source>Which quality metric to draw</source>
        <translation>表示する品質指標</translation>
    </message>
</context>
</TS>
