"""Run one page's code blocks in order, in one namespace, as a reader would.

Usage: run_blocks.py BLOCKS_JSON RESULTS_JSONL. Started by scripts/page_blocks.py
in a fresh process per page, so no state (seeds, grad mode, default dtype,
imported modules) crosses from one page to the next. Python blocks run as
`__main__`; shell blocks run with `bash -e`. One JSON line is written per block
as soon as it finishes, so a crash or a timeout still leaves the earlier
results. The run stops at the first error a block did not declare.
"""

import contextlib
import io
import json
import subprocess
import sys
import traceback


def run_block(block, namespace):
    if block["language"] == "python":
        exec(compile(block["code"], block["where"], "exec"), namespace)  # noqa: S102 - running docs is the point
        return
    proc = subprocess.run(["bash", "-e", "-c", block["code"]], capture_output=True, text=True, check=False)
    sys.stdout.write(proc.stdout)
    sys.stderr.write(proc.stderr)
    if proc.returncode:
        raise subprocess.CalledProcessError(proc.returncode, "bash")


def describe(exc):
    cls = type(exc)
    # Drop this file's frames: the traceback starts in the block.
    tb = exc.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename == __file__:
        tb = tb.tb_next
    return {
        "type": cls.__name__,
        "qualname": f"{cls.__module__}.{cls.__qualname__}",
        "message": str(exc),
        "traceback": "".join(traceback.format_exception(cls, exc, tb)),
    }


def main(blocks_file, results_file):
    with open(blocks_file, encoding="utf-8") as f:
        blocks = json.load(f)
    namespace = {"__name__": "__main__", "__builtins__": __builtins__}
    with open(results_file, "w", encoding="utf-8") as results:
        for block in blocks:
            out, err, error = io.StringIO(), io.StringIO(), None
            try:
                with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                    run_block(block, namespace)
            except BaseException as exc:  # noqa: BLE001 - SystemExit too is a block's outcome
                error = describe(exc)
            record = {"line": block["line"], "stdout": out.getvalue(), "stderr": err.getvalue(), "error": error}
            results.write(json.dumps(record) + "\n")
            results.flush()
            if error and not block["continue_after_error"]:
                break


if __name__ == "__main__":
    main(*sys.argv[1:])
