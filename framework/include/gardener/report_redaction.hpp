#pragma once
// The sinks' last line of defence over a whole Report. Redacting rendered text is not enough: a
// variable's top values (and the Logs Explorer URL built from a template) carry a secret without
// the context ("password=", a "token" JSON key, "Bearer ") that lets a detector see it.
#include <gardener/redaction.hpp>
#include <gardener/report.hpp>

namespace gardener {
inline namespace v1 {

/// Redacts in place every text of every cluster a sink may print: titles, templates, queries,
/// samples, link keys, and each variable value judged in its context (the cluster's samples and
/// the template with the value put back in its place). Idempotent; returns the values replaced.
size_t redact_report(Report& report, const Redactor& redactor, RedactionCounts* counts = nullptr);

}  // namespace v1
}  // namespace gardener
