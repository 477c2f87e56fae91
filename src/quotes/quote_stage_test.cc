// Table-driven tests of the quotation stage: one row per quoting style and
// per attribution pattern of issue 6, with no NER input unless a row names
// its entities (then the names are injected as PERSON/ORG mentions).
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/ascii_case.h"
#include "quotes/quote_stage.h"
#include "text/sentence_splitter.h"

namespace annals {
namespace {

struct Entities {
  std::vector<std::pair<std::string, EntityType>> names;  // canonical names; every occurrence is a mention
};

AnnotatedDoc Annotate(const std::string& text, const Entities& ents = {}) {
  AnnotatedDoc d;
  d.doc.text = text;
  AnalyzeText(d.doc.text, &d.layout);
  for (size_t e = 0; e < ents.names.size(); ++e) {
    d.entities.push_back({ents.names[e].first, ents.names[e].second, 0, "", ""});
    size_t pos = 0;
    while ((pos = text.find(ents.names[e].first, pos)) != std::string::npos) {
      d.mentions.push_back({static_cast<uint32_t>(pos), static_cast<uint32_t>(pos + ents.names[e].first.size()),
                            ents.names[e].second, static_cast<int32_t>(e)});
      pos += ents.names[e].first.size();
    }
  }
  std::sort(d.mentions.begin(), d.mentions.end(),
            [](const EntityMention& a, const EntityMention& b) { return a.start < b.start; });
  ExtractQuotes(&d);
  return d;
}

std::string Text(const AnnotatedDoc& d, const Quote& q) { return d.doc.text.substr(q.start, q.end - q.start); }

// ---- Quoting styles: the first quotation's kind and content. ----
struct StyleCase {
  const char* name;
  std::string text;
  const char* kind;     // "direct", "fragment", or "" for no quotation at all
  const char* content;  // expected content of the first quotation
};

TEST(QuoteStage, QuotingStyles) {
  const StyleCase cases[] = {
      {"curly double", "“We will rebuild the city,” the mayor said.", "direct", "We will rebuild the city,"},
      {"straight double", "\"We will rebuild the city,\" the mayor said.", "direct", "We will rebuild the city,"},
      {"curly single", "‘We will rebuild the city,’ the mayor said.", "direct", "We will rebuild the city,"},
      {"guillemets", "«We will rebuild the city,» the mayor said.", "direct", "We will rebuild the city,"},
      {"german low-high", "„We will rebuild the city“, the mayor said.", "direct", "We will rebuild the city"},
      {"typewriter pairs", "``We will rebuild the city,'' the mayor said.", "direct", "We will rebuild the city,"},
      {"double apostrophes", "''We will rebuild the city,'' the mayor said.", "direct", "We will rebuild the city,"},
      {"nested", "“He told me ‘never again’ and left,” she said.", "direct", "He told me ‘never again’ and left,"},
      {"glued to the previous sentence", "News.Az reports.“It has been 35 years,” she recalled.", "direct",
       "It has been 35 years,"},
      {"partial quote", "The minister called it a “heinous crime” on Monday.", "fragment", "heinous crime"},
      {"regression: ‘ glued to a word is an apostrophe",
       "On CBS‘ Face the Nation, she stated, “We will rebuild the city,” and left.", "direct",
       "We will rebuild the city,"},
      {"regression: mistyped closing mark", "“We will rebuild the city,“ the mayor said.", "direct",
       "We will rebuild the city,"},
      {"regression: short capitalised quotation inside a sentence",
       "Erdogan said the bomber had “Syrian roots.”", "fragment", "Syrian roots."},
      {"regression: a lower-case quotation right after a verb of saying",
       "In his tribute, Elliott said “there is no great man who did more for this city.”", "direct",
       "there is no great man who did more for this city."},
      {"regression: a quotation after \"that\" is part of the clause",
       "The mayor said in a statement that “the plan has failed and we will start again.”", "fragment",
       "the plan has failed and we will start again."},
      {"regression: a quotation after a dash is no direct quotation (a fragment with no cue: nothing)",
       "The new rule — “A total disaster for all of us,” as one clerk put it — starts today.", "", ""},
      {"regression: a title-case quotation after a work's noun is a title",
       "He starred in the hit Broadway play, “Eclipsed.”", "", ""},
      {"inch marks", "He bought a 55\" television and a 12\" pipe.", "", ""},
      {"scare quotes around one word", "The so-called \"experts\" disagreed with the plan.", "", ""},
      {"apostrophes only", "Azerbaijan’s ombudsman didn’t attend the teachers’ meeting.", "", ""},
      {"title of a show", "He told “Meet the Press” about the plan.", "", ""},
      {"unbalanced opening", "“We will never stop, the mayor said.", "", ""},
      {"regression: a lower-case quotation carrying on the sentence",
       "The mayor said she seldom needs advice, “except from the people who know the city.”", "fragment",
       "except from the people who know the city."},
      {"an interrupted quotation stays direct", "“We will win,” Smith said, “and nobody can stop us.”", "direct",
       "We will win,"},
      {"regression: a one-word name with a comma", "The spot, \"Trumpcare,\" links him to the plan.", "", ""},
      {"a quotation running on after its closing mark is one mixed direct quotation",
       "“A loud bang” shook the windows of the station, the guard said.", "direct",
       "“A loud bang” shook the windows of the station"},
  };
  for (const StyleCase& c : cases) {
    SCOPED_TRACE(c.name);
    const AnnotatedDoc d = Annotate(c.text);
    const Quote* first = nullptr;
    for (const Quote& q : d.quotes)
      if (q.kind != QuoteKind::kIndirect) {
        first = &q;
        break;
      }
    if (std::string(c.kind).empty()) {
      EXPECT_EQ(first, nullptr) << (first ? Text(d, *first) : "");
      continue;
    }
    ASSERT_NE(first, nullptr);
    EXPECT_EQ(QuoteKindName(first->kind), c.kind);
    EXPECT_EQ(Text(d, *first), c.content);
  }
}

TEST(QuoteStage, MultiParagraphQuote) {
  const std::string text =
      "“The first paragraph of the statement goes on for a while.\n\n"
      "“The second paragraph opens again and then it closes,” the minister said.\n";
  const AnnotatedDoc d = Annotate(text);
  ASSERT_FALSE(d.quotes.empty());
  const Quote& q = d.quotes[0];
  EXPECT_EQ(q.kind, QuoteKind::kDirect);
  EXPECT_EQ(Text(d, q).rfind("The first paragraph", 0), 0u);
  EXPECT_TRUE(Text(d, q).ends_with("then it closes,"));
  EXPECT_EQ(q.cue, "said");
  ASSERT_TRUE(q.speaker);
  EXPECT_EQ(q.speaker->mention, "the minister");
}

// ---- Attribution patterns: cue, mention and resolved name. ----
struct AttrCase {
  const char* name;
  std::string text;
  std::vector<std::pair<std::string, EntityType>> entities;
  const char* kind;     // kind of the quotation checked (the last one in the text)
  const char* cue;
  const char* mention;  // "" = no speaker mention at all
  const char* speaker;  // canonical name; "" = unresolved (JSON null)
};

TEST(QuoteStage, AttributionPatterns) {
  const EntityType P = EntityType::kPerson, O = EntityType::kOrg;
  const AttrCase cases[] = {
      {"name then cue", "“Prices will fall,” John Smith said.", {{"John Smith", P}}, "direct", "said", "John Smith",
       "John Smith"},
      {"inverted cue", "“Prices will fall,” said John Smith.", {{"John Smith", P}}, "direct", "said", "John Smith",
       "John Smith"},
      {"a crowd chanting a slogan", "At the gate, John Smith was chanting “Close the mine.”", {{"John Smith", P}},
       "direct", "chanting", "John Smith", "John Smith"},
      {"cue before with colon", "John Smith told reporters: “Prices will fall soon.”", {{"John Smith", P}}, "direct",
       "told reporters", "John Smith", "John Smith"},
      {"pronoun resolved by gender",
       "Mary Jones met Tom Brown. Mary Jones said she was tired. “We are done here,” she added.",
       {{"Mary Jones", P}, {"Tom Brown", P}}, "direct", "added", "she", "Mary Jones"},
      {"he resolves to the man",
       "Tom Brown met Mary Jones, and he shook her hand. “We are done here,” he said.",
       {{"Tom Brown", P}, {"Mary Jones", P}}, "direct", "said", "he", "Tom Brown"},
      {"description resolves through the role",
       "Interior Minister Ali Hasanov visited the site. “The work goes on,” the minister said.",
       {{"Ali Hasanov", P}}, "direct", "said", "the minister", "Ali Hasanov"},
      {"organisation", "The Foreign Ministry issued a note. “We reject the claims,” the ministry said.",
       {{"Foreign Ministry", O}}, "direct", "said", "the ministry", "Foreign Ministry"},
      {"unresolved description", "“Two men were arrested,” a police spokesman said.", {}, "direct", "said",
       "a police spokesman", ""},
      {"continuation without a cue", "“We will win,” Smith said. “Nobody can stop us now.”", {{"Smith", P}},
       "direct", "", "Smith", "Smith"},
      {"interrupted quote", "“We will win,” Smith said, “and nobody can stop us.”", {{"Smith", P}}, "direct",
       "said", "Smith", "Smith"},
      {"name inside the quote is not the speaker",
       "Ann Lee spoke first. “Heydar Aliyev arrived in Moscow that day,” she added.",
       {{"Ann Lee", P}, {"Heydar Aliyev", P}}, "direct", "added", "she", "Ann Lee"},
      {"appositive", "“Prices will fall,” said John Smith, a spokesman for the bank.", {{"John Smith", P}},
       "direct", "said", "John Smith", "John Smith"},
      {"indirect that", "Aliyeva emphasized that the failure of the talks paved the way for war.", {{"Aliyeva", P}},
       "indirect", "emphasized", "Aliyeva", "Aliyeva"},
      {"indirect bare clause", "Smith said the talks had failed.", {{"Smith", P}}, "indirect", "said", "Smith",
       "Smith"},
      {"according to, clause after", "According to the police, three people were killed in the blast.", {},
       "indirect", "according to", "the police", ""},
      {"according to, clause before", "Three people were killed in the blast, according to the police.", {},
       "indirect", "according to", "the police", ""},
      {"indirect clause then cue", "The talks had failed, the minister told reporters on Monday.", {}, "indirect",
       "told reporters", "the minister", ""},
      {"urged to", "Sabina Aliyeva urged the world community to recognize the tragedy.", {{"Sabina Aliyeva", P}},
       "indirect", "urged", "Sabina Aliyeva", "Sabina Aliyeva"},
      {"fragment with cue", "Smith called the decision a “grave mistake” in his speech.", {{"Smith", P}},
       "fragment", "called", "Smith", "Smith"},
      {"pronoun with no antecedent stays unresolved", "“It is over,” they said.", {}, "direct", "said", "they", ""},
      {"title abbreviation inside the window", "''We will win,'' Mr. Trump said.", {{"Trump", P}}, "direct", "said",
       "Mr. Trump", "Trump"},
      {"colon introduction", "Clinton was blunt: “Our goal is to defeat them.”", {{"Clinton", P}}, "direct", "",
       "Clinton", "Clinton"},
      {"plural possessive inside an appositive",
       "“We will win,” Jeff Weaver, Sanders' campaign manager, said in a statement.", {{"Jeff Weaver", P}}, "direct",
       "said", "Jeff Weaver", "Jeff Weaver"},
      {"parenthesis after the name", "“We will win,” Sen. Bernie Sanders (I-Vt.) said.", {{"Bernie Sanders", P}},
       "direct", "said", "Sen. Bernie Sanders", "Bernie Sanders"},
      {"regression: subject before a participle and a title abbreviation",
       "It came up after Mr. Grant, asked about Mr. Hale, had said, ''Our city does plenty of that.''",
       {{"Grant", P}}, "direct", "said", "Mr. Grant", "Grant"},
      {"regression: coordinated verbs share the subject",
       "Asked about the race, Ms. Lane laughed and said, ''I am still undecided.''", {{"Lane", P}},
       "direct", "said", "Ms. Lane", "Lane"},
      {"regression: participle after an opening phrase",
       "In a statement, Rep. Ann Brooks reacted to the verdict, saying: “The ruling must be appealed.”",
       {{"Ann Brooks", P}}, "direct", "saying", "Rep. Ann Brooks", "Ann Brooks"},
      {"regression: the name is the appositive",
       "In a statement, her chief of staff, Tom Baker, said: “The talks went well.”",
       {{"Tom Baker", P}}, "direct", "said", "Tom Baker", "Tom Baker"},
      {"regression: a title-case exclamation with its cue before",
       "She declared “What a Great Night!” and said the campaign would go on.", {}, "direct", "declared", "She",
       ""},
      {"regression: a finished quotation does not take the next sentence's verb",
       "“We will win,” Smith said. “It is a sad day for the city.” Reid said the two men are rivals.", {{"Smith", P}, {"Reid", P}},
       "direct", "", "Smith", "Smith"},
      {"regression: a finished quotation after a comma takes the cue before it",
       "Asked about it, Clinton said, “I do take responsibility.” She followed that by saying sorry.",
       {{"Clinton", P}}, "direct", "said", "Clinton", "Clinton"},
      {"regression: lower-case title words before an inverted name",
       "“This will appear in some ad,” said veteran pollster Frank Luntz.", {{"Frank Luntz", P}}, "direct", "said",
       "veteran pollster Frank Luntz", "Frank Luntz"},
      {"regression: a cue inside the next sentence is not the finished quotation's",
       "“We are a small town,” said Dennis Gaskin. “You almost never see a stranger here.” Perhaps, he said, "
       "the town will change.",
       {{"Dennis Gaskin", P}}, "direct", "", "Dennis Gaskin", "Dennis Gaskin"},
  };
  for (const AttrCase& c : cases) {
    SCOPED_TRACE(c.name);
    const AnnotatedDoc d = Annotate(c.text, {c.entities});
    const Quote* last = nullptr;
    for (const Quote& q : d.quotes)
      if (QuoteKindName(q.kind) == c.kind) last = &q;
    ASSERT_NE(last, nullptr);
    EXPECT_EQ(last->cue, c.cue);
    if (std::string(c.mention).empty()) {
      EXPECT_FALSE(last->speaker.has_value());
      continue;
    }
    ASSERT_TRUE(last->speaker.has_value());
    EXPECT_EQ(last->speaker->mention, c.mention);
    EXPECT_EQ(last->speaker->name, c.speaker);
    if (std::string(c.speaker).empty()) {
      EXPECT_EQ(last->speaker->entity, -1);
    }
  }
}

// ---- Indirect speech: the content span PolNeAR-style (the reported clause,
// without the cue and the speaker) and the speaker mention. Each row names
// the pattern it guards; the rows marked "regression" were missed before.
struct IndirectCase {
  const char* name;
  std::string text;
  const char* cue;
  const char* content;
  const char* mention;
};

TEST(QuoteStage, IndirectContent) {
  const IndirectCase cases[] = {
      {"regression: cue interrupting the sentence",
       "Without that, she said, the two towns would keep fighting over water.", "said",
       "Without that, she said, the two towns would keep fighting over water", "she"},
      {"regression: inverted cue interrupting the sentence",
       "And the mayor, said Jones, never forgives a slight from anyone.", "said",
       "And the mayor, said Jones, never forgives a slight from anyone", "Jones"},
      {"regression: subject without a determiner", "Almost half of respondents said the party had changed.",
       "said", "the party had changed", "Almost half of respondents"},
      {"regression: plural subject", "Other senators said they had no dealings with him.", "said",
       "they had no dealings with him", "Other senators"},
      {"regression: contraction opens the clause", "Cuban said he'd consider an offer from either side.", "said",
       "he'd consider an offer from either side", "Cuban"},
      {"regression: clause opening with an adjective", "The governor said inevitable reforms would close several mills.",
       "said", "inevitable reforms would close several mills", "The governor"},
      {"regression: second verb of the sentence's subject",
       "But Podesta denied the report and said the firm had done nothing wrong.", "said",
       "the firm had done nothing wrong", "Podesta"},
      {"regression: subject with appositions",
       "Roxana Leon, 63, an independent voter from Miami, said she wanted major change.", "said",
       "she wanted major change", "Roxana Leon"},
      {"an object content ends before a second predicate of the subject",
       "The senator endorsed the governor for president and campaigned with him in Ohio.", "endorsed",
       "the governor for president", "The senator"},
      {"an infinitive content ends before a second predicate of the subject",
       "The mayor promised to rebuild the harbor but left the city a month later.", "promised",
       "to rebuild the harbor", "The mayor"},
      {"a one-word object ends before a participle clause", "The senator praised Smith, saying he had saved the mill.",
       "praised", "Smith", "The senator"},
      {"a that-clause keeps its own coordinated verbs",
       "The mayor said the harbor flooded and cracked in the storm.", "said",
       "the harbor flooded and cracked in the storm", "The mayor"},
      {"regression: a conjunction bounds a plain subject",
       "But hacking specialists say the most harmful information might not be genuine.", "say",
       "the most harmful information might not be genuine", "hacking specialists"},
      {"regression: a share of respondents after while",
       "Most see him negatively while 61 percent say the same of his rival.", "say", "the same of his rival",
       "61 percent"},
      {"a named source's tag after a comma ends the content",
       "The minister called on the world community to act, News.Az reports.", "called on",
       "the world community to act", "The minister"},
      {"an outlet's tag after a comma ends the content", "The senator said the talks had failed, Reuters reported.",
       "said", "the talks had failed", "The senator"},
      {"a tag of two capitalised words ends the content",
       "The governor promised to rebuild the harbor, Jane Smith wrote.", "promised", "to rebuild the harbor",
       "The governor"},
      {"the tag's cut keeps a quotation's closing mark",
       "The senator said the race was “far from over,” Reuters reported.", "said",
       "the race was “far from over,”", "The senator"},
      {"a capitalised word after a comma with no tag keeps the content",
       "The senator said the talks had failed, Reuters and others reported on Monday.", "said",
       "the talks had failed, Reuters and others reported on Monday", "The senator"},
      {"regression: called for", "Trump called for a temporary ban on new arrivals, aides said.", "called for",
       "a temporary ban on new arrivals", "Trump"},
      {"regression: called someone something", "Alastair Osman called him a kind and loving person.", "called",
       "him a kind and loving person", "Alastair Osman"},
      {"regression: as the source reported",
       "As The Washington Post reported, even a split of the delegates would leave him far behind.", "reported",
       "even a split of the delegates would leave him far behind", "Washington Post"},
      {"regression: mined cue, object as content", "The senator offered a plan to cut taxes for families.",
       "offered", "a plan to cut taxes for families", "The senator"},
      {"regression: calls for", "The group calls for an end to the program.", "calls for", "an end to the program",
       "The group"},
      {"regression: content stops before a relative clause after a comma",
       "Smith said the bill would give police more time, which critics oppose.", "said",
       "the bill would give police more time", "Smith"},
      {"regression: content stops at a semicolon",
       "Most voters say they are paying attention; 26 percent say they are not.", "say",
       "they are paying attention", "Most voters"},
      {"regression: content stops before an inverted second cue",
       "Documents show he had a voice in decisions about investments, said a former spokesman.", "show",
       "he had a voice in decisions about investments", "Documents"},
      {"regression: bare clause after stressed", "The minister stressed the vote would be delayed.", "stressed",
       "the vote would be delayed", "The minister"},
      {"regression: told + object pronoun + bare clause", "Murphy told me he has had a quiet life.", "told",
       "he has had a quiet life", "Murphy"},
      {"regression: clause, then told + its object",
       "This includes a special force, Defense Secretary Ash Carter told a Senate panel Wednesday.", "told",
       "This includes a special force", "Defense Secretary Ash Carter"},
      {"regression: abbreviation before the comma of an apposition",
       "Sen. Rand Paul, R-Ky., told Fox News that polls could be way off.", "told", "that polls could be way off",
       "Sen. Rand Paul"},
      {"regression: according to, then a participle clause",
       "Verizon has struck a work agreement with unions, according to the Labor Department, taking a step toward "
       "ending a strike.",
       "according to", "Verizon has struck a work agreement with unions", "the Labor Department"},
      {"regression: see X as Y", "In South Florida, developers see golf courses as wasted space.", "see",
       "golf courses as wasted space", "developers"},
      {"regression: a poll opening the sentence",
       "In the latest Washington Post-ABC News poll, conducted in May, Clinton led Trump by eight points.", "In",
       "Clinton led Trump by eight points", "the latest Washington Post-ABC News poll"},
      {"regression: an abbreviation's period before the cue ends no sentence",
       "Rep. Hank Johnson (D-Ga.) said the early support of white voters had changed everything.", "said",
       "the early support of white voters had changed everything", "Rep. Hank Johnson"},
      {"regression: a lower-case word after an abbreviation's period", "Jeb Smith said the vote at 5 p.m. on Monday was close.",
       "said", "the vote at 5 p.m. on Monday was close", "Jeb Smith"},
      {"regression: a conditional clause after the verb of saying",
       "Cruz said if elected president he could work with the party's leaders.", "said",
       "if elected president he could work with the party's leaders", "Cruz"},
      {"a view framed by To and a name", "To Sharp, Trump is the kind man who saved her family's farm.", "To",
       "Trump is the kind man who saved her family's farm", "Sharp"},
      {"a view framed by But to and a pronoun", "But to others, he is a citizen journalist in military attire.", "to",
       "he is a citizen journalist in military attire", "others"},
      {"a view framed by To and a quantified group", "To many Democrats, the plan looks like a retreat.", "To",
       "the plan looks like a retreat", "many Democrats"},
      {"regression: a poll's name joined by a slash",
       "In an NBC News/Wall Street Journal poll released Monday, half of the voters chose Clinton.", "In",
       "half of the voters chose Clinton", "an NBC News/Wall Street Journal poll"},
      {"regression: a capitalised Poll", "In an ABC News/Washington Post Poll released Sunday, most voters disapproved.",
       "In", "most voters disapproved", "an ABC News/Washington Post Poll"},
      {"regression: asked whether", "The reporter asked him whether he would back the nominee.", "asked",
       "whether he would back the nominee", "The reporter"},
      {"regression: scare quotes inside indirect speech",
       "Reyes said the march was meant to calm \"angrier\" voices in the crowd.", "said",
       "the march was meant to calm \"angrier\" voices in the crowd", "Reyes"},
      {"regression: content stops at a participle clause",
       "Jones said the bill would raise wages, adding that it was overdue.", "said", "the bill would raise wages",
       "Jones"},
      {"regression: content stops at a contrast", "Most voters said the economy was weak, while others disagreed.",
       "said", "the economy was weak", "Most voters"},
      {"regression: content stops at a second reporting verb",
       "Smith said the plan had failed and noted that nobody had objected.", "said", "the plan had failed", "Smith"},
      {"regression: a clause after the cue is its content, not the words before the comma",
       "After a long talk about taxes, she said he had won her over.", "said", "he had won her over", "she"},
      {"regression: \"it\" opens a reported clause", "In response, the company said it reviewed the complaints.",
       "said", "it reviewed the complaints", "the company"},
      {"regression: a subject with a lower-case modifier after the clause",
       "The club raised $2 million for the shelter, club officials said.", "said",
       "The club raised $2 million for the shelter", "club officials"},
      {"regression: calling something quoted words", "The senator called the proposal a “cruel joke” on Friday.",
       "called", "the proposal a “cruel joke” on Friday", "The senator"},
      {"regression: polls show", "New polls show the senator with a wide lead in the state.", "show",
       "the senator with a wide lead in the state", "New polls"},
      {"stance verb: the object is the content", "The senator criticized the president's foreign policy.",
       "criticized", "the president's foreign policy", "The senator"},
      {"stance verb with an as-phrase", "Police described the crowd as largely peaceful.", "described",
       "the crowd as largely peaceful", "Police"},
      {"regression: support verb: the object is the content", "The union supports the governor in the primary.",
       "supports", "the governor in the primary", "The union"},
      {"regression: talking about something attributes it", "The governor talked about the new budget at length.",
       "talked about", "the new budget at length", "The governor"},
      {"regression: content stops at a coordinated second attribution",
       "Most voters said taxes were too high, and nearly half said the mayor should resign.", "said",
       "taxes were too high", "Most voters"},
      {"regression: a cue in a fronted subordinate clause: content ends with the clause",
       "Just when we thought the deals had slowed, we got the biggest deal in history.", "thought",
       "the deals had slowed", "we"},
      {"regression: a cue in a relative clause: content ends with the clause",
       "The union, which endorsed Mr. Sanders in December, launched a campaign on Monday.", "endorsed",
       "Mr. Sanders in December", "The union"},
      {"regression: a number's comma is no clause break",
       "As one company says there are more than 2,400 billionaires, the list grows.", "says",
       "there are more than 2,400 billionaires", "one company"},
      {"regression: called X “Y”, the quotation twelve words on and past an initial",
       "Speaker Paul D. Ryan called Donald J. Trump's remarks about a Latino judge “racist” on Tuesday.", "called",
       "Donald J. Trump's remarks about a Latino judge “racist” on Tuesday", "Ryan"},
      {"regression: a no-break space is a word gap",
       "On Monday,\xC2\xA0Trump\xC2\xA0said the country faces a very serious problem.", "said",
       "the country faces a very serious problem", "Trump"},
      {"regression: a word and its preposition: the object is the content",
       "The governor is critical of the new budget plan.", "critical of", "the new budget plan", "The governor"},
      {"regression: a coordinated subject bounded by the comma before it",
       "A guard pulled the reporter's arm as she asked a question, she and another reporter said.", "said",
       "A guard pulled the reporter's arm as she asked a question", "she and another reporter"},
      {"regression: a participle clause after a trailing cue",
       "Washington did not complain when spending helped growth, a Chinese official said, adding that the "
       "plants would close slowly.",
       "said", "Washington did not complain when spending helped growth", "a Chinese official"},
      {"regression: according to a source without a determiner",
       "According to people close to the campaign, the adviser was fired on Monday.", "according to",
       "the adviser was fired on Monday", "people close to the campaign"},
      {"regression: a fragment's cue reports the clause around it",
       "Sanders insists Clinton is mounting a “phony attack.”", "insists", "Clinton is mounting a “phony attack.",
       "Sanders"},
      {"regression: a long according-to source reaching its comma",
       "According to early results of the exit polls conducted for The Associated Press and television networks by "
       "Edison Research, most voters felt betrayed.",
       "according to", "most voters felt betrayed",
       "early results of the exit polls conducted for The Associated Press and television networks by Edison "
       "Research"},
      {"regression: an according-to source over a slash",
       "According to a Reuters/Ipsos poll, the two candidates are in a dead heat nationally.", "according to",
       "the two candidates are in a dead heat nationally", "a Reuters"},
      {"regression: according to interrupting the sentence",
       "The implication, according to the aide, is that the rival cheated.", "according to",
       "The implication, according to the aide, is that the rival cheated", "the aide"},
      {"regression: an apposition after a comma ends the content",
       "The mayor criticized the harbor plan, a scheme the council approved last year.", "criticized",
       "the harbor plan", "The mayor"},
      {"regression: a concession after a comma ends the content",
       "The senator said she would back the bill, even as her party opposed it.", "said",
       "she would back the bill", "The senator"},
      {"regression: a long apposition after an inverted speaker",
       "New tolls are unlikely to cut traffic much, said Jane Porter, an engineer at the port authority and one "
       "of the city's most senior planners.",
       "said", "New tolls are unlikely to cut traffic much", "Jane Porter"},
      {"regression: a relative clause after an inverted speaker's apposition",
       "New tolls are unlikely to cut traffic much, said Jane Porter, an engineer at the port authority, who has "
       "studied the bridge for a decade.",
       "said", "New tolls are unlikely to cut traffic much", "Jane Porter"},
      {"regression: a particle verb's second particle (pointed to)",
       "The governor pointed to the example of Ohio, which lost two plants.", "pointed to", "the example of Ohio",
       "The governor"},
      {"regression: call for", "Union leaders call for a higher minimum wage in every state.", "call for",
       "a higher minimum wage in every state", "Union leaders"},
      {"regression: spoke of", "The bishop spoke of a duty to welcome strangers.", "spoke of",
       "a duty to welcome strangers", "The bishop"},
      {"regression: a subject before a negated auxiliary",
       "A spokesman for the agency did not immediately respond to a request for comment.", "respond to",
       "a request for comment", "A spokesman for the agency"},
      {"regression: a coordinated subject of a trailing \"told\", bounded by the comma",
       "The plant will close in March, workers and union officials told the Gazette.", "told",
       "The plant will close in March", "workers and union officials"},
      {"regression: a passive cue with its agent", "The story was first reported by the Harbor Gazette.",
       "reported by", "The story", "the Harbor Gazette"},
      {"regression: a passive participle after a comma", "The toll plan, opposed by most farmers, passed on Friday.",
       "opposed by", "The toll plan", "most farmers"},
      {"regression: a passive agent stops at a preposition", "He was criticized by his own party for the vote.",
       "criticized by", "He", "his own party"},
      {"regression: an inverted cue after a quoted fragment ends the reported clause",
       "The toll plan is “dead on arrival,” said Jane Porter, an analyst at the port authority.", "said",
       "The toll plan is “dead on arrival,”", "Jane Porter"},
      {"regression: an inverted speaker with a capitalised word and a title before the name",
       "The toll plan is “dead on arrival,” said Republican strategist Jane Porter, a longtime ally of the mayor.",
       "said", "The toll plan is “dead on arrival,”", "Republican strategist Jane Porter"},
      {"regression: a participle cue opening its sentence",
       "Noting that only one farmer voted for the levy, the mayor said the plan was dead.", "Noting",
       "that only one farmer voted for the levy", "the mayor"},
      {"regression: a short answer after a verb of saying", "The farmers said yes.", "said", "yes", "The farmers"},
      {"regression: \"said the same\"", "Only 26 percent of farmers said the same.", "said", "the same",
       "Only 26 percent of farmers"},
      {"regression: a that-clause after a verb the lexicon lacks", "The court ruled that the levy was unlawful.",
       "ruled", "that the levy was unlawful", "The court"},
      {"regression: a that-clause after an adjective of certainty", "The mayor is confident that the plant will reopen.",
       "confident", "that the plant will reopen", "The mayor"},
      {"regression: a whether-clause after a word the lexicon lacks",
       "The farmers are unsure whether the levy will pass.", "unsure", "whether the levy will pass", "The farmers"},
      {"regression: a stance verb cueing only in the passive", "The levy was backed by most farmers.", "backed by",
       "The levy", "most farmers"},
  };
  // "Asked …, X said": the question has no named asker (X is the one asked).
  {
    const AnnotatedDoc d = Annotate("Asked whether he would run again, Smith said he had not decided.");
    const Quote* asked = nullptr;
    for (const Quote& q : d.quotes)
      if (q.cue == "Asked") asked = &q;
    ASSERT_NE(asked, nullptr);
    EXPECT_EQ(Text(d, *asked), "whether he would run again");
    EXPECT_FALSE(asked->speaker.has_value());
  }
  // Seeing without "as" reports nothing: "We saw the game on Sunday."
  {
    const AnnotatedDoc d = Annotate("We saw the game on Sunday with our friends.\n");
    EXPECT_TRUE(d.quotes.empty());
  }
  // Regression: a passive question ("when asked whether …", "was asked by
  // a host if …") is read the same way.
  {
    const AnnotatedDoc d = Annotate("“You bet I would,” Christie said when asked whether he would order a quarantine.\n\n"
                                    "He was asked by Matt Lauer if he had practiced the speech, and he laughed.\n");
    std::vector<std::string> got;
    for (const Quote& q : d.quotes)
      if (q.cue == "asked") got.push_back(Text(d, q) + "|" + (q.speaker ? q.speaker->mention : ""));
    EXPECT_EQ(got, std::vector<std::string>({"whether he would order a quarantine|",
                                             "if he had practiced the speech|"}));
  }
  // Evidential verbs report an impression without a source: the subject
  // and its complement are the content, there is no speaker.
  {
    const AnnotatedDoc d = Annotate("The senator seemed tired after the long debate.\n\n"
                                    "The bill is expected to pass next week, aides said.\n\n"
                                    "It appears that the talks have stalled.\n");
    std::vector<std::string> got;
    for (const Quote& q : d.quotes)
      if (q.speaker == std::nullopt) got.push_back(q.cue + "|" + Text(d, q));
    EXPECT_EQ(got, std::vector<std::string>({"seemed|The senator seemed tired after the long debate",
                                             "is expected|The bill is expected to pass next week",
                                             "appears|the talks have stalled"}));
  }
  // A cue word after a name's possessive (or a determiner) is a noun:
  // "Lopez’s show" introduces nothing.
  {
    const AnnotatedDoc d = Annotate("Lopez’s show was cancelled after a two-year run.\n");
    EXPECT_TRUE(d.quotes.empty());
  }
  // A paragraph opening with "Name: …" (headline, transcript) attributes
  // the rest to the name; labels ("Editor’s note:", "Update:") do not.
  {
    const AnnotatedDoc d = Annotate("Jane Porter: The Budget Is a Mistake.\n\nUpdate: The vote was moved.\n\n"
                                    "Editor’s note: This story was corrected.\n\n"
                                    "The Latest: Cruz to give away an engraved shotgun.\n\n"  // regression: a kicker
                                    "Contributing: Deborah Berry and Greg Toppo\n");           // regression: a credit
    std::vector<std::string> got;
    for (const Quote& q : d.quotes) got.push_back(q.cue + "|" + Text(d, q) + "|" + (q.speaker ? q.speaker->mention : ""));
    EXPECT_EQ(got, std::vector<std::string>({":|The Budget Is a Mistake|Jane Porter"}));
  }
  // Regression: a "Name: ‘…’ …" headline quoting the speaker and going on
  // past the closing mark is one direct quotation to its end (it was lost:
  // the title-case quotation is no quotation of its own).
  {
    const AnnotatedDoc d = Annotate("Bernie Sanders: ‘It Is Not A Radical Idea’ To Ask For A Higher Wage\n\n"
                                    "Jane Porter: “We will win.”\n");
    std::vector<std::string> got;
    for (const Quote& q : d.quotes)
      got.push_back(std::string(QuoteKindName(q.kind)) + "|" + q.cue + "|" + Text(d, q) + "|" +
                    (q.speaker ? q.speaker->mention : ""));
    EXPECT_EQ(got, std::vector<std::string>(
                       {"direct|:|It Is Not A Radical Idea’ To Ask For A Higher Wage|Bernie Sanders",
                        "direct||We will win.|Jane Porter"}));
  }
  // Regression: a stance verb (or any cue) whose subject no finder takes
  // keeps its content, with no speaker; after "of" or "for" the word is a
  // noun.
  {
    const AnnotatedDoc d = Annotate(
        "There were sharper moments, such as when Cruz knocked Rubio on trade and called him a “moderate” in Iowa.\n\n"
        "The politics of blame dominated the week.\n\n"
        "Few expected it, but by noon the three agencies -- tired of waiting -- warned that the fund would run dry.\n");
    std::vector<std::string> got;
    for (const Quote& q : d.quotes)
      if (q.kind == QuoteKind::kIndirect) got.push_back(q.cue + "|" + Text(d, q) + "|" + (q.speaker ? "x" : ""));
    EXPECT_EQ(got, std::vector<std::string>(
                       {"called|him a “moderate” in Iowa|", "warned|that the fund would run dry|"}));
  }
  // A title-case headline with a capitalised cue: the words before it are
  // the speaker, the words after it the content; "to Know", "Named By" are
  // no cues.
  {
    const AnnotatedDoc d = Annotate(
        "Farm Lobby Says Drought Aid Came Too Late.\n\nThe aid arrived in May.\n\n"
        "10 Things to Know for Today.\n\nRail Suspect Named By Police Before Mayor's Briefing.\n\n"
        "Harbor Union Chief Slams Port Authority Budget.\n");
    std::vector<std::string> got;
    for (const Quote& q : d.quotes) got.push_back(q.cue + "|" + Text(d, q) + "|" + (q.speaker ? q.speaker->mention : ""));
    EXPECT_EQ(got, std::vector<std::string>({"Says|Drought Aid Came Too Late|Farm Lobby",
                                             "Slams|Port Authority Budget|Harbor Union Chief"}));
  }
  // Regression: "…, Jane Porter, told Reuters she would …" took the words
  // before the speaker as the content (a trailing "told"): a subject
  // pronoun after told's object opens the reported clause.
  {
    const AnnotatedDoc d = Annotate("One farmer from the valley, Jane Porter, told Reuters she would sell the farm.\n");
    ASSERT_EQ(d.quotes.size(), 1u);
    EXPECT_NE(Text(d, d.quotes[0]).find("she would sell the farm"), std::string::npos);
    EXPECT_EQ(Text(d, d.quotes[0]).find("One farmer"), std::string::npos);
  }
  // Regression: "pledged delegates" and a passive "found" are no cues.
  {
    const AnnotatedDoc d = Annotate(
        "The mayor has won 1,800 pledged delegates so far.\n\nThe full report can be found here.\n\n"
        "The boy was found safe at the station.\n");
    EXPECT_TRUE(d.quotes.empty());
  }
  // Regression: "appeared" before a place preposition is no evidential;
  // before a complement it is.
  {
    const AnnotatedDoc d = Annotate(
        "The governor appeared at the county fair on Sunday.\n\nThe essay first appeared in the Gazette.\n\n"
        "The governor appeared tired after the long debate.\n");
    std::vector<std::string> got;
    for (const Quote& q : d.quotes) got.push_back(q.cue + "|" + Text(d, q));
    EXPECT_EQ(got, std::vector<std::string>({"appeared|The governor appeared tired after the long debate"}));
  }
  // Regression: a "Name: number" tally line attributes no words.
  {
    const AnnotatedDoc d = Annotate("Delegates so far.\n\nJane Porter: 1,769\n\nJohn Smith: 1,501\n");
    EXPECT_TRUE(d.quotes.empty());
  }
  // Regression: "Asked in Iowa recently whether …": a time or place
  // phrase between "Asked" and the question.
  {
    const AnnotatedDoc d =
        Annotate("Asked in Ohio recently whether she would back the levy, Porter gave a vague answer.\n");
    ASSERT_FALSE(d.quotes.empty());
    EXPECT_EQ(d.quotes[0].cue, "Asked");
    EXPECT_EQ(Text(d, d.quotes[0]), "whether she would back the levy");
  }
  // A that-clause opening with a number; a noun of report or claim before
  // one ("complaints that …").
  {
    const AnnotatedDoc d = Annotate("The court ruled that 40 farmers had been misled. "
                                    "There were complaints that the levy was unfair.\n");
    std::vector<std::string> got;
    for (const Quote& q : d.quotes) got.push_back(q.cue + "|" + Text(d, q));
    EXPECT_EQ(got, std::vector<std::string>({"ruled|that 40 farmers had been misled",
                                             "complaints|that the levy was unfair"}));
  }
  // A relative "that" after a noun is no that-clause; a noun in -tion
  // before one is (no speaker named here).
  {
    const AnnotatedDoc d = Annotate("The bridge that he designed collapsed in the storm. "
                                    "The clerk made a suggestion that the vote be delayed.\n");
    std::vector<std::string> got;
    for (const Quote& q : d.quotes) got.push_back(q.cue + "|" + Text(d, q));
    EXPECT_EQ(got, std::vector<std::string>({"suggestion|that the vote be delayed"}));
  }
  // Regression: "is not expected to" / "is widely expected to": an adverb
  // between the auxiliary and the evidential "expected".
  {
    const AnnotatedDoc d = Annotate("The levy is not expected to pass before June. The vote is widely expected to fail.\n");
    std::vector<std::string> got;
    for (const Quote& q : d.quotes) got.push_back(q.cue + "|" + Text(d, q));
    EXPECT_EQ(got, std::vector<std::string>({"is not expected|The levy is not expected to pass before June",
                                             "is widely expected|The vote is widely expected to fail"}));
  }
  // A hearsay adverb reports its clause with no source.
  {
    const AnnotatedDoc d = Annotate("The council is reportedly planning a new levy.\n");
    ASSERT_EQ(d.quotes.size(), 1u);
    EXPECT_EQ(d.quotes[0].cue, "reportedly");
    EXPECT_EQ(Text(d, d.quotes[0]), "The council is reportedly planning a new levy");
    EXPECT_FALSE(d.quotes[0].speaker.has_value());
  }
  // A passive-only cue in the active or as a modifier is none.
  {
    const AnnotatedDoc d = Annotate("The farmers backed the levy. The rebels, backed by Moscow troops, took the town.\n");
    for (const Quote& q : d.quotes) EXPECT_NE(Text(d, q), "the levy");
  }
  // Regression: a participle cue after a comma took the words after it as
  // an inverted speaker ("…, pointing to the new jobs": speaker "the new
  // jobs", content the clause before the comma).
  {
    const AnnotatedDoc d = Annotate("The mayor defended the budget, pointing to the new jobs in the harbor.\n");
    const Quote* q = nullptr;
    for (const Quote& x : d.quotes)
      if (x.cue == "pointing to") q = &x;
    ASSERT_NE(q, nullptr);
    EXPECT_EQ(Text(d, *q), "the new jobs in the harbor");
    ASSERT_TRUE(q->speaker.has_value());
    EXPECT_EQ(q->speaker->mention.find("the new jobs"), std::string::npos);
  }
  // Regression: a verb of saying whose subject no finder takes keeps its
  // clause, with no speaker (it was dropped).
  {
    const AnnotatedDoc d =
        Annotate("The justice -- who has been in a scuffle with the nominee -- said she regretted her remarks.\n");
    ASSERT_EQ(d.quotes.size(), 1u);
    EXPECT_EQ(d.quotes[0].cue, "said");
    EXPECT_EQ(Text(d, d.quotes[0]), "she regretted her remarks");
    EXPECT_FALSE(d.quotes[0].speaker.has_value());
  }
  for (const IndirectCase& c : cases) {
    SCOPED_TRACE(c.name);
    const AnnotatedDoc d = Annotate(c.text);
    const Quote* ind = nullptr;  // the first indirect speech with the row's cue
    for (const Quote& q : d.quotes)
      if (q.kind == QuoteKind::kIndirect && q.cue == c.cue && !ind) ind = &q;
    ASSERT_NE(ind, nullptr);
    EXPECT_EQ(ind->cue, c.cue);
    EXPECT_EQ(Text(d, *ind), c.content);
    ASSERT_TRUE(ind->speaker.has_value());
    EXPECT_EQ(ind->speaker->mention, c.mention);
  }
}

// "To be sure, …", "To date, …", "For Trump, …": no view framed by "To".
TEST(QuoteStage, ToFrameNeedsAPerson) {
  for (const char* text : {"To be sure, the plan has its critics in the party.\n",
                           "To date, the plan has cost the city nine million dollars.\n",
                           "For Trump, the returns seemed a reminder of the limits of rallies.\n",
                           "The mayor went to Boston, where the plan was announced.\n"}) {
    const AnnotatedDoc d = Annotate(text);
    for (const Quote& q : d.quotes) EXPECT_NE(AsciiLower(q.cue), "to") << text;
    for (const Quote& q : d.quotes) EXPECT_NE(q.cue, "For") << text;
  }
}

// Regression: a finished quotation took the cue of the next sentence, "Mr.
// Zahed said:", which introduces the quotation after the colon; it
// continues the speaker before it instead.
TEST(QuoteStage, RegressionColonCueIntroducesTheNextQuotation) {
  const AnnotatedDoc d = Annotate("“We are refugees,” Ms. Alawee said. “We are not terrorists.” Mr. Zahed said: "
                                  "“The attack is the work of terrorists.”",
                                  {{{"Ms. Alawee", EntityType::kPerson}, {"Mr. Zahed", EntityType::kPerson}}});
  std::vector<std::string> got;
  for (const Quote& q : d.quotes)
    got.push_back(Text(d, q) + "|" + q.cue + "|" + (q.speaker ? q.speaker->name : ""));
  EXPECT_EQ(got, std::vector<std::string>({"We are refugees,|said|Ms. Alawee", "We are not terrorists.||Ms. Alawee",
                                           "The attack is the work of terrorists.|said|Mr. Zahed"}));
}

// Regression: "States" in "the United States" was taken for the verb
// "states" and became the cue of the next quotation.
TEST(QuoteStage, RegressionCapitalisedWordIsNoCue) {
  const AnnotatedDoc d = Annotate("Clinton spoke about the United States: “If there had not been that intervention, "
                                  "things would be worse.”",
                                  {{{"Clinton", EntityType::kPerson}}});
  ASSERT_FALSE(d.quotes.empty());
  for (const Quote& q : d.quotes) EXPECT_NE(q.cue, "States");
}

// Regression: "states that …" was read as a verb and its that-clause ("in
// states that vote on March 1").
TEST(QuoteStage, RegressionStatesThatIsANoun) {
  const AnnotatedDoc d = Annotate("The campaign will compete hard in Western states that vote on March 1.\n");
  for (const Quote& q : d.quotes) EXPECT_NE(q.cue, "states") << Text(d, q);
}

// Regression: a short second quotation of one speech, all its long words
// capitalised, was dropped as a title ("That's the way it is, Nicole.").
TEST(QuoteStage, RegressionShortQuotationAfterAnotherIsNoTitle) {
  const AnnotatedDoc d = Annotate("“Politics is a rough game,” he said. “That is how it goes, Nicole.”\n");
  ASSERT_EQ(d.quotes.size(), 2u);
  EXPECT_EQ(QuoteKindName(d.quotes[1].kind), "direct");
  EXPECT_EQ(Text(d, d.quotes[1]), "That is how it goes, Nicole.");
  ASSERT_TRUE(d.quotes[1].speaker.has_value());
  EXPECT_EQ(d.quotes[1].speaker->mention, "he");
}

// Speech reported inside another speaker's content is that speaker's
// report, not an attribution of its own; outside it, it is one.
TEST(QuoteStage, NestedSpeechBelongsToTheOuterContent) {
  const AnnotatedDoc d = Annotate("The mayor said the governor wants to close the mill by June.\n");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].cue, "said");
  EXPECT_EQ(Text(d, d.quotes[0]), "the governor wants to close the mill by June");
  const AnnotatedDoc e = Annotate("The mayor said the mill would close by June. The governor wants to keep it open.\n");
  ASSERT_EQ(e.quotes.size(), 2u);
  EXPECT_EQ(e.quotes[0].cue, "said");
  EXPECT_EQ(e.quotes[1].cue, "wants");
  EXPECT_EQ(Text(e, e.quotes[1]), "to keep it open");
}

