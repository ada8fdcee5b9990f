"""Score extract_figures on the seed articles against the gold figures.

    .venv/bin/python benchmarks/figures_seeds.py [--raw] [--verbose]

Gold rules (gold/README.md): a prediction matches a gold figure when kind and
value agree (money also unit); matching is one to one; recall counts required
items; a prediction matched to an optional item is neither right nor wrong;
any other prediction is a false positive.

By default page furniture is cut first (every line holding one of the
document's ``body_must_not_contain`` strings), as the cleaning step does
before figures are extracted; ``--raw`` scores the text as stored.
Also reports a lenient precision where every prediction equal to some
optional item is neutral (not only one per optional item).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipelines.lib.extract.figures.figures import extract_figures  # noqa: E402

SHARED = Path("/work/shared")


def same(pred, gold) -> bool:
    if pred.kind != gold["kind"]:
        return False
    if not math.isclose(pred.value, float(gold["value"]), rel_tol=1e-6, abs_tol=1e-9):
        return False
    return pred.kind != "money" or pred.unit == gold.get("unit")


def strip_furniture(text: str, markers: list[str]) -> str:
    return "\n".join(line for line in text.splitlines() if not any(m in line for m in markers))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--raw", action="store_true", help="do not cut furniture lines")
    parser.add_argument("--verbose", action="store_true", help="list every prediction")
    parser.add_argument("--gold", default=str(SHARED / "gold" / "seeds.json"))
    parser.add_argument("--seeds", default=str(SHARED / "seeds"))
    args = parser.parse_args()

    gold_docs = json.loads(Path(args.gold).read_text())["documents"]
    tp = fp = neutral = lenient_fp = req_total = req_found = 0
    for doc in gold_docs:
        text = (Path(args.seeds) / doc["doc"]).read_text()
        if not args.raw:
            text = strip_furniture(text, doc.get("body_must_not_contain", []))
        preds = extract_figures(text)
        golds = doc.get("figures", [])
        forbidden = doc.get("forbidden", {}).get("figures", [])
        used = [False] * len(golds)
        # required first, so an optional twin does not steal a required match
        order = sorted(range(len(golds)), key=lambda k: golds[k].get("required", True) is False)
        print(f"== {doc['doc']}: {len(preds)} predictions, {len(golds)} gold")
        for p in preds:
            hit = next((k for k in order if not used[k] and same(p, golds[k])), None)
            if hit is not None:
                used[hit] = True
                if golds[hit].get("required", True):
                    tp += 1
                    tag = "OK  "
                else:
                    neutral += 1
                    tag = "opt "
            else:
                fp += 1
                if any(same(p, g) for g in golds if not g.get("required", True)):
                    tag = "dup "  # equal to an optional item already matched
                else:
                    lenient_fp += 1
                    tag = "FP  "
                if any(p.kind == f["kind"] and math.isclose(p.value, f["value"]) for f in forbidden):
                    tag = "FORB"
            if args.verbose or tag.strip() in ("FP", "FORB", "dup"):
                print(f"  {tag} {p.kind:8} {p.value:>16g} {p.unit:18} {str(p.qualifier):10} {p.surface!r}")
        for k, g in enumerate(golds):
            if g.get("required", True):
                req_total += 1
                if used[k]:
                    req_found += 1
                else:
                    print(f"  MISS {g['kind']:8} {g['value']:>16g} {g.get('unit', ''):18} {g['surface']!r}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    lenient = tp / (tp + lenient_fp) if tp + lenient_fp else 1.0
    recall = req_found / req_total if req_total else 1.0
    print(
        f"\nprecision {precision:.3f} ({tp}/{tp + fp}; strict one-to-one)   "
        f"lenient precision {lenient:.3f} ({tp}/{tp + lenient_fp})   "
        f"recall {recall:.3f} ({req_found}/{req_total})   optional matched {neutral}"
    )


if __name__ == "__main__":
    main()
