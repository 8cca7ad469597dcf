#!/usr/bin/env python3
"""Writes corpora/malformed/: hostile input files, each with a known problem."""
import json, os, sys
out = sys.argv[1]
os.makedirs(out, exist_ok=True)
files = {}
def put(name, data):
    files[name] = data if isinstance(data, bytes) else data.encode('utf-8')

# ---- a small well-formed text thread to break in different ways
def thread(title, body, comments):
    """comments: list of (indent, marker, author_or_None, date, [paragraphs])"""
    lines = [title, "", body, ""]
    for indent, marker, author, date, paras in comments:
        head = " " * indent + marker + (" " + author if author else "")
        lines.append(head)
        if date is not None:
            lines.append(" " * (indent + 2) + date)
        lines.append("")
        for p in paras:
            lines.append(" " * (indent + 2) + p)
            lines.append("")
    return "\n".join(lines)

TITLE = "Xiaomi says grey-market sellers are not authorised to sell its phones"
BODY = "The company warned buyers that several web shops pose as its official store."
good = [
    (2, "1.", "harlow_j", "April 2, 2024", ["Mi Depot is not official, they told me so on the phone."]),
    (4, "•", "quietfox", "April 2, 2024", ["I agree, my order from them was cancelled twice."]),
    (2, "2.", "ming", "April 3, 2024", ["Bought mine from the official store, arrived in two days."]),
]

