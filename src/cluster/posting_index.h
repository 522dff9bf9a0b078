// PostingIndex: the clusterer's inverted index from terms to the open events holding
// them, with each event's weight for the term (events.cc scores a document through it).
#pragma once

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "cluster/flat_map.h"
#include "storyline/event_terms.h"

namespace storyline {

// Posting lists, term → (slot, weight) of every open item holding the term.
// Each list is one contiguous run of a shared pool, doubled (moved to the pool's end)
// when full: scoring reads a list as consecutive cache lines, where a chain of chunks
// was one dependent miss per chunk, and adding a posting never allocates per term. The
// runs a list outgrew stay unused until the pool is packed (drop_and_renumber(), which
// the clusterer runs at least every 1,024 documents), so it holds at most about twice
// the live postings. The caller adds a slot at most once per list; nothing here depends
// on the order within a list, and the clusterer's scores do not either (events.cc).
class PostingIndex {
 public:
  struct Posting {
    std::uint32_t slot;
    float weight;  // the item's weight for the term
  };
  struct List {
    std::uint32_t begin = 0, size = 0;  // a run of the pool, of capacity(size) postings
  };
  // A posting (slot, weight) for each (hash, weight) of `added`, in order: the lists'
  // map entries and runs looked up first, so their misses overlap (see
  // FlatMap::prefetch). `lists` is scratch.
  void add_all(const std::vector<std::pair<std::uint64_t, float>>& added, std::uint32_t slot,
               std::vector<List*>& lists) {
    for (const auto& a : added) lists_.prefetch(a.first);
    // No insert below may grow the map, so the List pointers hold until the appends.
    lists_.reserve(lists_.size() + added.size());
    lists.clear();
    for (const auto& a : added) {
      bool inserted;
      List& list = lists_.insert_reserved(a.first, inserted);
      if (list.size != 0) __builtin_prefetch(&pool_[list.begin + list.size - 1]);
      lists.push_back(&list);
    }
    for (std::size_t k = 0; k < added.size(); ++k) append(*lists[k], {slot, added[k].second});
  }

  // The lists of v's terms (an empty one for a term without), looked up in passes (the
  // lists' map entries, then their runs prefetched) so that each pass's cache misses
  // overlap across the terms. Valid until the next add_all or drop_and_renumber.
  void find_lists(const std::vector<WeightedTerm>& v, std::vector<List>& lists) const {
    for (const auto& t : v) lists_.prefetch(t.hash);
    lists.clear();
    for (const auto& t : v) {
      const List* list = lists_.find(t.hash);
      lists.push_back(list ? *list : List{});
      if (list == nullptr || list->size == 0) continue;
      // Every cache line of the run (eight postings a line; the last one may start a line).
      const std::uint32_t end = list->begin + list->size;
      for (std::uint32_t k = list->begin; k < end; k += 8) __builtin_prefetch(&pool_[k]);
      __builtin_prefetch(&pool_[end - 1]);
    }
  }
  // Terms with a list (none is empty, but for lists erase() emptied since the last
  // drop_and_renumber).
  std::size_t terms() const { return lists_.size(); }

  // Removes slot's posting from hash's list, if it has one; the list's last posting takes
  // its place (nothing depends on the order within a list). Returns whether there was one.
  // A run left part empty is reused as it is: append() finds it full where its size is a
  // power of two and moves it to a larger run, so the size always fits the capacity.
  bool erase(std::uint64_t hash, std::uint32_t slot) {
    List* list = lists_.find(hash);
    if (list == nullptr) return false;
    Posting* p = pool_.data() + list->begin;
    for (std::uint32_t k = 0; k < list->size; ++k)
      if (p[k].slot == slot) {
        p[k] = p[list->size - 1];
        --list->size;
        return true;
      }
    return false;
  }

  // A list's postings: list.size of them from here, valid until the next add_all or
  // drop_and_renumber.
  const Posting* postings(const List& list) const { return pool_.data() + list.begin; }
  Posting* postings(const List& list) { return pool_.data() + list.begin; }

