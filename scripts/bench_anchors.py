#!/usr/bin/env python3
"""The Python half of scripts/bench: corpus splitting, the Python anchors, and the ratio table.

    python3 scripts/bench_anchors.py check                   exit 3 when an anchor package is missing
    python3 scripts/bench_anchors.py split CORPUS OUTDIR EN_MAX ZH_MAX
                                                             en.jsonl, zh.jsonl, one.jsonl + sizes
    python3 scripts/bench_anchors.py vader FILE              VADER 3.3.2 over every text of FILE
    python3 scripts/bench_anchors.py jieba-snownlp FILE      jieba.lcut + SnowNLP(text).sentiments
    python3 scripts/bench_anchors.py table RESULTS           prints the table from key=value lines

Every command except `table` prints `key=value` lines that scripts/bench appends to its results
file; `table` reads them back. The anchors are timed in-process with `time.perf_counter`, after
the import, the model load and one warm-up call (so the figure is the per-text work only); the
peak RSS is the process's own `ru_maxrss`, which includes the loaded models.
Sizes are bytes of UTF-8 comment text (the JSON around the texts is not counted), as in
`threadlens-bench tokenize`; MB = 10^6 bytes.
"""
import json
import logging
import os
import resource
import sys
import time

ANCHOR_HINT = "anchor skipped: pip install vaderSentiment jieba snownlp"


def emit(prefix, **values):
    for key, value in values.items():
        print(f"{prefix}.{key}={value}")


def peak_rss_kb():
    # Linux reports ru_maxrss in kilobytes.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def load_texts(path):
    texts = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                texts.append(json.loads(line)["text"])
    return texts


def text_bytes(texts):
    return sum(len(t.encode("utf-8")) for t in texts)


def cmd_check():
    missing = []
    for module in ("vaderSentiment", "jieba", "snownlp"):
        try:
            __import__(module)
        except ImportError:
            missing.append(module)
    if missing:
        print(f"{ANCHOR_HINT} (missing: {', '.join(missing)})", file=sys.stderr)
        return 3
    from importlib.metadata import version
    emit("anchor", vader_version=version("vaderSentiment"), jieba_version=version("jieba"),
         snownlp_version=version("snownlp"))
    return 0


