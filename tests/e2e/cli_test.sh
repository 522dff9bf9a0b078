#!/usr/bin/env bash
# End-to-end checks of the storyline command line: help, usage errors, the
# input forms (file, stdin, directory, glob, gzip), the output formats, -o,
# and partial failure (a missing input next to a good one).
#
# Usage: bash tests/e2e/cli_test.sh /path/to/storyline
# Exit: 0 all checks passed, 1 some check failed, 77 skipped.
set -u

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" "${1:-}" cli_test gzip
# run_stdin IN OUT ERR ARGS... : same, with IN on standard input.
run_stdin() {
  local in=$1 out=$2 err=$3
  shift 3
  timeout 120 "$BIN" "$@" <"$in" >"$out" 2>"$err"
  RC=$?
  if [[ $RC -eq 124 ]]; then
    echo "    (storyline $* timed out after 120 s)"
  fi
}
expect_rc() { # expect_rc WANT WHAT ERRFILE
  if [[ $RC -eq $1 ]]; then
    pass "$2: exit $RC"
  else
    fail "$2: expected exit $1, got $RC"
    [[ -n "${3:-}" ]] && show "$3"
  fi
}

TITLE="Harbor Council Approves New Seawall After Decade of Flooding"
OUTLET="Harbor Gazette"
PUBLISHED="2024-03-15"

cat >page.html <<EOF
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${TITLE} | ${OUTLET}</title>
<meta property="og:title" content="${TITLE}">
<meta property="og:site_name" content="${OUTLET}">
<meta property="og:type" content="article">
<meta property="article:published_time" content="${PUBLISHED}T09:30:00Z">
<meta name="author" content="Maria Delgado">
</head>
<body>
<header>
<nav class="main-menu">
<ul>
<li><a href="/">Homepage</a></li>
<li><a href="/business">Business Section</a></li>
<li><a href="/puzzles">Crossword Puzzles</a></li>
<li><a href="/subscribe">Subscribe Today</a></li>
</ul>
</nav>
</header>
<main>
<article>
<h1>${TITLE}</h1>
<p class="byline">By Maria Delgado</p>
<p>The Harbor city council voted seven to two on Thursday evening to approve a new concrete seawall along the eastern waterfront, ending more than ten years of debate about how to protect low lying neighborhoods from storm surges. Residents who packed the meeting hall applauded when the final tally was read aloud, and several shop owners said the decision came just in time.</p>
<p>Engineers hired by the city estimate that the barrier will cost about forty million dollars and take three years to build in stages. Most of the money will come from a state resilience grant awarded last autumn, while the remainder is expected to be covered by a modest increase in local harbor fees charged to commercial fishing boats and visiting cruise ships.</p>
<p>Critics of the plan argued that a hard wall could damage the salt marsh north of the marina and push floodwater toward neighboring towns. Council member Joan Pereira, who voted against the measure, said she would continue to press for a natural shoreline alternative, but she promised to work with engineers to reduce the environmental harm during construction.</p>
</article>
</main>
<footer>
<p>Copyright 2024 Harbor Gazette Media Group. All rights reserved.</p>
<p><a href="/privacy">Privacy Policy</a> | <a href="/terms">Terms of Service</a></p>
</footer>
</body>
</html>
EOF
BODY_PHRASE="approve a new concrete seawall"
BODY_PHRASE3="natural shoreline alternative"

