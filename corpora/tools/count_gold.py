#!/usr/bin/env python3
"""Validate threadlens gold annotations against their threads and print corpus counts.

Usage:
    python3 corpora/tools/count_gold.py [DIR ...] [--json] [--quiet]

With no DIR it checks corpora/gold and corpora/heldout (next to this script's folder).
Every `NAME.gold.jsonl` in a DIR is checked against `NAME.txt` beside it:

- each line is a JSON object with exactly the keys id, sentiment, topics, claims, stance
  (SPEC section 6), labels and topics from SPEC section 4, claim values valid for their type,
  a region (ISO 3166 alpha-2, EU or INTL) on regional_availability claims and on no others,
  subjects already in normal form (lower-case a-z, digits, Han characters, or `*`);
- each id exists in the thread, the ids being derived here from the text layout of SPEC
  sections 2.1 and 3 (article `0`, top-level `N`, replies `P.K`), independently of the Swift
  reader; no id is annotated twice; a thread comment without annotation is reported;
- the thread layout itself is checked: top-level numbers run 1, 2, 3 ..., a reply bullet sits
  exactly 2 columns deeper than its parent's marker, every comment has a date.

Counts are printed per corpus (threads, comments, annotated comments, claims per type and value
per comment language, regions, sentiment and stance labels, topics) and per thread.
The comment language used for the counts is a simple script test: Han characters only -> zh,
Latin words (2+ letters) only -> en, both -> mixed, neither -> und.

Exit status: 0 when every file is valid, 1 when any error was found, 2 on bad usage.
"""

import json
import re
import sys
from collections import Counter, OrderedDict
from pathlib import Path

SENTIMENTS = {"positive", "negative", "neutral"}
STANCES = {"agree", "disagree", "none"}
TOPICS = ["resellers", "availability", "pricing", "fulfillment", "service", "trust", "product"]
CLAIM_VALUES = {
    "reseller_legitimacy": ["legitimate", "illegitimate"],
    "regional_availability": ["available", "unavailable"],
    "order_fulfillment": ["fulfilled", "refused"],
}
CLAIM_TYPES = list(CLAIM_VALUES)
KEYS = ["id", "sentiment", "topics", "claims", "stance"]

# ISO 3166-1 alpha-2 codes (officially assigned), plus the two groups of SPEC section 4.
ISO_ALPHA2 = set("""
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS
BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE
EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM
HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC
LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA
NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW
SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO
TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW
""".split())
REGIONS = ISO_ALPHA2 | {"EU", "INTL"}

HAN = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
SUBJECT_RE = re.compile(r"^(\*|[a-z0-9" + HAN + r"]+)$")
HAN_RE = re.compile("[" + HAN + "]")
LATIN_WORD_RE = re.compile(r"[A-Za-z]{2,}")

MONTHS = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
DATE_PATTERNS = [
    MONTHS + r" \d{1,2}, \d{4}(?: at \d{1,2}:\d{2}(?: ?[ap]m)?)?",
    r"\d{1,2} " + MONTHS + r" \d{4}",
    r"\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?",
    r"\d{4}年\d{1,2}月\d{1,2}日(?: ?\d{1,2}:\d{2})?",
    r"\d{1,2}月\d{1,2}日(?: ?\d{1,2}:\d{2})?",
    r"\d+ (?:minutes?|hours?|days?|weeks?|months?|years?) ago",
    r"\d+ ?(?:分钟|小時|小时|天|周|個月|个月|年)前",
]
DATE_RE = re.compile(r"^(" + "|".join(DATE_PATTERNS) + r")(?:\s+(.*))?$")

BOILERPLATE_RE = re.compile(r"^(Previous |Next |\[Source|\[Via|\[來源|\[来源|【来源|上一篇|下一篇|责任编辑|責任編輯)")
TOP_RE = re.compile(r"^  (\d+)\. (.*)$")
REPLY_RE = re.compile(r"^( {4,})\u2022 ?(.*)$")


