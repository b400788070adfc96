"""Every number the diagnosis rules compare against, in one table.

Accuracies are shares (0..1); losses are the bce losses of the Keras-GAN
convention (D loss = mean of its real and fake parts, ln 2 = 0.693 when D
cannot tell real from fake).  Lengths are in training steps, never in rows,
because logs print every 1 to 1,000 steps.

Calibration notes refer to the article's two examples, to per-step runs of a
small stand-alone 16x16 DCGAN on digits (batch 64: default learning rates,
D at 10x G's learning rate, batch norm in D, lr 5e-3 with batch 16, lr 1e-6,
lr 0.5), and to gantuner's own engine on digits (CPU, seed 0):

* defaults, 3,000 steps: D at 50-52 % for 1,500 steps (D loss 0.69, D(x)
  0.52, D(G(z)) 0.51), then rising to 64 %  -> healthy all along;
* lr_d = 2e-3 (10x), 2,000 steps: D at 65-79 % (94 % on real, 45 % on
  fake), D loss 0.5  -> healthy ("D slightly ahead", as in Example 2); a
  later 4,000-step run with the same settings went differently (the engine
  was being changed meanwhile): D climbed 74 % -> 99 %  -> unstable (G loss
  +-40 % per step) until ~2,400 steps, d_too_strong after;
* d_batchnorm on, 1,500 steps: D at 90-97 %, G loss 1.4 -> 2.4  -> d_too_strong;
* lr 0.5: G loss 1.2e6 by step 44  -> divergence (critical);
* lr 1e-6: D loss 0.686-0.692, D(x) 0.50-0.51 for 800 steps  -> slow_progress
  from step ~300.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

LN2 = math.log(2.0)  # bce loss of a D that outputs 0.5 for everything


@dataclass(frozen=True)
class Thresholds:
    # ---- the warm-up and the amount of data ------------------------------
    # D wins the first steps of nearly every run (the article: "始めは識別器が優位
    # になりがち"; Example 2 is at 100 % at step 50, balanced by step 100; the
    # calibration DCGAN settles within ~100 steps).  The warm-up is the first
    # 10 % of the run, but at least 100 and at most 1,000 steps.
    warmup_fraction: float = 0.10
    warmup_min_steps: int = 100
    warmup_max_steps: int = 1000
    # Fewer rows than this after the warm-up and no rule judges a state:
    # the article's Example 1 has 5 such rows and a clear verdict, 2 could be luck.
    min_rows: int = 3
    # Per-step curves are smoothed over 1/40 of the analysed stretch (at most
    # 200 steps): per-step accuracy at batch 64 jumps by +-0.05, which would
    # break every "stays above" test; sparse logs (rows far apart) are not
    # smoothed at all, each row already is a separate sample.
    smooth_fraction: float = 1 / 40
    smooth_max_steps: int = 200

    # ---- d_too_strong ----------------------------------------------------
    # "Pinned near 100 %": smoothed accuracy at or above 90 % (D wrong on
    # fewer than 1 judgement in 10, for hundreds of steps), or a smoothed D
    # loss at or below 0.05 (D(x) ~ 0.95 and D(G(z)) ~ 0.05).  Example 1
    # never goes below 99.2 %; the engine with batch norm in D sits at
    # 90-97 % (mean 94 %) with G's loss climbing 1.4 -> 2.4, the case the
    # knob's help warns about; its default run stays at 50-64 %.
    pinned_acc: float = 0.90
    pinned_d_loss: float = 0.05
    # The pinned stretch must last this long after the warm-up ("long after
    # the warm-up"), and cover half the analysed steps or still be going on.
    pinned_min_steps: int = 200
    pinned_share: float = 0.5
    # G loss below 0.1 means D(G(z)) > 0.9 in G's own step: impossible for a
    # correctly frozen D that rejects every fake, so it points at batch norm
    # or an unfrozen D (Example 1: G loss 0.0002-0.008).
    g_loss_near_zero: float = 0.1
    # A mean G loss of 1.5 or more (D(G(z)) ~ 0.22 in G's step, against
    # ln 2 = 0.69 at balance) is "large": D rejects the fakes with confidence.
    # A rise of 30 % with a rank correlation of 0.6 over the stretch is "rising".
    g_loss_large: float = 1.5
    g_rise_growth: float = 1.3
    g_rise_trend: float = 0.6
    # The article warns against too much dropout ("単調な画像しか生成できなく
    # なる"): the dropout action raises it by 0.2 but never above 0.5.
    dropout_step: float = 0.2
    dropout_cap: float = 0.5
    # One-sided label smoothing of 0.1 (real label 0.9) and instance noise of
    # 0.1 (data scaled to -1..1) are the usual gentle starting values.
    label_smoothing_value: float = 0.1
    instance_noise_value: float = 0.1

    # ---- a D that has won outright, clear from the first rows ----------------
    # D(G(z)) at or below 0.01 together with a G loss at or above the loss's
    # "far" level (bce: 5, i.e. D(G(z)) < 0.7 % in G's own step), in every one
    # of the latest rows: no warm-up looks like that for long.  The PyTorch
    # DCGAN tutorial on CelebA has one such row (step 50) and recovers by step
    # 150; zhangxiann/PyTorch_Practice#1 has it from iteration 20 on, six rows
    # over 42 steps, and its images stayed noise.  At least 4 rows over 20
    # steps: one or two saturated batches are a normal start.
    saturated_d_g_z: float = 0.01
    saturated_min_rows: int = 4
    saturated_min_steps: int = 20
    # The other way round: G's loss at 0 (D(G(z)) = 1: D calls every fake
    # real) with D's loss 10x its equilibrium or more, in every one of the
    # latest 4 rows or more (carpedm20/DCGAN-tensorflow#276: g_loss 0.00000,
    # d_loss 60-90 with 20 images at batch size 5).
    fooled_g_loss: float = 0.01
    fooled_d_ratio: float = 10.0

    # ---- convergence_failure ----------------------------------------------
    # D loss down to ~0 (smoothed <= 0.05, as for "pinned") while G loss
    # climbs steadily: rank correlation with the step >= 0.6, the end at least
    # 1.5x the start and above 3 (Brownlee's failed runs climb towards 10;
    # the calibration run with batch norm in D climbs 1.3 -> 5.6).
    failure_d_loss: float = 0.05
    failure_g_trend: float = 0.6
    failure_g_growth: float = 1.5
    failure_g_loss_min: float = 3.0

    # ---- d_too_weak --------------------------------------------------------
    # Below chance: smoothed accuracy at or under 40 %, i.e. D is fooled more
    # often than a coin would be.  Example 2 spends 200 steps at 33-44 % just
    # after its warm-up, which the article calls healthy, so the stretch must be
    # long: at least 1,000 steps and 60 % of the analysed steps.
    weak_acc: float = 0.40
    # At chance (<= 55 %) only counts as "too weak" when the knobs in force
    # handicap D (a balanced game sits at 50 % too); improving sample
    # quality vetoes either reading.
    chance_acc: float = 0.55
    weak_min_steps: int = 1000
    weak_share: float = 0.6
    # Knob settings that handicap D: D's learning rate a quarter of G's or
    # less, dropout 0.5 or more, label smoothing 0.3 or more, instance noise
    # 0.5 or more.
    weak_lr_ratio: float = 0.25
    weak_dropout: float = 0.5
    weak_label_smoothing: float = 0.3
    weak_instance_noise: float = 0.5

    # ---- mode_collapse -------------------------------------------------------
    # A regular oscillation of G loss: autocorrelation >= 0.6 at a period that
    # fits at least three times, with an amplitude (std of the detrended
    # curve) of at least 10 % of the G loss level, while D's accuracy is high
    # (>= 80 %: D keeps catching the one mode G has moved to).  Measured on
    # 200 random curves each: white noise, random walks and AR(0.95) noise
    # reach at most 0.49 (99th percentile) from 40 rows up; a noisy sine
    # (noise 0.7 x amplitude) reaches 0.53-0.67 at 40-100 rows and 0.8-0.98
    # from 500 rows.  60 rows at least.
    osc_min_rows: int = 60
    osc_acf_peak: float = 0.6
    osc_rel_amplitude: float = 0.10
    osc_d_acc: float = 0.80
    # Quality columns (higher is better): a fall to 70 % or less of the best
    # value seen, over at least 3 evaluations, is a loss of modes/diversity.
    # "Now" is the median of the last 3 evaluations: a 2D GAN still finding
    # its modes swings 8 -> 4 -> 8 between two evaluations (measured on the
    # ring defaults at 1,500 steps), and one dip is no collapse.
    quality_drop: float = 0.30
    quality_min_points: int = 3
    quality_recent: int = 3
    # Coverage that stays at half the data's modes or classes or less after
    # the warm-up is a collapse even without a fall: latent_dim=1 on digits
    # covers 1-3 of the 10 classes for 800 steps (measured), the defaults 8-10.
    quality_low_coverage: float = 0.5
    # Samples near the data: kNN precision or the share of 2D samples within 3
    # standard deviations of a mode (the data itself: 0.99; PacGAN's GAN on the
    # ring: 0.98) at 0.2 or less means most samples are nowhere near the data.
    quality_poor_realism: float = 0.2

    # ---- divergence ----------------------------------------------------------
    # bce, lsgan and hinge losses above 100 mean the logits have blown up
    # (PyTorch's BCELoss even clamps at 100); 10x the early level excludes
    # Wasserstein critics, whose losses are large by design.  Above 10,000 the
    # loss has exploded whatever the kind.  The lr 0.5 calibration run jumps
    # to G loss 5.9e5 within 60 steps.
    explode_loss: float = 100.0
    explode_ratio: float = 10.0
    explode_loss_hard: float = 1e4
    # ganhacks: a gradient norm above 100 means "things are screwing up".
    # Calibration: G's norm passes 100 whenever D dominates (10x lr, batch
    # norm in D), so alone it is a warning and it joins d_too_strong's
    # evidence when that hint explains it.
    grad_norm_explode: float = 100.0

    # ---- unstable ------------------------------------------------------------
    # Spread of the per-row losses around their running mean (robust: 1.48 x
    # the median absolute deviation), relative to the loss level (never below
    # 0.5, so a D loss near 0 does not inflate it).  Calibration, per step at
    # batch 64, G loss: engine defaults 0.02 (digits) and 0.13 (ring); engine
    # with lr_d 10x 0.18-0.26 over a whole run, 0.35-0.42 in some 500-step
    # windows (a large learning rate is unstable, the article says); stand-alone
    # DCGAN with lr 5e-3 and batch 16: 0.29-0.39.  Spikes: rows more than 5
    # spreads above the curve and over twice the level; 2 % of rows or more
    # is "spiking".
    unstable_rel_noise: float = 0.25
    unstable_level_floor: float = 0.5
    spike_sigmas: float = 5.0
    spike_level: float = 2.0
    spike_share: float = 0.02
    # Rows this many steps apart or more are separate batches, not a curve:
    # their normal noise is that of one batch (see rule_unstable.noise_allowance;
    # the CelebA tutorial log, every 50 steps, swings by up to 33 % when healthy).
    sparse_row_steps: float = 10.0
    sparse_noise_factor: float = 2.0
    noise_reference_batch: int = 64

    # ---- slow_progress -------------------------------------------------------
    # A flat curve is not a problem by itself: a balanced game sits at
    # ln 2 = 0.693 (Example 2, steps 700-1400).  What marks a learning rate
    # that is too small is that nothing ever happened: from the first step
    # on, D loss stays within 0.05 of ln 2 (no warm-up where D wins) and
    # D(x), D(G(z)) stay within 0.05 of 0.5, for at least 300 steps (three
    # times the shortest warm-up).  With lr 1e-6 the calibration run stays at
    # 0.66-0.70 for 1,500 steps; the default run leaves the band (0.47-0.51)
    # within its first 100 steps.
    slow_loss_band: float = 0.05
    slow_output_band: float = 0.05
    slow_min_steps: int = 300
    # Learning rates at or below this, when known, confirm the reading.
    slow_lr: float = 2e-5

    # ---- healthy ---------------------------------------------------------------
    # The article's Example 2 settles at 50 % and later rises to 70-78 % ("D
    # slightly ahead"): 40-85 % is a game both sides are still playing.
    healthy_acc_low: float = 0.40
    healthy_acc_high: float = 0.85
    # A late rise to this level is "D slightly ahead, fine" (Example 2).
    slightly_ahead_acc: float = 0.65

    # ---- follow_up -----------------------------------------------------------
    # Compare up to 500 steps before a knob change with up to 500 steps after
    # it, skipping 20 steps for Adam's momentum to catch up; at least 100
    # steps and 3 rows after the change before saying anything.
    follow_window_steps: int = 500
    follow_settle_steps: int = 20
    follow_min_after_steps: int = 100
    # An accuracy change of 5 points or more (per-step noise is +-0.05 and the
    # windows average it out) is an effect, not noise.
    follow_min_change: float = 0.05


THRESHOLDS = Thresholds()
