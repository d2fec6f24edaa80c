"""Turn a figure or numbers module into the bytes of its output files.

Imported by scripts/figures.py only when something has to be built, because it
imports matplotlib (and the modules it runs import torch). All targets run in
one process (or in each worker of a small pool, with --jobs), so each library
is imported once, not once per figure.
"""

import contextlib
import inspect
import io
import json
import os
import random
import re
import sys
import time
import traceback
from pathlib import Path

# Before torch is imported: one thread and MKL's CPU-independent code path, so
# that the figures are byte-identical on every machine (hooks/reproducible.py).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))
from project_files import load_module
from reproducible import REPRODUCIBLE_ENV

os.environ.update(REPRODUCIBLE_ENV)

import matplotlib

matplotlib.use("Agg")
import figures_text
import matplotlib.font_manager
import matplotlib.pyplot as plt
import numpy as np
from figures_plan import STYLES, display
from matplotlib.figure import Figure
from matplotlib.text import Text

SEED = 0
FORMATS = ("svg", "png")
PNG_DPI = 160
# No date and no version string in the files, and SVG element ids hashed with a
# fixed salt instead of a random one: the same code gives the same bytes.
METADATA = {"svg": {"Date": None, "Creator": None}, "png": {"Software": None}}
RC_FIXED = {"svg.hashsalt": "gradient-descent-autograd", "svg.fonttype": "path"}


class SnippetError(Exception):
    """Figure or numbers code that failed; the message is one `file:line: ...` line."""


_NUMPY_PRINT = np.get_printoptions()


def _reset():
    """Reset the global state code may change, before each import and each draw.

    Targets share a process, so a figure must not depend on what ran before it:
    the seeds, numpy's and torch's print options, torch's default dtype and grad
    mode all start as in a fresh interpreter. (matplotlib's rcParams are reset by
    the style context around each draw.)
    """
    random.seed(SEED)
    np.random.seed(SEED)
    np.set_printoptions(**_NUMPY_PRINT)
    torch = sys.modules.get("torch")  # only if a snippet imported it: never import it here
    if torch is not None:
        torch.manual_seed(SEED)
        torch.set_num_threads(1)
        torch.set_default_dtype(torch.float32)
        torch.set_grad_enabled(True)
        torch.set_printoptions(profile="default")


def _location(exc, folder, fallback):
    """The innermost place inside the snippet folder where `exc` happened."""
    if isinstance(exc, SyntaxError) and exc.filename and Path(exc.filename).resolve().is_relative_to(folder):
        return Path(exc.filename), exc.lineno or 1
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if Path(frame.filename).resolve().is_relative_to(folder):
            return Path(frame.filename), frame.lineno
    # Raised outside the snippet's own frames (say, by savefig on a bad label): blame draw() or values().
    return fallback, _line_of(fallback, r"def\s+(draw|values)\b")


def _error(exc, folder, fallback):
    path, line = _location(exc, folder, fallback)
    lines = str(exc.msg if isinstance(exc, SyntaxError) else exc).splitlines()
    message = " ".join(line.strip() for line in lines if line.strip())  # one line, all of it
    text = f"{type(exc).__name__}: {message}" if message else type(exc).__name__
    return SnippetError(f"{display(path)}:{line}: {text}")


def _line_of(source, pattern):
    for number, text in enumerate(source.read_text(encoding="utf-8").splitlines(), 1):
        if re.match(pattern, text):
            return number
    return 1


@contextlib.contextmanager
def _folder(folder):
    """Run the code of one snippet folder: its sibling modules importable, imported once.

    The figures of a folder share its siblings (the page's code runs once for
    all of them), and everything is reset before each draw; the folder's
    modules are dropped from sys.modules afterwards, so a sibling `model.py` of
    another folder is never mistaken for this one.
    """
    before = set(sys.modules)
    sys.path.insert(0, str(folder))
    try:
        yield
    finally:
        sys.path.remove(str(folder))
        for name in set(sys.modules) - before:
            file = getattr(sys.modules[name], "__file__", None)
            if name.startswith("_snippet_") or (file and Path(file).resolve().is_relative_to(folder)):
                del sys.modules[name]
        plt.close("all")


@contextlib.contextmanager
def _blamed(target):
    """Run a target's code with its prints swallowed; any exception becomes a one-line SnippetError."""
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            yield
    except SnippetError:
        raise
    except (Exception, SystemExit) as exc:  # SystemExit: a snippet calling sys.exit()
        raise _error(exc, target.folder.resolve(), target.source) from exc
    finally:
        plt.close("all")


def _load(target):
    name = "_snippet_" + re.sub(r"\W", "_", f"{target.folder.name}_{target.source.stem}")
    _reset()
    return load_module(target.source, name)


def _required(target, module, function):
    if not callable(getattr(module, function, None)):
        raise SnippetError(f"{display(target.source)}:1: defines no {function}() function (see docs/contributing.md)")
    return getattr(module, function)


def _draw_function(target, module):
    """The function that draws `target`: the module's draw(), or its FIGURES entry."""
    if not target.declared:
        return _required(target, module, "draw"), "draw"
    declared = getattr(module, "FIGURES", {})
    draw = declared.get(target.name) if isinstance(declared, dict) else None
    if not callable(draw):
        line = _line_of(target.source, r"FIGURES\b")
        raise SnippetError(f"{display(target.source)}:{line}: TypeError: FIGURES[{target.name!r}] is not a function")
    return draw, getattr(draw, "__name__", "draw")


