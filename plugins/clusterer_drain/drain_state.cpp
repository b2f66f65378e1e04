// Saving and restoring the engine through the state store (JSON text under "<pipeline>/<component>").
// Live groups are saved with the tree path they were filed under, so a restored tree routes new
// messages exactly as the saved one; window counts and statistics are per run and not saved.
#include <nlohmann/json.hpp>

#include "drain_engine.hpp"

namespace gardener::drain {

namespace {
constexpr int kFormat = 1;
}

// Built by moving each piece into its parent: an initializer list would copy every nested array.
std::string DrainEngine::save() const {
  using nlohmann::json;
  json roots = json::array();
  for (const auto& [len, r] : roots_) {
    json groups = json::array();
    for (const auto& gp : r.groups) {
      if (!gp || gp->evicted) continue;
      const Group& g = *gp;
      json tmpl = json::array(), trackers = json::array(), subs = json::array();
      for (const auto& t : g.tmpl) tmpl.push_back(json::array({t.text, t.ws, static_cast<int>(t.type)}));
      for (const auto& tr : g.trackers)
        trackers.push_back(json::array({tr.word_only, tr.overflow, tr.words_seen, json(tr.values), tr.names}));
      for (const auto& s : g.subs) {
        json sub = json::object();
        sub["key"] = s.key;
        sub["count"] = s.count;
        sub["parent"] = s.parent;
        sub["id"] = s.reported_id;
        subs.push_back(std::move(sub));
      }
      json group = json::object();
      group["tmpl"] = std::move(tmpl);
      group["trackers"] = std::move(trackers);
      group["path"] = g.path;
      group["subs"] = std::move(subs);
      group["count"] = g.count;
      group["last_seq"] = g.last_seq;
      groups.push_back(std::move(group));
    }
    json root = json::object();
    root["length"] = len;
    root["groups"] = std::move(groups);
    roots.push_back(std::move(root));
  }
  json known = json::array();
  for (const auto& e : known_.entries()) {
    json tmpl = json::array();
    for (const auto& t : e.tokens) tmpl.push_back(json::array({t.text, t.ws, static_cast<int>(t.type), t.free}));
    json entry = json::object();
    entry["id"] = e.id;
    entry["tmpl"] = std::move(tmpl);
    entry["run"] = e.run;
    known.push_back(std::move(entry));
  }
  json doc = json::object();
  doc["format"] = kFormat;
  doc["roots"] = std::move(roots);
  doc["known"] = std::move(known);  // absent in states saved before the fifteenth session
  doc["runs"] = known_.runs();
  return doc.dump();
}

namespace {
TemplateToken token_from(const nlohmann::json& t) {
  return TemplateToken{t.at(0).get<std::string>(), t.at(1).get<std::string>(), static_cast<TokenType>(t.at(2).get<int>()),
                       t.size() > 3 && t.at(3).get<bool>()};
}
}  // namespace

void DrainEngine::load(const std::string& text) {
  auto j = nlohmann::json::parse(text);
  if (j.value("format", 0) != kFormat) throw std::runtime_error("unknown drain state format");
  roots_.clear();
  retired_.clear();
  for (const auto& jr : j.at("roots")) {
    size_t len = jr.at("length").get<size_t>();
    LengthRoot& r = root(len);
    for (const auto& jg : jr.at("groups")) {
      auto g = std::make_unique<Group>();
      for (const auto& t : jg.at("tmpl")) g->tmpl.push_back(token_from(t));
      for (const auto& t : jg.at("trackers")) {
        PosTracker tr;
        tr.word_only = t.at(0).get<bool>();
        tr.overflow = t.at(1).get<bool>();
        tr.words_seen = t.at(2).get<bool>();
        tr.values = t.at(3).get<std::vector<std::pair<std::string, uint64_t>>>();
        tr.names = t.size() > 4 && t.at(4).get<bool>();  // absent in states saved before the nineteenth session
        g->trackers.push_back(std::move(tr));
      }
      if (g->tmpl.size() != len || g->trackers.size() != len) throw std::runtime_error("template length mismatch");
      g->path = jg.at("path").get<std::vector<std::string>>();
      for (const auto& js : jg.at("subs")) {
        Sub s;
        s.key = js.at("key").get<std::vector<std::string>>();
        s.count = js.at("count").get<uint64_t>();
        s.parent = js.at("parent").get<int>();
        s.reported_id = js.at("id").get<std::string>();
        if (s.key.size() != len) throw std::runtime_error("sub key length mismatch");
        g->subs.push_back(std::move(s));
      }
      if (g->subs.empty()) throw std::runtime_error("group without subs");
      g->count = jg.at("count").get<uint64_t>();
      g->last_seq = jg.at("last_seq").get<uint64_t>();
      // Refile under the saved path.
      Node* node = &r.tree;
      for (const auto& key : g->path) {
        auto& child = node->children[key];
        if (!child) child = std::make_unique<Node>();
        node = child.get();
      }
      r.groups.push_back(std::move(g));
      node->groups.push_back(static_cast<uint32_t>(r.groups.size() - 1));
    }
  }
  std::vector<KnownTemplates::Entry> known;
  for (const auto& jk : j.value("known", nlohmann::json::array())) {
    KnownTemplates::Entry e{jk.at("id").get<std::string>(), {}, jk.at("run").get<uint64_t>()};
    for (const auto& t : jk.at("tmpl")) e.tokens.push_back(token_from(t));
    known.push_back(std::move(e));
  }
  known_.restore(std::move(known), j.value("runs", uint64_t{0}));
  find_recurring_words();  // the restored clusters' names, so this run's ids start as the last ended
}

}  // namespace gardener::drain
