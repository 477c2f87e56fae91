// Adversarial inputs for the quotation stage: 100,000 quote marks in a row,
// unbalanced quotes and invalid UTF-8 finish quickly (linear work) and keep
// every span inside the text. Sizes are kept small enough for the sanitizer
// build; the throughput target lives in quotes_bench.cc.
#include <chrono>
#include <string>

#include <gtest/gtest.h>

#include "quotes/quote_stage.h"
#include "text/sentence_splitter.h"

namespace annals {
namespace {

AnnotatedDoc RunStage(const std::string& text) {
  AnnotatedDoc d;
  d.doc.text = text;
  AnalyzeText(d.doc.text, &d.layout);
  ExtractQuotes(&d);
  for (const Quote& q : d.quotes) {
    EXPECT_LE(q.start, q.end);
    EXPECT_LE(q.end, d.doc.text.size());
  }
  return d;
}

TEST(QuoteScaling, HundredThousandMarksInARow) {
  for (const std::string mark : {"\"", "“", "”", "'", "«", "„", "‘"}) {
    std::string text;
    for (int i = 0; i < 100000; ++i) text += mark;
    RunStage(text);
  }
}

TEST(QuoteScaling, ManyUnbalancedQuotesWithCues) {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "“He said that, she said “ according to ";
  RunStage(text);
}

TEST(QuoteScaling, InvalidUtf8) {
  std::string text = "“\xE2\x80 said \xC2 \xFF\xFE ‘x’ \xE2\x80\x9C he \xE2";
  for (int i = 0; i < 1000; ++i) text += "\xE2\x80\x9C\xFF\"";
  RunStage(text);
}

}  // namespace
}  // namespace annals
