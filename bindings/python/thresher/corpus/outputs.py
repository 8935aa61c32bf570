"""JSONL files of extraction outputs: one ``{"id", "text", <fields>}`` per line.

The same format serves peer outputs (``thresher corpus score-outputs``) and the
baseline's stored outputs (``corpus/baseline-outputs.jsonl.gz``). Field names of
other tools are accepted (``byline``, ``publishedTime``, ``siteName``, ``lang``).
Files ending in ``.gz`` are gzipped; writing is deterministic (records sorted by
id, keys sorted, gzip mtime 0 and no file name), so the same outputs always give
the same bytes.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
from pathlib import Path
from typing import Any, Iterable, Mapping, TextIO

from .scoring import OUTPUT_FIELDS, Output, output_fields

__all__ = ["read_outputs", "write_outputs", "output_record", "output_digest", "text_digest", "fields_digest"]


def _open_text(path: Path) -> TextIO:
    if str(path).endswith(".gz"):
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8")
    return open(path, encoding="utf-8")


def read_outputs(path: Path | str) -> dict[str, Output]:
    """id -> Output. Later lines win on duplicate ids."""
    outs: dict[str, Output] = {}
    with _open_text(Path(path)) as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                raise ValueError(f"{path}:{lineno}: {e}") from None
            pid = rec.get("id")
            if pid is None:
                raise ValueError(f"{path}:{lineno}: record without 'id'")
            text = rec.get("text")
            outs[str(pid)] = Output(
                text=text if isinstance(text, str) else "",
                fields=output_fields(rec),
                error=rec.get("error"),
            )
    return outs


def output_record(page_id: str, out: Output) -> dict[str, Any]:
    rec: dict[str, Any] = {"id": page_id, "text": out.text or ""}
    for name in OUTPUT_FIELDS:
        v = out.fields.get(name)
        rec[name] = list(v) if isinstance(v, tuple) else v
    if out.error:
        rec["error"] = out.error
    return rec


def write_outputs(path: Path | str, records: Iterable[Mapping[str, Any]]) -> None:
    """Write records sorted by id; gzip (deterministically) when path ends in .gz."""
    lines = [json.dumps(r, sort_keys=True, ensure_ascii=False) + "\n" for r in sorted(records, key=lambda r: r["id"])]
    data = "".join(lines).encode("utf-8")
    path = Path(path)
    if path.name.endswith(".gz"):
        buf = io.BytesIO()
        with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
            gz.write(data)
        data = buf.getvalue()
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


def _sha(s: str) -> str:
    return hashlib.sha256(s.encode("utf-8")).hexdigest()[:16]


def text_digest(out: Output) -> str:
    return _sha(out.text or "")


def fields_digest(out: Output) -> str:
    rec = {k: out.fields.get(k) for k in OUTPUT_FIELDS}
    return _sha(json.dumps(rec, sort_keys=True, ensure_ascii=False))


def output_digest(out: Output) -> tuple[str, str]:
    return text_digest(out), fields_digest(out)