# check_article JSONL WHAT : the output holds exactly the page's article with
# the right title, outlet, published date and a body without nav/footer text.
check_article() {
  local jsonl=$1 what=$2 msg
  msg=$("$PY" - "$jsonl" "$TITLE" "$OUTLET" "$PUBLISHED" "$BODY_PHRASE" "$BODY_PHRASE3" <<'PYEOF'
import json, sys
path, title, outlet, published, phrase, phrase3 = sys.argv[1:7]
problems = []
arts = []
with open(path, encoding="utf-8") as f:
    for n, line in enumerate(f, 1):
        if not line.strip():
            continue
        try:
            arts.append(json.loads(line))
        except Exception as e:
            problems.append("line %d is not valid JSON: %s" % (n, e))
if not arts:
    problems.append("no article in output")
elif len(arts) != 1:
    problems.append("expected 1 article, got %d" % len(arts))
if arts:
    a = arts[0]
    fields = ["source", "id", "url", "outlet", "title", "description", "authors",
              "contributors", "published", "updated", "page_date", "date_source",
              "dateline", "languages", "kind", "text", "tags", "captions", "warnings"]
    missing = [k for k in fields if k not in a]
    if missing:
        problems.append("missing fields: %s" % ", ".join(missing))
    if a.get("title") != title:
        problems.append("title is %r, want %r" % (a.get("title"), title))
    if a.get("outlet") != outlet:
        problems.append("outlet is %r, want %r" % (a.get("outlet"), outlet))
    pub = a.get("published") or ""
    if not isinstance(pub, str) or not pub.startswith(published):
        problems.append("published is %r, want it to start with %r" % (pub, published))
    text = a.get("text") or ""
    if phrase not in text:
        problems.append("text lacks first paragraph phrase %r" % phrase)
    if phrase3 not in text:
        problems.append("text lacks third paragraph phrase %r" % phrase3)
    for junk in ("Crossword Puzzles", "Business Section", "Subscribe Today",
                 "All rights reserved", "Privacy Policy", "Terms of Service"):
        if junk in text:
            problems.append("text contains nav/footer text %r" % junk)
print("; ".join(problems))
PYEOF
  )
  if [[ $? -ne 0 ]]; then
    fail "$what: JSON check crashed"
    show "$jsonl"
  elif [[ -n "$msg" ]]; then
    fail "$what: $msg"
    show "$jsonl"
  else
    pass "$what: 1 article, title/outlet/published right, no nav/footer in text"
  fi
}

echo "== help"
run out err --help
expect_rc 0 "storyline --help" err
if grep -q extract out; then pass "--help mentions extract"; else fail "--help does not mention 'extract'"; show out; fi

run out err extract --help
expect_rc 0 "storyline extract --help" err
if grep -qi "exit status" out; then
  pass "extract --help mentions exit status"
else
  fail "extract --help does not mention 'exit status' (it is only in the top-level --help)"
  show out
fi

echo "== usage errors"
usage_error() { # usage_error WHAT ARGS...
  local what=$1
  shift
  run out err "$@"
  expect_rc 2 "$what" err
  local n
  n=$(grep -c . err)
  if [[ $n -eq 1 ]]; then
    pass "$what: one-line message: $(head -n1 err)"
  else
    fail "$what: expected a one-line message on stderr, got $n lines"
    show err
  fi
  if [[ -s out ]]; then fail "$what: unexpected stdout output"; show out; fi
}
usage_error "extract with no INPUT" extract
usage_error "extract --format bogus" extract --format bogus page.html
usage_error "extract --no-such-flag" extract --no-such-flag page.html

echo "== extract a file"
run out.jsonl err extract page.html
expect_rc 0 "extract page.html" err
check_article out.jsonl "extract page.html"
if [[ -s err ]]; then fail "extract page.html: unexpected stderr"; show err; else pass "extract page.html: stderr empty"; fi

echo "== extract from stdin"
run_stdin page.html out.jsonl err extract -
expect_rc 0 "extract - < page.html" err
check_article out.jsonl "extract - < page.html"

echo "== extract a directory (recursive)"
mkdir -p site/2024/03
cp page.html site/2024/03/seawall.html
run out.jsonl err extract site
expect_rc 0 "extract site/ (page in site/2024/03)" err
check_article out.jsonl "extract site/"

echo "== extract a glob"
mkdir -p globdir
cp page.html globdir/one.html
echo "not an input" >globdir/skip.dat
run out.jsonl err extract 'globdir/*.html'
expect_rc 0 "extract 'globdir/*.html' (quoted, expanded by storyline)" err
check_article out.jsonl "extract 'globdir/*.html'"

echo "== extract gzip"
gzip -c page.html >page.html.gz
run out.jsonl err extract page.html.gz
expect_rc 0 "extract page.html.gz" err
check_article out.jsonl "extract page.html.gz"
# gzip is recognised by its magic bytes, not by its name
cp page.html.gz zipped.bin
run out.jsonl err extract zipped.bin
expect_rc 0 "extract zipped.bin (gzip without .gz name)" err
check_article out.jsonl "extract zipped.bin"

