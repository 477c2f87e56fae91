// Table-driven tests of the temporal tagger, one table per rule family:
// {text, publication date, expected expression text, type, value, anchor,
// range}. Relative expressions are resolved against the given publication
// date only — never against the clock.
#include "timex/temporal_tagger.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace annals {
namespace {

struct Case {
  const char* text;      // input
  const char* pub;       // publication date ("" = missing)
  const char* expr;      // the expected expression's text ("" = no expression at all)
  const char* type;      // DATE, TIME, DURATION, SET
  const char* value;     // TIMEX3 value
  const char* anchor;    // absolute, publication, narrative ("" = don't check)
  const char* range_b;   // range begin ("" = not a range)
  const char* range_e;   // range end
};

Date Pub(const char* s) {
  if (!*s) return Date{};
  auto d = ParseIsoDate(s);
  EXPECT_TRUE(d.ok()) << s;
  return d.ok() ? *d : Date{};
}

void RunTable(const std::vector<Case>& cases, bool merge_ranges = true) {
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string("text: ") + c.text + " | pub: " + c.pub);
    std::vector<TimeExpr> out;
    TimexOptions opt;
    opt.merge_ranges = merge_ranges;
    const std::string text = c.text;
    TagTimes(text, Pub(c.pub), opt, &out);
    if (!*c.expr) {
      EXPECT_TRUE(out.empty()) << "unexpected: " << text.substr(out[0].start, out[0].end - out[0].start)
                               << " = " << out[0].value;
      continue;
    }
    const TimeExpr* found = nullptr;
    for (const TimeExpr& t : out)
      if (text.substr(t.start, t.end - t.start) == c.expr) found = &t;
    std::string all;
    for (const TimeExpr& t : out)
      all += "[" + text.substr(t.start, t.end - t.start) + " " + t.value + "] ";
    ASSERT_NE(found, nullptr) << "no expression '" << c.expr << "'; got " << all;
    EXPECT_EQ(TimexTypeName(found->type), c.type);
    EXPECT_EQ(found->value, c.value);
    if (*c.anchor) {
      EXPECT_EQ(TimeAnchorName(found->anchor), c.anchor);
    }
    EXPECT_EQ(found->range_begin, c.range_b);
    EXPECT_EQ(found->range_end, c.range_e);
  }
}

TEST(TemporalTagger, ExplicitDates) {
  RunTable({
      {"It happened on January 19, 1990, in Baku.", "2025-01-17", "January 19, 1990", "DATE", "1990-01-19", "absolute", "", ""},
      {"Signed on Aug. 7, 1998 by both.", "2000-01-01", "Aug. 7, 1998", "DATE", "1998-08-07", "absolute", "", ""},
      {"Signed on 20 January 1990.", "2025-01-17", "20 January 1990", "DATE", "1990-01-20", "absolute", "", ""},
      {"Published 2025-01-17 online.", "", "2025-01-17", "DATE", "2025-01-17", "absolute", "", ""},
      {"Filed 1/17/2025 in court.", "", "1/17/2025", "DATE", "2025-01-17", "absolute", "", ""},
      {"It was July 1997 when it began.", "2000-01-01", "July 1997", "DATE", "1997-07", "absolute", "", ""},
      {"The law passed in 1994.", "2025-01-17", "1994", "DATE", "1994", "absolute", "", ""},
      {"Results for fiscal 1989 were weak.", "1989-10-27", "fiscal 1989", "DATE", "1989", "absolute", "", ""},
      {"It was nineteen ninety-six then.", "2000-01-01", "nineteen ninety-six", "DATE", "1996", "absolute", "", ""},
  });
}

TEST(TemporalTagger, ImpossibleDatesAreNotDates) {
  RunTable({
      {"Due on February 30, 2024.", "2024-01-01", "", "", "", "", "", ""},
      {"Due on April 31.", "2024-01-01", "", "", "", "", "", ""},
      {"Due on February 29, 2023.", "2024-01-01", "", "", "", "", "", ""},
  });
  // A real leap day is a date.
  RunTable({{"Due on February 29, 2024.", "2024-01-01", "February 29, 2024", "DATE", "2024-02-29", "absolute", "", ""}});
}

