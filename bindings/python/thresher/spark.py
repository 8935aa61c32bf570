"""thresher on Apache Spark: a struct column, whole DataFrames, WARC archives.

Needs ``pip install thresher[spark]`` (pyspark, pandas, pyarrow) on the driver
and on every executor (see the README for shipping the wheel).

>>> from thresher.spark import extract_column, extract_dataframe, extract_warc
>>> docs = df.withColumn("doc", extract_column("html", "url"))          # one struct column
>>> docs.select("doc.title", "doc.text", "doc.error")
>>> extract_dataframe(df, html="html", url="url")                       # a column per field
>>> extract_warc(spark, ["/data/crawl-0001.warc.gz"]).write.parquet("out")

The Spark schema is derived from the fields of :class:`thresher.Document`
(``str`` -> string, ``int`` -> bigint, ``float`` -> double, ``bool`` ->
boolean, ``List[str]`` -> array<string>, ``Dict`` -> a JSON string:
``diagnostics`` is JSON text). Every field is nullable, as Spark requires of
what a pandas UDF returns. A field added to ``Document`` appears in every
output here without a change to this module.

Work runs in the Python worker processes of the executors, batch by batch
(Arrow record batches for the UDF and ``mapInPandas``, ``batch_size`` records of
an archive), each batch through :meth:`Extractor.extract_many`. A page that
fails gives a row whose ``error`` is ``"code: message"``; the job goes on.
``threads`` (default 1) is the C++ thread pool per batch: Spark already runs one
task per executor core, so more threads would only compete with the other tasks.
"""
from __future__ import annotations

import dataclasses
import functools
import json
import math
import os
import types
import typing
from itertools import islice
from typing import Any, Callable, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple, Union

import pandas as pd
from pyspark.sql import Column, DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql import types as T
from pyspark.sql.pandas.functions import pandas_udf

from . import OPTION_DEFAULTS, Document, Extractor, inputs

__all__ = [
    "document_schema", "documents_frame", "extract_column", "extract_frames", "records_schema",
    "extract_dataframe", "WARC_COLUMNS", "warc_schema", "read_warc", "extract_warc_frames",
    "extract_warc",
]

_SCALARS = {str: T.StringType, int: T.LongType, float: T.DoubleType, bool: T.BooleanType}
_UNION_TYPES = (Union, getattr(types, "UnionType", Union))


@dataclasses.dataclass(frozen=True)
class _Column:
    name: str
    spark_type: T.DataType
    to_spark: Callable[[Any], Any]  # Document attribute -> value Arrow accepts


def _to_json(value: Any) -> Optional[str]:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def _as_list(value: Any) -> Optional[List[Any]]:
    return None if value is None else list(value)


def _same(value: Any) -> Any:
    return value


def _column_for(name: str, hint: Any) -> _Column:
    if typing.get_origin(hint) in _UNION_TYPES:  # Optional[X] -> X
        rest = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(rest) == 1:
            hint = rest[0]
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint in _SCALARS:
        return _Column(name, _SCALARS[hint](), _same)
    if origin is list and len(args) == 1 and args[0] in _SCALARS:
        return _Column(name, T.ArrayType(_SCALARS[args[0]]()), _as_list)
    if origin is dict:
        return _Column(name, T.StringType(), _to_json)
    raise TypeError(f"Document.{name}: no Spark type for {hint!r} (thresher.spark maps str, int, "
                    f"float, bool, Optional[...] of those, List[scalar] and Dict)")


@functools.lru_cache(maxsize=None)
def _document_columns() -> Tuple[_Column, ...]:
    hints = typing.get_type_hints(Document)
    return tuple(_column_for(f.name, hints[f.name]) for f in dataclasses.fields(Document))


def document_schema() -> T.StructType:
    """The Spark type of one :class:`Document`, a field per dataclass field, in order."""
    return T.StructType([T.StructField(c.name, c.spark_type, True) for c in _document_columns()])


def documents_frame(docs: Iterable[Document]) -> pd.DataFrame:
    """Documents as a pandas DataFrame matching :func:`document_schema` (lists as
    lists, dicts as JSON text), ready for Arrow."""
    docs = list(docs)
    return pd.DataFrame({c.name: pd.Series([c.to_spark(getattr(d, c.name)) for d in docs], dtype=object)
                         for c in _document_columns()})


# One Extractor per Python worker process and set of options. Spark reuses a
# worker for many tasks (spark.python.worker.reuse, on by default) and runs one
# task at a time in it, so this module-level cache builds the Extractor once per
# process instead of once per batch, and never shares it between processes.
_EXTRACTORS: Dict[Tuple[Tuple[str, Any], ...], Extractor] = {}


