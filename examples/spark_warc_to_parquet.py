"""Extract every HTML page of a set of WARC archives with Spark; write Parquet.

    python examples/spark_warc_to_parquet.py 'crawl/*.warc.gz' out/            # local mode, all cores
    python examples/spark_warc_to_parquet.py crawl/ out/ --master 'local[2]'
    spark-submit --master yarn examples/spark_warc_to_parquet.py '/shared/crawl/*.warc.gz' /shared/out

INPUT_GLOB: archive paths, globs (``**`` allowed) or folders (every .warc,
.warc.gz, .arc, .arc.gz below). The driver only lists names; each archive is
read record by record inside one task on an executor, so on a cluster the
paths must be on a filesystem every node mounts. Output: Parquet with one row
per HTML response (2xx, text/html or application/xhtml+xml): warc_file,
warc_record_id, warc_target_uri, then every thresher.Document field (title,
author, date, ..., text, error; diagnostics as JSON text).
"""
from __future__ import annotations

import argparse
import glob
import os
import sys
import time

import thresher

ARCHIVE_GLOBS = ("*.warc", "*.warc.gz", "*.arc", "*.arc.gz")


def archive_paths(patterns):
    paths = []
    for pattern in patterns:
        if os.path.isdir(pattern):
            found = [p for g in ARCHIVE_GLOBS for p in glob.glob(os.path.join(pattern, "**", g), recursive=True)]
        else:
            found = glob.glob(pattern, recursive=True)
        if not found:
            sys.exit(f"spark_warc_to_parquet: no archive matches {pattern!r}")
        paths += sorted(found)
    return sorted(set(paths))


def option(setting):
    """NAME=VALUE -> (name, value typed like its default in thresher.OPTION_DEFAULTS)."""
    name, sep, raw = setting.partition("=")
    if not sep or name not in thresher.OPTION_DEFAULTS:
        raise argparse.ArgumentTypeError(f"expected NAME=VALUE with NAME one of {sorted(thresher.OPTION_DEFAULTS)}")
    default = thresher.OPTION_DEFAULTS[name]
    if isinstance(default, bool):
        return name, raw.strip().lower() in ("1", "true", "yes", "on")
    return name, type(default)(raw)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("inputs", nargs="+", metavar="INPUT_GLOB")
    ap.add_argument("output", metavar="OUTPUT_DIR")
    ap.add_argument("--master", help="Spark master when run with plain python (default local[*]); "
                                     "under spark-submit, its own --master applies")
    ap.add_argument("--conf", action="append", default=[], metavar="KEY=VALUE", help="Spark setting (repeatable)")
    ap.add_argument("--option", action="append", default=[], type=option, metavar="NAME=VALUE",
                    help="thresher.Extractor option, e.g. include_comments=true (repeatable)")
    ap.add_argument("--partitions", type=int, help="tasks (default: one per archive)")
    ap.add_argument("--overwrite", action="store_true", help="replace OUTPUT_DIR if it exists")
    ap.add_argument("--runs", type=int, default=1,
                    help="run the job N times in one session, timing each (the first one pays for JVM "
                         "and Python worker warm-up); N > 1 needs --overwrite")
    args = ap.parse_args(argv)
    if args.runs > 1 and not args.overwrite:
        ap.error("--runs N > 1 rewrites OUTPUT_DIR: add --overwrite")
    paths = archive_paths(args.inputs)

    from pyspark.sql import SparkSession
    from thresher.spark import extract_warc

    builder = SparkSession.builder.appName("thresher: WARC to Parquet")
    if "PYSPARK_GATEWAY_PORT" not in os.environ:  # plain `python`, not spark-submit: local mode
        builder = builder.master(args.master or "local[*]")
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # workers use this interpreter
    elif args.master:
        builder = builder.master(args.master)
    for setting in args.conf:
        key, _, value = setting.partition("=")
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")

    for _ in range(args.runs):
        started = time.perf_counter()
        docs = extract_warc(spark, paths, partitions=args.partitions, **dict(args.option))
        docs.write.mode("overwrite" if args.overwrite else "errorifexists").parquet(args.output)
        seconds = time.perf_counter() - started

        written = spark.read.parquet(args.output)
        pages = written.count()
        errors = written.where("error IS NOT NULL").count()
        cores = spark.sparkContext.defaultParallelism
        print(f"spark_warc_to_parquet: {pages} pages ({errors} errors) from {len(paths)} archives in "
              f"{seconds:.1f} s on {cores} cores: {pages / seconds:.1f} pages/s, "
              f"{pages / seconds / cores:.1f} pages/s per core -> {args.output}", flush=True)
    spark.stop()


if __name__ == "__main__":
    main()
