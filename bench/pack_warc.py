"""Pack HTML pages into WARC files of 200 text/html responses (throughput runs).

    python bench/pack_warc.py ../shared/corpus-src/wcxb-dev/html build/wcxb-warc --per-file 200

PAGES: files or folders (every *.htm*, *.html.gz below, sorted; .gz files are
gunzipped). Writes OUT_DIR/pages-NNNN.warc.gz, ``--per-file`` responses each, so
that Spark has one task per file to spread over its cores. The target URI of a
page is https://pages.invalid/<path relative to its folder>.
"""
import argparse
import gzip
import io
import pathlib

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


def pages(args):
    for arg in args:
        root = pathlib.Path(arg)
        files = sorted({p for g in ("*.htm*", "*.html.gz") for p in root.rglob(g)}) if root.is_dir() else [root]
        for path in files:
            data = path.read_bytes()
            rel = path.relative_to(root).as_posix() if root.is_dir() else path.name
            yield f"https://pages.invalid/{rel}", gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("pages", nargs="+", metavar="PAGES")
    ap.add_argument("out", metavar="OUT_DIR")
    ap.add_argument("--per-file", type=int, default=200)
    args = ap.parse_args()
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    files = count = 0
    f = writer = None
    for url, html in pages(args.pages):
        if count % args.per_file == 0:
            if f:
                f.close()
            f = open(out / f"pages-{files:04d}.warc.gz", "wb")
            writer, files = WARCWriter(f, gzip=True), files + 1
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html), http_headers=http))
        count += 1
    if f:
        f.close()
    print(f"pack_warc: {count} pages in {files} files under {out}")


if __name__ == "__main__":
    main()
