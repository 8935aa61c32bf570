"""The corpus regression harness: load pages, extract, score, check a baseline.

Modules, one job each:

- :mod:`~thresher.corpus.pages` - ``Page``/``Gold`` and the loaders (stored corpus,
  WCXB, Readability test pages, trafilatura eval), layout detection, ``add_page``;
- :mod:`~thresher.corpus.htmltext` - HTML -> text for gold given as HTML;
- :mod:`~thresher.corpus.fields` - field normalisation and comparison;
- :mod:`~thresher.corpus.scoring` - per-page scores and aggregates (metric injected);
- :mod:`~thresher.corpus.runner` - runs an extractor over pages (threads), wiring
  to ``thresher.bare_extraction`` / ``thresher._core.word_prf``;
- :mod:`~thresher.corpus.outputs` - JSONL files of outputs (peers, baseline);
- :mod:`~thresher.corpus.baseline` - the accepted baseline and the check;
- :mod:`~thresher.corpus.report` - the HTML report;
- :mod:`~thresher.corpus.tables` - terminal tables;
- :mod:`~thresher.corpus.commands` - the ``thresher corpus ...`` subcommands.

How scores are computed: ``README-scoring.md`` in this folder.
"""

from .fields import FIELDS, field_correct
from .pages import CorpusError, Gold, Page, detect_layout, load_corpus
from .scoring import Output, PageScore, aggregate, group_scores, score_page, snippet_in

__all__ = [
    "FIELDS",
    "field_correct",
    "CorpusError",
    "Gold",
    "Page",
    "detect_layout",
    "load_corpus",
    "Output",
    "PageScore",
    "aggregate",
    "group_scores",
    "score_page",
    "snippet_in",
]
