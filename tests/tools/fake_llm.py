#!/usr/bin/python3
"""A stand-in for an OpenAI-compatible chat endpoint, for tests (127.0.0.1 only).

Usage: fake_llm.py MODE PORTFILE — binds a free port, writes it to PORTFILE, serves until
killed. MODE: good (a JSON answer: summary and three questions, or their translation),
garbage (an answer that is not JSON), slow (answers after 30 s), error (HTTP 500).
Every request must be valid JSON with a model and a list of messages, else HTTP 400.
"""
import json
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MODE = sys.argv[1]


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def reply(self, code, body):
        data = json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        try:
            req = json.loads(self.rfile.read(length))
            messages = req["messages"]
            assert isinstance(messages, list) and messages and "model" in req
        except Exception:
            return self.reply(400, {"error": "bad request"})
        if MODE == "slow":
            time.sleep(30)
        if MODE == "error":
            return self.reply(500, {"error": {"message": "model failed to load"}})
        prompt = " ".join(m.get("content", "") for m in messages)
        if MODE == "garbage":
            content = "Sure! Here is what I think about the story, in prose."
        elif "translat" in prompt.lower():
            content = json.dumps({"title": "测试标题", "summary": "这是模型写的摘要。",
                                  "questions": [{"question": f"问题{i}？", "answer": f"回答{i}。"} for i in (1, 2, 3)]},
                                 ensure_ascii=False)
        else:
            content = "```json\n" + json.dumps({"summary": "MODEL SUMMARY: the story in one paragraph.",
                                                "questions": [{"question": f"Question {i}?", "answer": f"Answer {i}."}
                                                              for i in (1, 2, 3)]}) + "\n```"
        self.reply(200, {"id": "x", "object": "chat.completion",
                         "choices": [{"index": 0, "message": {"role": "assistant", "content": content},
                                      "finish_reason": "stop"}]})


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(sys.argv[2], "w") as f:
    f.write(str(server.server_address[1]))
server.serve_forever()
