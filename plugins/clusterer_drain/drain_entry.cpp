// The plugin entry, alone in its file.
#include "drain_clusterer.hpp"

GARDENER_PLUGIN(gardener::drain::DrainClusterer)
