# Demo data sources, relative to src/store; included by src/store/CMakeLists.txt.
set(MOUSSEM_DEMO_SOURCES demo/demo_data.cpp demo/demo_names.cpp)
