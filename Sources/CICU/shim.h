// Umbrella for the system ICU headers. Only the CICUShim C target includes these;
// Swift code never imports CICU (see STYLE.md, "ICU from Swift on Linux").
#include <unicode/utypes.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>
#include <unicode/uscript.h>
#include <unicode/ucsdet.h>
#include <unicode/ucnv.h>
