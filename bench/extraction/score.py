#!/usr/bin/env python3
"""Scores extraction outputs with each benchmark's OWN evaluate.py.

Usage: score.py DATASET_DIR FORMAT PREDICTIONS.json
  FORMAT zyte: PREDICTIONS is {id: {"articleBody": text}}; scored by
    zyte/evaluate.py (run in a scratch dir holding ground-truth.json and
    output/NAME.json, as that script expects).
  FORMAT wcxb: PREDICTIONS is {id: text}; scored by wcxb-dev/evaluate.py's
    load_ground_truth + evaluate_results (its layout expects SPLIT/ground-truth,
    so a scratch dir links dev -> the dataset).
Prints one JSON line: {"precision", "recall", "f1"}.
"""
import contextlib
import importlib.util
import io
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path


def score_zyte(dataset: Path, predictions: Path) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "output").mkdir()
        os.symlink(dataset / "ground-truth.json", tmp / "ground-truth.json")
        os.symlink(predictions.resolve(), tmp / "output" / "system.json")
        subprocess.run(
            [sys.executable, str(dataset / "evaluate.py"), "--n-bootstrap", "10", "--output", "metrics.json"],
            cwd=tmp, check=True, stdout=subprocess.DEVNULL,
        )
        metrics = json.loads((tmp / "metrics.json").read_text())["system"]
    return {k: metrics[k] for k in ("precision", "recall", "f1")}


def score_wcxb(dataset: Path, predictions: Path) -> dict:
    spec = importlib.util.spec_from_file_location("wcxb_evaluate", dataset / "evaluate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    with tempfile.TemporaryDirectory() as tmp:
        os.symlink(dataset.resolve(), Path(tmp) / "dev")
        module.WCEB_DIR = Path(tmp)
        gt = module.load_ground_truth("dev")
        preds = json.loads(predictions.read_text())
        with contextlib.redirect_stdout(io.StringIO()):
            results = module.evaluate_results(gt, preds)
    n = len(results)
    return {k: sum(r[k] for r in results) / n for k in ("precision", "recall", "f1")}


def main() -> None:
    dataset, fmt, predictions = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
    metrics = score_zyte(dataset, predictions) if fmt == "zyte" else score_wcxb(dataset, predictions)
    print(json.dumps(metrics))


if __name__ == "__main__":
    main()
