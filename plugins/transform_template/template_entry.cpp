// The plugin entry, alone in its file so tools can compile the transform without it.
#include "template_transform.hpp"

GARDENER_PLUGIN(gardener::template_transform::TemplateTransform)
