#include "known_templates.hpp"

#include <algorithm>
#include <cctype>

namespace gardener::drain {

namespace {

constexpr size_t kMaxFreeTokens = 64;  // a free slot inside a template takes at most this many tokens

bool takes(const TemplateToken& k, const TemplateToken& t) {
  if (k.type == TokenType::Word) return t.type == TokenType::Word && k.text == t.text;
  return k.type == TokenType::Var || k.type == t.type;
}

bool describes_from(const std::vector<TemplateToken>& k, size_t i, const std::vector<TemplateToken>& t, size_t j,
                    std::vector<int>& at) {
  for (; i < k.size(); ++i, ++j) {
    if (k[i].free) {
      if (i + 1 == k.size()) {  // a slot that ends the template takes the rest, however long
        for (size_t x = j; x < t.size(); ++x) at[x] = static_cast<int>(i);
        return true;
      }
      const size_t last = std::min(t.size(), j + kMaxFreeTokens);
      for (size_t m = j; m <= last; ++m) {
        // The slot ends where what follows it in k begins: try only those places.
        if (i + 1 < k.size() && (m == t.size() || !takes(k[i + 1], t[m]))) continue;
        if (describes_from(k, i + 1, t, m, at)) {
          for (size_t x = j; x < m; ++x) at[x] = static_cast<int>(i);
          return true;
        }
      }
      return false;
    }
    if (j >= t.size() || !takes(k[i], t[j])) return false;
    at[j] = static_cast<int>(i);
  }
  return j == t.size();
}

// The index's key: the first token's text ("" for a placeholder) and the length ("*": a template
// with a free slot describes templates of any length).
std::string index_key(const std::string& first, const std::string& length) { return first + '\x1f' + length; }

size_t constant_words(const std::vector<TemplateToken>& t) {
  return static_cast<size_t>(std::count_if(t.begin(), t.end(), [](const TemplateToken& k) {
    return k.type == TokenType::Word &&
           std::any_of(k.text.begin(), k.text.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
  }));
}

}  // namespace

bool describes(const std::vector<TemplateToken>& k, const std::vector<TemplateToken>& t, std::vector<int>& at) {
  at.assign(t.size(), -1);
  return describes_from(k, 0, t, 0, at);
}

const KnownTemplates::Entry* KnownTemplates::cover(const std::vector<TemplateToken>& t, std::vector<int>& at) const {
  if (entries_.empty() || t.empty()) return nullptr;
  const Entry* best = nullptr;
  size_t best_constants = 0;
  std::vector<int> pos;
  auto consider = [&](const std::string& first) {
    auto it = by_first_.find(first);
    if (it == by_first_.end()) return;
    for (size_t e : it->second) {
      const Entry& k = entries_[e];
      const size_t constants = k.constants;
      if (constants < 2 || !describes(k.tokens, t, pos)) continue;
      const bool better = !best || constants > best_constants ||
                          (constants == best_constants && (k.run > best->run || (k.run == best->run && k.id < best->id)));
      if (!better) continue;
      best = &k;
      best_constants = constants;
      at = pos;
    }
  };
  const std::string length = std::to_string(t.size());
  for (const std::string& first : {t[0].type == TokenType::Word ? t[0].text : std::string(), std::string()}) {
    consider(index_key(first, length));
    consider(index_key(first, "*"));
    if (t[0].type != TokenType::Word) break;  // the word bucket is the placeholder bucket
  }
  return best;
}

void KnownTemplates::remember(const std::string& id, const std::vector<TemplateToken>& tokens) {
  const size_t constants = constant_words(tokens);
  if (constants < 2) return;  // it would describe too much to be used
  auto [it, fresh] = by_id_.emplace(id, entries_.size());
  if (fresh) {
    entries_.push_back(Entry{id, tokens, runs_, constants});
    return;
  }
  Entry& e = entries_[it->second];
  e.run = runs_;
  // The same id is the same typed template; a free slot the merge made is kept.
  for (size_t i = 0; i < e.tokens.size() && i < tokens.size(); ++i) e.tokens[i].free |= tokens[i].free;
}

void KnownTemplates::forget(const std::string& id) {
  auto it = by_id_.find(id);
  if (it == by_id_.end()) return;
  entries_[it->second].id.clear();  // dropped at end_run
  by_id_.erase(it);
}

void KnownTemplates::end_run(size_t cap) {
  std::erase_if(entries_, [](const Entry& e) { return e.id.empty(); });
  if (entries_.size() > cap) {
    std::stable_sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) { return a.run > b.run; });
    entries_.resize(cap);
  }
  std::sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) { return a.id < b.id; });
  reindex();
}

void KnownTemplates::restore(std::vector<Entry> entries, uint64_t runs) {
  entries_ = std::move(entries);
  runs_ = runs;
  std::erase_if(entries_, [](const Entry& e) { return e.id.empty() || e.tokens.empty(); });
  for (Entry& e : entries_) e.constants = constant_words(e.tokens);
  reindex();
}

void KnownTemplates::reindex() {
  by_id_.clear();
  by_first_.clear();
  for (size_t e = 0; e < entries_.size(); ++e) {
    by_id_[entries_[e].id] = e;
    const std::vector<TemplateToken>& t = entries_[e].tokens;
    const bool any_length = std::any_of(t.begin(), t.end(), [](const TemplateToken& k) { return k.free; });
    by_first_[index_key(t.front().type == TokenType::Word ? t.front().text : std::string(),
                        any_length ? "*" : std::to_string(t.size()))]
        .push_back(e);
  }
}

}  // namespace gardener::drain
