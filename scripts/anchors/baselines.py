#!/usr/bin/env python3
"""threadlens against VADER+SnowNLP and all-neutral baselines, scored by `threadlens eval`.

    python3 scripts/anchors/baselines.py GOLD_DIR... [--scratch-path .build] [--threadlens BIN]
                                         [--models DIR] [--out DIR] [--markdown]

One command, end to end: builds threadlens (release) unless --threadlens names a binary; for
every NAME.txt beside a NAME.gold.jsonl in each GOLD_DIR it reads the comments with
`threadlens parse --format jsonl` and writes three prediction files (SPEC §5 records, sentiment
and topics only), then scores each with `threadlens eval --gold GOLD_DIR --pred FILE`:

  threadlens      `threadlens analyze` (sentiment toward the brand, topics)
  vader+snownlp   VADER 3.3.2's compound (±0.05) for comments mostly in Latin script, SnowNLP's
                  sentiment probability (≥ 0.6 positive, ≤ 0.4 negative) for comments mostly in
                  Han script; no topics (neither tool has any)
  all-neutral     every comment neutral; no topics

Needs: pip install vaderSentiment==3.3.2 snownlp.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def build(scratch_path):
    command = ["swift", "build", "-c", "release", "--product", "threadlens", "--scratch-path", scratch_path]
    subprocess.run(command, cwd=ROOT, check=True, stdout=sys.stderr)
    bin_path = subprocess.run(command + ["--show-bin-path"], cwd=ROOT, check=True, capture_output=True, text=True).stdout.strip()
    return os.path.join(bin_path, "threadlens")


def han_share(text):
    han = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf")
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    # A Chinese word is about 1.5 characters, an English word about 5 letters.
    words_han, words_latin = han / 1.5, latin / 5.0
    total = words_han + words_latin
    return words_han / total if total else 0.0


def vader_snownlp_label(text, vader):
    if han_share(text) >= 0.5:
        from snownlp import SnowNLP
        probability = SnowNLP(text).sentiments
        return "positive" if probability >= 0.6 else "negative" if probability <= 0.4 else "neutral"
    compound = vader.polarity_scores(text)["compound"]
    return "positive" if compound >= 0.05 else "negative" if compound <= -0.05 else "neutral"


def threads(gold_dir):
    for name in sorted(os.listdir(gold_dir)):
        if name.endswith(".gold.jsonl"):
            thread = os.path.join(gold_dir, name[: -len(".gold.jsonl")] + ".txt")
            if os.path.exists(thread):
                yield thread


def run(binary, args, models=None):
    command = [binary] + args + (["--models", models] if models else [])
    return subprocess.run(command, capture_output=True, text=True)


def evaluate(binary, gold_dir, pred, models):
    out = run(binary, ["eval", "--gold", gold_dir, "--pred", pred, "--format", "json"]).stdout
    report = json.loads(out)
    return report["sentiment"]["macro_f1"], report["sentiment"]["accuracy"], report["topics"]["f1"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("gold", nargs="+", help="directories of NAME.txt + NAME.gold.jsonl")
    parser.add_argument("--scratch-path", default=os.path.join(ROOT, ".build"))
    parser.add_argument("--threadlens", help="a threadlens binary (default: build one)")
    parser.add_argument("--models", help="a models directory (default: the shipped one)")
    parser.add_argument("--out", help="keep the prediction files here")
    args = parser.parse_args()

    binary = args.threadlens or build(args.scratch_path)
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    vader = SentimentIntensityAnalyzer()
    out_dir = args.out or tempfile.mkdtemp(prefix="threadlens-baselines-")
    os.makedirs(out_dir, exist_ok=True)

    print("| corpus | system | sentiment macro-F1 | sentiment accuracy | topics F1 |")
    print("|---|---|---:|---:|---:|")
    for gold_dir in args.gold:
        name = os.path.basename(os.path.normpath(gold_dir))
        files = {system: open(os.path.join(out_dir, f"{name}.{system}.jsonl"), "w", encoding="utf-8")
                 for system in ("threadlens", "vader+snownlp", "all-neutral")}
        for thread in threads(gold_dir):
            analysed = run(binary, ["analyze", thread, "--format", "jsonl"], args.models).stdout
            for line in analysed.splitlines():
                files["threadlens"].write(line + "\n")
            parsed = run(binary, ["parse", thread, "--format", "jsonl"]).stdout
            for line in parsed.splitlines():
                comment = json.loads(line)
                base = {"thread": comment["thread"], "id": comment["id"], "topics": []}
                label = vader_snownlp_label(comment.get("text") or "", vader)
                files["vader+snownlp"].write(json.dumps(dict(base, sentiment={"label": label}), ensure_ascii=False) + "\n")
                files["all-neutral"].write(json.dumps(dict(base, sentiment={"label": "neutral"}), ensure_ascii=False) + "\n")
        for system, handle in files.items():
            handle.close()
            macro, accuracy, topics = evaluate(binary, gold_dir, handle.name, args.models)
            print(f"| {name} | {system} | {macro:.3f} | {accuracy:.3f} | {topics:.3f} |", flush=True)
    print(f"(prediction files in {out_dir})", file=sys.stderr)


if __name__ == "__main__":
    main()
