"""The page's code, imported without its printed output.

The figure and values.py reuse the variables of the page's files
(full_batch.py, exercises.py) instead of copying them; importing them runs
the page's blocks, which print, so the printing is swallowed here.
"""

import contextlib
import io

with contextlib.redirect_stdout(io.StringIO()):
    import exercises  # noqa: F401  (re-exported for the figure and values.py)
    import full_batch  # noqa: F401