// A cue whose subject is a relative pronoun ("those who ordered") heads a
// clause inside a noun phrase: within another speaker's content it is part
// of that report even after a comma. Outside any content it stays.
TEST(QuoteStage, RelativeClauseSpeechBelongsToTheOuterContent) {
  const AnnotatedDoc d = Annotate(
      "The ombudsperson called on the world community to ensure that soldiers who committed these crimes, along "
      "with those who ordered the killings, are held accountable.\n");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].cue, "called on");
  EXPECT_EQ(Text(d, d.quotes[0]),
            "the world community to ensure that soldiers who committed these crimes, along with those who ordered "
            "the killings, are held accountable");
  const AnnotatedDoc f = Annotate("The mayor met the workers who demanded a higher wage.\n");
  bool demanded = false;
  for (const Quote& q : f.quotes) demanded = demanded || q.cue == "demanded";
  EXPECT_TRUE(demanded);
}

// A sentence-opening adverb or preposition is no speaker ("Outside" was
// taken for a name): the speaker is the main clause's subject, or none.
TEST(QuoteStage, SentenceOpeningAdverbIsNoSpeaker) {
  struct Row {
    const char* text;
    const char* cue;
    const char* mention;  // "" for no speaker
  };
  const Row rows[] = {
      {"Ultimately, the mayor refused to sign the agreement with the union.\n", "refused", "the mayor"},
      {"Inside the hall, Smith dismissed the governor as a weak leader, arguing that the budget had failed.\n",
       "arguing", "Smith"},
      {"Outside the arena, about 200 protesters gathered in three groups, chanting “Dump Trump.”\n", "chanting", ""},
  };
  for (const Row& r : rows) {
    SCOPED_TRACE(r.text);
    const AnnotatedDoc d = Annotate(r.text);
    const Quote* q = nullptr;
    for (const Quote& x : d.quotes)
      if (x.cue == r.cue && !q) q = &x;
    ASSERT_NE(q, nullptr);
    if (*r.mention) {
      ASSERT_TRUE(q->speaker.has_value());
      EXPECT_EQ(q->speaker->mention, r.mention);
    } else {
      EXPECT_FALSE(q->speaker.has_value()) << q->speaker->mention;
    }
  }
}

