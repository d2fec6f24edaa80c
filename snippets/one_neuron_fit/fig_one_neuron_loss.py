"""The loss above its minimum against the iteration, for the post's and the tuned learning rate.

Drawn by the notebook's own function, draw_loss() in one_neuron_fit.py, so the
page's figure and the one a reader gets by running the notebook are the same
code.
"""

from one_neuron_fit_quiet import one_neuron_fit as nb


def draw():
    return nb.draw_loss()