def _smallest_text_pt(figure):
    """The font size of the smallest visible text of a drawn figure, in points."""
    sizes = [t.get_fontsize() for t in figure.findobj(Text) if t.get_visible() and t.get_text().strip()]
    return min(sizes) if sizes else None


def _translated(figure, rules, target, lang):
    """Replace every text of a drawn figure by its translation; SnippetError naming what has none."""
    where = display(target.folder / figures_text.TRANSLATIONS.format(lang=lang))
    missing = []
    for text in figure.findobj(Text):
        content = text.get_text()
        if not text.get_visible() or not figures_text.needs_translation(content):
            continue
        translation = figures_text.translate(content, rules)
        if translation is None:
            missing.append(content)
        else:
            text.set_text(translation)
    if missing:
        names = ", ".join(map(repr, sorted(set(missing))))
        raise SnippetError(f"{where}:1: no translation for {names} (figure {target.name})")


def _variants(target, draw):
    """(language, layout prefix, keyword arguments) of each variant a figure is drawn in."""
    layouts = {"": {}}
    if "narrow" in inspect.signature(draw).parameters:
        layouts["narrow-"] = {"narrow": True}
    languages = ["en", *figures_text.languages(target.folder)]
    return [(lang, prefix, kwargs) for lang in languages for prefix, kwargs in layouts.items()]


def _translations(target):
    """{language: rules} for the folder's translated figures, with the CJK font registered."""
    try:
        rules = {lang: figures_text.load(target.folder, lang) for lang in figures_text.languages(target.folder)}
        if rules:
            matplotlib.font_manager.fontManager.addfont(str(figures_text.font_path()))
    except figures_text.TranslationError as exc:
        raise SnippetError(str(exc)) from None
    return rules


def render_figure(target):
    """{path relative to --out: bytes} of every variant of a figure, and its text sizes.

    Light and dark always; narrow light and dark as well when the drawing
    function takes `narrow` (a layout for phones: the page shows it under a
    media query); and each of these again with Chinese text when the folder
    has a figures.zh.toml (scripts/figures_text.py). The sizes, {path:
    [smallest text in pt, width in pt]}, let the browser tests check the text
    a reader sees at a phone's width.
    """
    with _blamed(target):
        module = _load(target)
        draw, function = _draw_function(target, module)
        fmt = getattr(module, "FORMAT", "svg")
        if fmt not in FORMATS:
            line = _line_of(target.source, r"FORMAT\s*=")
            raise SnippetError(
                f"{display(target.source)}:{line}: ValueError: FORMAT must be 'svg' or 'png', not {fmt!r}"
            )
        rules = _translations(target)
        outputs, sizes = {}, {}
        for lang, prefix, kwargs in _variants(target, draw):
            language = "" if lang == "en" else f"{lang}-"
            rc = {**RC_FIXED, **(figures_text.rc(lang) if language else {})}
            for variant, style in STYLES.items():
                with plt.style.context(["default", style]), matplotlib.rc_context(rc):
                    _reset()
                    figure = draw(**kwargs)
                    if not isinstance(figure, Figure):
                        line = _line_of(target.source, rf"def\s+{function}\b")
                        raise SnippetError(
                            f"{display(target.source)}:{line}: TypeError: {function}() must return a "
                            f"matplotlib Figure, not {type(figure).__name__}"
                        )
                    if language:
                        _translated(figure, rules[lang], target, lang)
                    buffer = io.BytesIO()
                    figure.savefig(
                        buffer, format=fmt, metadata=METADATA[fmt], dpi=PNG_DPI if fmt == "png" else "figure"
                    )
                    rel = f"figures/{target.name}-{language}{prefix}{variant}.{fmt}"
                    sizes[rel] = [_smallest_text_pt(figure), round(figure.get_figwidth() * 72, 3)]
                    plt.close(figure)
                outputs[rel] = buffer.getvalue()
        return outputs, sizes


def render_values(target):
    """{path relative to --out: bytes} for a page's numbers file."""
    with _blamed(target):
        module = _load(target)
        compute = _required(target, module, "values")
        _reset()
        result = compute()
    line = _line_of(target.source, r"def\s+values\b")
    where = f"{display(target.source)}:{line}"
    if not isinstance(result, dict):
        raise SnippetError(f"{where}: TypeError: values() must return a dict, not {type(result).__name__}")
    for key, value in result.items():
        if not isinstance(key, str) or not key.isidentifier():
            raise SnippetError(f"{where}: ValueError: values() key {key!r} is not a name usable as {{{{ page.key }}}}")
        if not isinstance(value, str):
            raise SnippetError(
                f"{where}: TypeError: values()[{key!r}] is {type(value).__name__}, not str: "
                f"format it in values(), so the page shows exactly the digits it should"
            )
    text = json.dumps(result, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    return {f"values/{target.folder.name}.json": text.encode("utf-8")}, {}


def render(target):
    """(bytes of every output of `target`, text sizes); raises SnippetError with a one-line message."""
    return render_figure(target) if target.is_figure else render_values(target)


def render_folder(targets):
    """Yield (target, outputs, sizes, error, traceback, seconds) for the targets of one snippet folder.

    `outputs` is None when the target's code failed; `error` is then its
    one-line message and `traceback` the full one, as text (it may cross a
    process boundary).
    """
    with _folder(targets[0].folder.resolve()):
        for target in targets:
            start = time.perf_counter()
            try:
                (outputs, sizes), error, trace = render(target), None, None
            except SnippetError as exc:
                outputs, sizes, error = None, None, str(exc)
                trace = "".join(traceback.format_exception(exc.__cause__ or exc))
            yield target, outputs, sizes, error, trace, time.perf_counter() - start