TEST(TemporalTagger, UnderspecifiedDates) {
  RunTable({
      // Against the publication year.
      {"The vote is on March 12.", "1999-03-10", "March 12", "DATE", "1999-03-12", "publication", "", ""},
      {"Shares fell Sept. 30 on news.", "1989-10-27", "Sept. 30", "DATE", "1989-09-30", "publication", "", ""},
      // A far-off month in a past-tense sentence is last year's.
      {"He was rescued on Nov. 25 by fishermen.", "2000-01-07", "Nov. 25", "DATE", "1999-11-25", "publication", "", ""},
      // Month alone.
      {"Sales rose in April.", "1999-06-10", "April", "DATE", "1999-04", "publication", "", ""},
      {"It was June last year.", "1998-03-01", "June last year", "DATE", "1997-06", "publication", "", ""},
      // No publication date: the year stays unknown.
      {"The vote is on March 12.", "", "March 12", "DATE", "XXXX-03-12", "publication", "", ""},
  });
}

TEST(TemporalTagger, NarrativeResolution) {
  // A dated past story: "January 21" follows "January 19 to 20, 1990".
  RunTable({
      {"Troops entered on January 19, 1990. He arrived in Moscow on January 21 despite threats.",
       "2025-01-17", "January 21", "DATE", "1990-01-21", "narrative", "", ""},
      {"The siege began on March 3, 1995. By March 20 the city had fallen.", "2025-06-01",
       "March 20", "DATE", "1995-03-20", "narrative", "", ""},
      // A distant month does not continue the old story.
      {"He was born on May 2, 1959. In late November the company reported profits.", "1989-12-01",
       "late November", "DATE", "1989-11", "publication", "", ""},
      // "That day" refers back to the last day mentioned.
      {"The attack came on June 5, 1967. That day changed everything.", "2020-01-01", "That day",
       "DATE", "1967-06-05", "narrative", "", ""},
      {"He left Cuba in 1956. That year the war began.", "2000-01-01", "That year", "DATE", "1956",
       "narrative", "", ""},
  });
}

TEST(TemporalTagger, Ranges) {
  RunTable({
      {"on the night of January 19 to 20, 1990, in Baku", "2025-01-17",
       "the night of January 19 to 20, 1990", "TIME", "1990-01-19TNI", "absolute", "1990-01-19", "1990-01-20"},
      {"from January 19-20, 1990", "2025-01-17", "January 19-20, 1990", "DATE", "1990-01-19",
       "absolute", "1990-01-19", "1990-01-20"},
      {"the war of 1990-1994 ended", "2025-01-17", "1990-1994", "DATE", "1990", "absolute", "1990", "1994"},
  });
  // TimeML mode: each end of the range is its own TIMEX3.
  RunTable({
      {"on January 19 to 20, 1990, in Baku", "2025-01-17", "20, 1990", "DATE", "1990-01-20", "absolute", "", ""},
      {"on January 19 to 20, 1990, in Baku", "2025-01-17", "January 19", "DATE", "1990-01-19", "absolute", "", ""},
  }, /*merge_ranges=*/false);
}

