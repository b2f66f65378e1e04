#include "issue_run.hpp"

#include <algorithm>
#include <numeric>
#include <set>

#include <fmt/format.h>

#include <gardener/errors.hpp>
#include <gardener/report_format.hpp>

#include "issue_body.hpp"

namespace gardener::github {

namespace {

constexpr size_t kMaxLabel = 50;
constexpr size_t kMaxTitle = 256;
constexpr size_t kMaxRelated = 20;

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool is_priority_label(const std::string& l) { return l.size() == 2 && l[0] == 'P' && l[1] >= '0' && l[1] <= '9'; }

bool has_label(const ApiIssue& issue, const std::string& label) {
  return std::any_of(issue.labels.begin(), issue.labels.end(), [&](const auto& l) { return lower(l) == lower(label); });
}

// Prefer an open issue, then the newest: a `new` recurrence policy leaves older closed twins.
bool better(const ApiIssue& a, const ApiIssue& b) {
  if ((a.state == "open") != (b.state == "open")) return a.state == "open";
  return a.number > b.number;
}

// Events of the window that happened after `closed_at` (exact when the window starts after it).
uint64_t count_after(const Cluster& c, TimeNs closed_at) {
  if (closed_at <= 0 || c.first_seen > closed_at) return c.count;
  if (c.last_seen <= closed_at) return 0;
  auto later = std::count_if(c.samples.begin(), c.samples.end(), [&](const Sample& s) { return s.timestamp > closed_at; });
  return std::max<uint64_t>(1, static_cast<uint64_t>(later));
}

std::vector<std::string> variants_of(const Cluster& c) {
  std::vector<std::string> out;
  for (const auto& m : c.modules) out.push_back("module:" + m.value);
  for (const auto& f : c.functions) out.push_back("function:" + f.value);
  return out;
}

std::string issue_ref_text(int64_t number) { return "#" + std::to_string(number); }

}  // namespace

// --- Ledger ---------------------------------------------------------------------------------

Ledger::Ledger(StateStore* store, std::string repo, std::string ns, bool read_only)
    : store_(store), repo_(std::move(repo)), ns_(std::move(ns)), read_only_(read_only) {}

std::optional<IssueLinkRow> Ledger::link(const std::string& cluster_id) const {
  return store_ ? store_->issue_link(repo_, cluster_id) : std::nullopt;
}

void Ledger::put(const IssueLinkRow& row) {
  if (store_ && !read_only_) store_->put_issue_link(row);
}

Json Ledger::notes(const std::string& cluster_id) const {
  if (!store_) return Json::object();
  auto text = store_->get(ns_, "issue-notes:" + repo_ + ":" + cluster_id);
  Json j = text ? Json::parse(*text, nullptr, false) : Json::object();
  return j.is_object() ? j : Json::object();
}

void Ledger::put_notes(const std::string& cluster_id, const Json& notes) {
  if (store_ && !read_only_) store_->put(ns_, "issue-notes:" + repo_ + ":" + cluster_id, notes.dump());
}

void Ledger::carry_notes(const std::string& from, const std::string& to) {
  if (!store_ || read_only_ || !notes(to).empty()) return;
  if (Json old = notes(from); !old.empty()) put_notes(to, old);
}

int64_t Ledger::add_intent(const std::string& cluster_id, const Json& payload) {
  return store_ && !read_only_ ? store_->add_intent(ns_, "create_issue", cluster_id, payload.dump()) : 0;
}

void Ledger::finish_intent(int64_t id, const std::string& status) {
  if (store_ && !read_only_ && id > 0) store_->finish_intent(id, status);
}

std::vector<IntentRow> Ledger::pending_intents() const {
  return store_ ? store_->pending_intents(ns_) : std::vector<IntentRow>{};
}

// --- The run --------------------------------------------------------------------------------

IssueRun::IssueRun(const SinkSettings& settings, Context& ctx, Report& report, GitHubApi& api)
    : s_(settings),
      ctx_(ctx),
      report_(report),
      api_(api),
      ledger_(ctx.state(), settings.repo, ctx.pipeline_name() + "/" + ctx.component_name(), ctx.plan()) {}

void IssueRun::run() {
  load_issues();
  settle_intents();
  // One cluster's failure is reported and the others go on; but once GitHub's rate limit has
  // stopped the run's calls, the rest are counted, not tried.
  int64_t not_tried = 0;
  auto guarded = [&](auto&& work, bool count) {
    if (api_.stopped()) return (void)(not_tried += count);
    try {
      work();
    } catch (const RemoteError& e) {
      failed(e.what());
    }
  };
  for (auto& c : report_.clusters) guarded([&] { handle_cluster(c); }, true);
  for (auto& t : tracked_) guarded([&] { refresh(t); }, false);
  for (auto& q : report_.quiet) guarded([&] { handle_quiet(q); }, false);
  if (api_.stopped()) {
    report_.warnings.push_back(fmt::format("github_issues: GitHub's rate limit stopped the run; {} cluster(s) were not "
                                           "looked at and will be on the next run", not_tried));
  }
  if (not_filed_ > 0) {
    report_.warnings.push_back(fmt::format("github_issues: max_new_issues ({}) reached; {} cluster(s) got no issue this run",
                                           s_.max_new_issues, not_filed_));
  }
  ctx_.metric("mutations", api_.mutations());
  if (!failures_.empty()) {
    std::string all = failures_.front();
    if (failures_.size() > 1) all += fmt::format(" (and {} more failures)", failures_.size() - 1);
    throw RemoteError(all);
  }
}

void IssueRun::failed(const std::string& what) {
  ctx_.error("{}", what);
  failures_.push_back(what);
}

void IssueRun::index_issue(const ApiIssue& issue) {
  by_number_[issue.number] = issue;
  auto id = find_marker(issue.body);
  if (!id) return;
  auto it = by_marker_.find(*id);
  if (it == by_marker_.end() || better(issue, it->second)) by_marker_[*id] = issue;
}

// Database read by label (never search: its index lags and skips HTML comments), then the
// ledger learns every marker it did not know (a new machine, lost state, a crashed run).
void IssueRun::load_issues() {
  try {
    for (const auto& issue : api_.list_by_label(s_.label)) index_issue(issue);
    // Then the ids each issue stood for before, where no issue stands for them now.
    for (const auto& [number, issue] : by_number_)
      for (const auto& id : former_ids(issue.body)) by_marker_.emplace(id, issue);
  } catch (const RemoteError& e) {
    // A plan against an unreachable API still shows what would be written, loudly marked.
    if (!ctx_.plan() || !api_.unreachable()) throw;
    std::string note = std::string(e.what()) + "; the plan assumes the repository has no gardener issues yet";
    ctx_.warn("{}", note);
    report_.warnings.push_back(note);
  }
  ctx_.debug("github_issues: {} issue(s) labelled `{}` in {}", by_number_.size(), s_.label, s_.repo);
  for (const auto& [id, issue] : by_marker_) {
    auto row = ledger_.link(id);
    if (row && row->number == issue.number && row->state == issue.state) continue;
    IssueLinkRow fresh = row.value_or(IssueLinkRow{});
    fresh.cluster_id = id;
    fresh.repo = s_.repo;
    fresh.number = issue.number;
    fresh.url = issue.html_url;
    fresh.state = issue.state;
    fresh.state_reason = issue.state_reason;
    fresh.closed_at = issue.closed_at;
    fresh.updated_at = now_ns();
    ledger_.put(fresh);
  }
}

// A create whose outcome was never recorded: the marker tells whether it happened.
void IssueRun::settle_intents() {
  for (const auto& intent : ledger_.pending_intents()) {
    if (intent.action != "create_issue") continue;
    auto it = by_marker_.find(intent.key);
    if (it != by_marker_.end()) {
      ctx_.info("github_issues: an interrupted create of `{}` did happen: issue #{}", intent.key, it->second.number);
      ledger_.finish_intent(intent.id, "done");
    } else {
      ctx_.info("github_issues: an interrupted create of `{}` never reached GitHub", intent.key);
      ledger_.finish_intent(intent.id, "abandoned");
    }
  }
}

std::optional<std::pair<ApiIssue, std::string>> IssueRun::find_issue(const Cluster& c) {
  std::vector<std::string> ids{c.id};
  ids.insert(ids.end(), c.aliases.begin(), c.aliases.end());
  for (const auto& id : ids) {
    if (auto it = by_marker_.find(id); it != by_marker_.end()) return std::pair{it->second, id};
  }
  // The ledger still knows issues whose label or marker a human removed.
  for (const auto& id : ids) {
    auto row = ledger_.link(id);
    if (!row || row->number <= 0) continue;
    if (auto it = by_number_.find(row->number); it != by_number_.end()) return std::pair{it->second, id};
    if (auto issue = api_.get_issue(row->number)) {
      by_number_[issue->number] = *issue;
      return std::pair{*issue, id};
    }
  }
  return std::nullopt;
}

bool IssueRun::eligible(const Cluster& c) const {
  if (c.count < static_cast<uint64_t>(s_.min_count)) return false;
  std::string p = c.priority.empty() ? "P3" : c.priority;
  return priority_rank(p) <= priority_rank(s_.min_priority);
}

bool IssueRun::muted(const ApiIssue& issue) const { return !s_.mute_label.empty() && has_label(issue, s_.mute_label); }

void IssueRun::set_ref(Cluster& c, const ApiIssue& issue, const std::string& action) {
  c.issue = IssueRef{issue.number, issue.html_url, action, issue.state.empty() ? "open" : issue.state};
}

void IssueRun::handle_cluster(Cluster& c) {
  if (!handled_.insert(c.id).second) return;
  auto found = find_issue(c);
  if (!found) {
    if (!eligible(c)) return;
    if (auto issue = create(c, nullptr, 0)) {
      tracked_.push_back({&c, *issue, "created", 0});
    }
    return;
  }
  const ApiIssue& issue = found->first;
  if (found->second != c.id) {
    ctx_.info("github_issues: cluster `{}` follows its old id `{}` to #{}", c.id, found->second, issue.number);
    ledger_.carry_notes(found->second, c.id);  // the title we set, the variants and windows seen
  }
  close_merged_duplicates(c, issue);
  if (muted(issue)) {
    set_ref(c, issue, "muted");
    remember(c, issue, 0);
    return;
  }
  if (issue.state == "closed") return handle_closed(c, issue);
  handle_open(c, issue);
}

void IssueRun::handle_open(Cluster& c, const ApiIssue& issue) {
  Json notes = ledger_.notes(c.id);
  set_ref(c, issue, "updated");
  tracked_.push_back({&c, issue, "updated", 0});
  maybe_comment(c, issue, notes);
  notes["last_active_end"] = report_.window.end;
  Json variants = notes.value("variants", Json::array());
  for (const auto& v : variants_of(c))
    if (std::find(variants.begin(), variants.end(), v) == variants.end() && variants.size() < 200) variants.push_back(v);
  notes["variants"] = variants;
  ledger_.put_notes(c.id, notes);
  remember(c, issue, 0);
}

// Closed as not planned (or duplicate) is a human decision: never reopened, never nagged.
void IssueRun::handle_closed(Cluster& c, const ApiIssue& issue) {
  if (issue.state_reason == "not_planned" || issue.state_reason == "duplicate") {
    set_ref(c, issue, "skipped");
    remember(c, issue, 0);
    return;
  }
  uint64_t after = count_after(c, issue.closed_at);
  if (after == 0 || after < static_cast<uint64_t>(s_.min_count)) {
    set_ref(c, issue, "unchanged");
    return;
  }
  std::string closed = issue.closed_at ? format_rfc3339(issue.closed_at) : std::string("an unknown time");
  if (s_.on_recurrence == "new") {
    if (auto fresh = create(c, &issue, after)) {
      tracked_.push_back({&c, *fresh, "created", after});
      comment(issue.number, fmt::format("This recurred after it was closed ({} occurrences since {}); now tracked in #{}.",
                                        after, closed, fresh->number),
              "cross-link the recurrence");
    }
    return;
  }
  std::string text = fmt::format("**Recurred** after it was closed at {}: {} occurrence(s) since then, last at {} (window {} – {}).",
                                 closed, after, format_rfc3339(c.last_seen), format_rfc3339(report_.window.start),
                                 format_rfc3339(report_.window.end));
  ApiIssue reopened = issue;
  reopened.state = "open";
  reopened.state_reason = "reopened";
  if (ctx_.plan()) {
    ctx_.plan_action(fmt::format("github: reopen {}#{} ({} occurrences after close)", s_.repo, issue.number, after));
  } else {
    reopened = api_.update_issue(issue.number, Json{{"state", "open"}, {"state_reason", "reopened"}});
  }
  comment(issue.number, text, "recurrence");
  Json notes = ledger_.notes(c.id);
  notes["last_comment_end"] = report_.window.end;
  notes["last_active_end"] = report_.window.end;
  ledger_.put_notes(c.id, notes);
  set_ref(c, reopened, ctx_.plan() ? "planned" : "reopened");
  tracked_.push_back({&c, reopened, "reopened", after});
  remember(c, reopened, 0);
  ctx_.metric("issues_reopened", 1);
}

// Comments are for news only: back after a quiet spell, a spike against history, a new variant.
void IssueRun::maybe_comment(Cluster& c, const ApiIssue& issue, Json& notes) {
  if (c.count == 0 || notes.value("last_comment_end", TimeNs{0}) == report_.window.end) return;
  std::vector<std::string> why;
  TimeNs last_active = notes.value("last_active_end", TimeNs{0});
  bool came_back = c.status == "regressed" || (!c.history.empty() && c.history.back() == 0) ||
                   (last_active > 0 && report_.window.start > last_active);
  if (came_back) why.push_back("seen again after a quiet period");
  if (!c.history.empty()) {
    double mean = std::accumulate(c.history.begin(), c.history.end(), 0.0) / static_cast<double>(c.history.size());
    if (c.status == "spiking" || static_cast<double>(c.count) >= s_.spike_factor * std::max(1.0, mean)) {
      why.push_back(fmt::format("spike: {} against a mean of {:.1f} over {} previous run(s)", c.count, mean, c.history.size()));
    }
  }
  if (notes.contains("variants")) {
    const Json& known = notes["variants"];
    std::vector<std::string> fresh;
    for (const auto& v : variants_of(c))
      if (std::find(known.begin(), known.end(), v) == known.end()) fresh.push_back(v);
    if (!fresh.empty()) {
      std::string list;
      for (const auto& f : fresh) list += (list.empty() ? "`" : ", `") + f + "`";
      why.push_back("new variant: " + list);
    }
  }
  if (why.empty()) return;
  std::string text = fmt::format("**{} occurrence(s)** in {} – {}, last at {}.\n", c.count, format_rfc3339(report_.window.start),
                                 format_rfc3339(report_.window.end), format_rfc3339(c.last_seen));
  for (const auto& w : why) text += "- " + w + "\n";
  if (comment(issue.number, text, why.front())) {
    notes["last_comment_end"] = report_.window.end;
    set_ref(c, issue, ctx_.plan() ? "planned" : "commented");
  }
}

bool IssueRun::comment(int64_t number, const std::string& text, const std::string& why) {
  if (comments_ >= s_.max_comments) {
    ctx_.warn("github_issues: max_comments ({}) reached; not commenting on #{} ({})", s_.max_comments, number, why);
    return false;
  }
  ++comments_;
  std::string body = finish_comment(text, ctx_.redactor());
  if (ctx_.plan()) {
    ctx_.plan_action(fmt::format("github: comment on {}#{} ({})", s_.repo, number, why));
    return true;
  }
  WriteResult r = api_.add_comment(number, body);
  if (r.lost) {
    // Not retried: a second copy of a comment is worse than a missing one.
    ctx_.warn("github_issues: the answer to a comment on #{} was lost ({}); not retrying", number, r.error);
    return true;
  }
  if (r.status != 201) throw RemoteError(fmt::format("github_issues: commenting on #{} failed: {}", number, r.error));
  ctx_.metric("comments", 1);
  return true;
}

std::optional<ApiIssue> IssueRun::create(Cluster& c, const ApiIssue* previous, uint64_t after_close) {
  if (created_ >= s_.max_new_issues) {
    ++not_filed_;
    c.issue = IssueRef{0, "", "skipped", ""};
    return std::nullopt;
  }
  ++created_;
  BodyParts parts;
  parts.pipeline = ctx_.pipeline_name();
  add_query(c, parts);
  parts.latest = render_latest(c, report_.window, after_close);
  parts.related = related_for(c, 0);
  parts.max_samples = static_cast<size_t>(s_.max_samples);
  if (previous) {
    parts.previous = fmt::format("Previously tracked in #{} (closed {}); {} occurrence(s) since it was closed.",
                                 previous->number, previous->closed_at ? format_rfc3339(previous->closed_at) : "earlier", after_close);
  }
  Json payload = {{"title", title_for(c)}, {"body", render_body(c, parts, ctx_.redactor())}, {"labels", labels_for(c)}};
  if (auto who = assignees_for(c); !who.empty()) payload["assignees"] = who;
  if (ctx_.plan()) {
    ctx_.plan_action(fmt::format("github: create issue in {}: \"{}\" labels [{}]", s_.repo, payload["title"].get<std::string>(),
                                 fmt::join(payload["labels"].get<std::vector<std::string>>(), ", ")));
    c.issue = IssueRef{0, "", "planned", "open"};
    return std::nullopt;
  }
  int64_t intent = ledger_.add_intent(c.id, Json{{"title", payload["title"]}, {"repo", s_.repo}});
  std::optional<ApiIssue> issue;
  try {
    issue = create_once(c, payload);
  } catch (...) {
    ledger_.finish_intent(intent, "abandoned");
    throw;
  }
  set_ref(c, *issue, "created");
  Json notes = Json::object();
  notes["title"] = issue->title;
  notes["last_active_end"] = report_.window.end;
  notes["last_comment_end"] = report_.window.end;
  notes["variants"] = variants_of(c);
  remember(c, *issue, 0);
  ledger_.put_notes(c.id, notes);
  ledger_.finish_intent(intent, "done");
  by_marker_[c.id] = *issue;
  by_number_[issue->number] = *issue;
  ctx_.metric("issues_created", 1);
  if (!has_label(*issue, s_.label)) {
    ctx_.warn("github_issues: issue #{} came back without the label `{}`: the token has no push access, so labels are "
              "dropped and lost state cannot be rebuilt from labels", issue->number, s_.label);
  }
  return issue;
}

// POST once; on a lost answer look for the marker before deciding to post again.
std::optional<ApiIssue> IssueRun::create_once(Cluster& c, Json payload) {
  for (int attempt = 1; attempt <= api_.settings().max_attempts; ++attempt) {
    WriteResult r = api_.create_issue(payload);
    if (r.status == 201) return parse_issue(r.body);
    if (r.lost) {
      ctx_.warn("github_issues: the answer to creating the issue for `{}` was lost ({}); looking for its marker", c.id, r.error);
      if (auto found = look_for_marker(c.id)) return found;
      continue;  // it never arrived: creating again cannot duplicate it
    }
    if (r.status == 422 && payload.contains("assignees") && r.error.find("assignees") != std::string::npos) {
      drop_refused_assignees(c, r, payload);
      continue;
    }
    throw RemoteError(fmt::format("github_issues: creating the issue for cluster `{}` in {} failed: {}", c.id, s_.repo, r.error));
  }
  throw RemoteError(fmt::format("github_issues: creating the issue for cluster `{}` in {} failed after {} attempts", c.id,
                                s_.repo, api_.settings().max_attempts));
}

// GitHub names each login it refuses (`errors[].value` of field `assignees`): only those go.
// When it names none, or none would be left, the issue is filed without assignees.
void IssueRun::drop_refused_assignees(const Cluster& c, const WriteResult& r, Json& payload) {
  std::set<std::string> refused;
  if (auto errors = r.body.find("errors"); r.body.is_object() && errors != r.body.end() && errors->is_array()) {
    for (const auto& e : *errors) {
      if (!e.is_object() || e.value("field", std::string()) != "assignees" || !e.contains("value")) continue;
      const Json& v = e["value"];
      if (v.is_string()) refused.insert(v.get<std::string>());
      for (const auto& one : v.is_array() ? v : Json::array())
        if (one.is_string()) refused.insert(one.get<std::string>());
    }
  }
  Json kept = Json::array();
  for (const auto& who : payload["assignees"])
    if (!who.is_string() || !refused.count(who.get<std::string>())) kept.push_back(who);
  if (refused.empty() || kept.empty() || kept.size() == payload["assignees"].size()) {
    ctx_.warn("github_issues: GitHub refused the assignees of `{}` ({}); filing without them", c.id, r.error);
    payload.erase("assignees");
    return;
  }
  ctx_.warn("github_issues: GitHub refused {} as assignee(s) of `{}` ({}); filing with the others", fmt::join(refused, ", "),
            c.id, r.error);
  payload["assignees"] = kept;
}

std::optional<ApiIssue> IssueRun::look_for_marker(const std::string& cluster_id) {
  ctx_.sleep_for(s_.mutation_interval);  // let a slow create finish before we look
  for (const auto& issue : api_.list_by_label(s_.label)) {
    if (find_marker(issue.body) == cluster_id) return issue;
  }
  return std::nullopt;
}

void IssueRun::refresh(Tracked& t) {
  Cluster& c = *t.cluster;
  const ApiIssue& issue = t.issue;
  std::string latest = render_latest(c, report_.window, t.after_close);
  std::string related = related_for(c, issue.number);
  ctx_.redactor().redact_text(latest);
  ctx_.redactor().redact_text(related);
  std::string body = replace_section(issue.body, "latest", latest);
  if (!related.empty() || section(body, "related")) body = replace_section(body, "related", related);
  std::vector<std::string> former = former_ids(issue.body);
  if (auto old = find_marker(issue.body)) former.push_back(*old);
  former.insert(former.end(), c.aliases.begin(), c.aliases.end());
  if (find_marker(body) != c.id) body = with_marker(body, c.id, former);
  if (body.size() > kBodyLimit) {
    ctx_.warn("github_issues: the body of #{} outgrew GitHub's limit; rewriting it from the cluster", issue.number);
    BodyParts parts;
    parts.pipeline = ctx_.pipeline_name();
    parts.latest = latest;
    parts.related = related;
    parts.max_samples = static_cast<size_t>(s_.max_samples);
    add_query(c, parts);
    body = with_marker(render_body(c, parts, ctx_.redactor()), c.id, former);
  }
  Json payload = Json::object();
  if (body != issue.body) payload["body"] = body;
  Json notes = ledger_.notes(c.id);
  std::string wanted = title_for(c);
  // A title a human edited (it differs from the one we last set) is kept.
  if (notes.contains("title") && notes["title"] == issue.title && wanted != issue.title) {
    payload["title"] = wanted;
    notes["title"] = wanted;
  }
  if (s_.priority_labels && !c.priority.empty() && !has_label(issue, c.priority)) {
    std::vector<std::string> labels;
    for (const auto& l : issue.labels)
      if (!is_priority_label(l)) labels.push_back(l);
    labels.push_back(c.priority);
    payload["labels"] = labels;
  }
  bool plain_update = c.issue && c.issue->action == "updated";
  if (payload.empty()) {
    if (plain_update) set_ref(c, issue, "unchanged");
    return;
  }
  if (ctx_.plan()) {
    std::vector<std::string> fields;
    for (const auto& [k, v] : payload.items()) fields.push_back(k);
    ctx_.plan_action(fmt::format("github: edit {}#{} ({})", s_.repo, issue.number, fmt::join(fields, ", ")));
    if (plain_update) set_ref(c, issue, "planned");
    return;
  }
  ApiIssue updated = api_.update_issue(issue.number, payload);
  ledger_.put_notes(c.id, notes);
  if (plain_update) set_ref(c, updated, "updated");
  ctx_.metric("issues_updated", 1);
}

void IssueRun::handle_quiet(QuietCluster& q) {
  std::optional<ApiIssue> issue;
  auto row = ledger_.link(q.id);
  if (auto it = by_marker_.find(q.id); it != by_marker_.end()) issue = it->second;
  else if (row && by_number_.count(row->number)) issue = by_number_[row->number];
  if (!issue) return;
  q.issue = IssueRef{issue->number, issue->html_url, "unchanged", issue->state};
  if (issue->state != "open" || muted(*issue) || !row) return;
  int64_t quiet_runs = row->quiet_runs + 1;
  IssueLinkRow next = *row;
  next.quiet_runs = quiet_runs;
  next.updated_at = now_ns();
  ledger_.put(next);
  if (s_.auto_close_after > 0 && quiet_runs >= s_.auto_close_after) close_quiet(q, *issue, quiet_runs);
}

void IssueRun::close_quiet(QuietCluster& q, const ApiIssue& issue, int64_t quiet_runs) {
  std::string text = fmt::format("No occurrences in the last {} run(s) (last seen {}). Closing; log-gardener reopens it if it recurs.",
                                 quiet_runs, q.last_seen ? format_rfc3339(q.last_seen) : std::string("earlier"));
  comment(issue.number, text, "auto-close");
  if (ctx_.plan()) {
    ctx_.plan_action(fmt::format("github: close {}#{} after {} quiet run(s)", s_.repo, issue.number, quiet_runs));
    q.issue->action = "planned";
    return;
  }
  ApiIssue closed = api_.update_issue(issue.number, Json{{"state", "closed"}, {"state_reason", "completed"}});
  q.issue = IssueRef{closed.number, closed.html_url, "closed", "closed"};
  IssueLinkRow row = ledger_.link(q.id).value_or(IssueLinkRow{});
  row.cluster_id = q.id;
  row.repo = s_.repo;
  row.number = closed.number;
  row.url = closed.html_url;
  row.state = "closed";
  row.state_reason = "completed";
  row.closed_at = closed.closed_at ? closed.closed_at : now_ns();
  row.quiet_runs = quiet_runs;
  row.updated_at = now_ns();
  ledger_.put(row);
  ctx_.metric("issues_closed", 1);
}

// Clusters that had an issue each became one (`state Started` and `state Stopped` are now
// `state <*>`): the cluster follows one issue, and each other open issue of its ids would never
// be updated again. Each is closed as a duplicate of the one it follows, saying why.
void IssueRun::close_merged_duplicates(const Cluster& c, const ApiIssue& kept) {
  std::vector<std::string> ids{c.id};
  ids.insert(ids.end(), c.aliases.begin(), c.aliases.end());
  for (const auto& id : ids) {
    auto it = by_marker_.find(id);
    if (it == by_marker_.end() || find_marker(it->second.body) != id) continue;  // only its own marker
    const ApiIssue other = it->second;
    if (other.number == kept.number || other.state != "open" || muted(other)) continue;
    comment(other.number,
            fmt::format("These lines are now one cluster with #{} (`{}`), which log-gardener keeps up to date. "
                        "Closing this one as its duplicate.", kept.number, c.template_text),
            "merged");
    if (ctx_.plan()) {
      ctx_.plan_action(fmt::format("github: close {}#{} as a duplicate of #{}", s_.repo, other.number, kept.number));
      continue;
    }
    ApiIssue closed = api_.update_issue(other.number, Json{{"state", "closed"}, {"state_reason", "duplicate"}});
    by_marker_[id] = kept;
    by_number_[closed.number] = closed;
    IssueLinkRow row = ledger_.link(id).value_or(IssueLinkRow{});
    row.cluster_id = id;
    row.repo = s_.repo;
    row.number = kept.number;
    row.url = kept.html_url;
    row.state = kept.state.empty() ? "open" : kept.state;
    row.updated_at = now_ns();
    ledger_.put(row);
    ctx_.metric("issues_closed", 1);
  }
}

void IssueRun::remember(const Cluster& c, const ApiIssue& issue, int64_t quiet_runs) {
  IssueLinkRow row;
  row.cluster_id = c.id;
  row.repo = s_.repo;
  row.number = issue.number;
  row.url = issue.html_url;
  row.state = issue.state.empty() ? "open" : issue.state;
  row.state_reason = issue.state_reason;
  row.closed_at = issue.closed_at;
  row.quiet_runs = quiet_runs;
  row.updated_at = now_ns();
  ledger_.put(row);
}

std::string IssueRun::title_for(const Cluster& c) const {
  std::string base = c.title.empty() ? c.template_text : c.title;
  std::string out;
  const std::string& t = s_.title_template;
  for (size_t i = 0; i < t.size(); ++i) {
    auto take = [&](std::string_view key, const std::string& value) {
      if (t.compare(i, key.size(), key) != 0) return false;
      out += value;
      i += key.size() - 1;
      return true;
    };
    if (take("{title}", base) || take("{priority}", c.priority) || take("{id}", c.id) || take("{kind}", c.kind)) continue;
    out += t[i];
  }
  std::replace(out.begin(), out.end(), '\n', ' ');
  ctx_.redactor().redact_text(out);
  if (out.empty()) out = "log-gardener cluster " + c.id;
  return truncate_utf8(out, kMaxTitle);
}

std::vector<std::string> IssueRun::labels_for(const Cluster& c) const {
  std::vector<std::string> wanted{s_.label};
  wanted.insert(wanted.end(), s_.labels.begin(), s_.labels.end());
  if (s_.priority_labels && !c.priority.empty()) wanted.push_back(c.priority);
  if (s_.rule_labels) wanted.insert(wanted.end(), c.labels.begin(), c.labels.end());
  std::vector<std::string> out;
  for (auto l : wanted) {
    l = truncate_utf8(l, kMaxLabel);
    bool dup = std::any_of(out.begin(), out.end(), [&](const auto& x) { return lower(x) == lower(l); });
    if (!l.empty() && !dup) out.push_back(l);
  }
  return out;
}

std::vector<std::string> IssueRun::assignees_for(const Cluster& c) const {
  std::vector<std::string> out;
  auto add = [&](Json list) {
    if (list.is_string()) list = Json::array({list});
    if (!list.is_array()) return;
    for (const auto& a : list)
      if (a.is_string() && std::find(out.begin(), out.end(), a.get<std::string>()) == out.end()) out.push_back(a);
  };
  if (s_.assignees.contains(c.id)) add(s_.assignees[c.id]);
  for (const auto& alias : c.aliases)
    if (s_.assignees.contains(alias)) add(s_.assignees[alias]);
  if (c.extra.is_object() && c.extra.contains("assignees")) add(c.extra["assignees"]);
  if (out.empty() && s_.assignees.contains("*")) add(s_.assignees["*"]);
  return out;
}

// Same incident (Report::incidents) or same top module in this window.
std::string IssueRun::related_for(const Cluster& c, int64_t own_number) const {
  std::map<int64_t, std::string> links;
  auto add = [&](const Cluster& other, const std::string& why) {
    if (other.id == c.id || !other.issue || other.issue->number <= 0 || other.issue->number == own_number) return;
    auto& text = links[other.issue->number];
    if (text.empty()) text = other.title.empty() ? other.id : other.title;
    if (text.find(why) == std::string::npos) text += " (" + why + ")";
  };
  for (const auto& inc : report_.incidents) {
    if (std::find(inc.cluster_ids.begin(), inc.cluster_ids.end(), c.id) == inc.cluster_ids.end()) continue;
    std::string why = "same incident" + (inc.title.empty() ? std::string() : ": " + inc.title);
    for (const auto& other : report_.clusters)
      if (std::find(inc.cluster_ids.begin(), inc.cluster_ids.end(), other.id) != inc.cluster_ids.end()) add(other, why);
  }
  if (!c.modules.empty()) {
    for (const auto& other : report_.clusters)
      if (!other.modules.empty() && other.modules.front().value == c.modules.front().value)
        add(other, "same module `" + c.modules.front().value + "`");
  }
  if (links.empty()) return "";
  std::string out = "### Related\n";
  size_t n = 0;
  for (const auto& [number, text] : links) {
    if (++n > kMaxRelated) break;
    out += "- " + issue_ref_text(number) + " " + text + "\n";
  }
  return out;
}

void IssueRun::add_query(const Cluster& c, BodyParts& parts) const {
  parts.query = c.query.empty() ? default_query(c, report_.service) : c.query;
  parts.query_url = parts.query.empty() ? "" : logs_explorer_url(parts.query, report_.window, s_.project);
}

}  // namespace gardener::github
