"""CSV logs: header names, percent accuracies, Lightning's layout, damage."""

from __future__ import annotations

import numpy as np
import pytest

from gantuner.logs import LogError, detect_format, read_log, read_text


@pytest.mark.parametrize("d_name,g_name", [("d_loss", "g_loss"), ("loss_D", "loss_G"), ("lossD", "lossG"),
                                           ("Loss_D", "Loss_G"), ("D loss", "G loss"), ("Loss/D", "Loss/G"),
                                           ("discriminator_loss", "generator_loss"), (" D_LOSS ", "G_Loss")])
def test_loss_column_spellings(d_name, g_name):
    table = read_text(f"step,{d_name},{g_name}\n0,0.5,0.7\n10,0.4,0.9\n", format="csv")
    assert table.step.tolist() == [0, 10]
    assert table.columns["d_loss"].tolist() == [0.5, 0.4]
    assert table.columns["g_loss"].tolist() == [0.7, 0.9]


@pytest.mark.parametrize("step_name", ["step", "iteration", "iter", "global_step", "Step", "ITER"])
def test_step_column_spellings(step_name):
    table = read_text(f"{step_name},d_loss\n5,0.5\n6,0.4\n", format="csv")
    assert table.step.tolist() == [5, 6]


def test_epoch_only_becomes_the_step_and_stays_a_column():
    table = read_text("epoch,d_loss\n1,0.5\n2,0.4\n", format="csv")
    assert table.step.tolist() == [1, 2]
    assert table.columns["epoch"].tolist() == [1, 2]


def test_missing_step_uses_the_row_index_and_extras_are_kept():
    table = read_text("d_loss;g_loss;Loss/Cycle\n0.5;0.7;0.1\n0.4;0.8;0.2\n", format="csv")
    assert table.step.tolist() == [0, 1]
    assert table.columns["loss_cycle"].tolist() == [0.1, 0.2]


def test_accuracy_percent_or_share_and_probabilities():
    percent = read_text("step,d_loss,acc\n0,0.5,50\n1,0.5,75.5\n", format="csv")
    assert percent.columns["d_acc"].tolist() == [0.5, 0.755]
    share = read_text("step,d_loss,accuracy,D(x),D(G(z))\n0,0.5,0.5,0.9,0.1\n1,0.5,1.0,0.8,0.2\n",
                      format="csv")
    assert share.columns["d_acc"].tolist() == [0.5, 1.0]
    assert share.columns["d_x"].tolist() == [0.9, 0.8]
    assert share.columns["d_g_z"].tolist() == [0.1, 0.2]


def test_lightning_csvlogger_rows_are_merged_by_step():
    text = ("epoch,step,train/d_loss_step,g_loss_step,d_loss_epoch\n"
            "0,0,0.50,,\n"
            "0,0,,0.70,\n"
            "0,1,0.40,,\n"
            "0,1,,0.80,0.45\n"
            "1,2,0.30,0.90,\n")
    table = read_text(text)
    assert table.format == "csv"
    assert table.step.tolist() == [0, 1, 2]
    assert table.columns["d_loss"].tolist() == [0.5, 0.4, 0.3]
    assert table.columns["g_loss"].tolist() == [0.7, 0.8, 0.9]
    assert np.isnan(table.columns["d_loss_epoch"][0]) and table.columns["d_loss_epoch"][1] == 0.45
    assert table.columns["epoch"].tolist() == [0, 0, 1]


def test_no_loss_column_names_what_was_found_and_what_is_accepted():
    with pytest.raises(LogError) as info:
        read_text("step,lr,fid\n0,0.1,30\n", format="csv", source="metrics.csv")
    message = str(info.value)
    assert "metrics.csv" in message and "step, lr, fid" in message and "d_loss" in message
    assert "\n" not in message
    assert info.value.message("ja") != message


def test_damaged_rows_are_skipped_text_columns_dropped_nan_kept():
    text = ("step,d_loss,g_loss,run\n"
            "0,0.5,0.7,a\n"
            "1,oops,0.7,a\n"       # a loss that is not a number
            "2,0.5\n"              # cut short
            "3,nan,inf,a\n"
            "4.5,0.1,0.1,a\n")     # a step that is not whole
    table = read_text(text)
    assert table.step.tolist() == [0, 3]
    assert np.isnan(table.columns["d_loss"][1]) and table.columns["g_loss"][1] == np.inf
    assert "run" not in table.columns
    assert table.skipped_lines == 3
    assert [e.line_number for e in table.skipped_examples] == [3, 4, 6]


def test_restart_in_csv_is_marked():
    table = read_text("step,d_loss\n0,1\n1,1\n2,1\n0,1\n1,1\n", format="csv")
    assert table.step.tolist() == [0, 1, 2, 0, 1]
    assert [e["row"] for e in table.events if e["type"] == "restart"] == [3]


def test_csv_file_is_detected(tmp_path):
    path = tmp_path / "log.csv"
    path.write_text("\ufeffstep,Loss_D,Loss_G\n0,1,2\n")
    assert detect_format(path) == "csv"
    assert read_log(path).columns["g_loss"].tolist() == [2.0]
