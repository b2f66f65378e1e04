# gardener_add_plugin(<kind>_<name> SOURCES ... [LIBRARIES ...] [TESTS ...])
# Builds one plugin library with the hygiene of design.md §4.7 (hidden visibility, -z defs),
# named <kind>_<name>.so. In tree it lands in the build's plugin directory; out of tree (after
# find_package(LogGardener)) in this project's build directory unless PLUGIN_DIR is given.
# TESTS are GoogleTest files compiled with the plugin's objects into <target>_tests.
function(gardener_add_plugin target)
  cmake_parse_arguments(P "" "PLUGIN_DIR" "SOURCES;LIBRARIES;TESTS" ${ARGN})
  add_library(${target}_obj OBJECT ${P_SOURCES})
  target_link_libraries(${target}_obj PUBLIC LogGardener::gardener ${P_LIBRARIES})
  set_target_properties(${target}_obj PROPERTIES CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON
                                                 POSITION_INDEPENDENT_CODE ON)
  add_library(${target} MODULE $<TARGET_OBJECTS:${target}_obj>)
  target_link_libraries(${target} PRIVATE ${target}_obj)
  if(P_PLUGIN_DIR)
    set(out_dir ${P_PLUGIN_DIR})
  elseif(DEFINED GARDENER_BUILD_PLUGIN_DIR)
    set(out_dir ${GARDENER_BUILD_PLUGIN_DIR})
  else()
    set(out_dir ${CMAKE_BINARY_DIR}/plugins)
  endif()
  set_target_properties(${target} PROPERTIES PREFIX "" OUTPUT_NAME ${target}
                        LIBRARY_OUTPUT_DIRECTORY ${out_dir} CXX_VISIBILITY_PRESET hidden)
  target_link_options(${target} PRIVATE -Wl,-z,defs)
  if(DEFINED GARDENER_INSTALL_PLUGIN_DIR AND TARGET gardener)
    install(TARGETS ${target} LIBRARY DESTINATION ${GARDENER_INSTALL_PLUGIN_DIR})
  endif()
  if(P_TESTS AND GARDENER_BUILD_TESTS AND TARGET GTest::gtest_main)
    add_executable(${target}_tests ${P_TESTS})
    target_link_libraries(${target}_tests PRIVATE ${target}_obj GTest::gtest_main GTest::gmock
                          $<$<TARGET_EXISTS:gardener_testkit>:gardener_testkit>)
    target_include_directories(${target}_tests PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
    target_compile_definitions(${target}_tests PRIVATE GARDENER_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
                               GARDENER_PLUGIN_DIR="${out_dir}")
    include(GoogleTest)
    gtest_discover_tests(${target}_tests DISCOVERY_TIMEOUT 60 PROPERTIES LABELS plugin)
  endif()
endfunction()