class Problems:
    """Collects errors and warnings as `file:line: severity: message`."""

    def __init__(self):
        self.errors = []
        self.warnings = []

    def error(self, where, line, message):
        self.errors.append(f"{where}:{line}: error: {message}")

    def warn(self, where, line, message):
        self.warnings.append(f"{where}:{line}: warning: {message}")


def language(text):
    han = len(HAN_RE.findall(text))
    latin = len(LATIN_WORD_RE.findall(text))
    if han and latin:
        return "mixed"
    if han:
        return "zh"
    if latin:
        return "en"
    return "und"


def split_date(text):
    """(date, rest) when `text` starts with a date, else None."""
    m = DATE_RE.match(text.strip())
    if not m:
        return None
    return m.group(1), (m.group(2) or "")


def parse_thread(path, problems):
    """The comments of a text-format thread: an ordered dict id -> comment dict."""
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    lines = text.replace("\r\n", "\n").split("\n")
    comments = OrderedDict()
    start = next((i for i, line in enumerate(lines) if i > 0 and TOP_RE.match(line)), len(lines))
    article = [line for line in lines[1:start] if line.strip() and not BOILERPLATE_RE.match(line.strip())]
    comments["0"] = {"id": "0", "parent": None, "author": None, "date": None, "line": 1,
                     "text": "\n".join(article), "title": lines[0]}
    if not lines[0].strip():
        problems.error(path, 1, "the first line (the title) is empty")

    stack = []  # [marker indent, id, number of replies so far]
    top = 0
    current = None
    expect_date = False
    for index in range(start, len(lines)):
        number = index + 1
        line = lines[index]
        top_match = TOP_RE.match(line)
        reply_match = REPLY_RE.match(line)
        if top_match:
            top += 1
            if int(top_match.group(1)) != top:
                problems.error(path, number, f"top-level comment numbered {top_match.group(1)}, expected {top}")
            cid = str(top)
            stack = [[2, cid, 0]]
            head = top_match.group(2)
            parent = "0"
        elif reply_match:
            indent = len(reply_match.group(1))
            while stack and stack[-1][0] >= indent:
                stack.pop()
            if not stack or stack[-1][0] != indent - 2:
                problems.error(path, number, f"reply bullet at column {indent + 1} has no parent marker at column {indent - 1}")
                continue
            stack[-1][2] += 1
            parent = stack[-1][1]
            cid = f"{parent}.{stack[-1][2]}"
            stack.append([indent, cid, 0])
            head = reply_match.group(2)
        else:
            if current is None:
                if line.strip():
                    problems.error(path, number, "text after the article but before the first comment marker")
                continue
            if not line.strip():
                continue
            body_indent = current["indent"] + 2
            leading = len(line) - len(line.lstrip(" "))
            if leading < body_indent:
                problems.error(path, number, f"comment {current['id']}: line indented {leading}, expected at least {body_indent}")
            content = line.strip()
            if expect_date:
                expect_date = False
                split = split_date(content)
                if split is None:
                    problems.error(path, number, f"comment {current['id']}: expected a date line, found '{content[:30]}'")
                    current["body"].append(content)
                else:
                    current["date"], rest = split
                    if rest:
                        current["body"].append(rest)
                        current["quirks"].add("date-carries-body")
                continue
            if re.match(r"^\d+\. ", content):
                current["quirks"].add("numbered-list-in-body")
            current["body"].append(content)
            continue

        # A new comment marker: author, or a date when the bullet carries no author.
        split = split_date(head)
        current = {"id": cid, "parent": parent, "author": None, "date": None, "line": number,
                   "indent": len(line) - len(line.lstrip(" ")), "body": [], "quirks": set()}
        if split is not None and reply_match:
            current["date"], rest = split
            current["quirks"].add("no-author")
            if rest:
                current["body"].append(rest)
            expect_date = False
        else:
            current["author"] = head.strip()
            expect_date = True
        comments[cid] = current

    for c in list(comments.values())[1:]:
        c["text"] = "\n".join(c["body"])
        if c["date"] is None:
            problems.error(path, c["line"], f"comment {c['id']} has no date line")
        if not c["text"].strip():
            problems.error(path, c["line"], f"comment {c['id']} has an empty body")
    comments["0"]["quirks"] = set()
    if "\u00a0" in text:
        comments["0"]["quirks"].add("nbsp")
    if not text.endswith("\n"):
        comments["0"]["quirks"].add("no-final-newline")
    return comments


