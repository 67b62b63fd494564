"""Score the reader against gold files in the contract's shape.

* meta: field accuracy over the keys the gold has (null means blank);
  nested fields (request.number, signer.title, ...) count one each, the
  period and the recipient list count as one field each;
* sections: predicted and gold headings are matched by normalised heading
  (numbering-insensitive as a fallback); a match is correct when the code
  is the gold code or one of its ``also``; F1 over headings;
* facts: F1 on (indicator, value) pairs.

``python -m doingoai.lib.reader.evaluate GOLD_DIR DOC_DIR`` prints JSON.
"""

import argparse
import json
import sys
import unicodedata
from collections.abc import Iterable
from difflib import SequenceMatcher
from pathlib import Path

from .normalise import flat, key, unify_tones
from .structure import numbering

_NESTED = ("period",)


def _norm(value):
    if isinstance(value, str):
        return flat(unify_tones(unicodedata.normalize("NFC", value)))
    if isinstance(value, list):
        return [_norm(v) for v in value]
    if isinstance(value, dict):
        return {k: _norm(v) for k, v in value.items()}
    return value


def _heading_key(text: str) -> str:
    return key(_norm(text)).strip(" :.;")


def _bare(text: str) -> str:
    k = _heading_key(text)
    _, _, start = numbering(k)
    return k[start:].strip(" :.;")


def meta_fields(gold: dict, predicted: dict) -> list[tuple[str, bool]]:
    """(field, correct) for every meta field the gold states."""
    results: list[tuple[str, bool]] = []
    for name, value in gold.items():
        got = predicted.get(name)
        if isinstance(value, dict) and name not in _NESTED:
            got = got if isinstance(got, dict) else {}
            for sub, sub_value in value.items():
                results.append((f"{name}.{sub}", _norm(got.get(sub)) == _norm(sub_value)))
        else:
            results.append((name, _norm(got) == _norm(value)))
    return results


def match_sections(gold: list[dict], predicted: list[dict]) -> tuple[int, int, int, list]:
    """(true positives, predicted, gold, misses) with headings matched in order."""
    used: set[int] = set()
    true_pos = 0
    misses = []
    for g in gold:
        gk, gb = _heading_key(g["heading"]), _bare(g["heading"])
        found = None
        for rule in ("exact", "bare", "fuzzy"):
            for index, p in enumerate(predicted):
                if index in used:
                    continue
                pk = _heading_key(p["heading"])
                if rule == "exact" and pk == gk:
                    found = index
                elif rule == "bare" and gb and _bare(p["heading"]) == gb:
                    found = index
                elif rule == "fuzzy" and SequenceMatcher(None, pk, gk).ratio() >= 0.9:
                    found = index
                if found is not None:
                    break
            if found is not None:
                break
        if found is None:
            misses.append({"missing": g["heading"], "code": g["code"]})
            continue
        used.add(found)
        p = predicted[found]
        accepted = {g["code"], *g.get("also", [])}
        if p["code"] in accepted:
            true_pos += 1
        else:
            misses.append({"heading": g["heading"], "code": g["code"], "also": g.get("also", []), "got": p["code"]})
    for index, p in enumerate(predicted):
        if index not in used:
            misses.append({"extra": p["heading"], "got": p["code"]})
    return true_pos, len(predicted), len(gold), misses


def _f1(true_pos: int, predicted: int, gold: int) -> float:
    if predicted == 0 and gold == 0:
        return 1.0
    precision = true_pos / predicted if predicted else 0.0
    recall = true_pos / gold if gold else 0.0
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def _fact_pairs(facts: list[dict]) -> set[tuple[str, float]]:
    return {(f["indicator"], float(f["value"])) for f in facts if f.get("value") is not None}