// "News.Az reports": a period before a capitalised web domain ending joins
// the outlet's name and ends no sentence; a period before any other
// capital is still a glued sentence end ("added.Aliyeva").
TEST(QuoteStage, WebDomainNameIsNoSentenceEnd) {
  const AnnotatedDoc d = Annotate("The minister said the talks had failed, Trend.Az reports. “We will try again,” "
                                  "she added.Aliyeva emphasized that the talks would go on.\n");
  std::vector<std::string> got;
  for (const Quote& q : d.quotes) got.push_back(q.cue + "|" + Text(d, q));
  EXPECT_EQ(got, std::vector<std::string>({"reports|The minister said the talks had failed", "said|the talks had failed",
                                           "added|We will try again,",
                                           "emphasized|that the talks would go on"}));
}

// A direct quotation whose sentence runs on after its closing mark is a
// mixed quotation: the content is the clause to its end, before the
// quotation's own cue and speaker. A quotation ending in punctuation, or
// followed by its cue or by a pronoun opening one, keeps its bounds.
struct MixedCase {
  const char* name;
  std::string text;
  const char* content;  // the first direct quotation's content
  const char* cue;
};

TEST(QuoteStage, MixedQuotationRunsToTheClauseEnd) {
  const MixedCase cases[] = {
      {"cue and inverted speaker after the clause",
       "\"We are extremely happy\" about the decision, said Rose Miller, a union leader.",
       "We are extremely happy\" about the decision", "said"},
      {"pronoun and cue after the clause", "“The politics are just so blatant” in the legislature, he said.",
       "The politics are just so blatant” in the legislature", "said"},
      {"title words go with the speaker",
       "“Boots on the ground” would be appropriate, Republican candidate Ben Carson said on Sunday.",
       "Boots on the ground” would be appropriate", "said"},
      {"no cue: the sentence end", "“People were celebrating” before the attack. The police said nothing.",
       "People were celebrating” before the attack", ""},
      {"punctuation inside: no mixed quotation", "“We will win,” the mayor said on Monday.", "We will win,", "said"},
      {"cue right after the mark", "“We will win” said the mayor on Monday.", "We will win", "said"},
      {"pronoun right after the mark", "“We will win” he said on Monday.", "We will win", "said"},
  };
  for (const MixedCase& c : cases) {
    SCOPED_TRACE(c.name);
    const AnnotatedDoc d = Annotate(c.text);
    const Quote* q = nullptr;
    for (const Quote& x : d.quotes)
      if (x.kind == QuoteKind::kDirect && !q) q = &x;
    ASSERT_NE(q, nullptr);
    EXPECT_EQ(Text(d, *q), c.content);
    EXPECT_EQ(q->cue, c.cue);
  }
}

