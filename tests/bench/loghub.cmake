# gardener-loghub-bench: the drain plugin's objects plus the template transform's class source
# (not its plugin entry, so the two GARDENER_PLUGIN symbols never meet in one executable).
add_executable(gardener-loghub-bench
  ${CMAKE_CURRENT_LIST_DIR}/loghub_bench.cpp
  ${PROJECT_SOURCE_DIR}/plugins/transform_template/template_transform.cpp)
target_link_libraries(gardener-loghub-bench PRIVATE clusterer_drain_obj gardener_testkit)
set_target_properties(gardener-loghub-bench PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR})

# Generalisation check: the synthetic systems of tests/data/loghub-style (generated into the build
# tree), default settings, with a floor under the average GA (docs/clustering.md, "Logs we have
# not seen").
find_package(Python3 COMPONENTS Interpreter QUIET)
if(Python3_Interpreter_FOUND)
  set(_loghub_style ${CMAKE_BINARY_DIR}/loghub-style)
  add_test(NAME loghub_style_generate
           COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/tests/data/loghub-style/generate.py ${_loghub_style})
  set_tests_properties(loghub_style_generate PROPERTIES FIXTURES_SETUP loghub_style LABELS bench)
  add_test(NAME loghub_style_generalisation
           COMMAND gardener-loghub-bench --data ${_loghub_style} --settings ${_loghub_style}/settings.json
                   --mode default --pred-dir ${_loghub_style}/pred --min-ga 0.88)
  set_tests_properties(loghub_style_generalisation PROPERTIES FIXTURES_REQUIRED loghub_style LABELS bench)
  # The held-out corpus (tests/data/loghub-heldout, written by someone who did not read the rules):
  # a floor against regressions, far below the aim.
  set(_loghub_heldout ${CMAKE_BINARY_DIR}/loghub-heldout)
  add_test(NAME loghub_heldout_generate
           COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/tests/data/loghub-heldout/generate.py ${_loghub_heldout})
  set_tests_properties(loghub_heldout_generate PROPERTIES FIXTURES_SETUP loghub_heldout LABELS bench)
  add_test(NAME loghub_heldout_generalisation
           COMMAND gardener-loghub-bench --data ${_loghub_heldout} --settings ${_loghub_heldout}/settings.json
                   --mode default --pred-dir ${_loghub_heldout}/pred --min-ga 0.50)
  set_tests_properties(loghub_heldout_generalisation PROPERTIES FIXTURES_REQUIRED loghub_heldout LABELS bench)
endif()
