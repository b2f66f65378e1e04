#include "slack_digest.hpp"

#include <fmt/format.h>

#include <gardener/report_format.hpp>

namespace gardener::slack {
namespace {

// Cuts at a UTF-8 character boundary, marking the cut.
std::string clip(std::string text, size_t max) {
  if (text.size() <= max) return text;
  size_t cut = max - 3;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "…";
}

Json section(std::string text) { return {{"type", "section"}, {"text", {{"type", "mrkdwn"}, {"text", std::move(text)}}}}; }

Json context(std::string text) {
  return {{"type", "context"}, {"elements", Json::array({{{"type", "mrkdwn"}, {"text", std::move(text)}}})}};
}

size_t block_chars(const Json& block) {
  if (block.contains("text")) return block["text"]["text"].get<std::string>().size();
  if (block.contains("elements")) return block["elements"][0]["text"].get<std::string>().size();
  return 0;
}

std::string status_mark(const std::string& status) {
  if (status == "new") return "🆕 new";
  if (status == "regressed") return "🔁 regressed";
  if (status == "spiking") return "📈 spiking";
  return status.empty() ? "" : status;
}

// One cluster as one line-group; the title is clipped so the entry always fits one section.
std::string entry_text(const Cluster& c, const Report& r, const DigestOptions& o) {
  std::string text = fmt::format("*{}* `{}` *{}*\n", c.priority.empty() ? "P?" : c.priority, escape(clip(c.id, 200)),
                                 escape(clip(c.title, 300)));
  std::vector<std::string> facts;
  if (!c.status.empty()) facts.push_back(status_mark(c.status));
  facts.push_back(std::string(severity_name(c.severity)));
  facts.push_back(volume_text(c));
  if (!c.history.empty()) {
    auto all = c.history;
    all.push_back(c.count);
    facts.push_back(sparkline(all));
  }
  if (c.issue && !c.issue->url.empty()) facts.push_back(fmt::format("<{}|#{}>", c.issue->url, c.issue->number));
  std::string query = c.query.empty() ? default_query(c, r.service) : c.query;
  facts.push_back(fmt::format("<{}|logs>", logs_explorer_url(query, r.window, o.project)));
  for (size_t i = 0; i < facts.size(); ++i) text += (i ? " · " : "") + facts[i];
  if (!c.priority_reasons.empty()) {
    std::string reasons;
    for (const auto& s : c.priority_reasons) reasons += (reasons.empty() ? "" : ", ") + s;
    text += "\n_" + escape(clip(reasons, 400)) + "_";
  }
  return text;
}

// Packs lines into sections of at most `max` characters each.
std::vector<Json> sections_of(const std::vector<std::string>& lines, size_t max) {
  std::vector<Json> out;
  std::string current;
  for (const auto& raw : lines) {
    std::string line = clip(raw, max);
    if (!current.empty() && current.size() + 1 + line.size() > max) {
      out.push_back(section(current));
      current.clear();
    }
    current += (current.empty() ? "" : "\n") + line;
  }
  if (!current.empty()) out.push_back(section(current));
  return out;
}

std::vector<Json> summary_blocks(const Report& r, size_t listed, const DigestOptions& o, const DigestLimits& l) {
  std::vector<Json> blocks;
  std::string title = fmt::format("Log Gardener: {} ({} – {})", r.pipeline, format_rfc3339(r.window.start),
                                  format_rfc3339(r.window.end));
  blocks.push_back({{"type", "header"}, {"text", {{"type", "plain_text"}, {"text", clip(title, l.max_header)}, {"emoji", true}}}});
  size_t changed = 0;
  for (const auto& c : r.clusters) changed += (c.status == "new" || c.status == "regressed" || c.status == "spiking");
  blocks.push_back(context(fmt::format(
      "{} lines read · {} clusters ({} listed at {} or above) · {} changed · {} incidents · coverage {}", r.lines_read,
      r.clusters.size(), listed, o.min_priority, changed, r.incidents.size(), r.coverage_holds() ? "✓" : "✗ does not add up")));
  return blocks;
}

std::vector<std::string> incident_lines(const Report& r) {
  std::vector<std::string> lines;
  for (const auto& inc : r.incidents) {
    std::string ids;
    for (const auto& id : inc.cluster_ids) ids += (ids.empty() ? "" : ", ") + ("`" + escape(id) + "`");
    std::string keys;
    for (const auto& k : inc.keys) keys += (keys.empty() ? "" : ", ") + escape(k);
    lines.push_back(fmt::format("🔗 *Incident* `{}`: {} — {}{}", inc.id, escape(inc.title), ids, keys.empty() ? "" : " (" + keys + ")"));
  }
  return lines;
}

std::vector<std::string> quiet_lines(const Report& r) {
  std::vector<std::string> lines;
  for (const auto& q : r.quiet) {
    lines.push_back(fmt::format("🔕 went quiet: `{}` {}{}", escape(q.id), escape(q.title),
                                q.issue && !q.issue->url.empty() ? fmt::format(" <{}|#{}>", q.issue->url, q.issue->number) : ""));
  }
  return lines;
}

// Splits blocks into messages within the block count and character budget.
std::vector<Json> pack(const std::vector<Json>& blocks, const std::string& pipeline, const DigestLimits& l) {
  std::vector<Json> messages;
  Json current = Json::array();
  size_t chars = 0;
  for (const auto& b : blocks) {
    size_t n = block_chars(b);
    if (!current.empty() && (current.size() + 1 > l.max_blocks || chars + n > l.max_message_chars)) {
      messages.push_back({{"blocks", current}});
      current = Json::array();
      chars = 0;
    }
    current.push_back(b);
    chars += n;
  }
  if (!current.empty()) messages.push_back({{"blocks", current}});
  for (size_t i = 0; i < messages.size(); ++i) {
    messages[i]["text"] = messages.size() == 1 ? fmt::format("Log Gardener digest for {}", pipeline)
                                               : fmt::format("Log Gardener digest for {} ({}/{})", pipeline, i + 1, messages.size());
  }
  return messages;
}

}  // namespace

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else out += c;
  }
  return out;
}

