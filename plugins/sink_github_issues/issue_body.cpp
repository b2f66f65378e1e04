#include "issue_body.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

#include <fmt/format.h>

#include <gardener/record.hpp>

namespace gardener::github {

namespace {

constexpr std::string_view kMarkerOpen = "<!-- log-gardener:fp=";
constexpr std::string_view kMarkerVersion = ";v=1 -->";
constexpr size_t kSampleCap = 8000;  // one key entry never takes more than this

bool marker_safe(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == ':' || c == '-';
}

std::string time_text(TimeNs t) { return t > 0 ? format_rfc3339(t) : std::string("unknown"); }

std::string code_span(const std::string& text) {
  if (text.find('`') == std::string::npos && text.find('\n') == std::string::npos) return "`" + text + "`";
  return "\n```text\n" + text + "\n```\n";
}

std::string value_counts(const std::vector<ValueCount>& values, size_t max) {
  std::string out;
  for (size_t i = 0; i < values.size() && i < max; ++i) {
    out += fmt::format("{}`{}` ({})", i ? ", " : "", values[i].value, values[i].count);
  }
  if (values.size() > max) out += fmt::format(", and {} more", values.size() - max);
  return out;
}

std::string render_head(const Cluster& c, const BodyParts& parts, size_t template_cap) {
  std::string out;
  out += "**Pattern**: " + code_span(truncate_utf8(c.template_text.empty() ? c.title : c.template_text, template_cap)) + "\n";
  out += "**Priority**: " + (c.priority.empty() ? std::string("unranked") : c.priority);
  for (size_t i = 0; i < c.priority_reasons.size(); ++i) out += (i ? "; " : " — ") + c.priority_reasons[i];
  out += "\n";
  out += fmt::format("**Severity**: {} · **Count**: {} · **Kind**: {} · **Cluster**: `{}`\n", severity_name(c.severity),
                     c.count, c.kind.empty() ? "unknown" : c.kind, c.id);
  out += fmt::format("**Time range**: {} – {}\n", time_text(c.first_seen), time_text(c.last_seen));
  if (!c.by_severity.empty()) {
    std::string sev;
    for (const auto& [name, n] : c.by_severity) sev += fmt::format("{}{} {}", sev.empty() ? "" : ", ", name, n);
    out += "**By severity**: " + sev + "\n";
  }
  if (!parts.previous.empty()) out += "\n" + parts.previous + "\n";
  if (!c.impact.empty()) out += "\n### Business impact\n" + c.impact + "\n";
  if (!c.modules.empty() || !c.functions.empty() || !c.revisions.empty()) {
    out += "\n### Where\n";
    if (!c.modules.empty()) out += "- Modules: " + value_counts(c.modules, 10) + "\n";
    if (!c.functions.empty()) out += "- Functions: " + value_counts(c.functions, 10) + "\n";
    if (!c.revisions.empty()) out += "- Revisions: " + value_counts(c.revisions, 5) + "\n";
  }
  if (!c.variables.empty()) {
    out += "\n### Variables\n";
    for (size_t i = 0; i < c.variables.size() && i < 10; ++i) {
      const auto& v = c.variables[i];
      out += fmt::format("- `{}`: {} ({} distinct)\n", v.name, value_counts(v.top, 5), v.distinct);
    }
  }
  if (!parts.query.empty()) {
    out += "\n### Cloud Logging\n";
    if (!parts.query_url.empty()) out += "[Open this cluster's query](" + parts.query_url + ")\n";
    out += "```\n" + truncate_utf8(parts.query, 4000) + "\n```\n";
  }
  return out;
}

std::string render_sample(const Sample& s) {
  std::string text = s.entry.is_null() || s.entry.empty() ? s.message : s.entry.dump(2);
  bool cut = text.size() > kSampleCap;
  text = truncate_utf8(std::move(text), kSampleCap);
  std::string fence = s.entry.is_null() || s.entry.empty() ? "text" : "json";
  return "```" + fence + "\n" + text + (cut ? "\n… (truncated)" : "") + "\n```\n";
}

std::string render_tail(const BodyParts& parts) {
  std::string out = "\n" + wrap_section("latest", parts.latest);
  if (!parts.related.empty()) out += "\n" + wrap_section("related", parts.related);
  out += "\n---\n<sub>Filed and kept current by log-gardener (pipeline `" + parts.pipeline +
         "`). The sections between gardener comments are rewritten on each run; edit anything else freely.</sub>\n";
  return out;
}

}  // namespace

namespace {

constexpr std::string_view kFormerOpen = "<!-- log-gardener:was=";
constexpr std::string_view kCommentClose = " -->";
constexpr size_t kMaxFormerIds = 32;

// An id as the markers spell it: safe characters kept, the rest (and a second `-` of `--`,
// which would end the HTML comment) as %XX.
std::string encode_id(const std::string& cluster_id) {
  std::string id;
  for (size_t i = 0; i < cluster_id.size(); ++i) {
    char c = cluster_id[i];
    bool double_dash = c == '-' && i > 0 && cluster_id[i - 1] == '-';
    if (marker_safe(c) && !double_dash) {
      id += c;
    } else {
      id += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    }
  }
  return id;
}

std::optional<std::string> decode_id(std::string_view text) {
  std::string id;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
      id += static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else if (marker_safe(text[i])) {
      id += text[i];
    } else {
      return std::nullopt;  // not one of ours
    }
  }
  if (id.empty()) return std::nullopt;
  return id;
}

// `body` without any of the comments that start with `open`, and without trailing blanks.
std::string without_comments(std::string out, std::string_view open) {
  for (size_t pos; (pos = out.find(open)) != std::string::npos;) {
    size_t end = out.find("-->", pos);
    end = end == std::string::npos ? out.size() : end + 3;
    if (end < out.size() && out[end] == '\n') ++end;
    out.erase(pos, end - pos);
  }
  return out;
}

}  // namespace