// Regressions from the TBAQ error analysis, one row per bug: cues right
// before the time that point ahead, and holidays resolved by tense.
TEST(TemporalTagger, TenseCueRegressions) {
  RunTable({
      // bug: "as early as Tuesday" read the past from an earlier verb.
      {"The father, who came from Cuba, could arrive as early as Tuesday.", "2000-04-03", "Tuesday", "DATE", "2000-04-04", "publication", "", ""},
      {"The group landed, and it may leave as soon as Friday.", "2000-04-03", "Friday", "DATE", "2000-04-07", "publication", "", ""},
      // bug: "is to resume ... Tuesday" too far from "to" for the infinitive cue.
      {"The stock was halted in London and is to resume trading in Paris Tuesday.", "1989-10-27", "Tuesday", "DATE", "1989-10-31", "publication", "", ""},
      // bug: "effective Feb. 1" in October is next February.
      {"The board named a new chairman, effective Feb. 1.", "1989-10-26", "Feb. 1", "DATE", "1990-02-01", "publication", "", ""},
      // bug: a holiday without a year was always the DCT's year.
      {"He was rescued at sea on Thanksgiving Day.", "2000-01-06", "Thanksgiving Day", "DATE", "1999-11-25", "publication", "", ""},
      {"The family will gather on Thanksgiving Day.", "2000-10-01", "Thanksgiving Day", "DATE", "2000-11-23", "publication", "", ""},
      {"They met on Christmas.", "1998-03-01", "Christmas", "DATE", "1997-12-25", "publication", "", ""},
  });
}

TEST(TemporalTagger, RelativeToPublication) {
  RunTable({
      {"He said yesterday that it was over.", "2025-01-17", "yesterday", "DATE", "2025-01-16", "publication", "", ""},
      {"Talks resume tomorrow.", "2025-01-17", "tomorrow", "DATE", "2025-01-18", "publication", "", ""},
      {"Markets closed today.", "2025-01-17", "today", "DATE", "2025-01-17", "publication", "", ""},
      {"Profits rose last year.", "2025-01-17", "last year", "DATE", "2024", "publication", "", ""},
      {"Profits will rise next month.", "2025-01-17", "next month", "DATE", "2025-02", "publication", "", ""},
      {"Sales this year are up.", "2025-01-17", "this year", "DATE", "2025", "publication", "", ""},
      {"It happened last week.", "2025-01-17", "last week", "DATE", "2025-W02", "publication", "", ""},
      {"It happened two weeks ago.", "2025-01-17", "two weeks ago", "DATE", "2025-W01", "publication", "", ""},
      {"It happened three days ago.", "2025-01-17", "three days ago", "DATE", "2025-01-14", "publication", "", ""},
      {"It opened five years ago.", "2025-01-17", "five years ago", "DATE", "2020", "publication", "", ""},
      // 2025-01-17 is a Friday.
      {"He met them last Tuesday.", "2025-01-17", "last Tuesday", "DATE", "2025-01-14", "publication", "", ""},
      {"He will meet them next Tuesday.", "2025-01-17", "next Tuesday", "DATE", "2025-01-21", "publication", "", ""},
      {"The minister said Monday that talks failed.", "2025-01-17", "Monday", "DATE", "2025-01-13", "publication", "", ""},
      {"The minister will travel Monday to Paris.", "2025-01-17", "Monday", "DATE", "2025-01-20", "publication", "", ""},
      {"Police said Friday the suspect fled.", "2025-01-17", "Friday", "DATE", "2025-01-17", "publication", "", ""},
      {"Earnings fell last fall.", "2025-01-17", "last fall", "DATE", "2024-FA", "publication", "", ""},
      {"It will open this summer.", "2025-01-17", "this summer", "DATE", "2025-SU", "publication", "", ""},
      {"Fighting resumed last night.", "2025-01-17", "last night", "TIME", "2025-01-16TNI", "publication", "", ""},
      {"He spoke this morning.", "2025-01-17", "this morning", "TIME", "2025-01-17TMO", "publication", "", ""},
      {"It was signed Friday morning.", "2025-01-17", "Friday morning", "TIME", "2025-01-17TMO", "publication", "", ""},
      {"Fighting broke out Wednesday evening.", "2025-01-17", "Wednesday evening", "TIME", "2025-01-15TEV", "publication", "", ""},
  });
}

