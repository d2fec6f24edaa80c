"""The notebook's three figures, drawn by the notebook's own functions.

Importing the notebook runs it as a plain script, once for all three (its
printed output is swallowed by scripts/figures.py), so the page's figures and
the ones a reader gets by running the notebook are the same code.
"""

import one_neuron_fit as nb

FIGURES = {
    "one_neuron_loss": nb.draw_loss,
    "one_neuron_landscape": nb.draw_landscape,
    "one_neuron_lines": nb.draw_lines,
}
