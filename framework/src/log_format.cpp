// logparser log_format → one anchored RE2 (see log_format.hpp). Literal text between fields is
// kept as regex text (formats escape brackets as `\[`), and runs of spaces become `\s+`, exactly
// as logparser's generate_logformat_regex does.
#include <gardener/errors.hpp>
#include <gardener/log_format.hpp>

#include <re2/re2.h>

#include <cstring>

namespace gardener {
inline namespace v1 {

// The same pattern as a list of elements for a small backtracking matcher: lazy fields, literal
// bytes and greedy whitespace runs, tried in the order RE2's (Perl-like) submatch rules prefer, so
// it finds the same split. A format with other regex syntax, or a line that needs too many steps,
// goes to RE2 (RE2 with submatches costs ~30k instructions a line: most of a pipeline's time).
struct Element {
  enum Kind { Field, Literal, Space } kind;
  char c = 0;
};

struct LogFormat::Impl {
  std::unique_ptr<RE2> re;
  std::vector<Element> elements;  // empty: RE2 only
  size_t fields = 0;

  enum class Fast { Yes, No, Unknown };
  Fast fast_match(std::string_view text, std::vector<std::string_view>& values) const;
  bool preferred_path(std::string_view text, std::string_view* out) const;
  bool step(std::string_view text, size_t e, size_t pos, std::string_view* out, size_t field, size_t& budget) const;
};

namespace {

// Literal part: spaces collapse to \s+ (everywhere, as logparser does), everything else is passed
// through as regex text, except that a group becomes non-capturing: logparser's formats group
// optional parts with plain parentheses (Linux: `<Component>(\[<PID>\])?: <Content>`), and only
// fields capture here.
void append_literal(std::string& regex, std::string_view literal) {
  bool in_class = false;  // inside [...], where ( is itself
  for (size_t i = 0; i < literal.size();) {
    const char c = literal[i];
    if (c == ' ') {
      while (i < literal.size() && literal[i] == ' ') ++i;
      regex += "\\s+";
    } else if (c == '\\' && i + 1 < literal.size()) {
      regex.append(literal.substr(i, 2));
      i += 2;
    } else if (in_class) {
      in_class = c != ']';
      regex += literal[i++];
    } else if (c == '[') {
      regex += literal[i++];
      if (i < literal.size() && literal[i] == '^') regex += literal[i++];
      if (i < literal.size() && literal[i] == ']') regex += literal[i++];  // "[]x]": a ] first is itself
      in_class = true;
    } else if (c == '(' && (i + 1 == literal.size() || literal[i + 1] != '?')) {
      regex += "(?:";
      ++i;
    } else {
      regex += literal[i++];
    }
  }
}

// Python's str.strip(): space, \t, \r, \n, \v, \f at both ends.
std::string_view strip(std::string_view s) {
  auto ws = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
  size_t b = 0, e = s.size();
  while (b < e && ws(s[b])) ++b;
  while (e > b && ws(s[e - 1])) --e;
  return s.substr(b, e - b);
}

// \s of RE2: space, \t, \n, \f, \r (not \v).
bool is_re_space(char c) {
  constexpr uint64_t kSpaces = (1ull << ' ') | (1ull << '\t') | (1ull << '\n') | (1ull << '\f') | (1ull << '\r');
  const auto u = static_cast<unsigned char>(c);
  return u <= ' ' && ((kSpaces >> u) & 1);
}

// The first whitespace byte at or after i, else text.size(). Eight bytes a step: a word's bytes
// below 0x21 are flagged (the lowest flag is exact: borrows only run upwards) and checked.
size_t next_re_space(std::string_view text, size_t i) {
  const size_t n = text.size();
  while (i + 8 <= n) {
    uint64_t w;
    std::memcpy(&w, text.data() + i, 8);
    const uint64_t low = (w - 0x2121212121212121ull) & ~w & 0x8080808080808080ull;
    if (low == 0) {
      i += 8;
      continue;
    }
    const size_t k = i + static_cast<size_t>(__builtin_ctzll(low) >> 3);
    if (is_re_space(text[k])) return k;
    i = k + 1;  // a control byte that is no space
  }
  while (i < n && !is_re_space(text[i])) ++i;
  return i;
}

// Elements of a literal part, or false when it holds regex syntax the small matcher does not do.
bool literal_elements(std::string_view literal, std::vector<Element>& out) {
  for (size_t i = 0; i < literal.size(); ++i) {
    char c = literal[i];
    if (c == ' ') {
      while (i + 1 < literal.size() && literal[i + 1] == ' ') ++i;
      out.push_back({Element::Space});
    } else if (c == '\\') {
      if (i + 1 >= literal.size()) return false;
      char e = literal[++i];
      bool alnum = (e >= '0' && e <= '9') || (e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z');
      if (alnum || e == '_') return false;  // \d, \s, \1 ...: classes and references
      out.push_back({Element::Literal, e});
    } else if (std::string_view(".*+?()[]{}|^$").find(c) != std::string_view::npos) {
      return false;
    } else {
      out.push_back({Element::Literal, c});
    }
  }
  return true;
}

}  // namespace

// Backtracking in RE2's preference order: a lazy field tries the shortest value first, a
// whitespace run the longest first; the line must end with the last element.
bool LogFormat::Impl::step(std::string_view text, size_t e, size_t pos, std::string_view* out, size_t field,
                           size_t& budget) const {
  if (budget == 0) return false;
  --budget;
  if (e == elements.size()) return pos == text.size();
  const Element& el = elements[e];
  switch (el.kind) {
    case Element::Literal:
      return pos < text.size() && text[pos] == el.c && step(text, e + 1, pos + 1, out, field, budget);
    case Element::Space: {
      size_t end = pos;
      while (end < text.size() && is_re_space(text[end])) ++end;
      for (size_t k = end; k > pos; --k)
        if (step(text, e + 1, k, out, field, budget)) return true;
      return false;
    }
    case Element::Field: {
      if (e + 1 == elements.size()) {  // the last field takes the rest
        out[field] = text.substr(pos);
        return true;
      }
      const Element& next = elements[e + 1];
      for (size_t end = pos; end <= text.size(); ++end) {
        // Only a position where the next element can start is worth a recursive try: jump there
        // (memchr for a literal) instead of testing every byte.
        if (next.kind == Element::Literal) {
          end = text.find(next.c, end);
          if (end == std::string_view::npos) return false;
        } else if (next.kind == Element::Space) {
          while (end < text.size() && !is_re_space(text[end])) ++end;
          if (end == text.size()) return false;
        }
        out[field] = text.substr(pos, end - pos);
        if (step(text, e + 1, end, out, field + 1, budget)) return true;
        if (budget == 0) return false;
      }
      return false;
    }
  }
  return false;
}

// The path step() tries first: each field as short as the next element allows, each whitespace
// run as long as it goes. When it reaches the end of the line it is the match step() would
// return; when it does not, step() backtracks from the start (rare: a field holding the next
// element's byte, such as a space inside <Component>).
bool LogFormat::Impl::preferred_path(std::string_view text, std::string_view* out) const {
  size_t pos = 0, field = 0;
  const size_t n = text.size();
  for (size_t e = 0; e < elements.size(); ++e) {
    const Element& el = elements[e];
    if (el.kind == Element::Literal) {
      if (pos >= n || text[pos] != el.c) return false;
      ++pos;
    } else if (el.kind == Element::Space) {
      const size_t from = pos;
      while (pos < n && is_re_space(text[pos])) ++pos;
      if (pos == from) return false;
    } else if (e + 1 == elements.size()) {
      out[field] = text.substr(pos);
      return true;
    } else {
      const Element& next = elements[e + 1];
      size_t end = pos;
      if (next.kind == Element::Field) {
        return false;  // <A><B>: where A ends is step()'s to search
      } else if (next.kind == Element::Literal) {
        end = text.find(next.c, pos);
        if (end == std::string_view::npos) return false;
      } else {
        end = next_re_space(text, pos);
        if (end == n) return false;
      }
      out[field++] = text.substr(pos, end - pos);
      pos = end;
    }
  }
  return pos == n;
}

LogFormat::Impl::Fast LogFormat::Impl::fast_match(std::string_view text, std::vector<std::string_view>& values) const {
  if (preferred_path(text, values.data())) return Fast::Yes;
  size_t budget = 4 * text.size() + 64;
  if (step(text, 0, 0, values.data(), 0, budget)) return Fast::Yes;
  values.assign(values.size(), std::string_view());
  return budget > 0 ? Fast::No : Fast::Unknown;  // out of steps: RE2 decides
}

LogFormat::LogFormat(const std::string& format) : impl_(std::make_unique<Impl>()) {
  std::string regex;
  size_t pos = 0;
  bool simple = true;
  while (pos < format.size()) {
    size_t open = format.find('<', pos);
    if (open == std::string::npos) {
      append_literal(regex, std::string_view(format).substr(pos));
      simple = simple && literal_elements(std::string_view(format).substr(pos), impl_->elements);
      break;
    }
    size_t close = format.find('>', open);
    size_t next_open = format.find('<', open + 1);
    if (close == std::string::npos || (next_open != std::string::npos && next_open < close) || close == open + 1)
      throw ConfigurationError("log_format \"" + format + "\" has an unbalanced or empty '<' at position " +
                               std::to_string(open) + ": write fields as <Name>");
    append_literal(regex, std::string_view(format).substr(pos, open - pos));
    simple = simple && literal_elements(std::string_view(format).substr(pos, open - pos), impl_->elements);
    impl_->elements.push_back({Element::Field});
    fields_.push_back(format.substr(open + 1, close - open - 1));
    regex += "(.*?)";
    pos = close + 1;
  }
  if (field_index("Content") < 0)
    throw ConfigurationError("log_format \"" + format + "\" has no <Content> field: add <Content> where the message is");
  RE2::Options opts;
  opts.set_dot_nl(true);
  opts.set_log_errors(false);
  impl_->re = std::make_unique<RE2>(regex, opts);
  if (!impl_->re->ok())
    throw ConfigurationError("log_format \"" + format + "\" is not a valid pattern (" + impl_->re->error() +
                             "): escape regex characters such as [ with a backslash");
  if (impl_->re->NumberOfCapturingGroups() != static_cast<int>(fields_.size()))
    throw ConfigurationError("log_format \"" + format +
                             "\" contains capturing groups outside its <Field>s: use (?:...) for grouping");
  if (!simple) impl_->elements.clear();
  impl_->fields = fields_.size();
}

LogFormat::~LogFormat() = default;
LogFormat::LogFormat(LogFormat&&) noexcept = default;
LogFormat& LogFormat::operator=(LogFormat&&) noexcept = default;

bool LogFormat::match(std::string_view line, std::vector<std::string_view>& values) const {
  std::string_view text = strip(line);
  const size_t n = fields_.size();
  values.assign(n, std::string_view());
  if (!impl_->elements.empty()) {
    auto fast = impl_->fast_match(text, values);
    if (fast != Impl::Fast::Unknown) return fast == Impl::Fast::Yes;
  }
  // Submatch 0 is the whole line; fields follow.
  thread_local std::vector<re2::StringPiece> pieces;
  pieces.assign(n + 1, re2::StringPiece());
  if (!impl_->re->Match(re2::StringPiece(text.data(), text.size()), 0, text.size(), RE2::ANCHOR_BOTH,
                        pieces.data(), static_cast<int>(n + 1)))
    return false;
  for (size_t i = 0; i < n; ++i) values[i] = std::string_view(pieces[i + 1].data(), pieces[i + 1].size());
  return true;
}

int LogFormat::field_index(std::string_view name) const {
  for (size_t i = 0; i < fields_.size(); ++i)
    if (fields_[i] == name) return static_cast<int>(i);
  return -1;
}

}  // namespace v1
}  // namespace gardener
