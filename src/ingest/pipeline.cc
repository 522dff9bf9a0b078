#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include "storyline/extract.h"
#include "storyline/ingest.h"
#include "storyline/sources.h"
#include "storyline/store.h"

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
  std::optional<T> pop() {
    std::unique_lock lock(mu_);
    not_empty_.wait(lock, [&] { return !items_.empty() || closed_; });
    if (items_.empty()) return std::nullopt;
    T item = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return item;
  }
  // Waits at most `wait` for an item.
  std::optional<T> pop_for(std::chrono::milliseconds wait, bool* closed) {
    std::unique_lock lock(mu_);
    not_empty_.wait_for(lock, wait, [&] { return !items_.empty() || closed_; });
    *closed = closed_ && items_.empty();
    if (items_.empty()) return std::nullopt;
    T item = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return item;
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

struct Outcome {
  std::size_t seq = 0;
  enum Kind { kArticle, kAlreadyStored, kFailed, kInputDone } kind = kFailed;
  Document doc;  // bytes dropped after hashing; size kept in doc_bytes
  std::size_t doc_bytes = 0;
  std::string raw_hash;
  Article article;
  std::string problem;
};

}  // namespace

Result<IngestStats> ingest(const std::string& db_path, const std::vector<std::string>& paths,
                           const IngestOptions& options, const IngestCallbacks& cb) {
  Result<std::unique_ptr<Store>> opened = Store::open(db_path);
  if (!opened.ok()) return opened.status();
  Store& store = **opened;

  const int threads = options.threads > 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  const std::size_t capacity = options.queue_capacity ? options.queue_capacity : 8 * static_cast<std::size_t>(threads);
  BoundedQueue<Work> work(capacity);
  BoundedQueue<Outcome> results(capacity);
  const auto start = std::chrono::steady_clock::now();

  IngestStats stats;
  stats.inputs_total = paths.size();

  // Reader: inputs to documents, in order. Problems travel as outcomes so that the
  // writer (the only thread that calls back) reports them.
  std::thread reader([&] {
    std::size_t seq = 0;
    for (const std::string& path : paths) {
      std::vector<Outcome> problems;
      Status st = read_source(path, SourceCallbacks{
                                        [&](Document&& d) {
                                          work.push(Work{seq++, std::move(d)});
                                          return true;
                                        },
                                        [&](const std::string& where, const std::string& why) {
                                          Outcome o;
                                          o.kind = Outcome::kFailed;
                                          o.doc.source = where;
                                          o.problem = why;
                                          problems.push_back(std::move(o));
                                        }});
      if (!st.ok()) {
        Outcome o;
        o.kind = Outcome::kFailed;
        o.doc.source = path;
        o.problem = st.message();
        problems.push_back(std::move(o));
      }
      for (Outcome& o : problems) {
        o.seq = seq++;
        results.push(std::move(o));
      }
      Outcome done;
      done.kind = Outcome::kInputDone;
      done.seq = seq++;
      results.push(std::move(done));
    }
    work.close();
  });

  // Workers: hash, skip what is stored, extract.
  std::vector<std::thread> workers;
  std::mutex open_mu;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&] {
      std::unique_ptr<Store> lookup;
      {
        Result<std::unique_ptr<Store>> r = Store::open(db_path, /*read_only=*/true);
        if (r.ok()) lookup = std::move(r).value();
      }
      while (std::optional<Work> w = work.pop()) {
        Outcome o;
        o.seq = w->seq;
        o.raw_hash = raw_content_hash(w->doc.bytes);
        o.doc_bytes = w->doc.bytes.size();
        Result<bool> known = lookup ? lookup->has_document(o.raw_hash) : Result<bool>(false);
        if (known.ok() && *known) {
          o.kind = Outcome::kAlreadyStored;
        } else {
          Result<Article> a = extract_article(w->doc);
          if (a.ok()) {
            o.kind = Outcome::kArticle;
            o.article = std::move(a).value();
          } else {
            o.kind = Outcome::kFailed;
            o.problem = a.status().message();
          }
        }
        w->doc.bytes.clear();
        w->doc.bytes.shrink_to_fit();
        o.doc = std::move(w->doc);
        results.push(std::move(o));
      }
    });
  }
  // Close the results once every producer is done.
  std::thread closer([&] {
    reader.join();
    for (std::thread& w : workers) w.join();
    results.close();
  });

  // Writer: in input order (a small reorder buffer), batched transactions.
  Status failure = Status::Ok();
  std::map<std::size_t, Outcome> pending;
  std::size_t next_seq = 0;
  int in_batch = 0;
  bool open_txn = false;
  auto batch_start = std::chrono::steady_clock::now();
  auto last_progress = batch_start;
  auto commit = [&]() {
    if (!open_txn) return;
    if (Status st = store.commit(); !st.ok() && failure.ok()) failure = st;
    open_txn = false;
    in_batch = 0;
  };
  bool closed = false;
  while (!closed) {
    std::optional<Outcome> o = results.pop_for(std::chrono::milliseconds(200), &closed);
    if (o) pending.emplace(o->seq, std::move(*o));
    for (auto it = pending.find(next_seq); it != pending.end(); it = pending.find(++next_seq)) {
      Outcome& r = it->second;
      if (failure.ok()) {
        switch (r.kind) {
          case Outcome::kInputDone:
            ++stats.inputs_done;
            break;
          case Outcome::kFailed:
            ++stats.failed;
            if (cb.on_problem) cb.on_problem(r.doc.source, r.problem);
            break;
          case Outcome::kAlreadyStored:
            ++stats.documents;
            ++stats.unchanged;
            break;
          case Outcome::kArticle: {
            ++stats.documents;
            if (!open_txn) {
              if (Status st = store.begin(); !st.ok()) {
                failure = st;
                break;
              }
              open_txn = true;
              batch_start = std::chrono::steady_clock::now();
            }
            Result<AddResult> added = store.add(r.doc, r.raw_hash, r.article);
            if (!added.ok()) {
              failure = added.status();
              break;
            }
            if (*added == AddResult::kAdded) ++stats.added;
            else if (*added == AddResult::kNewVersion) ++stats.new_versions;
            else ++stats.unchanged;
            ++in_batch;
            break;
          }
        }
      }
      pending.erase(it);
    }
    const auto now = std::chrono::steady_clock::now();
    if (open_txn && (in_batch >= options.batch_documents ||
                     std::chrono::duration<double>(now - batch_start).count() >= options.batch_seconds))
      commit();
    if (cb.on_progress && now - last_progress > std::chrono::milliseconds(200)) {
      stats.seconds = std::chrono::duration<double>(now - start).count();
      cb.on_progress(stats);
      last_progress = now;
    }
  }
  commit();
  closer.join();
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (cb.on_progress) cb.on_progress(stats);
  if (!failure.ok()) return failure;
  return stats;
}

}  // namespace storyline
