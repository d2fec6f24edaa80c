"""The notebook's code, imported without its printed output.

The figures reuse the notebook's results and drawing functions from
one_neuron_fit.py instead of copying them; importing it runs the whole
notebook, which prints and draws, so the printing is swallowed here and the
figures it drew are closed.
"""

import contextlib
import io

import matplotlib.pyplot as plt

with contextlib.redirect_stdout(io.StringIO()):
    import one_neuron_fit  # noqa: F401  (re-exported for the figures)
plt.close("all")  # the notebook's own copies of the figures; draw() makes new ones
