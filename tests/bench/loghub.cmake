# gardener-loghub-bench: the drain plugin's objects plus the template transform's class source
# (not its plugin entry, so the two GARDENER_PLUGIN symbols never meet in one executable).
add_executable(gardener-loghub-bench
  ${CMAKE_CURRENT_LIST_DIR}/loghub_bench.cpp
  ${PROJECT_SOURCE_DIR}/plugins/transform_template/template_transform.cpp)
target_link_libraries(gardener-loghub-bench PRIVATE clusterer_drain_obj gardener_testkit)
set_target_properties(gardener-loghub-bench PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR})