# ---------------- text layout
put("text-broken-indent.txt", thread(TITLE, BODY, [
    (2, "1.", "harlow_j", "April 2, 2024", ["Mi Depot is not official."]),
    (3, "•", "quietfox", "April 2, 2024", ["Three spaces instead of four before my bullet."]),
    (2, "2.", "ming", "April 3, 2024", ["Fine here."]),
]))
put("text-body-underindented.txt", "\n".join([TITLE, "", BODY, "", "  1. harlow_j", "    April 2, 2024", "", "    First line is fine,", "  but this one lost its indentation.", "", "  2. ming", "    April 3, 2024", "", "    ok", ""]))
put("text-tabs.txt", "\n".join([TITLE, "", BODY, "", "\t1. harlow_j", "\t\tApril 2, 2024", "", "\t\tIndented with tabs, not spaces.", "", "\t\t• quietfox", "\t\t\tApril 2, 2024", "", "\t\t\tA reply indented with tabs.", ""]))
put("text-crlf.txt", thread(TITLE, BODY, good).replace("\n", "\r\n"))
put("text-cr-only.txt", thread(TITLE, BODY, good).replace("\n", "\r"))
put("text-orphan-bullet.txt", "\n".join([TITLE, "", BODY, "", "    • drifter", "      April 1, 2024", "", "      A reply that comes before any numbered comment.", "", "  1. harlow_j", "    April 2, 2024", "", "    The first real comment.", ""]))
put("text-empty-comment.txt", "\n".join([TITLE, "", BODY, "", "  1. harlow_j", "    April 2, 2024", "", "  2. ming", "    April 3, 2024", "", "    The comment above says nothing at all.", ""]))
put("text-missing-date.txt", "\n".join([TITLE, "", BODY, "", "  1. harlow_j", "", "    No date line under my name.", "", "  2. ming", "    April 3, 2024", "", "    Mine has one.", ""]))
put("text-numbering-gap.txt", thread(TITLE, BODY, [
    (2, "1.", "harlow_j", "April 2, 2024", ["First."]),
    (2, "5.", "ming", "April 3, 2024", ["The scrape skipped numbers 2 to 4."]),
]))
put("text-marker-off-by-one.txt", "\n".join([TITLE, "", BODY, "", "  1. harlow_j", "    April 2, 2024", "", "    First.", "", "   2. ming", "    April 3, 2024", "", "    My marker is one column too deep.", ""]))
put("text-reply-too-shallow.txt", "\n".join([TITLE, "", BODY, "", "  1. harlow_j", "    April 2, 2024", "", "    First.", "", "  • quietfox", "    April 2, 2024", "", "    My bullet sits at the marker column.", ""]))
put("text-no-comments.txt", TITLE + "\n\n" + BODY + "\n\nA second paragraph with no comments after it.\n")
put("text-only-comments.txt", "\n".join(["  1. harlow_j", "    April 2, 2024", "", "    There is no title or article above me.", ""]))
put("text-no-trailing-newline.txt", thread(TITLE, BODY, good).rstrip("\n"))
put("text-nbsp-indent.txt", thread(TITLE, BODY, good).replace("  1.", "\u00a0\u00a01.").replace("    •", "\u00a0\u00a0\u00a0\u00a0•"))
put("text-control-chars.txt", thread(TITLE, BODY, [
    (2, "1.", "harlow_j", "April 2, 2024", ["Copied from a terminal: \x1b[1mbold\x1b[0m and a bell\x07."]),
    (2, "2.", "ming", "April 3, 2024", ["Form feed\x0c and vertical tab\x0b and DEL\x7f here."]),
]))
put("text-nul-bytes.txt", thread(TITLE, BODY, [
    (2, "1.", "harlow_j", "April 2, 2024", ["A NUL\x00 in the middle of a sentence."]),
    (2, "2.", "ming", "April 3, 2024", ["Two more\x00\x00 here."]),
]))
put("text-zero-width.txt", thread(TITLE, BODY, [
    (2, "1.", "harlow_j", "April 2, 2024", ["Mi\u200bDepot is not offi\u00adcial, X\u2060iaomi said so.", "Trailing BOM\ufeff inside the text."]),
]))
put("text-bidi-override.txt", thread(TITLE, BODY, [
    (2, "1.", "harlow_j", "April 2, 2024", ["The shop is \u202elaiciffo ton\u202c according to them."]),
    (2, "2.", "ming", "April 3, 2024", ["Isolates \u2067like this\u2069 too."]),
]))
put("text-emoji-4byte.txt", thread(TITLE, BODY, [
    (2, "1.", "harlow_j 🦊", "April 2, 2024", ["Family 👨‍👩‍👧‍👦 flags 🇨🇳🇬🇧 skin 👍🏽 keycap 1️⃣ rare 𠜎𠜱 math 𝓧𝓲𝓪𝓸𝓶𝓲"]),
    (4, "•", "quietfox", "April 2, 2024", ["😡😡😡 not official 🙅‍♀️"]),
]))
put("text-invalid-utf8.txt", (thread(TITLE.replace("says", "says \u2018"), BODY + " \u201cIt\u2019s a scam\u201d, one reader wrote \u2014 twice. \u201cDon\u2019t\u201d, \u201cwon\u2019t\u201d, \u201ccan\u2019t\u201d \u2014 caf\u00e9 na\u00efvet\u00e9.", good[:1]) + "\n").encode('utf-8') + b"  2. ming\n    April 3, 2024\n\n    Broken \xc3\x28 and \xff\xfe bytes, caf\xe9 too.\n")
put("enc-latin1-stray-bytes.txt", (thread(TITLE, BODY, good[:1]) + "\n").encode('utf-8') + b"  2. ming\n    April 3, 2024\n\n    Only one na\xefve byte and a caf\xe9 in an ASCII file.\n")
put("text-truncated-utf8.txt", thread(TITLE, BODY, good).encode('utf-8') + "小米".encode('utf-8')[:4])
put("text-list-in-body.txt", "\n".join([TITLE, "", BODY, "", "  1. harlow_j", "    April 2, 2024", "", "    Reasons I doubt them:", "", "    1. no receipt.", "    2. wrong charger.", "", "    • and the box was open.", "", "  2. ming", "    April 3, 2024", "", "    ok", ""]))
put("text-huge-marker-number.txt", "\n".join([TITLE, "", BODY, "", "  99999. harlow_j", "    April 2, 2024", "", "    A huge comment number.", ""]))
put("text-blank-lines-only.txt", "\n\n   \n\t\n")

# ---------------- JSON Lines
def jl(*records):
    return "\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records) + "\n"
