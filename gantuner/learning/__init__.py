"""Learning aids, Qt-free: the 2D data space of a GAN, one step walked through
phase by phase, practice scenarios with scoring, comparing runs in words and
exporting a run's samples as an animated GIF.  The GUI's Learn docks
(gantuner/gui/learning_docks.py) show them.
"""
