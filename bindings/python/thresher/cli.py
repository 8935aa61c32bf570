"""Command line: ``thresher ...`` and ``python -m thresher ...``.

Command groups register themselves on one top-level parser: ``extract``
(pages, folders, WARC archives; :mod:`thresher.extract_cli`) and ``corpus``
(the regression harness, :mod:`thresher.corpus.commands`). Each has a
``register(subparsers)`` function adding its parser with ``set_defaults(func=...)``.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any, Callable, Sequence

__all__ = ["main", "build_parser"]


def build_parser() -> argparse.ArgumentParser:
    from . import extract_cli
    from .corpus import commands as corpus_commands

    parser = argparse.ArgumentParser(prog="thresher", description="Extract the main content and metadata of web pages.")
    try:
        from importlib.metadata import version

        parser.add_argument("--version", action="version", version=f"%(prog)s {version('thresher')}")
    except Exception:  # noqa: BLE001 - not installed as a distribution (source checkout)
        pass
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    corpus_commands.register(sub)
    extract_cli.register(sub)
    return parser


def main(
    argv: Sequence[str] | None = None,
    *,
    extract_factory: Callable[..., Any] | None = None,
    metric_factory: Callable[..., Any] | None = None,
) -> int:
    """Run the CLI; returns the exit status. The keyword arguments inject an
    extractor / metric factory (tests); by default the thresher library's."""
    from .corpus.commands import Context, dispatch

    parser = build_parser()
    args = parser.parse_args(list(argv) if argv is not None else None)
    ctx = Context(extract_factory=extract_factory, metric_factory=metric_factory)
    try:
        return dispatch(args, ctx)
    except BrokenPipeError:  # `thresher corpus run | head`
        try:
            sys.stdout.close()
        except Exception:  # noqa: BLE001
            pass
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
