<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>LogOpener</name>
    <message>
        <source>Loss of opened logs</source>
        <translation>開いたログの損失関数</translation>
    </message>
    <message>
        <source>Which loss an opened log&apos;s numbers are: each is judged on its own scale</source>
        <translation>開いたログの数値がどの損失関数のものか: それぞれの尺度で判断します</translation>
    </message>
    <message>
        <source>Detect from the log</source>
        <translation>ログから判定する</translation>
    </message>
    <message>
        <source>BCE, mean of the real and fake terms (Keras-GAN, PyTorch-GAN)</source>
        <translation>BCE、本物と偽物の項の平均 (Keras-GAN、PyTorch-GAN)</translation>
    </message>
    <message>
        <source>BCE, sum of the two terms (pytorch/examples, Chainer)</source>
        <translation>BCE、2 つの項の合計 (pytorch/examples、Chainer)</translation>
    </message>
    <message>
        <source>Least squares (LSGAN, CycleGAN)</source>
        <translation>最小二乗 (LSGAN、CycleGAN)</translation>
    </message>
    <message>
        <source>Hinge</source>
        <translation>ヒンジ</translation>
    </message>
    <message>
        <source>Relativistic hinge</source>
        <translation>相対論的ヒンジ (relativistic hinge)</translation>
    </message>
    <message>
        <source>Wasserstein (WGAN, WGAN-GP)</source>
        <translation>Wasserstein (WGAN、WGAN-GP)</translation>
    </message>
</context>
</TS>
