"""Score extracted records against a gold file (the format of ``shared/gold``).

Rules (gold README): a quote matches when the speaker is the same canonical
name (case-insensitive; a gold speaker may be a list of accepted names) and at
least 70% of the gold text's words are in the prediction and at least 50% of
the prediction's words are in the gold text; a
figure when kind and value agree (money also unit); an event when the type
agrees and every gold participant is among the predicted ones, its date scored
apart on matched events. Matching is one to one. Items with ``required: false``
neither count for recall nor against precision.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field

WORDS = re.compile(r"\w+")


def words(text: str) -> set[str]:
    return {w.lower() for w in WORDS.findall(text or "")}


def speaker_names(gold: dict) -> set[str]:
    """The names a gold quote accepts for its speaker: one name, or a list of equally right ones."""
    speaker = gold.get("speaker") or ""
    return {name.lower() for name in ([speaker] if isinstance(speaker, str) else speaker)}


def quote_matches(gold: dict, pred: dict) -> bool:
    if (pred.get("speaker") or "").lower() not in speaker_names(gold):
        return False
    g, p = words(gold["text"]), words(pred["text"])
    if not g or not p:
        return False
    return len(g & p) / len(g) >= 0.7 and len(g & p) / len(p) >= 0.5


def figure_matches(gold: dict, pred: dict) -> bool:
    if gold["kind"] != pred["kind"]:
        return False
    if not math.isclose(float(gold["value"]), float(pred["value"]), rel_tol=1e-3, abs_tol=1e-9):
        return False
    return gold["kind"] != "money" or (gold.get("unit") or "").upper() == (pred.get("unit") or "").upper()


def event_matches(gold: dict, pred: dict) -> bool:
    if gold["type"] != pred["type"]:
        return False
    predicted = {p.lower() for p in pred.get("participants") or []}
    return all(p.lower() in predicted for p in gold.get("participants") or [])


def date_matches(gold: dict, pred: dict) -> bool:
    """The predicted date cut to the gold precision equals the gold date."""
    if not gold.get("date"):
        return True
    width = {"day": 10, "month": 7, "year": 4}[gold.get("precision") or "day"]
    return (pred.get("date") or "")[:width] == gold["date"][:width]


@dataclass
class KindScore:
    kind: str
    required: int = 0
    matched_required: int = 0
    predicted: int = 0
    matched_predictions: int = 0
    misses: list[tuple[str, dict]] = field(default_factory=list)
    false_positives: list[tuple[str, dict]] = field(default_factory=list)
    pairs: list[tuple[str, dict, dict]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched_predictions / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched_required / self.required if self.required else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(
        self,
        doc: str,
        gold: list[dict],
        pred: list[dict],
        match: Callable[[dict, dict], bool],
        prefer: Callable[[dict, dict], bool] | None = None,
    ) -> None:
        """Match one to one, as many gold items as possible (required ones first).

        With ``prefer`` (events: the date agrees too), pairs that also satisfy it are made
        first, so that two meetings of the same people on different days are not crossed.
        """
        required = [g for g in gold if g.get("required", True)]
        optional = [g for g in gold if not g.get("required", True)]
        owner: dict[int, dict] = {}  # prediction index -> gold item
        passes = [lambda g, p: match(g, p) and prefer(g, p), match] if prefer else [match]
        for predicate in passes:
            locked = set(owner) if predicate is match and prefer else set()
            for group in (required, optional):
                for item in group:
                    if item not in owner.values():
                        _augment(item, pred, predicate, owner, set(locked))
        matched = {id(item) for item in owner.values()}
        self.required += len(required)
        self.matched_required += sum(id(g) in matched for g in required)
        self.misses += [(doc, g) for g in required if id(g) not in matched]
        self.predicted += len(pred)
        self.matched_predictions += len(owner)
        self.false_positives += [(doc, p) for i, p in enumerate(pred) if i not in owner]
        self.pairs += [(doc, g, pred[i]) for i, g in sorted(owner.items())]


def _augment(item: dict, pred: list[dict], match, owner: dict[int, dict], seen: set[int]) -> bool:
    """Kuhn's augmenting path: give ``item`` a prediction, moving earlier items if need be.

    An item once matched stays matched (perhaps to another prediction), so placing
    the optional items never costs a required one its match. Predictions in ``seen``
    at the start (pairs made in an earlier, stricter pass) are never reassigned.
    """
    for i, candidate in enumerate(pred):
        if i in seen or not match(item, candidate):
            continue
        seen.add(i)
        holder = owner.get(i)
        if holder is None or _augment(holder, pred, match, owner, seen):
            owner[i] = item
            return True
    return False


@dataclass
class Report:
    quotes: KindScore = field(default_factory=lambda: KindScore("quotes"))
    direct_quotes: KindScore = field(default_factory=lambda: KindScore("direct quotes"))
    figures: KindScore = field(default_factory=lambda: KindScore("figures"))
    events: KindScore = field(default_factory=lambda: KindScore("events"))
    documents_missing: list[str] = field(default_factory=list)
    metadata_checked: int = 0
    metadata_errors: list[str] = field(default_factory=list)
    body_failures: list[str] = field(default_factory=list)
    forbidden_hits: list[str] = field(default_factory=list)
    speakers_checked: int = 0
    speakers_correct: int = 0
    dates_checked: int = 0
    dates_correct: int = 0
    date_errors: list[str] = field(default_factory=list)


EMPTY_PREDICTION = {"body": "", "quotes": [], "figures": [], "events": []}


def score(gold: dict, predicted: dict[str, dict]) -> Report:
    """``predicted`` maps a gold ``doc`` name to {body, quotes, figures, events}."""
    report = Report()
    for doc in gold["documents"]:
        pred = predicted.get(doc["doc"])
        if pred is None:
            report.documents_missing.append(doc["doc"])
        else:
            _score_metadata(report, doc, pred)
        pred = pred or EMPTY_PREDICTION
        _score_body(report, doc, pred.get("body") or "")
        _score_records(report, doc, pred)
        _score_speakers(report, doc, pred["quotes"])
        _score_forbidden(report, doc, pred)
    _score_event_dates(report)
    return report


def _score_metadata(report: Report, doc: dict, pred: dict) -> None:
    for key in ("title", "published", "site"):
        if key in doc:
            report.metadata_checked += 1
            if _normal(doc[key]) != _normal(pred.get(key)):
                report.metadata_errors.append(f"{doc['doc']}: {key} gold {doc[key]!r} predicted {pred.get(key)!r}")


def _score_body(report: Report, doc: dict, body: str) -> None:
    name = doc["doc"]
    report.body_failures += [f"{name}: missing {s!r}" for s in doc.get("body_must_contain", []) if s not in body]
    report.body_failures += [f"{name}: keeps {s!r}" for s in doc.get("body_must_not_contain", []) if s in body]


def _score_records(report: Report, doc: dict, pred: dict) -> None:
    name, gold_quotes = doc["doc"], doc.get("quotes", [])
    report.quotes.add(name, gold_quotes, pred["quotes"], quote_matches)
    report.direct_quotes.add(
        name,
        [q for q in gold_quotes if q["kind"] == "direct"],
        [q for q in pred["quotes"] if q.get("kind") == "direct"],
        quote_matches,
    )
    report.figures.add(name, doc.get("figures", []), pred["figures"], figure_matches)
    report.events.add(name, doc.get("events", []), pred["events"], event_matches, prefer=date_matches)


def _text_matches(gold: dict, pred: dict) -> bool:
    """The quote texts match, whoever the speaker."""
    return quote_matches({**gold, "speaker": pred.get("speaker")}, pred)


def _score_speakers(report: Report, doc: dict, quotes: list[dict]) -> None:
    for quote in quotes:
        same_text = [g for g in doc.get("quotes", []) if _text_matches(g, quote)]
        if same_text:
            report.speakers_checked += 1
            report.speakers_correct += any(quote_matches(g, quote) for g in same_text)


def _forbidden_figure_found(item: dict, figures: list[dict]) -> bool:
    return any(
        item["kind"] == f["kind"]
        and math.isclose(float(item["value"]), float(f["value"]))
        and words(item.get("surface", "")) & words(f.get("surface", ""))
        for f in figures
    )


def _score_forbidden(report: Report, doc: dict, pred: dict) -> None:
    name, forbidden = doc["doc"], doc.get("forbidden", {})
    for item in forbidden.get("quotes", []):
        if any(_text_matches(item, q) for q in pred["quotes"]):
            report.forbidden_hits.append(f"{name}: quote {item['text']!r}")
    for item in forbidden.get("figures", []):
        if _forbidden_figure_found(item, pred["figures"]):
            report.forbidden_hits.append(f"{name}: figure {item.get('surface')!r}")


def _score_event_dates(report: Report) -> None:
    for doc, gold_event, pred_event in report.events.pairs:
        if not gold_event.get("date"):
            continue
        report.dates_checked += 1
        if date_matches(gold_event, pred_event):
            report.dates_correct += 1
        else:
            report.date_errors.append(
                f"{doc}: {gold_event['type']} {gold_event['participants']} "
                f"gold {gold_event['date']} predicted {pred_event.get('date')}"
            )


def format_report(report: Report) -> str:
    lines = []
    for kind in (report.quotes, report.direct_quotes, report.figures, report.events):
        lines.append(
            f"{kind.kind:<14} precision {kind.precision:.3f}  recall {kind.recall:.3f}  f1 {kind.f1:.3f}"
            f"  (predicted {kind.predicted}, required {kind.required})"
        )
    lines.append(
        f"speakers       {report.speakers_correct}/{report.speakers_checked} right on quotes whose text matches gold"
    )
    lines.append(f"event dates    {report.dates_correct}/{report.dates_checked} correct on matched events")
    lines.append(
        f"documents      {len(report.documents_missing)} missing; body checks failed: {len(report.body_failures)}; "
        f"title/published/site {report.metadata_checked - len(report.metadata_errors)}/{report.metadata_checked} right"
    )
    for title, items in (
        ("missing documents", report.documents_missing),
        ("body check failures", report.body_failures),
        ("title, publication date or site differs", report.metadata_errors),
        ("forbidden items extracted", report.forbidden_hits),
        ("event date errors", report.date_errors),
    ):
        if items:
            lines.append(f"\n{title}:")
            lines += [f"  {item}" for item in items]
    for kind in (report.quotes, report.figures, report.events):
        if kind.misses:
            lines.append(f"\n{kind.kind}: misses")
            lines += [f"  {doc}: {_show(item)}" for doc, item in kind.misses]
        if kind.false_positives:
            lines.append(f"\n{kind.kind}: false positives")
            lines += [f"  {doc}: {_show(item)}" for doc, item in kind.false_positives]
    return "\n".join(lines)


def _normal(value: object) -> str:
    return " ".join(str(value or "").split()).lower()


def _show(item: dict) -> str:
    if "text" in item:
        return f"[{item.get('kind')}] {item.get('speaker')}: {item['text'][:110]!r}"
    if "participants" in item:
        return f"{item['type']} {item.get('participants')} {item.get('date')} ({item.get('trigger', '')})"
    return f"{item['kind']} {item.get('value')} {item.get('unit')} ({item.get('surface', '')})"
