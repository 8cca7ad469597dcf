#!/usr/bin/env python3
"""threadlens (--target any) and VADER 3.3.2 side by side on VADER's four human-rated sets.

    python3 scripts/anchors/vader_sets.py [--resources ../shared/resources] [--scratch-path .build]
                                          [--threadlens BIN] [--out DIR] [--markdown]

One command, end to end: builds threadlens (release) unless --threadlens names a binary,
converts each set (ID<TAB>mean rating<TAB>text) to JSON Lines, runs `threadlens analyze
--target any --format jsonl` and VADER 3.3.2 (pip install vaderSentiment==3.3.2) on the same
texts, and prints, per set: 3-class macro-F1 and weighted-F1 (gold: the mean rating
thresholded at ±0.05, as VADER's paper does; predictions: threadlens's label, VADER's compound
thresholded at ±0.05) and Pearson r between score and mean rating.
"""
import argparse
import json
import math
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SETS = [
    ("tweets", "tweets_GroundTruth.txt"),
    ("movie", "movieReviewSnippets_GroundTruth.txt"),
    ("amazon", "amazonReviewSnippets_GroundTruth.txt"),
    ("nyt", "nytEditorialSnippets_GroundTruth.txt"),
]
LABELS = ["positive", "neutral", "negative"]


def label_of(value, threshold=0.05):
    if value > threshold:
        return "positive"
    if value < -threshold:
        return "negative"
    return "neutral"


def f1_scores(gold, predicted):
    """Macro-F1 over the three classes and support-weighted F1."""
    macro, weighted, total = 0.0, 0.0, len(gold)
    for label in LABELS:
        tp = sum(1 for g, p in zip(gold, predicted) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, predicted) if g != label and p == label)
        fn = sum(1 for g, p in zip(gold, predicted) if g == label and p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        macro += f1 / len(LABELS)
        weighted += f1 * sum(1 for g in gold if g == label) / total
    return macro, weighted


def pearson(xs, ys):
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    return sxy / math.sqrt(sxx * syy) if sxx and syy else 0.0


def read_set(path):
    rows = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t", 2)
            if len(parts) == 3:
                rows.append((parts[0], float(parts[1]), parts[2]))
    return rows


def build(scratch_path):
    command = ["swift", "build", "-c", "release", "--product", "threadlens", "--scratch-path", scratch_path]
    subprocess.run(command, cwd=ROOT, check=True, stdout=sys.stderr)
    bin_path = subprocess.run(command[:-2] + ["--scratch-path", scratch_path, "--show-bin-path"], cwd=ROOT,
                              check=True, capture_output=True, text=True).stdout.strip()
    return os.path.join(bin_path, "threadlens")


def run_threadlens(binary, jsonl, models):
    command = [binary, "analyze", jsonl, "--target", "any", "--format", "jsonl"]
    if models:
        command += ["--models", models]
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    result = {}
    for line in out.splitlines():
        record = json.loads(line)
        result[record["id"]] = (record["sentiment"]["label"], record["sentiment"]["score"])
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--resources", default=os.path.join(ROOT, "..", "shared", "resources"))
    parser.add_argument("--scratch-path", default=os.path.join(ROOT, ".build"))
    parser.add_argument("--threadlens", help="a threadlens binary (default: build one)")
    parser.add_argument("--models", help="a models directory (default: the shipped one)")
    parser.add_argument("--out", help="keep the converted JSONL and predictions here")
    parser.add_argument("--sets", nargs="*", default=[name for name, _ in SETS])
    parser.add_argument("--no-vader", action="store_true", help="skip VADER (faster tuning runs)")
    parser.add_argument("--digits", type=int, default=3, help="decimals in the table")
    args = parser.parse_args()

    binary = args.threadlens or build(args.scratch_path)
    analyzer = None
    if not args.no_vader:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
        analyzer = SentimentIntensityAnalyzer()
    out_dir = args.out or tempfile.mkdtemp(prefix="threadlens-vader-sets-")
    os.makedirs(out_dir, exist_ok=True)

    print("| set | n | threadlens macro-F1 | VADER macro-F1 | threadlens weighted-F1 | VADER weighted-F1 | threadlens r | VADER r |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    d = args.digits
    for name, file in SETS:
        if name not in args.sets:
            continue
        rows = read_set(os.path.join(args.resources, "vader", file))
        jsonl = os.path.join(out_dir, f"{name}.jsonl")
        with open(jsonl, "w", encoding="utf-8") as f:
            for identifier, _, text in rows:
                f.write(json.dumps({"thread": name, "id": identifier, "text": text}, ensure_ascii=False) + "\n")
        ours = run_threadlens(binary, jsonl, args.models)
        gold = [label_of(rating) for _, rating, _ in rows]
        ratings = [rating for _, rating, _ in rows]
        our_labels = [ours[i][0] for i, _, _ in rows]
        our_scores = [ours[i][1] for i, _, _ in rows]
        our_macro, our_weighted = f1_scores(gold, our_labels)
        our_r = pearson(our_scores, ratings)
        if analyzer:
            vader_scores = [analyzer.polarity_scores(text)["compound"] for _, _, text in rows]
            vader_macro, vader_weighted = f1_scores(gold, [label_of(s) for s in vader_scores])
            vader_r = pearson(vader_scores, ratings)
            with open(os.path.join(out_dir, f"{name}.compare.tsv"), "w", encoding="utf-8") as f:
                for (i, rating, text), ours_score, vader_score in zip(rows, our_scores, vader_scores):
                    f.write(f"{i}\t{rating}\t{ours_score}\t{vader_score}\t{text}\n")
            vader_cells = (f"{vader_macro:.{d}f}", f"{vader_weighted:.{d}f}", f"{vader_r:.{d}f}")
        else:
            vader_cells = ("-", "-", "-")
        print(f"| {name} | {len(rows)} | {our_macro:.{d}f} | {vader_cells[0]} | {our_weighted:.{d}f} | {vader_cells[1]} | "
              f"{our_r:.{d}f} | {vader_cells[2]} |", flush=True)
    print(f"(converted sets and per-item scores in {out_dir})", file=sys.stderr)


if __name__ == "__main__":
    main()