def check_gold(gold_path, comments, problems):
    """The valid annotations of one gold file, by id."""
    annotations = OrderedDict()
    for number, line in enumerate(gold_path.read_text(encoding="utf-8").split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line, object_pairs_hook=OrderedDict)
        except json.JSONDecodeError as error:
            problems.error(gold_path, number, f"invalid JSON: {error}")
            continue
        if not isinstance(record, dict):
            problems.error(gold_path, number, "expected a JSON object")
            continue
        if list(record.keys()) != KEYS:
            problems.error(gold_path, number, f"keys are {list(record.keys())}, expected {KEYS} in that order")
        cid = record.get("id")
        if not isinstance(cid, str) or cid not in comments:
            problems.error(gold_path, number, f"id {cid!r} is not a comment of the thread")
            continue
        if cid in annotations:
            problems.error(gold_path, number, f"id {cid} is annotated twice")
            continue
        sentiment = record.get("sentiment")
        if sentiment is not None and sentiment not in SENTIMENTS:
            problems.error(gold_path, number, f"sentiment {sentiment!r} is not one of {sorted(SENTIMENTS)} or null")
        stance = record.get("stance")
        if stance is not None and stance not in STANCES:
            problems.error(gold_path, number, f"stance {stance!r} is not one of {sorted(STANCES)} or null")
        if cid == "0" and stance is not None:
            problems.error(gold_path, number, "the article has no parent: its stance is null")
        topics = record.get("topics")
        if not isinstance(topics, list) or any(t not in TOPICS for t in topics) or len(set(topics)) != len(topics):
            problems.error(gold_path, number, f"topics {topics!r}: expected distinct names from {TOPICS}")
        claims = record.get("claims")
        if not isinstance(claims, list):
            problems.error(gold_path, number, "claims must be a list")
            claims = []
        seen = set()
        for claim in claims:
            if not isinstance(claim, dict):
                problems.error(gold_path, number, f"claim {claim!r} is not an object")
                continue
            ctype, subject, value = claim.get("type"), claim.get("subject"), claim.get("value")
            if ctype not in CLAIM_VALUES:
                problems.error(gold_path, number, f"claim type {ctype!r} is not one of {CLAIM_TYPES}")
                continue
            if value not in CLAIM_VALUES[ctype]:
                problems.error(gold_path, number, f"{ctype} value {value!r} is not one of {CLAIM_VALUES[ctype]}")
            if not isinstance(subject, str) or not SUBJECT_RE.match(subject):
                problems.error(gold_path, number, f"subject {subject!r} is not in normal form (a-z, 0-9, Han, or '*')")
            expected_keys = ["type", "subject", "value"] + (["region"] if ctype == "regional_availability" else [])
            if list(claim.keys()) != expected_keys:
                problems.error(gold_path, number, f"claim keys {list(claim.keys())}, expected {expected_keys}")
            if ctype == "regional_availability":
                if claim.get("region") not in REGIONS:
                    problems.error(gold_path, number, f"region {claim.get('region')!r} is not ISO 3166 alpha-2, EU or INTL")
                if subject == "*":
                    problems.error(gold_path, number, "regional_availability is about a brand, not '*'")
            key = (ctype, subject, value, claim.get("region"))
            if key in seen:
                problems.error(gold_path, number, f"claim {key} listed twice")
            seen.add(key)
        annotations[cid] = record
    for cid in comments:
        if cid not in annotations:
            problems.warn(gold_path, 1, f"comment {cid} of the thread is not annotated")
    return annotations