def cmd_split(corpus, outdir, en_max, zh_max):
    """Writes the English and the Chinese comments (the generator's `lang` key) to their own
    JSON Lines files, and the corpus's first comment alone (for the start-up figure).

    EN_MAX and ZH_MAX cap each subset at that many bytes of text (the first comments of that
    language in corpus order; 0 = no cap): SnowNLP runs at tens of KB/s, so the whole Chinese
    part of a corpus would dominate the run.

    A comment keeps its `parent` only when the parent is in the same subset, so the subset files
    read without `input.parent-missing` warnings."""
    subsets = {"en": [], "zh": []}
    kept = {"en": set(), "zh": set()}
    limits = {"en": int(en_max), "zh": int(zh_max)}
    taken = {"en": 0, "zh": 0}
    totals = {"corpus": [0, 0], "en": [0, 0], "zh": [0, 0], "mixed": [0, 0]}
    first = None
    with open(corpus, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            record = json.loads(line)
            size = len(record["text"].encode("utf-8"))
            lang = record.get("lang", "und")
            totals["corpus"][0] += 1
            totals["corpus"][1] += size
            if lang in totals:
                totals[lang][0] += 1
                totals[lang][1] += size
            if first is None:
                first = {k: v for k, v in record.items() if k != "parent"}
            if lang in subsets and (limits[lang] <= 0 or taken[lang] < limits[lang]):
                taken[lang] += size
                key = (record["thread"], record.get("parent"))
                if record.get("parent") is not None and key not in kept[lang]:
                    del record["parent"]
                kept[lang].add((record["thread"], record["id"]))
                subsets[lang].append(json.dumps(record, ensure_ascii=False))
    if first is None:
        print(f"{corpus}: no comments", file=sys.stderr)
        return 2
    for lang, lines in subsets.items():
        with open(os.path.join(outdir, f"{lang}.jsonl"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + ("\n" if lines else ""))
    with open(os.path.join(outdir, "one.jsonl"), "w", encoding="utf-8") as f:
        f.write(json.dumps(first, ensure_ascii=False) + "\n")
    for name, (comments, size) in totals.items():
        emit(name, comments=comments, bytes=size)
    return 0


def cmd_vader(path):
    texts = load_texts(path)
    start = time.perf_counter()
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    analyzer = SentimentIntensityAnalyzer()
    analyzer.polarity_scores("Warm-up call, not timed.")
    load = time.perf_counter() - start
    checksum = 0.0
    start, cpu_start = time.perf_counter(), time.process_time()
    for text in texts:
        checksum += analyzer.polarity_scores(text)["compound"]
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    emit("vader", seconds=f"{seconds:.6f}", cpu=f"{cpu:.3f}", load=f"{load:.3f}", rss=peak_rss_kb(), comments=len(texts),
         bytes=text_bytes(texts), checksum=f"{checksum:.3f}")
    return 0


def cmd_jieba_snownlp(path):
    texts = load_texts(path)
    start = time.perf_counter()
    import jieba
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    from snownlp import SnowNLP
    jieba.lcut("预热，不计时。")
    _ = SnowNLP("预热，不计时。").sentiments
    load = time.perf_counter() - start
    words, checksum = 0, 0.0
    jieba_seconds = snownlp_seconds = 0.0
    clock = time.perf_counter
    cpu_start = time.process_time()
    for text in texts:
        t0 = clock()
        words += len(jieba.lcut(text))
        t1 = clock()
        checksum += SnowNLP(text).sentiments
        t2 = clock()
        jieba_seconds += t1 - t0
        snownlp_seconds += t2 - t1
    cpu = time.process_time() - cpu_start
    emit("zhanchor", seconds=f"{jieba_seconds + snownlp_seconds:.6f}", cpu=f"{cpu:.3f}", jieba=f"{jieba_seconds:.6f}",
         snownlp=f"{snownlp_seconds:.6f}", load=f"{load:.3f}", rss=peak_rss_kb(), comments=len(texts),
         bytes=text_bytes(texts), words=words, checksum=f"{checksum:.3f}")
    return 0


# ---------------------------------------------------------------------------------------------
# The table


def read_results(path):
    results = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if "=" in line:
                key, value = line.split("=", 1)
                results[key] = value
    return results


class Table:
    HEADER = ("measurement", "MB/s", "comments/s", "peak RSS", "ratio", "target", "result")
    WIDTHS = (46, 8, 11, 9, 15, 14, 6)

    def __init__(self):
        self.rows = []

    def add(self, name, mbps="", cps="", rss="", ratio="", target="", result=""):
        self.rows.append((name, mbps, cps, rss, ratio, target, result))

    def note(self, text):
        self.rows.append((text,))

    def print(self):
        def line(cells):
            out = cells[0].ljust(self.WIDTHS[0])
            for cell, width in zip(cells[1:], self.WIDTHS[1:]):
                out += " " + cell.rjust(width) if cell else " " * (width + 1)
            return out.rstrip()
        print(line(self.HEADER))
        print("-" * (sum(self.WIDTHS) + len(self.WIDTHS) - 1))
        for row in self.rows:
            print(row[0] if len(row) == 1 else line(row))


def mb(kb):
    return f"{int(kb) / 1024:.0f} MB" if kb not in (None, "") else ""


def cpu_block(r, rate_of, corpus_bytes, corpus_comments, one_wall):
    """The one-core rows again by CPU time (user + sys) instead of wall clock: on a loaded,
    shared machine the wall clock of a pinned process includes the time other processes held
    its core, the CPU time does not."""
    lines = []
    g = lambda key: float(r[key]) if r.get(key) not in (None, "") else None
    for command in ("analyze", "report"):
        cpu = g(f"{command}.1.cpu")
        if cpu:
            mbps, cps = rate_of(corpus_bytes, corpus_comments, cpu)
            lines.append(f"  {command}, 1 core: {cpu:.2f} s CPU for {one_wall.get(command, 0):.2f} s wall -> {mbps} MB/s, {cps} comments/s")
    jobs = r.get("jobs", "2")
    for command in ("analyze", "report"):
        cpu, wall = g(f"{command}.{jobs}.cpu"), g(f"{command}.{jobs}.wall")
        if cpu and wall and jobs != "1":
            lines.append(f"  {command}, --jobs {jobs}: {cpu:.2f} s CPU in {wall:.2f} s wall = {cpu / wall:.2f} cores busy on average")
    one = g("analyze.1.cpu")
    for factor in ("4", "16"):
        cpu = g(f"linear.{factor}.cpu")
        if cpu and one:
            expected = float(r[f"linear.{factor}.bytes"]) / corpus_bytes
            lines.append(f"  linearity {expected:.2f}x: CPU time ratio {cpu / one / expected:.3f} x linear")
    startup = g("startup.cpu")
    for prefix, lang, target in (("vader", "en", 10), ("zhanchor", "zh", 30)):
        py, tl = g(f"{prefix}.cpu"), g(f"tl.{lang}.cpu")
        if py and tl:
            line = f"  {lang} anchor: python {py:.2f} s CPU, threadlens {tl:.2f} s CPU -> {py / tl:.1f} x (target >= {target} x)"
            if startup is not None and tl > startup:
                line += f"; minus start-up CPU ({startup:.2f} s) {py / (tl - startup):.1f} x"
            lines.append(line)
    if lines:
        print()
        print("by CPU time (user + sys; the table above is wall clock):")
        for line in lines:
            print(line)


def cmd_table(path):
    r = read_results(path)
    f = lambda key: float(r[key])
    has = lambda *keys: all(k in r for k in keys)
    t = Table()
    runs = r.get("runs", "?")
    corpus_bytes, corpus_comments = f("corpus.bytes"), f("corpus.comments")

    def rate(bytes_, comments, seconds):
        mbps = bytes_ / 1e6 / seconds
        return (f"{mbps:.3f}" if mbps < 1 else f"{mbps:.2f}"), f"{comments / seconds:,.0f}"

    def verdict(ok):
        return "PASS" if ok else "MISS"

    # 1. ICU alone
    icu = f("icu.all.mbps") if has("icu.all.mbps") else None
    if icu is not None:
        t.add(f"ICU word breaking alone, 1 core (all)", f"{icu:.2f}")
        for lang in ("en", "zh"):
            if has(f"icu.{lang}.mbps"):
                t.add(f"ICU word breaking alone, 1 core ({lang})", f"{f(f'icu.{lang}.mbps'):.2f}")

    # 2, 3. analyze and report on one core
    one = {}
    for command in ("analyze", "report"):
        key = f"{command}.1"
        if not has(f"{key}.wall"):
            continue
        seconds = f(f"{key}.wall")
        one[command] = seconds
        mbps, cps = rate(corpus_bytes, corpus_comments, seconds)
        label = "analyze --format jsonl" if command == "analyze" else "report"
        ratio = float(mbps) / icu if icu else None
        t.add(f"{label}, 1 core", mbps, cps, mb(r.get(f"{key}.rss")),
              f"{ratio:.3f} x ICU" if ratio is not None else "n/a", ">= 0.50 x ICU",
              verdict(ratio >= 0.5) if ratio is not None else "")

    # 4. N cores
    jobs = r.get("jobs", "2")
    for command in ("analyze", "report"):
        key = f"{command}.{jobs}"
        label = "analyze --format jsonl" if command == "analyze" else "report"
        target_factor = 0.85 * int(jobs)
        if r.get(f"jobs.{command}") != "yes" or not has(f"{key}.wall") or command not in one:
            reason = r.get(f"jobs.{command}.why", "no --jobs")
            t.add(f"{label}, --jobs {jobs}", "n/a", "n/a", "n/a", f"n/a: {reason}", f">= {target_factor:.2f} x", "n/a")
            continue
        seconds = f(f"{key}.wall")
        mbps, cps = rate(corpus_bytes, corpus_comments, seconds)
        scaling = one[command] / seconds
        t.add(f"{label}, --jobs {jobs}", mbps, cps, mb(r.get(f"{key}.rss")), f"{scaling:.2f} x 1 core",
              f">= {target_factor:.2f} x", verdict(scaling >= target_factor))

    # 5. linearity (analyze, one core): time ratio against the byte ratio
    if "analyze" in one:
        for factor in ("4", "16"):
            key = f"linear.{factor}"
            if not has(f"{key}.wall"):
                if factor == "16":
                    continue
                t.add(f"linearity: analyze {factor}x corpus, 1 core", "n/a", "n/a", "n/a", "n/a", "0.90 .. 1.10", "n/a")
                continue
            seconds, size, comments = f(f"{key}.wall"), f(f"{key}.bytes"), f(f"{key}.comments")
            mbps, cps = rate(size, comments, seconds)
            expected = size / corpus_bytes
            ratio = (seconds / one["analyze"]) / expected
            t.add(f"linearity: analyze {expected:.2f}x corpus, 1 core", mbps, cps,
                  mb(r.get(f"{key}.rss")), f"{ratio:.3f} x linear", "0.90 .. 1.10", verdict(abs(ratio - 1) <= 0.10))

    # 6. start-up
    startup = f("startup.wall") if has("startup.wall") else None
    if startup is not None:
        t.add("start-up: analyze of 1 comment, best of 5", "", "", mb(r.get("startup.rss")), f"{startup * 1000:.0f} ms",
              "< 100 ms", verdict(startup < 0.1))

    # 7. anchors
    if r.get("anchors") == "skipped":
        t.note(ANCHOR_HINT)
    else:
        anchors = (("vader", "en", "VADER polarity_scores", 10),
                   ("zhanchor", "zh", "jieba.lcut + SnowNLP sentiments", 30))
        for prefix, lang, label, target in anchors:
            if not has(f"{prefix}.seconds", f"tl.{lang}.wall"):
                continue
            size, comments = f(f"{prefix}.bytes"), f(f"{prefix}.comments")
            py = f(f"{prefix}.seconds")
            mbps, cps = rate(size, comments, py)
            t.add(f"{label}, {lang} {size / 1e6:.2f} MB", mbps, cps, mb(r.get(f"{prefix}.rss")))
            tl = f(f"tl.{lang}.wall")
            mbps, cps = rate(size, comments, tl)
            speedup = py / tl
            t.add(f"  threadlens analyze, same {lang}, incl. start-up", mbps, cps, mb(r.get(f"tl.{lang}.rss")),
                  f"{speedup:.1f} x python", f">= {target} x", verdict(speedup >= target))
            if startup is not None and tl > startup:
                net = tl - startup
                mbps, cps = rate(size, comments, net)
                t.add(f"  threadlens analyze, same {lang}, - start-up", mbps, cps, "", f"{py / net:.1f} x python",
                      f">= {target} x", verdict(py / net >= target))
    t.print()
    cpu_block(r, rate_of=rate, corpus_bytes=corpus_bytes, corpus_comments=corpus_comments, one_wall=one)
    notes = ["MB = 10^6 bytes of comment text. threadlens: wall clock of the whole process (start-up, reading,",
             f"output to /dev/null), best of {runs}. Python: timed in-process after import, model load and a warm-up call, one run."]
    for lang in ("en", "zh"):
        cap = int(r.get(f"anchor.{lang}_max", "0") or 0)
        if cap > 0 and r.get("anchors") != "skipped":
            notes.append(f"{lang} anchor text: the corpus's {lang} comments in order until {cap:,} bytes are reached.")
    if "taskset" in r:
        notes.append(f"one-core rows pinned with: {r['taskset']}")
    for note in notes:
        print(note)
    return 0


def main(argv):
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    command, args = argv[0], argv[1:]
    commands = {"check": (cmd_check, 0), "split": (cmd_split, 4), "vader": (cmd_vader, 1),
                "jieba-snownlp": (cmd_jieba_snownlp, 1), "table": (cmd_table, 1)}
    if command not in commands or len(args) != commands[command][1]:
        print(__doc__, file=sys.stderr)
        return 2
    function, _ = commands[command]
    return function(*args)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
