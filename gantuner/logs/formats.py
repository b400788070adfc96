"""The log formats gantuner reads, with a description in English and Japanese.

The console formats are the ones learners copy most often (Keras-GAN,
PyTorch-GAN, pytorch/examples' DCGAN and the others listed below); the ids are what ``read_log(format=...)``
and ``gantuner diagnose --format`` accept.
"""

from __future__ import annotations

FORMATS: dict[str, str] = {
    "keras-gan": "Keras-GAN gan/dcgan: '50 [D loss: 0.000624, acc.: 100.00%] [G loss: 0.007994]'",
    "keras-gan-acgan": "Keras-GAN acgan: '200 [D loss: 1.102, acc.: 71.88%, op_acc: 43.75%] [G loss: 1.984]'",
    "keras-gan-wgan": "Keras-GAN wgan/wgan_gp: '300 [D loss: 0.999912] [G loss: 1.000121]'",
    "pytorch-gan": "PyTorch-GAN: '[Epoch 3/200] [Batch 512/938] [D loss: 0.412230] [G loss: 1.203311]' "
                   "(also BEGAN's '-- M: .., k: ..' and cyclegan/pix2pix progress lines)",
    "pytorch-gan-acgan": "PyTorch-GAN acgan: '[Epoch 0/200] [Batch 10/938] [D loss: 1.50, acc: 37%] [G loss: 1.43]'",
    "pytorch-examples-dcgan": "pytorch/examples dcgan: "
                              "'[3/25][120/469] Loss_D: 0.8312 Loss_G: 2.1047 D(x): 0.6824 D(G(z)): 0.2635 / 0.1520'",
    "brownlee": "Brownlee, 'GANs with Python': '>312, d1=0.601, d2=0.640 g=0.887, a1=76, a2=69'",
    "pairs": "any log of 'name: value' or 'name=value' lines: pytorch-CycleGAN loss_log.txt, "
             "DCGAN-tensorflow, Torch dcgan 'Err_D', StudioGAN, 'Elapsed [...] batch: N d_loss: ..', "
             "Chollet's two lines per step, lines behind a tqdm bar",
    "json": "JSON list or JSON lines of records (Chainer LogReport 'log': iteration, loss_dis, loss_gen)",
    "csv": "CSV with a header row (PyTorch Lightning CSVLogger, pandas, spreadsheets)",
    "tensorboard": "TensorBoard event file (events.out.tfevents.*) or a folder holding one",
    "gantuner": "gantuner run folder (metrics.jsonl, events.jsonl)",
}

FORMATS_JA: dict[str, str] = {
    "keras-gan": "Keras-GAN の gan/dcgan: '50 [D loss: 0.000624, acc.: 100.00%] [G loss: 0.007994]'",
    "keras-gan-acgan": "Keras-GAN の acgan: '200 [D loss: 1.102, acc.: 71.88%, op_acc: 43.75%] [G loss: 1.984]'",
    "keras-gan-wgan": "Keras-GAN の wgan/wgan_gp: '300 [D loss: 0.999912] [G loss: 1.000121]'",
    "pytorch-gan": "PyTorch-GAN: '[Epoch 3/200] [Batch 512/938] [D loss: 0.412230] [G loss: 1.203311]'"
                   "(BEGAN の '-- M: .., k: ..' や cyclegan/pix2pix の進捗行も含む)",
    "pytorch-gan-acgan": "PyTorch-GAN の acgan: '[Epoch 0/200] [Batch 10/938] [D loss: 1.50, acc: 37%] [G loss: 1.43]'",
    "pytorch-examples-dcgan": "pytorch/examples の dcgan: "
                              "'[3/25][120/469] Loss_D: 0.8312 Loss_G: 2.1047 D(x): 0.6824 D(G(z)): 0.2635 / 0.1520'",
    "brownlee": "Brownlee『GANs with Python』: '>312, d1=0.601, d2=0.640 g=0.887, a1=76, a2=69'",
    "pairs": "「名前: 値」や「名前=値」が並ぶ任意のログ: pytorch-CycleGAN の loss_log.txt、"
             "DCGAN-tensorflow、Torch dcgan の 'Err_D'、StudioGAN、'Elapsed [...] batch: N d_loss: ..'、"
             "Chollet の 1 ステップ 2 行の形式、tqdm のバーが前に付いた行",
    "json": "レコードの JSON リストまたは JSON Lines(Chainer の LogReport の 'log': iteration, loss_dis, loss_gen)",
    "csv": "見出し行つきの CSV(PyTorch Lightning の CSVLogger、pandas、表計算ソフト)",
    "tensorboard": "TensorBoard のイベントファイル(events.out.tfevents.*)またはそれを含むフォルダ",
    "gantuner": "gantuner の実行フォルダ(metrics.jsonl, events.jsonl)",
}

# Formats read line by line from console output, grouped by the parser family
# that learns their line layout (see console.py).
CONSOLE_FAMILIES: dict[str, tuple[str, ...]] = {
    "keras-gan": ("keras-gan", "keras-gan-acgan", "keras-gan-wgan"),
    "pytorch-gan": ("pytorch-gan", "pytorch-gan-acgan"),
    "pytorch-examples-dcgan": ("pytorch-examples-dcgan",),
    "brownlee": ("brownlee",),
}
FAMILY_OF: dict[str, str] = {fmt: fam for fam, fmts in CONSOLE_FAMILIES.items() for fmt in fmts}


def format_list() -> str:
    """'keras-gan, keras-gan-acgan, ...' for error messages."""
    return ", ".join(FORMATS)
