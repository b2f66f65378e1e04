// The Cloud Logging query language subset of the fake (protocols.md §1.5): AND / OR / NOT / '-',
// implicit AND, parentheses, OR binding tighter than AND, comparisons = != < <= > >= : =~ !~ and
// FIELD:*, value lists, bare values as global restrictions; severity by rank, timestamp by time,
// strings case-insensitively.
#include <algorithm>
#include <cctype>
#include <stdexcept>

#include <re2/re2.h>

#include <gardener/record.hpp>
#include <gardener/time.hpp>

#include "fake_gcp.hpp"

namespace gardener::fakes {

namespace {

struct Token {
  enum Kind { LParen, RParen, Op, String, Word, End } kind = End;
  std::string text;
  std::vector<std::string> path;  // for words: the dotted field path, quoted components merged
};

[[noreturn]] void unparseable(const std::string& why) { throw std::invalid_argument("Unparseable filter: " + why); }

bool is_word_char(char c) {
  return !std::isspace(static_cast<unsigned char>(c)) && c != '(' && c != ')' && c != '"' && c != '=' &&
         c != '!' && c != '<' && c != '>' && c != ':';
}

std::string read_quoted(const std::string& s, size_t& i) {
  std::string out;
  ++i;  // opening quote
  while (i < s.size() && s[i] != '"') {
    if (s[i] == '\\' && i + 1 < s.size()) ++i;
    out += s[i++];
  }
  if (i >= s.size()) unparseable("unterminated string");
  ++i;
  return out;
}

std::vector<Token> tokenize(const std::string& s) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
    } else if (c == '(' || c == ')') {
      out.push_back({c == '(' ? Token::LParen : Token::RParen, std::string(1, c), {}});
      ++i;
    } else if (c == '"') {
      out.push_back({Token::String, read_quoted(s, i), {}});
    } else if (c == '=' || c == '!' || c == '<' || c == '>' || c == ':') {
      static const char* ops[] = {"=~", "!~", "!=", "<=", ">=", "=", "<", ">", ":"};
      bool found = false;
      for (const char* op : ops) {
        if (s.compare(i, std::char_traits<char>::length(op), op) == 0) {
          out.push_back({Token::Op, op, {}});
          i += std::char_traits<char>::length(op);
          found = true;
          break;
        }
      }
      if (!found) unparseable("unexpected '" + std::string(1, c) + "'");
    } else {
      Token t{Token::Word, "", {}};
      std::string component;
      while (i < s.size() && (is_word_char(s[i]) || (s[i] == '"' && !t.text.empty() && t.text.back() == '.'))) {
        if (s[i] == '"') {
          std::string q = read_quoted(s, i);
          t.text += q;
          component += q;
        } else if (s[i] == '.') {
          t.path.push_back(component);
          component.clear();
          t.text += s[i++];
        } else {
          component += s[i];
          t.text += s[i++];
        }
      }
      t.path.push_back(component);
      out.push_back(std::move(t));
    }
  }
  out.push_back({Token::End, "", {}});
  return out;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

const Json* lookup(const Json& entry, const std::vector<std::string>& path) {
  const Json* cur = &entry;
  for (const auto& part : path) {
    if (!cur->is_object()) return nullptr;
    auto it = cur->find(part);
    if (it == cur->end()) return nullptr;
    cur = &*it;
  }
  return cur;
}

std::string scalar_text(const Json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

std::optional<double> as_number(const std::string& s) {
  if (s.empty()) return std::nullopt;
  char* end = nullptr;
  double d = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size()) return std::nullopt;
  return d;
}

// Every scalar of an entry, for global restrictions.
void collect_text(const Json& v, std::string& out) {
  if (v.is_object()) {
    for (auto it = v.begin(); it != v.end(); ++it) collect_text(it.value(), out);
  } else if (v.is_array()) {
    for (const auto& e : v) collect_text(e, out);
  } else {
    out += lower(scalar_text(v));
    out += '\n';
  }
}

}  // namespace

struct GcpFilter::Node {
  enum Kind { And, Or, Not, Compare, Global } kind = Compare;
  std::vector<std::unique_ptr<Node>> kids;
  std::vector<std::string> path;
  std::string op;
  std::vector<std::string> values;  // a value list matches if any value does

  bool eval(const Json& e) const {
    switch (kind) {
      case And:
        return std::all_of(kids.begin(), kids.end(), [&](const auto& k) { return k->eval(e); });
      case Or:
        return std::any_of(kids.begin(), kids.end(), [&](const auto& k) { return k->eval(e); });
      case Not:
        return !kids[0]->eval(e);
      case Global: {
        std::string all;
        collect_text(e, all);
        return all.find(lower(values[0])) != std::string::npos;
      }
      case Compare:
        if (op == "!=") return !std::any_of(values.begin(), values.end(), [&](const auto& v) { return compare(e, "=", v); });
        return std::any_of(values.begin(), values.end(), [&](const auto& v) { return compare(e, op, v); });
    }
    return false;
  }

  static bool ordered(const std::string& op, int cmp) {
    if (op == "=") return cmp == 0;
    if (op == "<") return cmp < 0;
    if (op == "<=") return cmp <= 0;
    if (op == ">") return cmp > 0;
    if (op == ">=") return cmp >= 0;
    return false;
  }