put("jsonl-truncated-line.jsonl", jl({"id": "1", "text": "Mi Depot is not official."}, {"id": "2", "parent": "1", "text": "They cancelled my order."}, '{"id": "3", "text": "This line was cut off mid-str', {"id": "4", "text": "The line above is broken."}))
put("jsonl-wrong-types.jsonl", jl({"id": "1", "text": "fine"}, {"id": "2", "text": 42}, {"id": ["3"], "text": "id is an array"}, {"id": "4", "author": {"name": "x"}, "text": "author is an object"}, {"id": "5", "date": True, "text": "date is a boolean"}, {"id": "6", "text": "fine again"}))
put("jsonl-duplicate-ids.jsonl", jl({"id": "1", "text": "first one"}, {"id": "1", "text": "same id again"}, {"id": "2", "parent": "1", "text": "reply to the first"}))
put("jsonl-missing-parent.jsonl", jl({"id": "1", "text": "top"}, {"id": "2", "parent": "99", "text": "my parent was never scraped"}))
put("jsonl-parent-cycle.jsonl", jl({"id": "a", "parent": "c", "text": "a replies to c"}, {"id": "b", "parent": "a", "text": "b replies to a"}, {"id": "c", "parent": "b", "text": "c replies to b"}))
put("jsonl-self-parent.jsonl", jl({"id": "1", "text": "top"}, {"id": "2", "parent": "2", "text": "I reply to myself"}))
put("jsonl-not-object.jsonl", jl({"id": "1", "text": "ok"}, '["an", "array", "line"]', '"just a string"', "17"))
put("jsonl-missing-text.jsonl", jl({"id": "1", "text": "ok"}, {"id": "2", "author": "nobody"}, {"id": "3", "text": None}))
put("jsonl-escaped-controls.jsonl", jl('{"id": "1", "text": "NUL \\u0000 and ESC \\u001b[31m in escapes"}', '{"id": "2", "text": "override \\u202egnorw\\u202c written as an escape"}'))
put("jsonl-lone-surrogate.jsonl", jl('{"id": "1", "text": "half an emoji \\ud83d here"}', '{"id": "2", "text": "a whole one \\ud83d\\ude00 here"}'))
put("jsonl-empty-text.jsonl", jl({"id": "1", "text": ""}, {"id": "2", "text": "   "}, {"id": "3", "text": "real text"}))
put("jsonl-raw-nul.jsonl", b'{"id": "1", "text": "raw NUL\x00 inside a string"}\n{"id": "2", "text": "fine"}\n')
put("jsonl-trailing-garbage.jsonl", jl('{"id": "1", "text": "ok"} trailing words', {"id": "2", "text": "fine"}))
put("jsonl-raw-newline-in-string.jsonl", '{"id": "1", "text": "a string broken\nacross two lines"}\n{"id": "2", "text": "fine"}\n')
put("jsonl-bad-escape.jsonl", jl('{"id": "1", "text": "bad \\q escape"}', {"id": "2", "text": "fine"}))
put("jsonl-deep-array.jsonl", jl({"id": "1", "text": "ok"}, "[" * 5000 + "]" * 5000))
put("jsonl-huge-number.jsonl", jl('{"id": 1e400, "text": "id overflows a double"}', '{"id": 123456789012345678901234567890, "text": "long integer id"}', '{"id": "3", "date": -1e300, "text": "absurd date"}'))

# ---------------- JSON
put("json-truncated.json", json.dumps({"title": "A thread", "comments": [{"id": "1", "text": "ok"}, {"id": "2", "text": "cut"}]})[:-12])
put("json-wrong-types.json", json.dumps({"title": "A thread", "comments": [{"id": "1", "text": "ok", "replies": "not a list"}, {"id": "2", "text": ["not", "a", "string"]}, "a bare string", {"id": "4", "text": "fine"}]}, indent=1))
put("json-replies-under-skipped.json", json.dumps({"title": "A thread", "comments": [{"id": "1", "author": "no text here", "replies": [{"id": "1.1", "text": "my parent is skipped"}, {"id": "1.2", "text": "mine too"}]}]}, indent=1))
put("json-array-with-junk.json", json.dumps([{"title": "First", "comments": [{"id": "1", "text": "ok"}]}, 42, None, {"title": "Third", "comments": [{"id": "1", "text": "also ok"}]}], indent=1))
put("json-duplicate-ids.json", json.dumps({"title": "A thread", "comments": [{"id": "1", "text": "a"}, {"id": "1", "text": "b", "replies": [{"id": "1", "text": "c"}]}]}, indent=1))
put("json-bidi-author.json", json.dumps({"title": "A thread", "comments": [{"id": "1", "author": "admin\u202e", "text": "I am \u2066not\u2069 the admin"}]}, indent=1, ensure_ascii=True))
put("json-comments-not-array.json", json.dumps({"title": "A thread", "comments": {"id": "1", "text": "an object instead of a list"}}, indent=1))
put("json-scalar-root.json", '"just a string"\n')

