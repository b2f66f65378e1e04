# gardener-report-bench: ClusterStats::add (link-key scan, samples) per line, the report analysis
# (priorities, incidents) and the worklog rendering (sink_markdown's objects).
add_executable(gardener-report-bench ${CMAKE_CURRENT_LIST_DIR}/report_bench.cpp)
target_link_libraries(gardener-report-bench PRIVATE sink_markdown_obj)
target_include_directories(gardener-report-bench PRIVATE ${PROJECT_SOURCE_DIR}/framework/src
                           ${PROJECT_SOURCE_DIR}/plugins/sink_markdown)
set_target_properties(gardener-report-bench PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR})