TEST(TemporalTagger, PublicationDatePrecision) {
  // Year-only and missing publication dates: resolve as far as possible.
  RunTable({
      {"Profits rose last year.", "2025", "last year", "DATE", "2024", "publication", "", ""},
      {"He said yesterday that it was over.", "2025", "yesterday", "DATE", "XXXX-XX-XX", "publication", "", ""},
      {"He said yesterday that it was over.", "", "yesterday", "DATE", "XXXX-XX-XX", "publication", "", ""},
      {"Profits rose last year.", "", "last year", "DATE", "XXXX", "publication", "", ""},
      {"It happened last month.", "2025-03", "last month", "DATE", "2025-02", "publication", "", ""},
  });
}

TEST(TemporalTagger, Durations) {
  RunTable({
      {"It has been 35 years since the tragedy.", "2025-01-17", "35 years", "DURATION", "P35Y", "", "", ""},
      {"It has been thirty-five years since.", "2025-01-17", "thirty-five years", "DURATION", "P35Y", "", "", ""},
      {"The talks lasted three hours.", "2025-01-17", "three hours", "DURATION", "PT3H", "", "", ""},
      {"a 16-hour shift", "2025-01-17", "16-hour", "DURATION", "PT16H", "", "", ""},
      {"a two-year contract", "2025-01-17", "two-year", "DURATION", "P2Y", "", "", ""},
      {"It took 2 1/2 years.", "2025-01-17", "2 1/2 years", "DURATION", "P2Y6M", "", "", ""},
      {"It took a minute and a half.", "2025-01-17", "a minute and a half", "DURATION", "PT1M30S", "", "", ""},
      {"It took half an hour.", "2025-01-17", "half an hour", "DURATION", "PT30M", "", "", ""},
      {"Sales in the first nine months rose.", "1989-10-27", "the first nine months", "DURATION", "P9M", "", "", ""},
      {"Prices rose over the past two months.", "1989-10-27", "the past two months", "DURATION", "P2M", "", "", ""},
      {"It will take several years.", "2025-01-17", "several years", "DURATION", "PXY", "", "", ""},
      {"It will take a few days.", "2025-01-17", "a few days", "DURATION", "PXD", "", "", ""},
      {"They waited for more than four hours.", "2025-01-17", "more than four hours", "DURATION", "PT4H", "", "", ""},
      {"They have lived there for years.", "2025-01-17", "years", "DURATION", "PXY", "", "", ""},
      {"a ten-day truce", "2025-01-17", "ten-day", "DURATION", "P10D", "", "", ""},
      {"in four decades", "2025-01-17", "four decades", "DURATION", "P40Y", "", "", ""},
  });
  // Mods.
  std::vector<TimeExpr> out;
  TagTimes("They waited at least 72 hours.", Pub("2025-01-17"), TimexOptions{}, &out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].mod, "EQUAL_OR_MORE");
}

TEST(TemporalTagger, DecadesCenturiesSeasonsQuarters) {
  RunTable({
      {"Growth in the 1990s was fast.", "2025-01-17", "the 1990s", "DATE", "199", "absolute", "", ""},
      {"in the early 1980s", "2025-01-17", "the early 1980s", "DATE", "198", "absolute", "", ""},
      {"in the 20th century", "2025-01-17", "the 20th century", "DATE", "19", "", "", ""},
      {"Profit in the third quarter rose.", "1989-10-27", "the third quarter", "DATE", "1989-Q3", "", "", ""},
      {"third-quarter profit rose", "1989-10-27", "third-quarter", "DATE", "1989-Q3", "", "", ""},
      {"in the first quarter of 2025", "2025-06-01", "the first quarter of 2025", "DATE", "2025-Q1", "absolute", "", ""},
      {"Profit for the quarter rose.", "1989-10-27", "the quarter", "DATE", "1989-Q3", "", "", ""},
      {"in the summer of 1990", "2025-01-17", "the summer of 1990", "DATE", "1990-SU", "", "", ""},
      {"in the first half", "2025-09-01", "the first half", "DATE", "2025-H1", "", "", ""},
  });
}

