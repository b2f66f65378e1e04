# gardener-drain-bench: throughput and peak RSS of the template transform + drain clusterer, and of
# the whole pipeline through log-gardener. The test kit gives the Context and option binding.
add_executable(gardener-drain-bench
  ${CMAKE_CURRENT_LIST_DIR}/drain_bench.cpp
  ${PROJECT_SOURCE_DIR}/plugins/transform_template/template_transform.cpp)
target_link_libraries(gardener-drain-bench PRIVATE clusterer_drain_obj gardener_testkit)
set_target_properties(gardener-drain-bench PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR})
# The allocator log-gardener runs with (cmake/Dependencies.cmake), so (a) measures what users get.
if(TARGET PkgConfig::JEMALLOC)
  target_link_libraries(gardener-drain-bench PRIVATE PkgConfig::JEMALLOC)
  target_sources(gardener-drain-bench PRIVATE ${PROJECT_SOURCE_DIR}/framework/jemalloc/malloc_conf.cpp)
endif()
