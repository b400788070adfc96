"""Logs of labelled values from many programs, read by content (pairs.py, json_reader.py).

Each sample is written as the program prints it (its print/format string),
with realistic values; the formats' sources are named in each test.
"""

from __future__ import annotations

import json

import numpy as np
import pytest

from gantuner.diagnosis import diagnose
from gantuner.logs import LogError, read_text


def cols(table, *names):
    return [table.columns[n].tolist() for n in names]


def test_pytorch_cyclegan_loss_log_sums_the_two_ds_and_gs_and_counts_on_across_epochs():
    # pytorch-CycleGAN-and-pix2pix util/visualizer.py print_current_losses -> loss_log.txt
    text = ("================ Training Loss (Mon Nov 30 10:00:00 2026) ================\n"
            "(epoch: 1, iters: 100, time: 0.317, data: 0.125) D_A: 0.251 G_A: 0.352 cycle_A: 1.203 "
            "idt_A: 0.512 D_B: 0.248 G_B: 0.341 cycle_B: 1.180 idt_B: 0.533 \n"
            "(epoch: 1, iters: 200, time: 0.320, data: 0.001) D_A: 0.231 G_A: 0.402 cycle_A: 1.101 "
            "idt_A: 0.498 D_B: 0.240 G_B: 0.380 cycle_B: 1.092 idt_B: 0.501 \n"
            "(epoch: 2, iters: 100, time: 0.318, data: 0.001) D_A: 0.221 G_A: 0.412 cycle_A: 1.001 "
            "idt_A: 0.468 D_B: 0.230 G_B: 0.390 cycle_B: 1.002 idt_B: 0.481 \n")
    t = read_text(text)
    assert t.format == "pairs" and t.step.tolist() == [100, 200, 300]
    assert t.columns["d_loss"] == pytest.approx([0.499, 0.471, 0.451])
    assert t.columns["g_loss"] == pytest.approx([0.693, 0.782, 0.802])
    assert {e["column"] for e in t.events if e.get("type") == "combined"} == {"d_loss", "g_loss"}
    assert "cycle_a" in t.columns


def test_pix2pix_names_its_adversarial_terms():
    text = "".join(f"(epoch: 1, iters: {i}00, time: 0.05, data: 0.01) G_GAN: 0.8{i} G_L1: 12.3 "
                   f"D_real: 0.5{i} D_fake: 0.4{i} \n" for i in range(1, 4))
    t = read_text(text)
    assert t.columns["g_loss"].tolist() == [0.81, 0.82, 0.83]
    assert t.columns["d_loss"] == pytest.approx([0.46, 0.47, 0.48])


def test_carpedm20_dcgan_tensorflow_with_epoch_and_batch_brackets():
    # DCGAN-tensorflow model.py: "Epoch: [%2d/%2d] [%4d/%4d] time: %4.4f, d_loss: %.8f, g_loss: %.8f"
    text = "".join(f"Epoch: [ {e}/25] [{b:4d}/1093] time: {e * 10 + b:.4f}, d_loss: 1.3{b}, g_loss: 0.7{b}\n"
                   for e in range(2) for b in range(3))
    t = read_text(text)
    assert t.format == "pairs" and t.step.tolist() == [0, 1, 2, 1093, 1094, 1095]
    assert {"type": "loss_convention", "loss": "bce_sum", "why": "DCGAN-tensorflow"} in t.events


def test_torch_dcgan_err_d_err_g():
    # soumith/dcgan.torch main.lua: ('Epoch: [%d][%8d / %8d]\t Time: %.3f  DataTime: %.3f  Err_G: %.4f  Err_D: %.4f')
    text = "".join(f"Epoch: [1][{b:8d} / {3165:8d}]\t Time: 0.447  DataTime: 0.001  \t Err_G: 0.{b + 1}849  "
                   f"Err_D: 1.{b}037\n" for b in range(4))
    t = read_text(text)
    assert t.step.tolist() == [3165, 3166, 3167, 3168]
    assert t.columns["g_loss"][0] == 0.1849 and t.columns["d_loss"][1] == 1.1037
    assert any(e.get("loss") == "bce_sum" for e in t.events)


def test_akanimax_elapsed_lines_and_standalone_epoch_lines():
    # akanimax BMSG-GAN / pro_gan_pytorch: "Elapsed [%s] batch: %d  d_loss: %f  g_loss: %f"
    text = ("Epoch: 1\n"
            "Elapsed [0:01:02.123456] batch: 100  d_loss: 0.812000  g_loss: 1.402000\n"
            "Elapsed [0:02:04.654321] batch: 200  d_loss: 0.700000  g_loss: 1.350000\n"
            "Epoch: 2\n"
            "Elapsed [0:03:06.000001] batch: 100  d_loss: 0.690000  g_loss: 1.300000\n")
    t = read_text(text)
    assert t.step.tolist() == [100, 200, 300]
    assert t.columns["epoch"].tolist() == [1, 1, 2]


def test_studiogan_info_lines():
    # PyTorch-StudioGAN: logger.info("Step: {step:>6} Progress: {p:<.1%} Elapsed: {e} Gen_loss: .. Dis_loss: ..")
    text = "".join(f"[INFO] 2021-01-06 14:2{i}:01 > Step: {i * 100:>6} Progress: {i / 10:.1%} "
                   f"Elapsed: 0:0{i}:41 Gen_loss: 1.1{i} Dis_loss: 1.0{i} Lr: 0.000200\n" for i in range(1, 5))
    t = read_text(text)
    assert t.step.tolist() == [100, 200, 300, 400]
    assert cols(t, "g_loss", "d_loss") == [[1.11, 1.12, 1.13, 1.14], [1.01, 1.02, 1.03, 1.04]]