  bool compare(const Json& e, const std::string& cop, const std::string& value) const {
    bool is_severity = path.size() == 1 && path[0] == "severity";
    const Json* field = lookup(e, path);
    if (cop == ":" && value == "*") return field != nullptr;
    if (is_severity) {
      auto want = parse_severity(value);
      if (!want) unparseable("unknown severity " + value);
      auto have = field ? parse_severity(field->get<std::string>()) : std::optional<Severity>(Severity::Default);
      int cmp = static_cast<int>(*have) - static_cast<int>(*want);
      return cop == ":" ? cmp == 0 : ordered(cop, cmp);
    }
    if (!field) return false;
    if (cop == ":" && field->is_object()) return field->contains(value);
    if (field->is_object() || field->is_array()) return false;
    std::string have = scalar_text(*field);
    if (cop == "=~") return RE2::PartialMatch(have, RE2(value));
    if (cop == "!~") return !RE2::PartialMatch(have, RE2(value));
    if (cop == ":") return lower(have).find(lower(value)) != std::string::npos;
    if (path.size() == 1 && (path[0] == "timestamp" || path[0] == "receiveTimestamp")) {
      auto a = parse_rfc3339(have), b = parse_rfc3339(value);
      if (!b) unparseable("bad timestamp " + value);
      if (!a) return false;
      return ordered(cop, *a < *b ? -1 : (*a > *b ? 1 : 0));
    }
    auto na = as_number(have), nb = as_number(value);
    if (na && nb) return ordered(cop, *na < *nb ? -1 : (*na > *nb ? 1 : 0));
    int cmp = lower(have).compare(lower(value));
    return ordered(cop, cmp);
  }
};

namespace {

using NodePtr = std::unique_ptr<GcpFilter::Node>;

class Parser {
 public:
  explicit Parser(std::vector<Token> tokens) : t_(std::move(tokens)) {}

  NodePtr parse() {
    if (peek().kind == Token::End) return nullptr;
    auto n = conjunction();
    if (peek().kind != Token::End) unparseable("unexpected '" + peek().text + "'");
    return n;
  }

 private:
  const Token& peek() const { return t_[pos_]; }
  Token take() { return t_[pos_++]; }
  bool at_keyword(const char* k) const { return peek().kind == Token::Word && peek().text == k; }

  // AND binds loosest: a sequence of disjunctions joined by AND or juxtaposition.
  NodePtr conjunction() {
    auto node = std::make_unique<GcpFilter::Node>();
    node->kind = GcpFilter::Node::And;
    node->kids.push_back(disjunction());
    while (true) {
      if (at_keyword("AND")) {
        take();
      } else if (peek().kind == Token::End || peek().kind == Token::RParen) {
        break;
      }
      node->kids.push_back(disjunction());
    }
    return node->kids.size() == 1 ? std::move(node->kids[0]) : std::move(node);
  }

  NodePtr disjunction() {
    auto node = std::make_unique<GcpFilter::Node>();
    node->kind = GcpFilter::Node::Or;
    node->kids.push_back(unary());
    while (at_keyword("OR")) {
      take();
      node->kids.push_back(unary());
    }
    return node->kids.size() == 1 ? std::move(node->kids[0]) : std::move(node);
  }

  NodePtr unary() {
    bool negate = false;
    if (at_keyword("NOT")) {
      take();
      negate = true;
    } else if (peek().kind == Token::Word && peek().text.size() > 1 && peek().text[0] == '-') {
      t_[pos_].text.erase(0, 1);  // "-field=x": leading minus is NOT
      t_[pos_].path[0].erase(0, 1);
      negate = true;
    }
    auto inner = primary();
    if (!negate) return inner;
    auto node = std::make_unique<GcpFilter::Node>();
    node->kind = GcpFilter::Node::Not;
    node->kids.push_back(std::move(inner));
    return node;
  }

  NodePtr primary() {
    if (peek().kind == Token::LParen) {
      take();
      auto n = conjunction();
      if (take().kind != Token::RParen) unparseable("missing ')'");
      return n;
    }
    Token first = take();
    if (first.kind == Token::String) return global(first.text);
    if (first.kind != Token::Word || first.text == "AND" || first.text == "OR")
      unparseable("expected a comparison, got '" + first.text + "'");
    if (peek().kind != Token::Op) return global(first.text);
    auto node = std::make_unique<GcpFilter::Node>();
    node->path = first.path;
    node->op = take().text;
    node->values = values(node->op);
    return node;
  }

  std::vector<std::string> values(const std::string& op) {
    if (op == ":" && peek().kind == Token::Word && peek().text == "*") return {take().text};
    if (peek().kind == Token::LParen) {  // value list: ("a" OR "b")
      take();
      std::vector<std::string> out;
      while (peek().kind != Token::RParen) {
        if (peek().kind == Token::End) unparseable("missing ')' in value list");
        Token v = take();
        if (v.kind == Token::Word && v.text == "OR") continue;
        out.push_back(v.text);
      }
      take();
      return out;
    }
    Token v = take();
    if (v.kind != Token::String && v.kind != Token::Word) unparseable("missing value after '" + op + "'");
    return {v.text};
  }

  NodePtr global(std::string text) {
    auto node = std::make_unique<GcpFilter::Node>();
    node->kind = GcpFilter::Node::Global;
    node->values = {std::move(text)};
    return node;
  }

  std::vector<Token> t_;
  size_t pos_ = 0;
};

}  // namespace

GcpFilter::GcpFilter(const std::string& text) : root_(Parser(tokenize(text)).parse()) {}
GcpFilter::~GcpFilter() = default;
GcpFilter::GcpFilter(GcpFilter&&) noexcept = default;

bool GcpFilter::matches(const Json& entry) const { return !root_ || root_->eval(entry); }

}  // namespace gardener::fakes
