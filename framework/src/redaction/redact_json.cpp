// JSON redaction (keys and string values at any depth), per-line dispatch and stream filtering.
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <istream>
#include <ostream>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "two_halves.hpp"
#include "redactor_impl.hpp"

namespace gardener {
inline namespace v1 {

namespace {

/// Walks any nlohmann JSON type (sorted Json for the API, ordered_json for lines, so a redacted
/// line keeps its key order).
template <typename J>
class JsonWalker {
 public:
  /// `split`: a large array is walked in two halves on two threads (documents, not log lines).
  JsonWalker(const redaction::Engine& impl, RedactionCounts* counts, bool split = false)
      : impl_(impl), counts_(counts), split_(split) {}

  /// `key_detector` >= 0 when the value sits under a secret-like key: every leaf is a secret.
  size_t walk(J& v, int key_detector) {
    if (v.is_string()) return leaf_string(v, key_detector);
    // A number under a secret-like key is a secret only when long enough to be one: counts such
    // as a Report's {"redactions": {"github_token": 2}} stay readable.
    if (v.is_number() && key_detector >= 0 && v.dump().size() >= 6) return replace_leaf(v, v.dump(), key_detector);
    if (v.is_number_integer()) return long_number(v);
    if (v.is_array()) {
      if (split_ && v.size() >= redaction::kSplitAt) return walk_in_two_halves(v, key_detector);
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
    return impl_.redact_text(s, counts_);
  }

  // A card number may be a bare JSON number: long integers are scanned as text.
  size_t long_number(J& v) {
    std::string digits = v.dump();
    if (digits.size() < 13) return 0;
    size_t n = impl_.redact_text(digits, counts_);
    if (n) v = digits;
    return n;
  }

  size_t replace_leaf(J& v, const std::string& value, int detector) {
    const auto& d = impl_.detectors[detector];
    v = impl_.replacement(d, value);
    impl_.count(counts_, d, 1);
    return 1;
  }

  // A Kubernetes Secret (`"kind": "Secret"`, in an audit event's requestObject too): every value
  // of its `data` and `stringData` is secret, whatever its key (`.dockerconfigjson`, `username`).
  static bool is_kubernetes_secret(const J& obj) {
    auto kind = obj.find("kind");
    return kind != obj.end() && kind->is_string() && kind->template get_ref<const std::string&>() == "Secret";
  }

  size_t walk_object(J& obj, int key_detector) {
    size_t n = 0;
    bool key_changed = false;
    const int k8s_detector = impl_.token_key >= 0 ? impl_.token_key : impl_.password_key;
    const bool k8s_secret = key_detector < 0 && k8s_detector >= 0 && is_kubernetes_secret(obj);
    for (auto it = obj.begin(); it != obj.end(); ++it) {
      int d = key_detector >= 0 ? key_detector : impl_.key_detector(it.key());
      if (k8s_secret && d < 0 && (it.key() == "data" || it.key() == "stringData")) d = k8s_detector;
      n += walk(it.value(), d);
      // A document repeats the same few keys in every object: a key found clean is not scanned again.
      std::string key = it.key();
      if (impl_.redact_recurring(key, counts_)) {
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
      impl_.redact_text(key, nullptr);
      fresh[key] = std::move(it.value());
    }
    obj = std::move(fresh);
  }

  // A large array (a Report's clusters) on two threads.
  size_t walk_in_two_halves(J& v, int key_detector) {
    return redaction::in_two_halves(v.size(), counts_, [&](size_t b, size_t e, RedactionCounts* counts) {
      JsonWalker half(impl_, counts);
      size_t n = 0;
      for (size_t i = b; i < e; ++i) n += half.walk(v[i], key_detector);
      return n;
    });
  }

  const redaction::Engine& impl_;
  RedactionCounts* counts_;
  const bool split_;
};

bool looks_like_json_object(std::string_view line) {
  size_t b = line.find_first_not_of(" \t\r");
  size_t e = line.find_last_not_of(" \t\r");
  return b != std::string_view::npos && line[b] == '{' && line[e] == '}';
}

/// A JSON line with its escapes decoded, so the scan reads the strings' real text (an escaped
/// quote, \n, \/ or \u0041 hides nothing), and where each decoded byte came from in the line.
struct Decoded {
  std::string text;
  std::vector<size_t> from;  // line offset of each byte's escape; one more entry: the line's size
};

bool hex4(std::string_view s, size_t at, uint32_t& out) {
  if (at + 4 > s.size()) return false;
  out = 0;
  for (size_t i = at; i < at + 4; ++i) {
    int v = std::isdigit(static_cast<unsigned char>(s[i])) ? s[i] - '0'
            : (s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'f' ? (s[i] | 0x20) - 'a' + 10
                                                           : -1;
    if (v < 0) return false;
    out = out << 4 | static_cast<uint32_t>(v);
  }
  return true;
}

/// The code point of the \u escape at `at` (a surrogate pair counts as one, a lone surrogate is
/// U+FFFD as lenient readers take it); advances `at`. False when it is no \u escape.
bool code_point(std::string_view s, size_t& at, uint32_t& cp) {
  if (!hex4(s, at + 2, cp)) return false;
  at += 6;
  if (cp < 0xD800 || cp >= 0xE000) return true;
  uint32_t low = 0;
  if (cp < 0xDC00 && s.substr(at, 2) == "\\u" && hex4(s, at + 2, low) && low >= 0xDC00 && low < 0xE000) {
    at += 6;
    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    return true;
  }
  cp = 0xFFFD;
  return true;
}

void put_utf8(uint32_t cp, size_t from, Decoded& out) {
  auto put = [&](uint32_t byte) {
    out.text += static_cast<char>(byte);
    out.from.push_back(from);
  };
  if (cp < 0x80) return put(cp);
  if (cp < 0x800) return put(0xC0 | cp >> 6), put(0x80 | (cp & 0x3F));
  if (cp < 0x10000) return put(0xE0 | cp >> 12), put(0x80 | (cp >> 6 & 0x3F)), put(0x80 | (cp & 0x3F));
  put(0xF0 | cp >> 18), put(0x80 | (cp >> 12 & 0x3F)), put(0x80 | (cp >> 6 & 0x3F)), put(0x80 | (cp & 0x3F));
}

/// Decodes leniently, like the laxest reader: a lone surrogate, bytes that are not UTF-8 or an
/// unknown escape (kept as written) must not make the scan fall back to the escaped text.
void decode_escapes(std::string_view line, Decoded& out) {
  out.text.clear();
  out.from.clear();
  static const std::string_view kPlain = "\"\\/bfnrt", kDecoded = "\"\\/\b\f\n\r\t";
  for (size_t i = 0; i < line.size();) {
    size_t at = std::min(line.find('\\', i), line.size());
    out.text.append(line, i, at - i);  // the plain run up to the next escape
    for (; i < at; ++i) out.from.push_back(i);
    if (at == line.size()) break;
    char c = at + 1 < line.size() ? line[at + 1] : '\0';
    uint32_t cp = 0;
    size_t k = kPlain.find(c);
    if (c == 'u' && code_point(line, i, cp)) {
      put_utf8(cp, at, out);
    } else if (c != '\0' && k != std::string_view::npos) {
      out.text += kDecoded[k];
      out.from.push_back(at);
      i += 2;
    } else {
      out.text += '\\';
      out.from.push_back(at);
      i += 1;
    }
  }
  out.from.push_back(line.size());
}

/// Whether `text` holds an escape decode_escapes would decode (not just a lone backslash, as in a
/// Windows path): only then can a second decoding show something new.
bool has_escape(std::string_view text) {
  for (size_t at = text.find('\\'); at != std::string_view::npos && at + 1 < text.size(); at = text.find('\\', at + 2)) {
    char c = text[at + 1];
    uint32_t unused;
    if (std::string_view("\"\\/bfnrt").find(c) != std::string_view::npos || (c == 'u' && hex4(text, at + 2, unused)))
      return true;
  }
  return false;
}

/// A replacement that can go into a JSON string as it is.
bool json_plain(std::string_view s) {
  return std::none_of(s.begin(), s.end(), [](char c) { return c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20; });
}

/// Replaces findings of the decoded view in the escaped line itself, each over the whole escapes
/// it came from. False, leaving the line alone, when a span starts or ends inside one escape
/// (\u of a multi-byte character) or its replacement would need escaping; unless `force`d (a
/// line that does not parse): the span then grows to whole escapes, the replacement to a marker.
bool apply_decoded(const redaction::Engine& engine, std::string& line, const Decoded& d,
                   std::vector<redaction::Engine::Span>& spans, RedactionCounts* counts, bool force = false) {
  auto whole = [&](size_t i) { return i == 0 || i == d.text.size() || d.from[i] != d.from[i - 1]; };
  std::sort(spans.begin(), spans.end(), [](const auto& a, const auto& b) { return a.begin < b.begin; });
  std::string out;
  out.reserve(line.size());
  size_t at = 0;
  for (const auto& s : spans) {
    if (!force && (!whole(s.begin) || !whole(s.end))) return false;
    const auto& det = engine.detectors[s.detector];
    std::string r = engine.replacement(det, std::string_view(d.text).substr(s.begin, s.end - s.begin));
    if (!json_plain(r) && !force) return false;
    if (!json_plain(r)) r = "[REDACTED]";
    size_t end = s.end;
    while (!whole(end)) ++end;
    size_t begin = std::max(d.from[s.begin], at);
    out.append(line, at, begin - at).append(r);
    at = std::max(at, d.from[end]);
  }
  out.append(line, at, std::string::npos);
  line = std::move(out);
  for (const auto& s : spans) engine.count(counts, engine.detectors[s.detector], 1);
  return true;
}

/// Whether a key of the JSON line names a secret ("password", "passphrase", "pass\u0077ord"), or
/// the line holds a Kubernetes Secret (`"kind": "Secret"`): such values are secret whatever they
/// look like, and only the walk replaces them whole.
bool has_secret_key(std::string_view line) {
  thread_local Decoded key;
  // Plain loops, not find_first_of: that tests each byte against the set with a memchr call.
  const size_t size = line.size();
  for (size_t open = line.find('"'); open != std::string_view::npos;) {
    size_t close = open + 1;
    bool escaped = false;
    while (close < size && line[close] != '"') {
      if (line[close] == '\\') escaped = true, ++close;
      ++close;
    }
    if (close >= size) return false;
    size_t next = close + 1;
    while (next < size && (line[next] == ' ' || line[next] == '\t' || line[next] == '\r' || line[next] == '\n')) ++next;
    if (next < size && line[next] == ':') {
      std::string_view k = line.substr(open + 1, close - open - 1);
      if (escaped) decode_escapes(k, key), k = key.text;
      if (redaction::secret_key_detector(k)) return true;
      // A Kubernetes Secret's data values are secret whatever their keys: the walk decides.
      if (k == "kind") {
        size_t v = next + 1;
        while (v < size && line[v] == ' ') ++v;
        if (line.substr(v).starts_with("\"Secret\"")) return true;
      }
    }
    open = line.find('"', close + 1);
  }
  return false;
}

/// A PEM (`PRIVATE KEY-----`) or PGP (`PRIVATE KEY BLOCK-----`) armour line.
bool names_private_key(std::string_view line) {
  return line.find("PRIVATE KEY-----") != std::string_view::npos ||
         line.find("PRIVATE KEY BLOCK-----") != std::string_view::npos;
}

bool opens_private_key(std::string_view line) {
  return line.find("-----BEGIN") != std::string_view::npos && names_private_key(line) &&
         line.find("-----END") == std::string_view::npos;
}

/// Where `part` sits in `view` with a non-word character (or an edge) on each side, so every \b
/// in it reads the same in both texts; npos when it does not.
size_t locate(std::string_view view, std::string_view part) {
  auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  for (size_t p = view.find(part); p != std::string_view::npos; p = view.find(part, p + 1)) {
    size_t e = p + part.size();
    if ((p == 0 || !word(view[p - 1])) && (e == view.size() || !word(view[e]))) return p;
  }
  return std::string_view::npos;
}

}  // namespace

size_t Redactor::redact_json(Json& value, RedactionCounts* counts) const {
  return JsonWalker<Json>(*impl_, counts, /*split=*/true).walk(value, -1);
}

size_t Redactor::redact_line(std::string& line, RedactionCounts* counts) const {
  return impl_->redact_line(line, counts, nullptr);
}

size_t Redactor::redact_payload(std::string& payload, std::string& message, RedactionCounts* payload_counts,
                                RedactionCounts* message_counts) const {
  redaction::Engine::Part part{&message, message_counts};
  size_t n = impl_->redact_line(payload, payload_counts, &part);
  if (!part.done) return n + impl_->redact_text(message, message_counts);
  // Taken from the payload's scan; what escapes inside the message still hide is redact_text's
  // second pass.
  return n + impl_->redact_escaped(message, message_counts);
}

size_t redaction::Engine::redact_escaped(std::string& text, RedactionCounts* counts) const {
  // Up to three levels (a `\/` inside JSON logged inside JSON): each level's view maps its bytes
  // straight back to `text`, so findings at any level go over the escapes they came from.
  constexpr int kLevels = 3;
  thread_local Decoded view, next;
  thread_local std::vector<Span> spans;
  if (!has_escape(text)) return 0;  // the common case: no backslash, or only lone ones
  view.text.assign(text);
  view.from.resize(text.size() + 1);
  for (size_t i = 0; i <= text.size(); ++i) view.from[i] = i;
  for (int level = 0; level < kLevels && has_escape(view.text); ++level) {
    decode_escapes(view.text, next);
    for (size_t& f : next.from) f = view.from[f];
    std::swap(view, next);
    find_spans(view.text, spans);
    if (!spans.empty()) return apply_decoded(*this, text, view, spans, counts, /*force=*/true) ? spans.size() : 0;
  }
  return 0;
}

void redaction::Engine::scan_line(std::string_view view, std::vector<Span>& spans, Part* part) const {
  if (!part || user_patterns || part->text->empty()) return find_spans(view, spans);
  Region region{locate(view, *part->text), 0};
  if (region.begin == std::string_view::npos) return find_spans(view, spans);
  region.end = region.begin + part->text->size();
  find_spans(view, spans, &region);
  if (region.crossed) return;
  // No match straddles the edges: the part's findings are exactly the line's inside it.
  thread_local std::vector<Span> inside;
  inside.clear();
  for (const auto& s : spans)
    if (s.begin >= region.begin && s.end <= region.end)
      inside.push_back({s.begin - region.begin, s.end - region.begin, s.detector});
  apply(*part->text, inside, part->counts);
  part->done = true;
}

size_t redaction::Engine::redact_line(std::string& line, RedactionCounts* counts, Part* part) const {
  thread_local std::vector<Span> spans;
  bool json = looks_like_json_object(line);
  if (!json) {
    scan_line(line, spans, part);
    size_t n = apply(line, spans, counts);
    return n + redact_escaped(line, counts);
  }
  // Escapes are decoded for the scan: an escaped quote or \u0041 must not hide a secret.
  bool escapes = line.find('\\') != std::string::npos;
  thread_local Decoded decoded;
  if (escapes) decode_escapes(line, decoded);
  scan_line(escapes ? std::string_view(decoded.text) : std::string_view(line), spans, part);
  // Escapes left after decoding (JSON inside a string, `\\/`) are the walk's: it decodes each
  // string once more (redact_text).
  const bool nested = escapes && has_escape(decoded.text);
  if (!nested && !has_secret_key(line)) {
    if (spans.empty()) return 0;  // clean lines stay byte for byte
    // Findings that cannot cross a string's quotes are replaced in the line: no parse needed.
    if (std::all_of(spans.begin(), spans.end(), [&](const auto& s) { return detectors[s.detector].json_safe; })) {
      if (!escapes) return apply(line, spans, counts);
      if (apply_decoded(*this, line, decoded, spans, counts)) return spans.size();
    }
  }
  auto doc = nlohmann::ordered_json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) {
    // Not JSON to nlohmann (a lone surrogate, bytes that are not UTF-8), but lenient readers take
    // it: the decoded view's findings go over their escapes, then the text as written is scanned.
    size_t n = escapes && apply_decoded(*this, line, decoded, spans, counts, /*force=*/true) ? spans.size() : 0;
    return n + redact_text(line, counts);
  }
  size_t n = JsonWalker<nlohmann::ordered_json>(*this, counts).walk(doc, -1);
  if (n) line = doc.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  return n;
}

void redact_stream(std::istream& in, std::ostream& out, const Redactor& redactor, RedactionCounts* counts) {
  std::string line;
  bool in_key = false;  // inside a multi-line PEM block: drop lines up to its END line
  while (std::getline(in, line)) {
    if (in_key) {
      if (line.find("-----END") != std::string::npos && names_private_key(line)) in_key = false;
      continue;
    }
    bool opens = opens_private_key(line);
    size_t n = redactor.redact_line(line, counts);
    in_key = opens && n > 0 && !names_private_key(line);
    out << line << '\n';
  }
  out.flush();
}

}  // namespace v1
}  // namespace gardener