def new_counts():
    return {
        "threads": 0, "comments": 0, "annotated": 0, "claims": 0,
        "claims_by_type_lang": Counter(), "claims_by_type_value": Counter(), "regions": Counter(),
        "subjects": Counter(), "sentiment": Counter(), "sentiment_by_lang": Counter(),
        "stance": Counter(), "topics": Counter(), "comment_langs": Counter(),
        "no_claim_threads": [], "quirks": Counter(), "rows": [],
    }


def check_dir(directory, problems, counts):
    gold_files = sorted(directory.glob("*.gold.jsonl"))
    if not gold_files:
        problems.error(directory, 0, "no *.gold.jsonl files")
    for gold_path in gold_files:
        name = gold_path.name[: -len(".gold.jsonl")]
        thread_path = directory / f"{name}.txt"
        if not thread_path.exists():
            problems.error(gold_path, 1, f"no thread file {thread_path.name} beside it")
            continue
        comments = parse_thread(thread_path, problems)
        annotations = check_gold(gold_path, comments, problems)
        counts["threads"] += 1
        counts["comments"] += len(comments)
        counts["annotated"] += len(annotations)
        langs = Counter()
        row = {"thread": name, "comments": len(comments), "annotated": len(annotations),
               "claims": Counter(), "sentiment": 0, "langs": langs}
        for cid, comment in comments.items():
            lang = language(comment["text"] if cid != "0" else comment["title"] + "\n" + comment["text"])
            comment["lang"] = lang
            langs[lang] += 1
            counts["comment_langs"][lang] += 1
            counts["quirks"].update(comment.get("quirks", ()))
        for cid, record in annotations.items():
            lang = comments[cid]["lang"]
            sentiment = record.get("sentiment")
            counts["sentiment"][str(sentiment)] += 1
            if sentiment is not None:
                counts["sentiment_by_lang"][(lang, sentiment)] += 1
                row["sentiment"] += 1
            counts["stance"][str(record.get("stance"))] += 1
            counts["topics"].update(record.get("topics") or [])
            for claim in record.get("claims") or []:
                counts["claims"] += 1
                counts["claims_by_type_lang"][(claim["type"], lang)] += 1
                counts["claims_by_type_value"][(claim["type"], claim["value"])] += 1
                counts["subjects"][claim["subject"]] += 1
                row["claims"][claim["type"]] += 1
                if "region" in claim:
                    counts["regions"][claim["region"]] += 1
        if not any(record.get("claims") for record in annotations.values()):
            counts["no_claim_threads"].append(name)
        counts["rows"].append(row)


def table(headers, rows):
    widths = [max(len(str(x)) for x in column) for column in zip(headers, *rows)]
    out = ["  ".join(str(h).ljust(w) for h, w in zip(headers, widths))]
    out.append("  ".join("-" * w for w in widths))
    for r in rows:
        out.append("  ".join(str(x).ljust(w) if i == 0 else str(x).rjust(w) for i, (x, w) in enumerate(zip(r, widths))))
    return "\n".join(out)


