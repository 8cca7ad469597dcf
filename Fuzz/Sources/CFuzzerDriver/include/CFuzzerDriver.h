#ifndef CFUZZERDRIVER_H
#define CFUZZERDRIVER_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (compiler-rt FuzzerDriver.cpp), linked by -sanitize=fuzzer. SwiftPM
/// links an executable target's `main` to `<module>_main`, a symbol -parse-as-library never
/// emits; each fuzz target defines `<module>_main` and hands over to this driver instead.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
