// OrderedWorkQueue: runs a function over a stream of items on N threads and
// hands the results back in input order, with a bound on items in flight so
// memory stays bounded however long the stream is. Used by `annals extract`
// (JSONL out in input order) and `annals ingest`.
//
// Thread-safety: Push() and Finish() must be called from one thread (the
// producer); `emit` runs on that same thread, so it needs no locking.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace annals {

template <typename In, typename Out>
class OrderedWorkQueue {
 public:
  using Work = std::function<Out(In&)>;
  using Emit = std::function<void(Out&&)>;

  // threads <= 1 runs the work inline on the producer thread.
  OrderedWorkQueue(int threads, size_t max_in_flight, Work work, Emit emit)
      : work_(std::move(work)), emit_(std::move(emit)), max_in_flight_(max_in_flight < 1 ? 1 : max_in_flight) {
    if (threads > 1)
      for (int i = 0; i < threads; ++i) workers_.emplace_back([this] { WorkerLoop(); });
  }
  ~OrderedWorkQueue() { Finish(); }

  // Queues one item; blocks while max_in_flight items are pending, emitting
  // finished results meanwhile.
  void Push(In item) {
    if (workers_.empty()) {
      emit_(work_(item));
      return;
    }
    std::unique_lock<std::mutex> lock(mu_);
    while (slots_.size() >= max_in_flight_) {
      if (!EmitReady(&lock)) done_cv_.wait(lock);
    }
    slots_.push_back(Slot{std::move(item), std::nullopt, false});
    work_cv_.notify_one();
    EmitReady(&lock);
  }

  // Waits for every queued item and emits the remaining results. Idempotent.
  void Finish() {
    if (workers_.empty()) return;
    {
      std::unique_lock<std::mutex> lock(mu_);
      while (!slots_.empty()) {
        if (!EmitReady(&lock)) done_cv_.wait(lock);
      }
      stop_ = true;
    }
    work_cv_.notify_all();
    for (auto& t : workers_) t.join();
    workers_.clear();
  }

 private:
  struct Slot {
    In in;
    std::optional<Out> out;
    bool claimed;
  };

  // Emits finished results at the head of the queue. Returns true if any.
  bool EmitReady(std::unique_lock<std::mutex>* lock) {
    bool any = false;
    while (!slots_.empty() && slots_.front().out.has_value()) {
      Out out = std::move(*slots_.front().out);
      slots_.pop_front();
      ++head_;
      any = true;
      lock->unlock();
      emit_(std::move(out));
      lock->lock();
    }
    return any;
  }

  void WorkerLoop() {
    std::unique_lock<std::mutex> lock(mu_);
    for (;;) {
      Slot* slot = nullptr;
      size_t index = 0;
      work_cv_.wait(lock, [&] {
        if (stop_) return true;
        for (size_t i = 0; i < slots_.size(); ++i)
          if (!slots_[i].claimed) return true;
        return false;
      });
      for (size_t i = 0; i < slots_.size(); ++i) {
        if (!slots_[i].claimed) {
          slot = &slots_[i];
          index = head_ + i;
          break;
        }
      }
      if (slot == nullptr) {
        if (stop_) return;
        continue;
      }
      slot->claimed = true;
      In in = std::move(slot->in);
      lock.unlock();
      Out out = work_(in);
      lock.lock();
      slots_[index - head_].out = std::move(out);  // deque indices shift only on pop_front
      done_cv_.notify_all();
    }
  }

  Work work_;
  Emit emit_;
  size_t max_in_flight_;
  std::mutex mu_;
  std::condition_variable work_cv_;
  std::condition_variable done_cv_;
  std::deque<Slot> slots_;
  size_t head_ = 0;  // sequence number of slots_.front()
  bool stop_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace annals
