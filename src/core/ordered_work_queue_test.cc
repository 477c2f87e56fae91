// Tests that OrderedWorkQueue keeps input order and bounds work in flight.
#include "core/ordered_work_queue.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>

namespace annals {
namespace {

TEST(OrderedWorkQueueTest, KeepsOrderUnderUnevenWork) {
  for (int threads : {1, 2, 4}) {
    std::vector<int> got;
    std::atomic<int> in_flight{0}, max_in_flight{0};
    {
      OrderedWorkQueue<int, int> q(
          threads, 8,
          [&](int& x) {
            int now = ++in_flight;
            int prev = max_in_flight.load();
            while (now > prev && !max_in_flight.compare_exchange_weak(prev, now)) {
            }
            if (x % 7 == 0) std::this_thread::sleep_for(std::chrono::microseconds(300));
            --in_flight;
            return x * 2;
          },
          [&](int&& y) { got.push_back(y); });
      for (int i = 0; i < 500; ++i) q.Push(i);
      q.Finish();
    }
    ASSERT_EQ(got.size(), 500u) << threads;
    for (int i = 0; i < 500; ++i) EXPECT_EQ(got[i], i * 2);
    EXPECT_LE(max_in_flight.load(), std::max(threads, 1));
  }
}

}  // namespace
}  // namespace annals