  // f(hash, posting) for every posting, list by list, in no particular order.
  template <typename F>
  void for_each(F f) const {
    lists_.for_each([&](std::uint64_t h, const List& list) {
      for (std::uint32_t k = list.begin; k < list.begin + list.size; ++k) f(h, pool_[k]);
    });
  }

  // Drops the postings of dropped slots and renumbers the others: new_slot[slot] is a
  // slot's new number, or kDropped. Each list keeps its order and its entry in the map
  // (a list left empty goes); the runs move to a new pool, packed. One pass over the
  // lists, no weight moves elsewhere; each dropped posting is shown to
  // on_dropped(hash, posting) on the way (what a retired item leaves behind is read
  // without another pass). The map is rewritten in place: inserting every kept list
  // into a fresh one cost a random write each.
  static constexpr std::uint32_t kDropped = ~std::uint32_t{0};
  template <typename OnDropped>
  void drop_and_renumber(const std::vector<std::uint32_t>& new_slot, OnDropped on_dropped) {
    Pool packed;
    packed.reserve(pool_.size() / 2 + 16);
    bool emptied = false;
    lists_.for_each_value([&](std::uint64_t h, List& list) {
      // The live postings are written past the end of the new pool, then claimed with
      // their run's spare room when there are any.
      Posting* to = packed.room(capacity(list.size));
      std::uint32_t live = 0;
      for (std::uint32_t k = list.begin; k < list.begin + list.size; ++k) {
        const Posting p = pool_[k];
        const std::uint32_t slot = new_slot[p.slot];
        if (slot == kDropped) {
          on_dropped(h, p);
          continue;
        }
        to[live++] = {slot, p.weight};
      }
      list.size = live;
      if (live == 0) {
        emptied = true;
        return;
      }
      list.begin = packed.claim(capacity(live));  // within the room: nothing moves
    });
    if (emptied) lists_.erase_if([](std::uint64_t, const List& list) { return list.size == 0; });
    pool_ = std::move(packed);
  }

 private:
  static std::uint32_t capacity(std::uint32_t n) { return n <= 4 ? 4 : std::bit_ceil(n); }
  void append(List& list, Posting p) {
    if (list.size == 0 || (list.size >= 4 && (list.size & (list.size - 1)) == 0)) {  // full
      const std::uint32_t begin = pool_.claim(capacity(list.size + 1));
      std::copy_n(pool_.data() + list.begin, list.size, pool_.data() + begin);
      list.begin = begin;
    }
    pool_[list.begin + list.size++] = p;
  }

  // The runs' storage: a growable array whose new room is left uninitialized. Runs are
  // claimed by the hundred thousand (one per list that fills, 4 to thousands of
  // postings), and vector::resize zero-filled each one before it was written.
  class Pool {
   public:
    std::size_t size() const { return size_; }
    Posting* data() { return data_.get(); }
    const Posting* data() const { return data_.get(); }
    Posting& operator[](std::size_t i) { return data_[i]; }
    const Posting& operator[](std::size_t i) const { return data_[i]; }
    void reserve(std::size_t n) {
      if (n <= capacity_) return;
      auto grown = std::make_unique_for_overwrite<Posting[]>(n);
      std::copy_n(data_.get(), size_, grown.get());
      data_ = std::move(grown);
      capacity_ = n;
    }
    // Where the next n postings will go, with room for them (not yet claimed: the next
    // room() or claim() may move everything past size()).
    Posting* room(std::size_t n) {
      if (size_ + n > capacity_) reserve(std::max(2 * capacity_, size_ + n));
      return data_.get() + size_;
    }
    // Room for n more postings, not initialized; the index of the first.
    std::uint32_t claim(std::size_t n) {
      room(n);
      const auto begin = static_cast<std::uint32_t>(size_);
      size_ += n;
      return begin;
    }

   private:
    std::unique_ptr<Posting[]> data_;
    std::size_t size_ = 0, capacity_ = 0;
  };

  FlatMap<List> lists_;
  Pool pool_;
};

}  // namespace storyline
