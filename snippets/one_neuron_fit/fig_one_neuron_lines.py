"""The post's points with the fitted lines: the post's loop, the tuned loop, the closed form and the line with an intercept.

Drawn by the notebook's own function, draw_lines() in one_neuron_fit.py, so the
page's figure and the one a reader gets by running the notebook are the same
code.
"""

from one_neuron_fit_quiet import one_neuron_fit as nb


def draw():
    return nb.draw_lines()