// A lower-case quotation after a comma is what was said when the comma
// follows its sentence's subject and a verb introducing quotations; after a
// cue interrupting its sentence, or after another word, it carries the
// sentence on (a fragment).
TEST(QuoteStage, LowerCaseQuotationAfterCueAndComma) {
  const StyleCase cases[] = {
      {"subject, verb, comma", "He says, “that’s how you get smart, by listening.”", "direct",
       "that’s how you get smart, by listening."},
      {"added, comma", "It added, “the visit comes as the campaign plans new attacks.”", "direct",
       "the visit comes as the campaign plans new attacks."},
      {"cue interrupting its sentence", "An economic downturn, he said, “could be a good time to borrow.”", "fragment",
       "could be a good time to borrow."},
      {"no cue before the comma", "He rarely asks surrogates, “except for people I’m close to.”", "fragment",
       "except for people I’m close to."},
  };
  for (const StyleCase& c : cases) {
    SCOPED_TRACE(c.name);
    const AnnotatedDoc d = Annotate(c.text);
    const Quote* q = nullptr;
    for (const Quote& x : d.quotes)
      if (x.kind != QuoteKind::kIndirect && !q) q = &x;
    ASSERT_NE(q, nullptr);
    EXPECT_EQ(QuoteKindName(q->kind), c.kind);
    EXPECT_EQ(Text(d, *q), c.content);
  }
}

