<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>DataNotesBar</name>
    <message>
        <source>Dismiss</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Training data: {0}</source>
        <translation>学習データ: {0}</translation>
    </message>
</context>
<context>
    <name>DiskTroubleBar</name>
    <message>
        <source>Choose a folder for this run</source>
        <translation>このランの保存先フォルダーを選ぶ</translation>
    </message>
    <message>
        <source>Choose another folder…</source>
        <translation>別のフォルダーを選ぶ…</translation>
    </message>
    <message>
        <source>Continue without saving</source>
        <translation>保存せずに続ける</translation>
    </message>
    <message>
        <source>Disk trouble: {0}</source>
        <translation>ディスクの問題: {0}</translation>
    </message>
    <message>
        <source>Training goes on. Choose another folder to keep saving this run there (what it has written so far is copied along), or continue without saving.</source>
        <translation>学習は続いています。別のフォルダーを選ぶとこのランをそこに保存し続けます (これまでに書き込んだ内容もコピーします)。保存せずに続けることもできます。</translation>
    </message>
</context>
</TS>