# ---------------- CSV
put("csv-unbalanced-quote.csv", 'id,parent,text\n1,,"fine"\n2,1,"this quote never closes\n3,,next record\n4,,"another fine one"\n')
put("csv-wrong-field-count.csv", "id,parent,author,text\n1,,ana,ok\n2,1,ben\n3,1,cai,too,many,fields\n4,,dee,fine\n")
put("csv-no-text-column.csv", "id,author,body\n1,ana,the column is called body\n2,ben,so nothing can be read\n")
put("csv-text-after-quote.csv", 'id,text\n1,"quoted"then more\n2,fine\n')
put("csv-crlf-multiline.csv", 'id,parent,text\r\n1,,"line one\r\nline two, with a comma"\r\n2,1,"a ""quoted"" word"\r\n')
put("csv-parent-cycle.csv", "id,parent,text\nx,y,x replies to y\ny,x,y replies to x\n")
put("csv-header-only.csv", "thread,id,parent,author,date,text\n")
put("csv-misspelled-column.csv", "id,parnet,text\n1,,top\n2,1,the parent column is misspelled\n")
put("csv-nul-and-bidi.csv", "id,text\n1,raw NUL \x00 here\n2,override \u202eevil\u202c here\n")

# ---------------- encodings
ZH_S = "小米说这家网店不是官方授权的\n\n网友反映价格比官方高很多。\n\n  1. 老王\n    2024年4月2日\n\n    我在这家店买过，是水货。\n\n    • 阿杰\n      2024年4月2日\n\n      同意，客服也不回消息。\n"
ZH_T = "小米說這家網店不是官方授權的\n\n網友反映價格比官方高很多。\n\n  1. 阿明\n    2024年4月2日\n\n    我在這家店買過，是水貨。\n"
EN = "Café owners say the “official” reseller isn’t — really\n\nThe señor at the market sold a naïve buyer a fake.\n\n  1. José\n    April 2, 2024\n\n    Déjà vu: same shop, same story.\n"
put("enc-gbk.txt", ZH_S.split("    •")[0].encode('gbk'))
put("enc-gb18030.txt", ZH_S.encode('gb18030'))
put("enc-gb18030-4byte.jsonl", jl({"id": "1", "text": "小米 𠜎 的手机 €"}).encode('gb18030'))
put("enc-big5.txt", ZH_T.encode('big5'))
put("enc-gbk-short.jsonl", jl({"id": "1", "text": "水货"}).encode('gbk'))
put("enc-big5-short.jsonl", jl({"id": "1", "text": "水貨"}).encode('big5'))
# Four characters: ICU's detector calls these Latin-1 with some confidence; the byte structure wins.
put("enc-gbk-short-brand.jsonl", jl({"id": "1", "text": "小米官方"}).encode('gbk'))
put("enc-big5-short-brand.jsonl", jl({"id": "1", "text": "小米官方"}).encode('big5'))
# An English thread quoting a Chinese name: ICU says ISO-8859-1 with confidence over 50; the
# byte structure still wins. Its Latin-1 twin (½°C, déjà) must stay windows-1252.
EN_QUOTE = thread(TITLE, BODY, [(2, "1.", "harlow_j", "April 2, 2024", ["The sticker said %s on the side, yet Mi Depot is not official."]), good[2]]) + "\n"
put("enc-gbk-in-english.txt", (EN_QUOTE % "小米官方").encode('gbk'))
put("enc-big5-in-english.txt", (EN_QUOTE % "小米官方").encode('big5'))
put("enc-latin1-symbols.txt", (EN_QUOTE % "21½°C and déjà vu").encode('latin-1'))
put("enc-windows-1252.txt", EN.encode('cp1252'))
put("enc-latin1-short.csv", "id,text\n1,café crème\n".encode('latin-1'))
put("enc-utf16le-bom.jsonl", b'\xff\xfe' + jl({"id": "1", "text": "héllo 小米"}).encode('utf-16-le'))
put("enc-utf16be-bom.csv", b'\xfe\xff' + "id,text\n1,\"小米, official\"\n".encode('utf-16-be'))
put("enc-utf16le-nobom.txt", EN.encode('utf-16-le'))
put("enc-utf8-bom.json", b'\xef\xbb\xbf' + json.dumps({"title": "BOM first", "comments": [{"id": "1", "text": "ok"}]}).encode())
put("enc-utf32-bom.jsonl", jl({"id": "1", "text": "UTF-32 😀"}).encode('utf-32'))
put("enc-utf16-odd-byte.jsonl", b'\xff\xfe' + jl({"id": "1", "text": "ok"}).encode('utf-16-le') + b'\x41')
put("enc-utf16-lone-surrogate.jsonl", b'\xff\xfe' + '{"id": "1", "text": "x'.encode('utf-16-le') + b'\x3d\xd8' + '"}\n'.encode('utf-16-le'))
put("enc-binary-garbage.txt", bytes((i * 7919 + 13) % 256 for i in range(3000)))
put("empty.txt", b"")

for name, data in sorted(files.items()):
    with open(os.path.join(out, name), 'wb') as f:
        f.write(data)
print(len(files), "files")