def _extractor(options: Dict[str, Any]) -> Extractor:
    key = tuple(sorted(options.items()))
    ex = _EXTRACTORS.get(key)
    if ex is None:
        ex = _EXTRACTORS[key] = Extractor(**options)
    return ex


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA


def _html(value: Any) -> Union[str, bytes]:
    """A cell of the html column: bytes (binary column) or str; null is an empty page."""
    return b"" if _missing(value) else value


def _text(value: Any) -> Optional[str]:
    return None if _missing(value) else str(value)


def _items(htmls: Iterable[Any], urls: Iterable[Any],
           hints: Iterable[Any]) -> List[Tuple[Union[str, bytes], Optional[str], Optional[str]]]:
    return [(_html(h), _text(u), _text(e)) for h, u, e in zip(htmls, urls, hints)]


def _nones(n: int) -> List[None]:
    return [None] * n


def extract_column(html: Union[str, Column], url: Union[str, Column, None] = None,
                   encoding: Union[str, Column, None] = None, *, threads: int = 1,
                   **options: Any) -> Column:
    """A struct column (:func:`document_schema`): every field, the text and the
    error of the page in ``html`` (a string or binary column; bytes are decoded
    by thresher, with ``encoding`` as the HTTP charset hint if given).

    >>> df.withColumn("doc", extract_column("html", "url", include_comments=True))

    A pandas UDF: each Arrow batch goes through ``Extractor(**options).extract_many``.
    """
    Extractor(**options)  # a misspelt option fails here, on the driver, not in every task

    def run(html_s: pd.Series, url_s: pd.Series, enc_s: pd.Series) -> pd.DataFrame:
        items = _items(html_s, url_s, enc_s)
        return documents_frame(_extractor(options).extract_many(items, threads=threads))

    # pyspark's overloads leave out Series... -> DataFrame (a struct result), which it documents
    udf = pandas_udf(run, document_schema())  # type: ignore[call-overload]
    none = F.lit(None).cast("string")
    column: Column = udf(F.col(html) if isinstance(html, str) else html,
                         none if url is None else (F.col(url) if isinstance(url, str) else url),
                         none if encoding is None else (F.col(encoding) if isinstance(encoding, str) else encoding))
    return column


def _check_keep(keep: Sequence[str]) -> None:
    clash = sorted(set(keep) & {c.name for c in _document_columns()})
    if clash:
        raise ValueError(f"kept column(s) {clash} have the name of a Document field; "
                         f"rename them first (DataFrame.withColumnRenamed)")


def extract_frames(frames: Iterable[pd.DataFrame], *, html: str = "html", url: Optional[str] = "url",
                   encoding: Optional[str] = None, keep: Sequence[str] = (), threads: int = 1,
                   **options: Any) -> Iterator[pd.DataFrame]:
    """The ``mapInPandas`` function for whole records: for each pandas DataFrame
    (columns ``html``, optionally ``url`` and ``encoding``), a DataFrame of the
    ``keep`` columns followed by one column per Document field, row for row.

    >>> fn = functools.partial(extract_frames, keep=["record_id"])
    >>> df.mapInPandas(fn, records_schema(df.schema, ["record_id"]))

    :func:`extract_dataframe` does both lines.
    """
    _check_keep(keep)
    ex = _extractor(options)
    for frame in frames:
        n = len(frame)
        items = _items(frame[html], frame[url] if url else _nones(n), frame[encoding] if encoding else _nones(n))
        out = documents_frame(ex.extract_many(items, threads=threads))
        for i, name in enumerate(keep):
            out.insert(i, name, frame[name].reset_index(drop=True))
        yield out


def records_schema(input_schema: T.StructType, keep: Sequence[str] = ()) -> T.StructType:
    """The schema :func:`extract_frames` yields: the ``keep`` fields of
    ``input_schema``, then the Document fields."""
    _check_keep(keep)
    return T.StructType([input_schema[name] for name in keep] + document_schema().fields)


def extract_dataframe(df: DataFrame, html: str = "html", url: Optional[str] = "url",
                      encoding: Optional[str] = None, keep: Optional[Sequence[str]] = None,
                      threads: int = 1, **options: Any) -> DataFrame:
    """Extract every row of ``df``: the ``keep`` columns (default: all but the
    ``html``, ``url`` and ``encoding`` inputs) and a column per Document field.
    ``url=None`` if ``df`` has no URL column."""
    Extractor(**options)
    if url is not None and url not in df.columns:
        raise ValueError(f"no column {url!r} in the DataFrame; pass url=None if there are no URLs")
    inputs_used = {html, url, encoding}
    keep = [c for c in df.columns if c not in inputs_used] if keep is None else list(keep)
    fn = functools.partial(extract_frames, html=html, url=url, encoding=encoding, keep=keep,
                           threads=threads, **options)
    return df.mapInPandas(fn, records_schema(df.schema, keep))