TEST(QuoteStage, RolesFromTitles) {
  const AnnotatedDoc d =
      Annotate("Azerbaijan’s Human Rights Commissioner (Ombudsman) Sabina Aliyeva spoke. Later, John Smith, "
               "a spokesman for the bank, agreed.",
               {{{"Sabina Aliyeva", EntityType::kPerson}, {"John Smith", EntityType::kPerson}}});
  EXPECT_EQ(d.entities[0].role, "Human Rights Commissioner (Ombudsman)");
  EXPECT_EQ(d.entities[0].affiliation, "Azerbaijan");
  EXPECT_EQ(d.entities[1].role, "a spokesman for the bank");
  // A list of titled people is no apposition (George Bush had the role
  // "Secretary of State George Shultz"); a title before a line wrap is
  // still the name's title.
  const AnnotatedDoc e = Annotate(
      "Abe said he will meet President Reagan, Vice President\nGeorge Bush, Secretary of State George Shultz, "
      "Defence\nSecretary Caspar Weinberger and others.",
      {{{"George Bush", EntityType::kPerson}, {"George Shultz", EntityType::kPerson},
        {"Caspar Weinberger", EntityType::kPerson}}});
  EXPECT_EQ(e.entities[0].role, "Vice President");
  EXPECT_EQ(e.entities[1].role.find("George"), std::string::npos);
  EXPECT_EQ(e.entities[2].role, "Defence Secretary");
  const AnnotatedDoc f = Annotate("They met George Bush, Secretary of State George Shultz, and others.",
                                  {{{"George Bush", EntityType::kPerson}, {"George Shultz", EntityType::kPerson}}});
  EXPECT_EQ(f.entities[0].role, "");
}

TEST(QuoteStage, SpansAreInsideTheTextAndOrdered) {
  const AnnotatedDoc d = Annotate("“A b c,” he said. \"D e f\" ‘g h’ «i j» “k l ‘m n’ o” 5\" x");
  uint32_t prev = 0;
  for (const Quote& q : d.quotes) {
    EXPECT_LE(q.start, q.end);
    EXPECT_LE(q.end, d.doc.text.size());
    EXPECT_GE(q.start, prev);
    prev = q.start;
  }
}

}  // namespace
}  // namespace annals
