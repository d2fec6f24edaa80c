"""The page's code, imported without its printed output.

The figures and values.py reuse the page's functions and results from
gradient_descent.py instead of copying them; importing it runs the page's
blocks, which print, so the printing is swallowed here.
"""

import contextlib
import io

with contextlib.redirect_stdout(io.StringIO()):
    import gradient_descent  # noqa: F401  (re-exported for the figures and values.py)
