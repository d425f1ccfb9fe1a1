set(MOUSSEM_DEMO_SOURCES demo/demo_data.cpp)