std::string marker(const std::string& cluster_id) {
  return std::string(kMarkerOpen) + encode_id(cluster_id) + std::string(kMarkerVersion);
}

std::optional<std::string> find_marker(std::string_view body) {
  size_t pos = body.find(kMarkerOpen);
  if (pos == std::string_view::npos) return std::nullopt;
  size_t start = pos + kMarkerOpen.size();
  size_t end = body.find(';', start);
  if (end == std::string_view::npos || body.substr(end, 4) != ";v=1") return std::nullopt;
  return decode_id(body.substr(start, end - start));
}

std::vector<std::string> former_ids(std::string_view body) {
  std::vector<std::string> ids;
  size_t pos = body.find(kFormerOpen);
  if (pos == std::string_view::npos) return ids;
  size_t start = pos + kFormerOpen.size();
  size_t end = body.find(kCommentClose, start);
  if (end == std::string_view::npos) return ids;
  std::string_view list = body.substr(start, end - start);
  for (size_t from = 0; from <= list.size();) {
    size_t comma = std::min(list.find(',', from), list.size());
    if (auto id = decode_id(list.substr(from, comma - from))) ids.push_back(*id);
    from = comma + 1;
  }
  return ids;
}

std::string with_marker(std::string_view body, const std::string& cluster_id, const std::vector<std::string>& former) {
  std::string out = without_comments(without_comments(std::string(body), kMarkerOpen), kFormerOpen);
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  std::vector<std::string> kept;  // the newest last, without the current id or repeats
  for (auto it = former.rbegin(); it != former.rend() && kept.size() < kMaxFormerIds; ++it)
    if (*it != cluster_id && std::find(kept.begin(), kept.end(), *it) == kept.end()) kept.push_back(*it);
  std::reverse(kept.begin(), kept.end());
  out += "\n\n";
  if (!kept.empty()) {
    out += kFormerOpen;
    for (size_t i = 0; i < kept.size(); ++i) out += (i ? "," : "") + encode_id(kept[i]);
    out += std::string(kCommentClose) + "\n";
  }
  return out + marker(cluster_id) + "\n";
}

namespace {
std::string begin_tag(std::string_view name) { return "<!-- log-gardener:begin=" + std::string(name) + " -->"; }
std::string end_tag(std::string_view name) { return "<!-- log-gardener:end=" + std::string(name) + " -->"; }
}  // namespace