def evaluate(pairs: Iterable[tuple[dict, dict]]) -> dict:
    """Score (gold, predicted) contract pairs; returns totals and per-document details."""
    meta_total = meta_ok = 0
    sec_tp = sec_pred = sec_gold = 0
    fact_tp = fact_pred = fact_gold = 0
    per_field: dict[str, list[int]] = {}
    documents = []
    for gold, predicted in pairs:
        gold = _norm_nfc(gold)
        fields = meta_fields(gold.get("meta", {}), predicted.get("meta", {}))
        for name, ok in fields:
            counts = per_field.setdefault(name.split(".")[0] if "." not in name else name, [0, 0])
            counts[0] += ok
            counts[1] += 1
        meta_total += len(fields)
        meta_ok += sum(ok for _, ok in fields)
        doc = {"source": gold.get("source"), "meta_wrong": [n for n, ok in fields if not ok]}
        if "sections" in gold:
            tp, npred, ngold, misses = match_sections(gold["sections"], predicted.get("sections", []))
            sec_tp, sec_pred, sec_gold = sec_tp + tp, sec_pred + npred, sec_gold + ngold
            doc["sections_f1"] = round(_f1(tp, npred, ngold), 4)
            doc["section_misses"] = misses
        g_facts, p_facts = _fact_pairs(gold.get("facts", [])), _fact_pairs(predicted.get("facts", []))
        tp = len(g_facts & p_facts)
        fact_tp, fact_pred, fact_gold = fact_tp + tp, fact_pred + len(p_facts), fact_gold + len(g_facts)
        doc["facts_f1"] = round(_f1(tp, len(p_facts), len(g_facts)), 4)
        doc["facts_missing"] = sorted(map(list, g_facts - p_facts))
        doc["facts_extra"] = sorted(map(list, p_facts - g_facts))
        documents.append(doc)
    return {
        "documents": len(documents),
        "meta_accuracy": round(meta_ok / meta_total, 4) if meta_total else 1.0,
        "sections_f1": round(_f1(sec_tp, sec_pred, sec_gold), 4),
        "facts_f1": round(_f1(fact_tp, fact_pred, fact_gold), 4),
        "counts": {
            "meta": [meta_ok, meta_total],
            "sections": {"true_pos": sec_tp, "predicted": sec_pred, "gold": sec_gold},
            "facts": {"true_pos": fact_tp, "predicted": fact_pred, "gold": fact_gold},
        },
        "meta_fields": {name: round(ok / total, 4) for name, (ok, total) in sorted(per_field.items())},
        "details": documents,
    }


def _norm_nfc(data):
    if isinstance(data, str):
        return unicodedata.normalize("NFC", data)
    if isinstance(data, list):
        return [_norm_nfc(v) for v in data]
    if isinstance(data, dict):
        return {k: _norm_nfc(v) for k, v in data.items()}
    return data


def find_document(gold: dict, gold_path: Path, doc_dir: Path) -> Path | None:
    """The document a gold file describes: its ``source`` name, else the same stem."""
    source = gold.get("source")
    if source and (doc_dir / source).exists():
        return doc_dir / source
    for candidate in sorted(doc_dir.glob(gold_path.stem + ".*")):
        if candidate.suffix.lower() != ".json":
            return candidate
    return None


def evaluate_dirs(gold_dir: Path, doc_dir: Path) -> dict:
    from . import read_file

    pairs = []
    errors = []
    for gold_path in sorted(Path(gold_dir).glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        document = find_document(gold, gold_path, Path(doc_dir))
        if document is None:
            errors.append({"gold": gold_path.name, "error": "document not found"})
            continue
        try:
            predicted = read_file(document)
        except Exception as error:  # a crash scores zero, and is listed
            errors.append({"gold": gold_path.name, "error": f"{type(error).__name__}: {error}"})
            predicted = {"meta": {}, "sections": [], "facts": []}
        gold.setdefault("source", document.name)
        pairs.append((gold, predicted))
    result = evaluate(pairs)
    result["errors"] = errors
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score the report reader against gold JSON files.")
    parser.add_argument("gold_dir", type=Path)
    parser.add_argument("doc_dir", type=Path)
    parser.add_argument("--details", action="store_true", help="include per-document misses")
    args = parser.parse_args(argv)
    result = evaluate_dirs(args.gold_dir, args.doc_dir)
    if not args.details:
        result.pop("details")
    json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
