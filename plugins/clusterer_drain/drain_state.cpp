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
        trackers.push_back(json::array({tr.word_only, tr.overflow, tr.words_seen, json(tr.values)}));
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
  json doc = json::object();
  doc["format"] = kFormat;
  doc["roots"] = std::move(roots);
  return doc.dump();
}

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
      for (const auto& t : jg.at("tmpl"))
        g->tmpl.push_back(TemplateToken{t.at(0).get<std::string>(), t.at(1).get<std::string>(),
                                        static_cast<TokenType>(t.at(2).get<int>())});
      for (const auto& t : jg.at("trackers")) {
        PosTracker tr;
        tr.word_only = t.at(0).get<bool>();
        tr.overflow = t.at(1).get<bool>();
        tr.words_seen = t.at(2).get<bool>();
        tr.values = t.at(3).get<std::vector<std::pair<std::string, uint64_t>>>();
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
  find_recurring_words();  // the restored clusters' names, so this run's ids start as the last ended
}

}  // namespace gardener::drain
