# gardener-redact-bench (Redactor + the redact transform) and gardener-rules-bench (the
# regex_rules clusterer): one plugin's objects per executable.
add_executable(gardener-redact-bench ${CMAKE_CURRENT_LIST_DIR}/redact_bench.cpp)
target_link_libraries(gardener-redact-bench PRIVATE transform_redact_obj)
target_compile_definitions(gardener-redact-bench PRIVATE GARDENER_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
set_target_properties(gardener-redact-bench PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR})

add_executable(gardener-rules-bench ${CMAKE_CURRENT_LIST_DIR}/rules_bench.cpp)
target_link_libraries(gardener-rules-bench PRIVATE clusterer_regex_rules_obj gardener_testkit PkgConfig::RE2)
set_target_properties(gardener-rules-bench PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR})
