# gardener-input-bench: the EventReader behind the file/stdin sources (framework code, no plugin).
add_executable(gardener-input-bench ${CMAKE_CURRENT_LIST_DIR}/input_reader_bench.cpp)
target_link_libraries(gardener-input-bench PRIVATE gardener_testkit)
set_target_properties(gardener-input-bench PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR})