std::vector<const Cluster*> listed_clusters(const Report& report, const std::string& min_priority) {
  std::vector<const Cluster*> out;
  for (const auto& c : report.clusters) {
    if (priority_rank(c.priority) <= priority_rank(min_priority)) out.push_back(&c);
  }
  std::stable_sort(out.begin(), out.end(), [](const Cluster* a, const Cluster* b) {
    int ra = priority_rank(a->priority), rb = priority_rank(b->priority);
    return ra != rb ? ra < rb : (a->count != b->count ? a->count > b->count : a->id < b->id);
  });
  return out;
}

bool has_changes(const Report& report) {
  if (!report.quiet.empty()) return true;
  for (const auto& c : report.clusters) {
    if (c.status == "new" || c.status == "regressed" || c.status == "spiking") return true;
  }
  return false;
}

std::vector<Json> build_digest(const Report& report, const DigestOptions& o, const DigestLimits& l) {
  auto listed = listed_clusters(report, o.min_priority);
  std::vector<Json> blocks = summary_blocks(report, listed.size(), o, l);
  for (auto& s : sections_of(incident_lines(report), l.max_section)) blocks.push_back(std::move(s));
  for (const auto* c : listed) blocks.push_back(section(clip(entry_text(*c, report, o), l.max_section)));
  for (auto& s : sections_of(quiet_lines(report), l.max_section)) blocks.push_back(std::move(s));
  if (listed.empty()) blocks.push_back(section(fmt::format("No clusters at {} or above in this window.", o.min_priority)));
  if (!o.worklog_url.empty()) blocks.push_back(section(fmt::format("📄 <{}|Full worklog>", o.worklog_url)));
  return pack(blocks, report.pipeline, l);
}

Json cluster_detail(const Cluster& c, const Report& report, const DigestOptions& o, const DigestLimits& l) {
  std::vector<Json> blocks{section(clip(entry_text(c, report, o), l.max_section))};
  for (const auto& s : c.samples) {
    if (blocks.size() >= 4) break;
    std::string entry = s.entry.is_object() && !s.entry.empty() ? s.entry.dump(2, ' ', false, Json::error_handler_t::replace)
                                                                 : s.message;
    blocks.push_back(section("```" + clip(escape(entry), l.max_section - 6) + "```"));
  }
  return {{"text", fmt::format("{} {}", c.id, c.title)}, {"blocks", blocks}};
}

}  // namespace gardener::slack
