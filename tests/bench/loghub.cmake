# gardener-loghub-bench: the drain plugin's objects plus the template transform's class source
# (not its plugin entry, so the two GARDENER_PLUGIN symbols never meet in one executable).
add_executable(gardener-loghub-bench
  ${CMAKE_CURRENT_LIST_DIR}/loghub_bench.cpp
  ${PROJECT_SOURCE_DIR}/plugins/transform_template/template_transform.cpp)
target_link_libraries(gardener-loghub-bench PRIVATE clusterer_drain_obj gardener_testkit)
set_target_properties(gardener-loghub-bench PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR})

# Generalisation checks: a synthetic corpus in the Loghub layout, generated into the build tree
# by tests/data/<corpus>/generate.py, scored in default mode with a floor under the average GA
# (docs/clustering.md, "Logs we have not seen").
find_package(Python3 COMPONENTS Interpreter QUIET)
function(add_generalisation_check corpus test_prefix min_ga)
  set(dir ${CMAKE_BINARY_DIR}/${corpus})
  add_test(NAME ${test_prefix}_generate
           COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/tests/data/${corpus}/generate.py ${dir})
  set_tests_properties(${test_prefix}_generate PROPERTIES FIXTURES_SETUP ${test_prefix} LABELS bench)
  add_test(NAME ${test_prefix}_generalisation
           COMMAND gardener-loghub-bench --data ${dir} --settings ${dir}/settings.json
                   --mode default --pred-dir ${dir}/pred --min-ga ${min_ga})
  set_tests_properties(${test_prefix}_generalisation PROPERTIES FIXTURES_REQUIRED ${test_prefix} LABELS bench)
endfunction()
if(Python3_Interpreter_FOUND)
  # Our dev set for logs unlike the shipped ten (the rules were shaped on it).
  add_generalisation_check(loghub-style loghub_style 0.91)
  # Written by someone who did not read the rules: a floor against regressions, far below the aim.
  add_generalisation_check(loghub-heldout loghub_heldout 0.76)
  # The six Loghub systems we lack, recalled by someone who did not read the rules.
  add_generalisation_check(loghub-recall loghub_recall 0.95)
  # The same six recalled by another helper, blind to the rules and to the first recollection.
  add_generalisation_check(loghub-recall2 loghub_recall2 0.89)
  # A third recollection, blind to the rules and to both earlier ones (0.937 at first sight).
  add_generalisation_check(loghub-recall3 loghub_recall3 0.92)
  # A fourth, blind to the rules and to the three earlier ones (0.966 at first sight).
  add_generalisation_check(loghub-recall4 loghub_recall4 0.94)
  # A fifth, blind to the rules and to the four earlier ones (0.969 at first sight).
  add_generalisation_check(loghub-recall5 loghub_recall5 0.95)
  # Six server systems labelled one <*> per argument (0.649 at first sight): a regression floor.
  add_generalisation_check(loghub-blind3 loghub_blind3 0.62)
  # Six more systems no corpus had (0.519 at first sight): a regression floor.
  add_generalisation_check(loghub-blind4 loghub_blind4 0.74)
endif()
