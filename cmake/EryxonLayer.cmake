# eryxon_add_layer(<layer> DIR <folder> SOURCES ... [USES <layer>...] [USES_PRIVATE <layer>...]
#                  [LIBS ...] [LIBS_PRIVATE ...] [HEADERS <file>...])
#
# One static library per layer (target eryxon_<layer>, docs/architecture.md). The layer's include
# root holds nothing but a link named after the layer pointing at its folder, so
# `#include "<layer>/x.h"` resolves only in code that links the layer: an include against the
# dependency direction fails to build instead of passing review. USES names the layers whose
# headers this layer's headers need (they reach this layer's users too), USES_PRIVATE those only
# its sources need. HEADERS, instead of a folder, exports single files at the root of the include
# path (the engine's door: engine.h, engineclient.h).
function(eryxon_add_layer layer)
  cmake_parse_arguments(L "" "DIR" "SOURCES;USES;USES_PRIVATE;LIBS;LIBS_PRIVATE;HEADERS" ${ARGN})
  set(target eryxon_${layer})
  add_library(${target} STATIC ${L_SOURCES})
  set(root ${PROJECT_BINARY_DIR}/layers/${layer})
  file(MAKE_DIRECTORY ${root})
  if(L_DIR)
    file(CREATE_LINK ${L_DIR} ${root}/${layer} SYMBOLIC)
  endif()
  foreach(header IN LISTS L_HEADERS)
    get_filename_component(name ${header} NAME)
    file(CREATE_LINK ${header} ${root}/${name} SYMBOLIC)
  endforeach()
  target_include_directories(${target} PUBLIC ${root})
  list(TRANSFORM L_USES PREPEND eryxon_)
  list(TRANSFORM L_USES_PRIVATE PREPEND eryxon_)
  target_link_libraries(${target} PUBLIC ${L_USES} ${L_LIBS} PRIVATE ${L_USES_PRIVATE} ${L_LIBS_PRIVATE})
endfunction()