echo "== --format md"
run out.md err extract --format md page.html
expect_rc 0 "extract --format md" err
if [[ "$(head -n1 out.md)" == "---" ]]; then
  pass "md output starts with '---' front matter"
  if [[ $(grep -c '^---$' out.md) -ge 2 ]]; then pass "md front matter is closed"; else fail "md front matter is never closed by a second '---'"; show out.md; fi
else
  fail "md output does not start with '---' (first line: '$(head -n1 out.md | cut -c1-100)')"
  show out.md
fi
if grep -qF "$TITLE" out.md; then pass "md output has the title"; else fail "md output lacks the title"; show out.md; fi
if grep -qF "$BODY_PHRASE" out.md; then pass "md output has the body"; else fail "md output lacks the body"; show out.md; fi

echo "== --format txt"
run out.txt err extract --format txt page.html
expect_rc 0 "extract --format txt" err
if grep -qF "$BODY_PHRASE" out.txt && grep -qF "$BODY_PHRASE3" out.txt; then
  pass "txt output has the body"
else
  fail "txt output lacks the body"
  show out.txt
fi
if grep -qE 'Crossword Puzzles|All rights reserved' out.txt; then fail "txt output contains nav/footer text"; show out.txt; else pass "txt output has no nav/footer text"; fi
if head -c1 out.txt | grep -q '{'; then fail "txt output looks like JSON"; show out.txt; fi

echo "== --format table"
run out.tbl err extract --format table page.html
expect_rc 0 "extract --format table" err
if [[ $(grep -c . out.tbl) -ge 1 ]] && grep -qF "Harbor Council" out.tbl; then pass "table output has a line with the title"; else fail "table output lacks the title"; show out.tbl; fi

echo "== -o FILE"
rm -f written.jsonl
run out err extract -o written.jsonl page.html
expect_rc 0 "extract -o written.jsonl" err
if [[ -s written.jsonl ]]; then
  pass "-o wrote written.jsonl"
  check_article written.jsonl "-o written.jsonl content"
else
  fail "-o did not write written.jsonl"
fi
if [[ -s out ]]; then fail "-o: stdout should be empty, got output"; show out; else pass "-o: stdout empty"; fi

echo "== missing input next to a good one"
run out.jsonl err extract does-not-exist.html page.html
expect_rc 1 "extract does-not-exist.html page.html" err
n=$(grep -c 'does-not-exist.html' err)
if [[ $n -eq 1 ]]; then
  pass "stderr names the missing file once: $(grep 'does-not-exist.html' err | head -n1)"
else
  fail "stderr should name does-not-exist.html exactly once, got $n lines"
  show err
fi
if grep -q '^storyline: .*does-not-exist.html: ' err; then pass "message has the form 'storyline: PATH: reason'"; else fail "message not of the form 'storyline: PATH: reason'"; show err; fi
check_article out.jsonl "good input still extracted next to a missing one"

echo "== a pre-extracted JSONL line keeps its title and date"
cat > pre.jsonl <<'J'
{"id": "p1", "title": "Harbour crane collapses in Riverton", "text": "A crane collapsed at the Riverton container harbour on Monday.\nNobody was hurt, the port authority said, and the quay reopened in the evening.", "lang": "en", "date": "2024-03-04"}
J
run out.jsonl err extract pre.jsonl
"$PY" - out.jsonl <<'PYEOF' && pass "pre-extracted line: title and date as given (date_source input), the title not in the body" || fail "pre-extracted line (see above)"
import json, sys
a = json.loads(open(sys.argv[1]).readline())
ok = (a["title"] == "Harbour crane collapses in Riverton" and a["published"] == "2024-03-04" and a["date_source"] == "input"
      and a["text"].startswith("A crane collapsed") and "Harbour crane collapses" not in a["text"])
if not ok: print(a); sys.exit(1)
PYEOF
cat > brief.jsonl <<'J'
{"id": "p2", "title": "Riverton harbour reopens after crane collapse", "text": "", "lang": "en", "date": "2024-03-05"}
J
run out.jsonl err extract brief.jsonl
"$PY" - out.jsonl <<'PYEOF' && pass "a pre-extracted line with a title and no text: a one-line article" || { fail "title-only line (see above)"; show err; }
import json, sys
a = json.loads(open(sys.argv[1]).readline())
ok = a["title"] == "Riverton harbour reopens after crane collapse" and a["text"] == a["title"] and a["published"] == "2024-03-05"
if not ok: print(a); sys.exit(1)
PYEOF

finish
