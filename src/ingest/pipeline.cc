#include "storyline/pipeline.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include "storyline/extract.h"
#include "storyline/sources.h"

namespace storyline {
namespace {

// A bounded multi-producer multi-consumer queue. push blocks while full, pop while
// empty; after close(), pop drains what is left and then returns nullopt.
template <typename T>
class BoundedQueue {
 public:
  explicit BoundedQueue(std::size_t capacity) : capacity_(capacity) {}
  void push(T item) {
    std::unique_lock lock(mu_);
    not_full_.wait(lock, [&] { return items_.size() < capacity_; });
    items_.push_back(std::move(item));
    not_empty_.notify_one();
  }
  // Waits at most `wait`; *closed is set once the queue is closed and drained.
  std::optional<T> pop(std::chrono::milliseconds wait, bool* closed) {
    std::unique_lock lock(mu_);
    not_empty_.wait_for(lock, wait, [&] { return !items_.empty() || closed_; });
    *closed = closed_ && items_.empty();
    if (items_.empty()) return std::nullopt;
    T item = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return item;
  }
  std::optional<T> pop() {
    bool closed = false;
    for (;;) {
      std::optional<T> item = pop(std::chrono::milliseconds(1000), &closed);
      if (item || closed) return item;
    }
  }
  void close() {
    std::lock_guard lock(mu_);
    closed_ = true;
    not_empty_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable not_full_, not_empty_;
  std::deque<T> items_;
  std::size_t capacity_;
  bool closed_ = false;
};

struct Work {
  std::size_t seq = 0;
  Document doc;
};

struct Sequenced {
  std::size_t seq = 0;
  Extracted result;
};

Sequenced problem(std::size_t seq, const std::string& where, const std::string& why) {
  Sequenced s;
  s.seq = seq;
  s.result.kind = Extracted::Kind::kFailed;
  s.result.doc.source = where;
  s.result.problem = why;
  return s;
}

}  // namespace

void extract_in_order(const std::vector<std::string>& paths, const PipelineOptions& options,
                      const std::function<void(Extracted&&)>& on_result, const std::function<void()>& on_tick) {
  const int threads = options.threads > 0 ? options.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const std::size_t capacity = options.queue_capacity ? options.queue_capacity : 8 * static_cast<std::size_t>(threads);
  BoundedQueue<Work> work(capacity);
  BoundedQueue<Sequenced> results(capacity);

  // Reader: sequence numbers are input order. Read problems travel as results so that
  // only the calling thread ever calls back.
  std::thread reader([&] {
    std::size_t seq = 0;
    for (const std::string& path : paths) {
      std::vector<Sequenced> problems;
      const Status st = read_source(path, SourceCallbacks{[&](Document&& d) {
                                                            work.push(Work{seq++, std::move(d)});
                                                            return true;
                                                          },
                                                          [&](const std::string& where, const std::string& why) {
                                                            problems.push_back(problem(0, where, why));
                                                          }});
      if (!st.ok()) problems.push_back(problem(0, path, st.message()));
      for (Sequenced& p : problems) {
        p.seq = seq++;
        results.push(std::move(p));
      }
      Sequenced done;
      done.seq = seq++;
      done.result.kind = Extracted::Kind::kInputDone;
      done.result.doc.source = path;
      results.push(std::move(done));
    }
    work.close();
  });

  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&] {
      const std::function<bool(const std::string&)> skip = options.make_skip ? options.make_skip() : nullptr;
      while (std::optional<Work> w = work.pop()) {
        Sequenced s;
        s.seq = w->seq;
        Extracted& r = s.result;
        r.raw_hash = raw_content_hash(w->doc.bytes);
        r.doc_bytes = w->doc.bytes.size();
        if (skip && skip(r.raw_hash)) {
          r.kind = Extracted::Kind::kSkipped;
        } else {
          Result<Article> a = extract_article(w->doc, options.extract);
          if (a.ok()) {
            r.kind = Extracted::Kind::kArticle;
            r.article = std::move(a).value();
          } else {
            r.kind = Extracted::Kind::kFailed;
            r.problem = a.status().message();
          }
        }
        w->doc.bytes = std::string();
        r.doc = std::move(w->doc);
        results.push(std::move(s));
      }
    });
  }
  std::thread closer([&] {
    reader.join();
    for (std::thread& w : workers) w.join();
    results.close();
  });

  // In order: a reorder buffer holds results that overtook an earlier one. It stays
  // small because every queue feeding it is bounded.
  std::map<std::size_t, Extracted> pending;
  std::size_t next = 0;
  bool closed = false;
  while (!closed) {
    std::optional<Sequenced> s = results.pop(std::chrono::milliseconds(200), &closed);
    if (s) pending.emplace(s->seq, std::move(s->result));
    for (auto it = pending.find(next); it != pending.end(); it = pending.find(++next)) {
      on_result(std::move(it->second));
      pending.erase(it);
    }
    if (on_tick) on_tick();
  }
  closer.join();
}

}  // namespace storyline
