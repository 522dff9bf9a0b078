// FlatMap: an open-addressing map from 64-bit hashes to small values, the clusterer's
// document frequencies, story names and slots (events.cc).
#pragma once

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace storyline {

// An open-addressing map from 64-bit term hashes to small values: one probe into a flat
// array where std::unordered_map allocates a node per key and chases a pointer per
// lookup. Keys are already XXH3 hashes; the multiply only spreads their high bits into
// the index. Linear probing, load at most 1/2, so a miss ends at an empty slot within a
// few steps. Key 0 marks an empty slot, so the (improbable) key 0 lives beside the array.
//
// References returned by find/insert are valid until the next insert (which may grow
// the array): callers use them at once. Iteration order is unspecified; the callers that
// need an order (serialize) sort.
template <typename V>
class FlatMap {
 public:
  struct Entry {
    std::uint64_t key;
    V value;
  };

  std::size_t size() const { return size_ + (has_zero_ ? 1 : 0); }

  V* find(std::uint64_t key) {
    if (key == 0) return has_zero_ ? &zero_.value : nullptr;
    if (slots_.empty()) return nullptr;
    for (std::size_t i = index(key);; i = (i + 1) & mask_) {
      Entry& e = slots_[i];
      if (e.key == key) return &e.value;
      if (e.key == 0) return nullptr;
    }
  }
  const V* find(std::uint64_t key) const { return const_cast<FlatMap*>(this)->find(key); }

  // Starts loading key's home slot into the cache. The maps of the clusterer are far
  // larger than the core's caches and their probes are random: issuing the loads of a
  // whole document's terms before using any lets the misses overlap instead of queueing.
  void prefetch(std::uint64_t key) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[index(key)]);
  }

  // The value of key, value-initialized (V{}) and flagged by `inserted` when it was absent.
  V& insert(std::uint64_t key, bool& inserted) {
    if ((size_ + 1) * 2 > slots_.size()) grow(slots_.empty() ? 16 : slots_.size() * 2);
    return insert_reserved(key, inserted);
  }
  // insert() for a key that reserve() made room for (reserve(size() + n), then at most
  // n of these): no growth check.
  V& insert_reserved(std::uint64_t key, bool& inserted) {
    inserted = false;
    if (key == 0) {
      if (!has_zero_) {
        has_zero_ = true;
        zero_ = {0, V{}};
        inserted = true;
      }
      return zero_.value;
    }
    for (std::size_t i = index(key);; i = (i + 1) & mask_) {
      Entry& e = slots_[i];
      if (e.key == key) return e.value;
      if (e.key == 0) {
        e.key = key;
        e.value = V{};
        ++size_;
        inserted = true;
        return e.value;
      }
    }
  }
  V& operator[](std::uint64_t key) {
    bool inserted;
    return insert(key, inserted);
  }

  // Room for n keys in all without growing.
  void reserve(std::size_t n) {
    if (n * 2 <= slots_.size()) return;
    std::size_t capacity = slots_.empty() ? 16 : slots_.size();
    while (n * 2 > capacity) capacity *= 2;
    grow(capacity);
  }

  template <typename F>
  void for_each(F f) const {
    if (has_zero_) f(zero_.key, zero_.value);
    for (const Entry& e : slots_)
      if (e.key != 0) f(e.key, e.value);
  }
  // f(key, value&) for every entry, which may change the values (not the keys).
  template <typename F>
  void for_each_value(F f) {
    if (has_zero_) f(zero_.key, zero_.value);
    for (Entry& e : slots_)
      if (e.key != 0) f(e.key, e.value);
  }

  // Drops every entry for which pred(key, value) holds, in place. Linear probing
  // deletes without tombstones by backward shift: after emptying slot i, each later
  // entry of the same run that may live at i (its home is not cyclically in (i, j]) moves
  // there, and the slot it left is emptied the same way. A sweep from slot 0 that
  // re-reads slot i after a deletion sees every entry at least once: an entry moves only
  // backwards, into the slot being re-read, except one at the array's start moved to its
  // end (a run wrapping around), which the sweep reaches again, and pred is pure.
  // The array shrinks when it is at most 1/8 full.
  template <typename P>
  void erase_if(P pred) {
    if (has_zero_ && pred(zero_.key, zero_.value)) has_zero_ = false;
    const std::size_t n = slots_.size();
    for (std::size_t i = 0; i < n;) {
      if (slots_[i].key == 0 || !pred(slots_[i].key, slots_[i].value)) {
        ++i;
        continue;
      }
      std::size_t hole = i;
      for (std::size_t j = (hole + 1) & mask_; slots_[j].key != 0; j = (j + 1) & mask_) {
        // The entry at j stays when its home lies cyclically in (hole, j].
        const std::size_t home = index(slots_[j].key);
        const bool stays = hole <= j ? (hole < home && home <= j) : (hole < home || home <= j);
        if (stays) continue;
        slots_[hole] = slots_[j];
        hole = j;
      }
      slots_[hole].key = 0;
      --size_;
    }
    if (n > 16 && size_ * 8 <= n) {
      std::size_t capacity = 16;
      while (size_ * 4 > capacity) capacity *= 2;
      grow(capacity);
    }
  }

  void clear() {
    slots_.clear();
    size_ = 0;
    mask_ = 0;
    shift_ = 64;
    has_zero_ = false;
  }

 private:
  std::size_t index(std::uint64_t key) const {
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> shift_);
  }
  void grow(std::size_t capacity) {  // a power of two
    std::vector<Entry> old = std::move(slots_);
    slots_.assign(capacity, Entry{0, V{}});
    mask_ = capacity - 1;
    shift_ = 64 - static_cast<unsigned>(std::countr_zero(capacity));
    for (const Entry& e : old) {
      if (e.key == 0) continue;
      std::size_t i = index(e.key);
      while (slots_[i].key != 0) i = (i + 1) & mask_;
      slots_[i] = e;
    }
  }

  std::vector<Entry> slots_;
  std::size_t size_ = 0;  // keys in slots_ (not counting key 0)
  std::size_t mask_ = 0;
  unsigned shift_ = 64;
  bool has_zero_ = false;
  Entry zero_{0, V{}};
};

}  // namespace storyline
