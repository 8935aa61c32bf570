"""Run an extractor over pages, once per page, and score each output.

``extract`` and ``metric`` are parameters (dependency injection) so the loop is
testable with hand-made functions; :func:`thresher_extract` and
:func:`thresher_metric` wire in the real library. Pages are processed by a
thread pool (the C++ extractor releases the GIL) and results come back in
corpus order.
"""

from __future__ import annotations

import os
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator

from .pages import Page
from .scoring import Metric, Output, PageScore, output_fields, score_page

__all__ = [
    "Extract",
    "PageResult",
    "run_pages",
    "iter_results",
    "document_to_output",
    "thresher_extract",
    "thresher_metric",
]

# (html bytes, url or None) -> Output
Extract = Callable[[bytes, "str | None"], Output]


@dataclass
class PageResult:
    page: Page
    output: Output
    score: PageScore


def document_to_output(doc: Any, seconds: float = 0.0) -> Output:
    """Convert a ``thresher.Document`` (or anything with the same attributes)."""
    raw: dict[str, Any] = {}
    for name in ("title", "author", "authors", "date", "sitename", "language", "page_type", "description",
                 "categories", "tags"):
        raw[name] = getattr(doc, name, None)
    if raw.get("author") in (None, "") and raw.get("authors"):
        raw["author"] = "; ".join(raw["authors"])
    raw.pop("authors", None)
    diag = getattr(doc, "diagnostics", None)
    if diag is not None and not isinstance(diag, dict):
        diag = {k: getattr(diag, k) for k in dir(diag) if not k.startswith("_") and not callable(getattr(diag, k))}
    return Output(text=getattr(doc, "text", None) or "", fields=output_fields(raw), diagnostics=diag, seconds=seconds)


def thresher_extract(**options: Any) -> Extract:
    """An Extract equivalent to ``thresher.bare_extraction(html, url, **options)``,
    with the options compiled once (``thresher.Extractor``, thread-safe) when the
    library has it."""
    import thresher

    if hasattr(thresher, "Extractor"):
        extractor = thresher.Extractor(**options)

        def call(html: bytes, url: str | None) -> Any:
            return extractor.extract(html, url)
    else:
        def call(html: bytes, url: str | None) -> Any:
            return thresher.bare_extraction(html, url=url, **options)

    def extract(html: bytes, url: str | None) -> Output:
        t0 = time.perf_counter()
        doc = call(html, url)
        return document_to_output(doc, time.perf_counter() - t0)

    return extract


def thresher_metric() -> Metric:
    """The one definition of the word metric, in C++."""
    from thresher._core import word_prf

    return word_prf


def _one(page: Page, extract: Extract, metric: Metric) -> PageResult:
    t0 = time.perf_counter()
    try:
        out = extract(page.read_html(), page.url)
    except Exception as e:  # noqa: BLE001 - a failing page is a result, not a crash
        out = Output(error=f"{type(e).__name__}: {e}")
    if not out.seconds:
        out.seconds = time.perf_counter() - t0
    return PageResult(page, out, score_page(page, out, metric))


def default_workers() -> int:
    env = os.environ.get("THRESHER_CORPUS_WORKERS")
    if env:
        return max(1, int(env))
    return max(1, os.cpu_count() or 1)


def iter_results(
    pages: Iterable[Page], extract: Extract, metric: Metric, workers: int | None = None
) -> Iterator[PageResult]:
    """Yield one PageResult per page, in page order, as soon as it is ready."""
    pages = list(pages)
    workers = default_workers() if workers is None else max(1, workers)
    if workers == 1 or len(pages) <= 1:
        for p in pages:
            yield _one(p, extract, metric)
        return
    with ThreadPoolExecutor(max_workers=workers) as pool:
        # A bounded window keeps memory flat and results in order.
        window = workers * 4
        futures = []
        it = iter(pages)
        for p in it:
            futures.append(pool.submit(_one, p, extract, metric))
            if len(futures) >= window:
                break
        i = 0
        while i < len(futures):
            yield futures[i].result()
            futures[i] = None  # type: ignore[call-overload]  # drop the reference
            i += 1
            nxt = next(it, None)
            if nxt is not None:
                futures.append(pool.submit(_one, nxt, extract, metric))


def run_pages(
    pages: Iterable[Page],
    extract: Extract,
    metric: Metric,
    workers: int | None = None,
    on_result: Callable[[PageResult], None] | None = None,
) -> list[PageResult]:
    results = []
    for r in iter_results(pages, extract, metric, workers):
        if on_result:
            on_result(r)
        results.append(r)
    return results