std::string wrap_section(std::string_view name, const std::string& content) {
  return begin_tag(name) + "\n" + content + (content.empty() || content.back() == '\n' ? "" : "\n") + end_tag(name) + "\n";
}

std::optional<std::string> section(std::string_view body, std::string_view name) {
  std::string b = begin_tag(name), e = end_tag(name);
  size_t start = body.find(b);
  if (start == std::string_view::npos) return std::nullopt;
  start += b.size();
  if (start < body.size() && body[start] == '\n') ++start;
  size_t end = body.find(e, start);
  if (end == std::string_view::npos) return std::nullopt;
  return std::string(body.substr(start, end - start));
}

std::string replace_section(std::string_view body, std::string_view name, const std::string& content) {
  std::string b = begin_tag(name), e = end_tag(name);
  size_t start = body.find(b);
  size_t end = start == std::string_view::npos ? start : body.find(e, start);
  if (start != std::string_view::npos && end != std::string_view::npos) {
    size_t after = end + e.size();
    if (after < body.size() && body[after] == '\n') ++after;
    return std::string(body.substr(0, start)) + wrap_section(name, content) + std::string(body.substr(after));
  }
  size_t at = body.find(kMarkerOpen);
  if (at == std::string_view::npos) at = body.size();
  std::string head(body.substr(0, at));
  if (!head.empty() && head.back() != '\n') head += "\n";
  return head + "\n" + wrap_section(name, content) + "\n" + std::string(body.substr(at));
}

std::string truncate_utf8(std::string text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  text.resize(cut);
  return text;
}

std::string render_latest(const Cluster& c, const Window& window, uint64_t after_close) {
  std::string out = "### Latest occurrence\n";
  out += fmt::format("- Window: {} – {}\n", time_text(window.start), time_text(window.end));
  out += fmt::format("- Occurrences in the window: {}\n", c.count);
  if (after_close > 0) out += fmt::format("- Occurrences after the issue was closed: {}\n", after_close);
  out += fmt::format("- Last seen: {}\n", time_text(c.last_seen));
  if (!c.status.empty()) out += "- Status: " + c.status + "\n";
  if (!c.history.empty()) {
    std::string h;
    size_t from = c.history.size() > 10 ? c.history.size() - 10 : 0;
    for (size_t i = from; i < c.history.size(); ++i) h += fmt::format("{}{}", h.empty() ? "" : ", ", c.history[i]);
    out += "- Previous runs (oldest first): " + h + "\n";
  }
  return out;
}

std::string render_body(const Cluster& cluster, const BodyParts& parts, const Redactor& redactor) {
  std::string tail = render_tail(parts);
  redactor.redact_text(tail);
  std::vector<std::string> samples;
  for (size_t i = 0; i < cluster.samples.size() && i < parts.max_samples; ++i) {
    samples.push_back(render_sample(cluster.samples[i]));
    redactor.redact_text(samples.back());
  }
  size_t budget = parts.limit > tail.size() + 200 ? parts.limit - tail.size() - 200 : 0;
  std::string head;
  for (size_t template_cap = 16000;; template_cap /= 2) {
    head = render_head(cluster, parts, template_cap);
    redactor.redact_text(head);
    if (head.size() <= budget || template_cap < 64) break;
  }
  head = truncate_utf8(std::move(head), budget);  // last resort for pathological clusters
  // Key entries go last in the summary, so trimming drops them from the end.
  std::string entries;
  size_t kept = 0;
  for (const auto& s : samples) {
    if (head.size() + entries.size() + s.size() + 64 > budget) break;
    entries += s;
    ++kept;
  }
  std::string body = head;
  if (!samples.empty()) {
    body += "\n### Key log entries\n" + entries;
    if (kept < samples.size()) body += fmt::format("_{} more entries omitted to fit GitHub's size limit._\n", samples.size() - kept);
  }
  body += tail;
  return with_marker(body, cluster.id, cluster.aliases);
}

std::string finish_comment(std::string text, const Redactor& redactor) {
  redactor.redact_text(text);
  return truncate_utf8(std::move(text), kBodyLimit - 100);
}

}  // namespace gardener::github