# --------------------------------------------------------------------------- WARC

#: Columns in front of the Document fields in :func:`extract_warc`'s output.
#: ``warc_record_id`` is the WARC-Record-ID without ``<>``; it is null on a row
#: that reports an archive that cannot be read (or breaks off) rather than a page.
WARC_COLUMNS = (
    T.StructField("warc_file", T.StringType()),
    T.StructField("warc_record_id", T.StringType(), True),
    T.StructField("warc_target_uri", T.StringType(), True),
)


def warc_schema() -> T.StructType:
    """The schema of :func:`read_warc` frames: :data:`WARC_COLUMNS`, then the Document fields."""
    return T.StructType(list(WARC_COLUMNS) + document_schema().fields)


_WarcRow = Tuple[Optional[str], Optional[str], Document]  # record id, target URI, document


def _warc_frame(path: str, rows: List[_WarcRow]) -> pd.DataFrame:
    out = documents_frame(doc for _, _, doc in rows)
    out.insert(0, "warc_file", pd.Series([path] * len(rows), dtype=object))
    out.insert(1, "warc_record_id", pd.Series([rid for rid, _, _ in rows], dtype=object))
    out.insert(2, "warc_target_uri", pd.Series([uri for _, uri, _ in rows], dtype=object))
    return out


def _extract_items(ex: Extractor, batch: List[inputs.Item], threads: int) -> List[Document]:
    """One Document per item: items that already failed while being read keep
    their error; the others go through ``extract_many`` together."""
    todo = [(it.data, it.url, it.encoding_hint) for it in batch if it.error is None]
    done = iter(ex.extract_many(todo, threads=threads))
    return [next(done) if it.error is None else Document(url=it.url, error=it.error) for it in batch]


def _archive_error(message: str) -> _WarcRow:
    return (None, None, Document(error=f"unreadable: {message}"))


def read_warc(paths: Iterable[str], *, batch_size: int = 256, threads: int = 1,
              **options: Any) -> Iterator[pd.DataFrame]:
    """Every HTML response (2xx, text/html or application/xhtml+xml) of each
    ``.warc``/``.warc.gz`` (or ARC) file, extracted, as frames of at most
    ``batch_size`` rows in :func:`warc_schema`. Archives are read record by
    record (``thresher.inputs``, warcio), so memory holds one batch, not one
    archive. Non-HTML records are left out; an archive that cannot be opened or
    breaks off adds a row with ``error`` set and a null ``warc_record_id``."""
    ex = _extractor(options)
    max_bytes = {**OPTION_DEFAULTS, **options}["max_input_bytes"]
    for path in paths:
        path = str(path)
        try:
            sources = inputs.resolve([path])
        except inputs.InputError as e:
            yield _warc_frame(path, [_archive_error(str(e))])
            continue
        if sources[0].kind != "archive":
            yield _warc_frame(path, [_archive_error(f"{path}: not a WARC or ARC file")])
            continue
        problems: List[str] = []
        items = inputs.iter_items(sources, max_bytes=max_bytes, on_input_error=problems.append)
        while True:
            batch = list(islice(items, batch_size))
            rows: List[_WarcRow] = [(it.source[len(path) + 1:], it.url, doc)
                    for it, doc in zip(batch, _extract_items(ex, batch, threads))]
            rows += [_archive_error(p) for p in problems]
            problems.clear()
            if rows:
                yield _warc_frame(path, rows)
            if not batch:
                break


def extract_warc_frames(frames: Iterable[pd.DataFrame], *, path: str = "path", batch_size: int = 256,
                        threads: int = 1, **options: Any) -> Iterator[pd.DataFrame]:
    """The ``mapInPandas`` function over a DataFrame of archive paths (column
    ``path``): :func:`read_warc` on each path."""
    for frame in frames:
        yield from read_warc(frame[path], batch_size=batch_size, threads=threads, **options)


def extract_warc(spark: SparkSession, paths: Sequence[str], *, partitions: Optional[int] = None,
                 batch_size: int = 256, threads: int = 1, **options: Any) -> DataFrame:
    """A DataFrame (:func:`warc_schema`) of every HTML response in the archives
    at ``paths``. Only the paths go through the driver; each archive is read in
    one task on an executor (``partitions`` defaults to one per archive), so every
    executor must be able to open the paths (local mode, or a filesystem shared
    by the cluster's nodes). Relative paths are made absolute here."""
    Extractor(**options)
    paths = [os.path.abspath(p) for p in paths]
    if not paths:
        raise ValueError("no archive paths given")
    rdd = spark.sparkContext.parallelize([(p,) for p in paths], partitions or len(paths))
    fn = functools.partial(extract_warc_frames, batch_size=batch_size, threads=threads, **options)
    return spark.createDataFrame(rdd, "path string").mapInPandas(fn, warc_schema())
