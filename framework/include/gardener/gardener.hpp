#pragma once
// The whole SDK in one include, for plugin authors.
#include <gardener/cluster_stats.hpp>
#include <gardener/context.hpp>
#include <gardener/errors.hpp>
#include <gardener/http.hpp>
#include <gardener/options.hpp>
#include <gardener/plugin.hpp>
#include <gardener/record.hpp>
#include <gardener/redaction.hpp>
#include <gardener/report.hpp>
#include <gardener/state.hpp>
#include <gardener/time.hpp>
#include <gardener/version.hpp>
