#!/usr/bin/env python3
"""Builds test inputs from a folder of pages (standard library only).

  make_corpus.py warc  PAGES_DIR OUT.warc.gz   # one gzip member per record, WARC/1.1
  make_corpus.py jsonl PAGES_DIR OUT.jsonl [--copies N] [--fetched-at ISO]

Pages are *.html, *.html.gz or *.txt. With --copies N every page is written N times,
each copy made distinct (a numbered sentence in the body, a comment in the bytes), so
that N * pages distinct documents and articles result.
"""
import argparse, gzip, io, json, os, re, sys

def pages(folder):
    out = []
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if name.endswith('.html.gz'):
            out.append((name[:-3], gzip.open(path).read().decode('utf8', 'replace')))
        elif name.endswith('.html') or name.endswith('.txt'):
            out.append((name, open(path, encoding='utf8', errors='replace').read()))
    return out

def vary(name, text, k):
    marker = f'Copy number {k} of this page was made for a test of the store.'
    if name.endswith('.txt'):
        return text + f'\n\n{marker} It repeats the article so that every copy differs.\n'
    # Inside the body's first paragraph, so the extracted text differs too.
    new, n = re.subn(r'(<p[^>]*>)', lambda m: m.group(1) + marker + ' ', text, count=1)
    return (new if n else text) + f'\n<!-- copy {k} -->\n'

def warc(folder, out):
    with open(out, 'wb') as f:
        def member(headers, block):
            head = 'WARC/1.1\r\n' + ''.join(f'{k}: {v}\r\n' for k, v in headers) + f'Content-Length: {len(block)}\r\n\r\n'
            f.write(gzip.compress(head.encode() + block + b'\r\n\r\n'))
        member([('WARC-Type', 'warcinfo'), ('WARC-Date', '2031-03-03T09:00:00Z')], b'software: make_corpus.py\r\n')
        for i, (name, text) in enumerate(pages(folder)):
            uri = f'https://pages.example/{name}'
            member([('WARC-Type', 'request'), ('WARC-Target-URI', uri), ('WARC-Date', '2031-03-03T09:00:00Z')],
                   f'GET /{name} HTTP/1.1\r\nHost: pages.example\r\n\r\n'.encode())
            ctype = 'text/plain; charset=utf-8' if name.endswith('.txt') else 'text/html; charset=utf-8'
            body = text.encode('utf8')
            http = (f'HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\nDate: Mon, 03 Mar 2031 09:00:{i % 60:02d} GMT\r\n'
                    f'Content-Length: {len(body)}\r\n\r\n').encode() + body
            member([('WARC-Type', 'response'), ('WARC-Target-URI', uri), ('WARC-Date', f'2031-03-03T09:00:{i % 60:02d}Z'),
                    ('Content-Type', 'application/http; msgtype=response')], http)
        member([('WARC-Type', 'response'), ('WARC-Target-URI', 'https://pages.example/logo.png'),
                ('WARC-Date', '2031-03-03T09:00:00Z')],
               b'HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n')

def jsonl(folder, out, copies, fetched_at):
    ps = pages(folder)
    with open(out, 'w', encoding='utf8') as f:
        for k in range(copies):
            for name, text in ps:
                key = 'text' if name.endswith('.txt') else 'html'
                body = vary(name, text, k) if copies > 1 else text
                rec = {'url': f'https://pages.example/{k}/{name}', key: body}
                if fetched_at:
                    rec['fetched_at'] = fetched_at
                f.write(json.dumps(rec, ensure_ascii=False) + '\n')

if __name__ == '__main__':
    ap = argparse.ArgumentParser()
    ap.add_argument('kind', choices=['warc', 'jsonl'])
    ap.add_argument('pages')
    ap.add_argument('out')
    ap.add_argument('--copies', type=int, default=1)
    ap.add_argument('--fetched-at', default='')
    a = ap.parse_args()
    if a.kind == 'warc':
        warc(a.pages, a.out)
    else:
        jsonl(a.pages, a.out, a.copies, a.fetched_at)