def test_chollet_two_lines_per_step_make_one_row_and_a_loss_is_g():
    # Deep Learning with Python, 8.5: print('discriminator loss at step %s: %s' ...); 'adversarial loss ...'
    text = "".join(f"discriminator loss at step {s}: 0.69{s // 100}\nadversarial loss at step {s}: 0.7{s // 100}\n"
                   for s in (0, 100, 200))
    t = read_text(text)
    assert t.step.tolist() == [0, 100, 200]
    assert cols(t, "d_loss", "g_loss") == [[0.690, 0.691, 0.692], [0.70, 0.71, 0.72]]


def test_krohn_a_loss_is_the_generators():
    text = "".join(f"Epoch #{i}\n{i}: [D loss: 0.6{i}, acc: 0.7{i}]   [A loss: 1.{i}, acc: 0.2{i}]\n" for i in range(1, 4))
    t = read_text(text)
    assert t.columns["g_loss"].tolist() == [1.1, 1.2, 1.3]
    assert t.columns["d_loss"].tolist() == [0.61, 0.62, 0.63]


def test_lines_behind_a_tqdm_bar_and_tqdm_postfix():
    keras_behind_bar = "".join(
        f"{p:3d}%|{'█' * (p // 10):10s}| {p}/100 [00:0{p // 30}<00:05, 18.2it/s]{p} "
        f"[D loss: 0.6{p // 10}, acc.: 5{p // 10}.00%] [G loss: 0.8{p // 10}]\n" for p in (10, 20, 30))
    t = read_text(keras_behind_bar)
    assert t.step.tolist() == [10, 20, 30] and t.columns["d_acc"].tolist() == [0.51, 0.52, 0.53]
    postfix = "".join(f"Epoch 0: {p}%|███       | {p}/100 [00:05<00:06, 80.1it/s, d_loss=0.5{p // 10}, "
                      f"g_loss=1.2{p // 10}]\r" for p in (10, 20, 30))
    t = read_text(postfix)
    assert t.columns["g_loss"].tolist() == [1.21, 1.22, 1.23]


def test_html_markup_and_colour_codes_are_ignored():
    text = ("<br />[0/5][0/100]\tLoss_D: 1.2\tLoss_G: 2.1\tD(x): 0.6\tD(G(z)): 0.4 / 0.3<br />\n" * 0
            + "\x1b[32mINFO\x1b[0m step=1 loss_D=0.7 loss_G=0.9\n\x1b[32mINFO\x1b[0m step=2 loss_D=0.6 loss_G=1.0\n")
    t = read_text(text)
    assert t.step.tolist() == [1, 2] and t.columns["d_loss"].tolist() == [0.7, 0.6]


def test_wgan_gp_critic_lines_are_read_and_judged_as_a_critic():
    rng = np.random.default_rng(0)
    text = "".join(f"iter: {i * 10}  critic_loss: {-1.0 + 0.1 * rng.standard_normal():.4f}  "
                   f"gen_loss: {5 * np.sin(i / 30) + rng.standard_normal():.4f}\n" for i in range(400))
    t = read_text(text)
    hints = diagnose(t)
    assert not [h for h in hints if h.severity in ("warning", "critical")], [h.id for h in hints]


def test_chainer_logreport_json_list_and_json_lines():
    records = [{"iteration": i * 100, "epoch": i // 8, "loss_dis": 1.2 - i * 0.01, "loss_gen": 1.0 + i * 0.02,
                "elapsed_time": i * 12.3} for i in range(1, 6)]
    t = read_text(json.dumps(records, indent=4))
    assert t.format == "json" and t.step.tolist() == [100, 200, 300, 400, 500]
    assert t.columns["d_loss"][0] == pytest.approx(1.19)
    assert any(e.get("loss") == "bce_sum" for e in t.events)
    lines = "\n".join(json.dumps({"iteration": r["iteration"], "gen/loss": r["loss_gen"],
                                  "dis/loss": r["loss_dis"]}) for r in records)
    t = read_text(lines)
    assert t.format == "json" and t.columns["g_loss"][-1] == pytest.approx(1.1)


def test_a_json_list_cut_short_keeps_its_complete_records():
    records = [{"iteration": i, "loss_dis": 1.0, "loss_gen": 1.0} for i in range(1, 5)]
    text = json.dumps(records, indent=2)[:-40]
    t = read_text(text)
    assert 2 <= len(t) < 4 and t.skipped_lines == 1


def test_a_small_step_back_is_a_resume_and_the_run_goes_on():
    # 12,000 rows, resumed from a checkpoint at step 11,000 after reaching 11,500.
    steps = list(range(0, 11_500)) + list(range(11_000, 11_500))
    text = "".join(f"{s} [D loss: 0.5{s % 7}, acc.: 6{s % 5}.00%] [G loss: 0.9{s % 3}]\n" for s in steps)
    hints = diagnose(read_text(text))
    assert "too_little_data" not in [h.id for h in hints]
    healthy = next(h for h in hints if h.id == "healthy")
    assert healthy.step_range[0] < 2000  # judged from the start, not from the resume


def test_other_text_is_no_log():
    with pytest.raises(LogError, match="no known log format"):
        read_text("Hello\nThis is a README: nothing to see here, 3 apples.\n")
