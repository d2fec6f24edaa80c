"""Quiet, cached Chinese word segmentation for Material's search index.

When jieba is installed (requirements.txt pins it), Material's search plugin
segments every run of Chinese characters into words joined by U+200B, so that
a query such as 学习率 finds the pages that use the word; the `separator` of
the search plugin in mkdocs.yml includes U+200B for that reason. jieba logs
four lines to standard error on every build (which a warning-free strict
build must not have) and keeps its dictionary cache in /tmp: here it is
silenced, and its cache lives in the project's .cache/ with everything else.
"""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from project_files import project_root  # hooks/ is on sys.path while MkDocs loads a hook

CACHE = ".cache/jieba"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        import jieba
    except ImportError:  # without it Material indexes Chinese text as whole runs
        return config
    jieba.setLogLevel(logging.WARNING)
    cache = project_root(config) / CACHE
    cache.mkdir(parents=True, exist_ok=True)
    jieba.dt.tmp_dir = str(cache)
    return config
