// JSON redaction (keys and string values at any depth), per-line dispatch and stream filtering.
#include <algorithm>
#include <istream>
#include <ostream>

#include <nlohmann/json.hpp>

#include "redactor_impl.hpp"

namespace gardener {
inline namespace v1 {

namespace {

/// Walks any nlohmann JSON type (sorted Json for the API, ordered_json for lines, so a redacted
/// line keeps its key order).
template <typename J>
class JsonWalker {
 public:
  JsonWalker(const Redactor& r, const redaction::Engine& impl, RedactionCounts* counts)
      : r_(r), impl_(impl), counts_(counts) {}

  /// `key_detector` >= 0 when the value sits under a secret-like key: every leaf is a secret.
  size_t walk(J& v, int key_detector) {
    if (v.is_string()) return leaf_string(v, key_detector);
    // A number under a secret-like key is a secret only when long enough to be one: counts such
    // as a Report's {"redactions": {"github_token": 2}} stay readable.
    if (v.is_number() && key_detector >= 0 && v.dump().size() >= 6) return replace_leaf(v, v.dump(), key_detector);
    if (v.is_number_integer()) return long_number(v);
    if (v.is_array()) {
      size_t n = 0;
      for (auto& child : v) n += walk(child, key_detector);
      return n;
    }
    if (v.is_object()) return walk_object(v, key_detector);
    return 0;
  }

 private:
  size_t leaf_string(J& v, int key_detector) {
    auto& s = v.template get_ref<std::string&>();
    if (key_detector >= 0 && !redaction::is_placeholder(s)) return replace_leaf(v, std::string(s), key_detector);
    return r_.redact_text(s, counts_);
  }

  // A card number may be a bare JSON number: long integers are scanned as text.
  size_t long_number(J& v) {
    std::string digits = v.dump();
    if (digits.size() < 13) return 0;
    size_t n = r_.redact_text(digits, counts_);
    if (n) v = digits;
    return n;
  }

  size_t replace_leaf(J& v, const std::string& value, int detector) {
    const auto& d = impl_.detectors[detector];
    v = impl_.replacement(d, value);
    impl_.count(counts_, d, 1);
    return 1;
  }

  size_t walk_object(J& obj, int key_detector) {
    size_t n = 0;
    bool key_changed = false;
    for (auto it = obj.begin(); it != obj.end(); ++it) {
      int d = key_detector >= 0 ? key_detector : impl_.key_detector(it.key());
      n += walk(it.value(), d);
      std::string key = it.key();
      if (r_.redact_text(key, counts_)) {
        ++n;
        key_changed = true;
      }
    }
    if (key_changed) rebuild_keys(obj);
    return n;
  }

  // Keys are immutable in place: rebuild the object with redacted keys (rare).
  void rebuild_keys(J& obj) {
    J fresh = J::object();
    for (auto it = obj.begin(); it != obj.end(); ++it) {
      std::string key = it.key();
      r_.redact_text(key, nullptr);
      fresh[key] = std::move(it.value());
    }
    obj = std::move(fresh);
  }

  const Redactor& r_;
  const redaction::Engine& impl_;
  RedactionCounts* counts_;
};

bool looks_like_json_object(std::string_view line) {
  size_t b = line.find_first_not_of(" \t\r");
  size_t e = line.find_last_not_of(" \t\r");
  return b != std::string_view::npos && line[b] == '{' && line[e] == '}';
}

/// The line with each escape (\\n, \\t, \\\\) blanked to spaces, same length, so "\\nAKIA..." is
/// seen as a word start by the scan. An escaped quote stays a quote.
std::string_view blank_escapes(const std::string& line, std::string& out) {
  out = line;
  for (size_t i = 0; i + 1 < out.size(); ++i) {
    if (out[i] != '\\') continue;
    out[i] = ' ';
    out[i + 1] = out[i + 1] == '"' ? '"' : ' ';
    ++i;
  }
  return out;
}

bool opens_private_key(std::string_view line) {
  return line.find("-----BEGIN") != std::string_view::npos && line.find("PRIVATE KEY-----") != std::string_view::npos &&
         line.find("-----END") == std::string_view::npos;
}

}  // namespace

size_t Redactor::redact_json(Json& value, RedactionCounts* counts) const {
  return JsonWalker<Json>(*this, *impl_, counts).walk(value, -1);
}

size_t Redactor::redact_line(std::string& line, RedactionCounts* counts) const {
  if (!looks_like_json_object(line)) return redact_text(line, counts);
  // \/ and \u escapes can hide a secret from the text scan: such lines are always parsed.
  bool escapes = line.find('\\') != std::string::npos;
  if (!escapes || (line.find("\\/") == std::string::npos && line.find("\\u") == std::string::npos)) {
    thread_local std::string probe;
    thread_local std::vector<redaction::Engine::Span> spans;
    std::string_view view = line;
    if (escapes) view = blank_escapes(line, probe);
    impl_->find_spans(view, spans);
    if (spans.empty()) return 0;  // clean lines stay byte for byte
    bool safe = std::all_of(spans.begin(), spans.end(),
                            [&](const auto& s) { return impl_->detectors[s.detector].json_safe; });
    if (!escapes && safe) return impl_->apply(line, spans, counts);  // no parse needed
  }
  auto doc = nlohmann::ordered_json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return redact_text(line, counts);
  size_t n = JsonWalker<nlohmann::ordered_json>(*this, *impl_, counts).walk(doc, -1);
  if (n) line = doc.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  return n;
}

void redact_stream(std::istream& in, std::ostream& out, const Redactor& redactor, RedactionCounts* counts) {
  std::string line;
  bool in_key = false;  // inside a multi-line PEM block: drop lines up to its END line
  while (std::getline(in, line)) {
    if (in_key) {
      if (line.find("-----END") != std::string::npos && line.find("PRIVATE KEY-----") != std::string::npos)
        in_key = false;
      continue;
    }
    bool opens = opens_private_key(line);
    size_t n = redactor.redact_line(line, counts);
    in_key = opens && n > 0 && line.find("PRIVATE KEY-----") == std::string::npos;
    out << line << '\n';
  }
  out.flush();
}

}  // namespace v1
}  // namespace gardener
