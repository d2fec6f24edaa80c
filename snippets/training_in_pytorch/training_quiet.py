"""The page's code, imported without its printed output.

The figures and values.py reuse the variables of the page's files
(pytorch_loop.py, minibatch.py, nonconvex.py, exercises.py) instead of
copying them; importing them runs the page's blocks, which print, so the
printing is swallowed here.
"""

import contextlib
import io

with contextlib.redirect_stdout(io.StringIO()):
    import exercises  # noqa: F401  (re-exported for figures, values.py)
    import minibatch  # noqa: F401
    import nonconvex  # noqa: F401
    import pytorch_loop  # noqa: F401
