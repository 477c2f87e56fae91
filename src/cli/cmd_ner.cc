// `annals train ner`, `annals train ner-lexicon` and `annals eval ner`: train
// the named-entity model, build its lexicon from unlabeled text and
// gazetteers, and score a model on CoNLL data.
#include <cstdio>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "ner/conll.h"
#include "ner/lexicon_builder.h"
#include "ner/model.h"
#include "ner/ner_eval.h"
#include "ner/sgml_text.h"
#include "ner/trainer.h"
#include "read/reader.h"

namespace annals {

namespace {

struct TrainNerArgs {
  std::string train;
  std::string dev;
  std::string out;
  std::string lexicon;
  int epochs = 10;
  uint64_t seed = 1;
  int min_count = 1;
};

int RunTrainNer(const TrainNerArgs& a, const std::string& command_line) {
  auto train = ner::ReadConll(a.train);
  if (!train.ok()) return ReportError(train.status());
  std::vector<ner::ConllDocument> dev;
  if (!a.dev.empty()) {
    auto d = ner::ReadConll(a.dev);
    if (!d.ok()) return ReportError(d.status());
    dev = std::move(*d);
  }
  ner::LexiconData lexicon;
  if (!a.lexicon.empty()) {
    auto lex_model = ner::NerModel::Open(a.lexicon);
    if (!lex_model.ok()) return ReportError(lex_model.status());
    lexicon = ner::CopyLexicon((*lex_model)->lexicon());
  }
  std::fprintf(stderr, "annals train ner: %zu training tokens, %zu dev tokens\n", ner::CountTokens(*train),
               ner::CountTokens(dev));
  ner::TrainOptions opt;
  opt.epochs = a.epochs;
  opt.seed = a.seed;
  opt.min_count = a.min_count;
  opt.description = command_line;
  opt.progress = [](const std::string& s) { std::fprintf(stderr, "annals train ner: %s\n", s.c_str()); };
  ner::TrainReport report;
  auto model = ner::TrainNer(*train, dev, lexicon, opt, &report);
  if (!model.ok()) return ReportError(model.status());
  Status st = ner::WriteModelFile(*model, a.out);
  if (!st.ok()) return ReportError(st);
  std::string bytes = ner::SerializeModel(*model);
  auto loaded = ner::NerModel::FromBytes(std::move(bytes));
  if (!loaded.ok()) return ReportError(loaded.status());
  if (!dev.empty()) {
    ner::NerScorer s = ner::EvaluateModel(**loaded, dev);
    std::fprintf(stderr, "annals train ner: wrote %s (%zu bytes); dev F1 of the written model %.4f (epoch %d)\n",
                 a.out.c_str(), (*loaded)->file_size(), s.overall().F1(), report.best_epoch);
  }
  return kExitOk;
}

int RunEvalNer(const std::string& model_path, const std::string& data) {
  auto model = ner::NerModel::Open(model_path);
  if (!model.ok()) return ReportError(model.status());
  auto docs = ner::ReadConll(data);
  if (!docs.ok()) return ReportError(docs.status());
  ner::NerScorer s = ner::EvaluateModel(**model, *docs);
  std::printf("%s", s.Report().c_str());
  std::printf("tokens %llu\n", static_cast<unsigned long long>(s.tokens()));
  return kExitOk;
}

struct LexiconArgs {
  std::vector<std::string> corpus;
  std::vector<std::string> gazetteers;
  std::string out;
  int clusters = 256;
  int min_count = 5;
  int iterations = 8;
};

int RunTrainLexicon(const LexiconArgs& a, const std::string& command_line) {
  ner::LexiconBuilder builder;
  if (!a.corpus.empty()) {
    // Reuters SGML files are read with the built-in extractor (titles and
    // bodies); anything else goes through the readers.
    uint64_t docs = 0;
    std::vector<std::string> others;
    for (const std::string& path : a.corpus) {
      if (path.size() > 4 && path.compare(path.size() - 4, 4, ".sgm") == 0) {
        std::vector<std::string> texts;
        Status st = ner::ReadSgmlTexts(path, &texts);
        if (!st.ok()) return ReportError(st);
        for (const std::string& t : texts) builder.AddText(t);
        docs += texts.size();
      } else {
        others.push_back(path);
      }
    }
    if (!others.empty()) {
      ReadOptions ropt;
      ropt.on_document = [&](Document&& d) {
        builder.AddText(d.title);
        builder.AddText(d.text);
        ++docs;
        return true;
      };
      ropt.on_problem = [](const ReadProblem& p) { std::fprintf(stderr, "%s\n", p.ToString().c_str()); };
      ReadStats stats;
      Status st = ReadInputs(others, ropt, &stats);
      if (!st.ok()) return ReportError(st);
    }
    std::fprintf(stderr, "annals train ner-lexicon: %llu texts, %llu tokens\n", static_cast<unsigned long long>(docs),
                 static_cast<unsigned long long>(builder.tokens()));
  }
  for (const std::string& g : a.gazetteers) {
    Status st = builder.AddGazetteerFile(g);
    if (!st.ok()) return ReportError(st);
  }
  ner::ClusterOptions copt;
  copt.clusters = a.clusters;
  copt.min_count = a.min_count;
  copt.iterations = a.iterations;
  copt.progress = [](const std::string& s) { std::fprintf(stderr, "annals train ner-lexicon: %s\n", s.c_str()); };
  ner::ModelData data;
  data.lexicon = builder.Build(copt);
  data.transitions.assign(ner::kTransDim * ner::kTransDim, 0.0f);
  data.description = command_line;
  Status st = ner::WriteModelFile(data, a.out);
  if (!st.ok()) return ReportError(st);
  std::fprintf(stderr, "annals train ner-lexicon: wrote %s\n", a.out.c_str());
  return kExitOk;
}

std::string JoinArgs(const std::vector<std::string>& parts) {
  std::string s;
  for (const auto& p : parts) {
    if (!s.empty()) s += ' ';
    s += p;
  }
  return s;
}

}  // namespace

void AddTrainNerCommand(CLI::App* train, int* exit_code) {
  auto a = std::make_shared<TrainNerArgs>();
  CLI::App* cmd = train->add_subcommand("ner", "Train the named-entity recogniser on CoNLL data");
  cmd->add_option("--train", a->train, "Training data, CoNLL format")->required();
  cmd->add_option("--dev", a->dev, "Dev data, CoNLL format: picks the best epoch");
  cmd->add_option("--out", a->out, "Model file to write")->required();
  cmd->add_option("--lexicon", a->lexicon, "Lexicon (clusters, casing, gazetteers) from `annals train ner-lexicon`");
  cmd->add_option("--epochs", a->epochs, "Passes over the training data")->check(CLI::Range(1, 1000));
  cmd->add_option("--seed", a->seed, "Seed of the sentence order");
  cmd->add_option("--min-count", a->min_count, "Drop features seen fewer times")->check(CLI::Range(1, 1000));
  cmd->callback([a, exit_code] {
    std::string desc = "annals train ner --train " + a->train + " --dev " + a->dev + " --lexicon " + a->lexicon +
                       " --epochs " + std::to_string(a->epochs) + " --seed " + std::to_string(a->seed) +
                       " --min-count " + std::to_string(a->min_count);
    *exit_code = RunTrainNer(*a, desc);
  });

  auto l = std::make_shared<LexiconArgs>();
  CLI::App* lex = train->add_subcommand("ner-lexicon", "Build the NER lexicon: word clusters and casing from unlabeled text, gazetteers");
  lex->add_option("--corpus", l->corpus, "Unlabeled news (files or folders any reader accepts)");
  lex->add_option("--gazetteer", l->gazetteers, "Gazetteer file: lines 'TYPE<TAB>name' (TYPE: PER ORG LOC MISC)");
  lex->add_option("--out", l->out, "Lexicon file to write")->required();
  lex->add_option("--clusters", l->clusters, "Number of word clusters (power of two)")->check(CLI::Range(2, 65536));
  lex->add_option("--min-count", l->min_count, "Cluster only words seen this often")->check(CLI::Range(1, 1000000));
  lex->add_option("--iterations", l->iterations, "Clustering iterations")->check(CLI::Range(0, 100));
  lex->callback([l, exit_code] {
    std::string desc = "annals train ner-lexicon --corpus " + JoinArgs(l->corpus) + " --gazetteer " +
                       JoinArgs(l->gazetteers) + " --clusters " + std::to_string(l->clusters) + " --min-count " +
                       std::to_string(l->min_count) + " --iterations " + std::to_string(l->iterations);
    *exit_code = RunTrainLexicon(*l, desc);
  });
}

void AddEvalNerCommand(CLI::App* eval, int* exit_code) {
  auto model = std::make_shared<std::string>();
  auto data = std::make_shared<std::string>();
  CLI::App* cmd = eval->add_subcommand("ner", "Score a NER model on CoNLL data (exact span match, conlleval)");
  cmd->add_option("model", *model, "Model file")->required();
  cmd->add_option("data", *data, "CoNLL file with gold tags")->required();
  cmd->callback([model, data, exit_code] { *exit_code = RunEvalNer(*model, *data); });
}

}  // namespace annals