TEST(TemporalTagger, ModifiersAndRefs) {
  RunTable({
      {"It will open early next year.", "1989-10-27", "early next year", "DATE", "1990", "", "", ""},
      {"Shares fell in late November.", "1999-12-10", "late November", "DATE", "1999-11", "", "", ""},
      {"by the end of 1990", "1989-10-27", "the end of 1990", "DATE", "1990", "", "", ""},
      {"Prices are now falling.", "1989-10-27", "now", "DATE", "PRESENT_REF", "", "", ""},
      {"It was recently sold.", "1989-10-27", "recently", "DATE", "PAST_REF", "", "", ""},
      {"in the future, prices will rise", "1989-10-27", "the future", "DATE", "FUTURE_REF", "", "", ""},
      {"as in the past, prices rose", "1989-10-27", "the past", "DATE", "PAST_REF", "", "", ""},
  });
  std::vector<TimeExpr> out;
  TagTimes("Shares fell in late November.", Pub("1999-12-10"), TimexOptions{}, &out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].mod, "END");
}

// "the day before/after X", "the week of X", vague future/past (TimeML *_REF).
TEST(TemporalTagger, ShiftedDaysWeeksOfAndVagueRefs) {
  RunTable({
      {"a hearing the week of March 6, lawyers said", "2000-02-24", "the week of March 6", "DATE", "2000-W10", "", "", ""},
      {"He came the day after March 6.", "2000-02-24", "the day after March 6", "DATE", "2000-03-07", "", "", ""},
      {"The day before last Tuesday's hearing, he left.", "2000-02-24", "The day before last Tuesday", "DATE", "2000-02-21", "", "", ""},
      {"on the day before Friday", "2026-11-28", "the day before Friday", "DATE", "2026-11-26", "", "", ""},
      {"to halve it by the year two thousand", "1998-02-05", "the year two thousand", "DATE", "2000", "", "", ""},
      {"in the year 1990, prices fell", "1998-02-05", "the year 1990", "DATE", "1990", "", "", ""},
      {"Prices will rise in the coming days.", "1998-02-06", "the coming days", "DATE", "FUTURE_REF", "", "", ""},
      {"It expects to slow in coming months.", "1998-02-06", "coming months", "DATE", "FUTURE_REF", "", "", ""},
      {"Prosecutors may soon seek an indictment.", "1989-10-27", "soon", "DATE", "FUTURE_REF", "", "", ""},
      {"It was recently sold.", "1989-10-27", "recently", "DATE", "PAST_REF", "", "", ""},
  });
}

// "soon" after a past event, or bounding a date, is no vague future.
TEST(TemporalTagger, SoonIsNotAlwaysTheFuture) {
  for (const char* text : {"He was soon released.", "a trickle that soon became a flood",
                           "soon after the vote", "how soon can it be done"}) {
    std::vector<TimeExpr> out;
    TagTimes(text, Pub("2000-02-24"), TimexOptions{}, &out);
    EXPECT_TRUE(out.empty()) << text << " -> " << (out.empty() ? "" : out[0].value);
  }
}

TEST(TemporalTagger, TimesOfDay) {
  RunTable({
      {"The blast came at 10:35 a.m. local time.", "1998-08-07", "10:35 a.m.", "TIME", "1998-08-07T10:35", "", "", ""},
      {"The blast came at 6 p.m. Wednesday.", "1998-08-07", "6 p.m. Wednesday", "TIME", "1998-08-05T18:00", "", "", ""},
      {"They met at noon Thursday.", "1998-08-07", "noon Thursday", "TIME", "1998-08-06T12:00", "", "", ""},
      {"It woke us at 4 in the morning.", "1998-08-07", "4 in the morning", "TIME", "1998-08-07T04:00", "", "", ""},
      {"Rallies continue tonight.", "1998-08-07", "tonight", "TIME", "1998-08-07TNI", "", "", ""},
  });
}

