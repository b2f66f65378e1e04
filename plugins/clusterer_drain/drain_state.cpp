// Saving and restoring the engine through the state store (JSON text under "<pipeline>/<component>").
// Live groups are saved with the tree path they were filed under, so a restored tree routes new
// messages exactly as the saved one; window counts and statistics are per run and not saved.
#include <nlohmann/json.hpp>

#include "drain_engine.hpp"

namespace gardener::drain {

namespace {
constexpr int kFormat = 1;
}

std::string DrainEngine::save() const {
  nlohmann::json roots = nlohmann::json::array();
  for (const auto& [len, r] : roots_) {
    nlohmann::json groups = nlohmann::json::array();
    for (const auto& gp : r.groups) {
      if (!gp || gp->evicted) continue;
      const Group& g = *gp;
      nlohmann::json tmpl = nlohmann::json::array(), trackers = nlohmann::json::array(), subs = nlohmann::json::array();
      for (const auto& t : g.tmpl) tmpl.push_back({t.text, t.ws, static_cast<int>(t.type)});
      for (const auto& tr : g.trackers) trackers.push_back({tr.word_only, tr.overflow, tr.words_seen, tr.values});
      for (const auto& s : g.subs) subs.push_back({{"key", s.key}, {"count", s.count}, {"parent", s.parent}, {"id", s.reported_id}});
      groups.push_back({{"tmpl", tmpl}, {"trackers", trackers}, {"path", g.path}, {"subs", subs}, {"count", g.count},
                        {"last_seq", g.last_seq}});
    }
    roots.push_back({{"length", len}, {"groups", groups}});
  }
  return nlohmann::json{{"format", kFormat}, {"roots", roots}}.dump();
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
}

}  // namespace gardener::drain