def report(name, c):
    langs = ["en", "zh", "mixed"]
    lines = [f"== {name}: {c['threads']} threads, {c['comments']} comments (article 0 included), "
             f"{c['annotated']} annotated, {c['claims']} claims, "
             f"{sum(v for k, v in c['sentiment'].items() if k != 'None')} non-null sentiment labels"]
    lines.append("")
    lines.append(table(["thread", "comments", "annotated", "legit", "avail", "fulfil", "sentiment", "en/zh/mixed"],
                       [[r["thread"], r["comments"], r["annotated"], r["claims"]["reseller_legitimacy"],
                         r["claims"]["regional_availability"], r["claims"]["order_fulfillment"], r["sentiment"],
                         "/".join(str(r["langs"][l]) for l in langs)] for r in c["rows"]]))
    lines.append("")
    rows = []
    for ctype in CLAIM_TYPES:
        per = [c["claims_by_type_lang"][(ctype, l)] for l in langs + ["und"]]
        values = ", ".join(f"{v} {c['claims_by_type_value'][(ctype, v)]}" for v in CLAIM_VALUES[ctype])
        rows.append([ctype] + per + [sum(per), values])
    total = [sum(c["claims_by_type_lang"][(t, l)] for t in CLAIM_TYPES) for l in langs + ["und"]]
    rows.append(["all"] + total + [sum(total), ""])
    lines.append(table(["claims (by comment language)", "en", "zh", "mixed", "und", "total", "values"], rows))
    lines.append("")
    srows = []
    for label in ["positive", "negative", "neutral"]:
        per = [c["sentiment_by_lang"][(l, label)] for l in langs + ["und"]]
        srows.append([label] + per + [sum(per)])
    srows.append(["null (not scored)", "", "", "", "", c["sentiment"]["None"]])
    lines.append(table(["sentiment (by comment language)", "en", "zh", "mixed", "und", "total"], srows))
    lines.append("")
    lines.append("stance: " + ", ".join(f"{k if k != 'None' else 'null'} {v}" for k, v in sorted(c["stance"].items())))
    lines.append("topics: " + ", ".join(f"{t} {c['topics'][t]}" for t in TOPICS))
    lines.append("regions: " + ", ".join(f"{k} {v}" for k, v in sorted(c["regions"].items())))
    lines.append("comment languages: " + ", ".join(f"{k} {v}" for k, v in sorted(c["comment_langs"].items())))
    lines.append("subjects: " + ", ".join(f"{k} {v}" for k, v in sorted(c["subjects"].items(), key=lambda kv: (-kv[1], kv[0]))))
    lines.append("threads with no claims: " + (", ".join(c["no_claim_threads"]) or "none"))
    lines.append("layout quirks: " + ", ".join(f"{k} {v}" for k, v in sorted(c["quirks"].items())))
    return "\n".join(lines)


def to_json(c):
    return {
        "threads": c["threads"], "comments": c["comments"], "annotated": c["annotated"], "claims": c["claims"],
        "claims_by_type_lang": {f"{t}/{l}": v for (t, l), v in sorted(c["claims_by_type_lang"].items())},
        "claims_by_type_value": {f"{t}/{v}": n for (t, v), n in sorted(c["claims_by_type_value"].items())},
        "sentiment": dict(c["sentiment"]), "stance": dict(c["stance"]), "topics": dict(c["topics"]),
        "regions": dict(c["regions"]), "no_claim_threads": c["no_claim_threads"],
    }


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    flags = {a for a in argv if a.startswith("--")}
    unknown = flags - {"--json", "--quiet"}
    if unknown:
        print(f"unknown option(s): {', '.join(sorted(unknown))}\n\n{__doc__}", file=sys.stderr)
        return 2
    root = Path(__file__).resolve().parent.parent
    dirs = [Path(a) for a in args] or [root / "gold", root / "heldout"]
    problems = Problems()
    results = OrderedDict()
    for directory in dirs:
        if not directory.is_dir():
            problems.error(directory, 0, "not a directory")
            continue
        counts = new_counts()
        check_dir(directory, problems, counts)
        results[str(directory)] = counts
    for message in problems.errors + problems.warnings:
        print(message, file=sys.stderr)
    if "--json" in flags:
        print(json.dumps({name: to_json(c) for name, c in results.items()}, ensure_ascii=False, indent=2))
    elif "--quiet" not in flags:
        print("\n\n".join(report(name, c) for name, c in results.items()))
    print(f"{len(problems.errors)} error(s), {len(problems.warnings)} warning(s)", file=sys.stderr)
    return 1 if problems.errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