TEST(TemporalTagger, Sets) {
  RunTable({
      {"The paper is published daily.", "1998-08-07", "daily", "SET", "P1D", "", "", ""},
      {"They meet every week.", "1998-08-07", "every week", "SET", "P1W", "", "", ""},
      {"They meet each Thursday.", "1998-08-07", "each Thursday", "SET", "XXXX-WXX-4", "", "", ""},
      {"It is paid annually.", "1998-08-07", "annually", "SET", "P1Y", "", "", ""},
      {"It happens each July.", "1998-08-07", "each July", "SET", "XXXX-07", "", "", ""},
  });
}

TEST(TemporalTagger, HolidaysAndAnniversaries) {
  RunTable({
      {"Stores close on Christmas Day.", "1998-12-01", "Christmas Day", "DATE", "1998-12-25", "", "", ""},
      {"They met on Thanksgiving.", "1999-12-01", "Thanksgiving", "DATE", "1999-11-25", "", "", ""},
      {"He was found last Thanksgiving.", "2000-02-10", "last Thanksgiving", "DATE", "1999-11-25", "publication", "", ""},
      // The anniversary's base year is written elsewhere in the article.
      {"marking the 35th anniversary of the 20 January Tragedy. Troops came on January 20, 1990.",
       "2025-01-17", "the 35th anniversary of the 20 January", "DATE", "2025-01-20", "narrative", "", ""},
      // No base year anywhere: the occurrence nearest the publication date.
      {"marking the 10th anniversary of the 20 January Tragedy.", "2025-01-17",
       "the 10th anniversary of the 20 January", "DATE", "2025-01-20", "publication", "", ""},
  });
}

TEST(TemporalTagger, NotTimeExpressions) {
  RunTable({
      {"He may come.", "2025-01-17", "", "", "", "", "", ""},
      {"Troops march on the city.", "2025-01-17", "", "", "", "", "", ""},
      {"It cost 1,990 dollars.", "2025-01-17", "", "", "", "", "", ""},
      {"A quarter of voters agreed.", "2025-01-17", "", "", "", "", "", ""},
      {"He came a second time.", "2025-01-17", "", "", "", "", "", ""},
      {"It rose 12.5% to 2,000.", "2025-01-17", "", "", "", "", "", ""},
      // A street address in crime news, not the year 1400 (GVA dev).
      {"Two were shot in the 1400 block of Gherald.", "2014-10-05", "", "", "", "", "", ""},
      {"It happened at 1722 Thurgood Street.", "2014-10-05", "", "", "", "", "", ""},
      {"Call detectives at (213) 485-1383 with tips.", "2014-10-05", "", "", "", "", "", ""},
      {"Copyright 2004 - present, the Echo.", "2014-10-05", "", "", "", "", "", ""},
  });
}

TEST(TemporalTagger, SpansAreOrderedAndDisjoint) {
  const std::string text =
      "On Friday, Jan. 5, 1990 and again last week, prices rose 5% over two years; now they fall.";
  std::vector<TimeExpr> out;
  TagTimes(text, Pub("1990-01-10"), TimexOptions{}, &out);
  ASSERT_GE(out.size(), 4u);
  for (size_t i = 0; i < out.size(); ++i) {
    EXPECT_LT(out[i].start, out[i].end);
    EXPECT_LE(out[i].end, text.size());
    if (i > 0) {
      EXPECT_LE(out[i - 1].end, out[i].start);
    }
  }
}

TEST(EventDates, RangeFirstThenExplicit) {
  std::vector<TimeExpr> times;
  const std::string text =
      "Published on the 35th anniversary. It has been 35 years since troops attacked on the night of "
      "January 19 to 20, 1990. He arrived on January 21. In 1994 it was assessed. Last year it was "
      "remembered.";
  TagTimes(text, Pub("2025-01-17"), TimexOptions{}, &times);
  const std::vector<std::string> ev = EventDates(times, Pub("2025-01-17"));
  ASSERT_GE(ev.size(), 2u);
  EXPECT_EQ(ev[0], "1990-01-19");
  EXPECT_EQ(ev[1], "1990-01-20");
  for (const std::string& v : ev) {
    EXPECT_NE(v.substr(0, 4), "2025") << v;
  }
}

}  // namespace
}  // namespace annals
