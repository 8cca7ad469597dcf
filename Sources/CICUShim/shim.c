// The implementation of CICUShim.h: the only file in the project that includes ICU headers.
#include "CICUShim.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/utypes.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>
#include <unicode/uscript.h>
#include <unicode/ucsdet.h>
#include <unicode/ucnv.h>
#include <unicode/uversion.h>

struct TLBreaker {
    UBreakIterator *iterator;
    UChar *buffer;          // the text as UTF-16, reused across texts
    int32_t capacity;       // of buffer, in UTF-16 units
    int32_t length16;       // of the current text, in UTF-16 units
    const uint8_t *utf8;    // the caller's bytes
    int32_t utf8Length;
    int32_t previous;       // last boundary, UTF-16
    int32_t cursor16;       // offset-mapping cursor: a UTF-16 offset …
    int32_t cursor8;        // … and the UTF-8 offset of the same character
};

TLBreaker *tl_breaker_open(int32_t kind, const char *locale, int32_t *errorCode) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIteratorType type = kind == TL_BREAK_SENTENCE ? UBRK_SENTENCE : UBRK_WORD;
    UBreakIterator *iterator = ubrk_open(type, locale, NULL, 0, &status);
    if (errorCode) *errorCode = (int32_t)status;
    if (U_FAILURE(status)) return NULL;
    TLBreaker *breaker = calloc(1, sizeof(TLBreaker));
    if (!breaker) { ubrk_close(iterator); if (errorCode) *errorCode = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    breaker->iterator = iterator;
    return breaker;
}

void tl_breaker_close(TLBreaker *breaker) {
    if (!breaker) return;
    ubrk_close(breaker->iterator);
    free(breaker->buffer);
    free(breaker);
}

int32_t tl_breaker_set_text(TLBreaker *breaker, const uint8_t *utf8, int32_t length) {
    // A UTF-8 text never needs more UTF-16 units than it has bytes.
    int32_t needed = length + 1;
    if (needed > breaker->capacity) {
        UChar *grown = realloc(breaker->buffer, sizeof(UChar) * (size_t)needed);
        if (!grown) return U_MEMORY_ALLOCATION_ERROR;
        breaker->buffer = grown;
        breaker->capacity = needed;
    }
    UErrorCode status = U_ZERO_ERROR;
    int32_t length16 = 0;
    u_strFromUTF8WithSub(breaker->buffer, breaker->capacity, &length16, (const char *)utf8, length,
                         0xFFFD, NULL, &status);
    if (U_FAILURE(status)) return (int32_t)status;
    ubrk_setText(breaker->iterator, breaker->buffer, length16, &status);
    if (U_FAILURE(status)) return (int32_t)status;
    breaker->length16 = length16;
    breaker->utf8 = utf8;
    breaker->utf8Length = length;
    breaker->previous = ubrk_first(breaker->iterator);
    breaker->cursor16 = 0;
    breaker->cursor8 = 0;
    return 0;
}

int32_t tl_breaker_share_text(TLBreaker *breaker, const TLBreaker *source) {
    UErrorCode status = U_ZERO_ERROR;
    ubrk_setText(breaker->iterator, source->buffer, source->length16, &status);
    if (U_FAILURE(status)) return (int32_t)status;
    breaker->utf8 = source->utf8;
    breaker->utf8Length = source->utf8Length;
    breaker->previous = ubrk_first(breaker->iterator);
    breaker->cursor16 = 0;
    breaker->cursor8 = 0;
    return 0;
}

// Moves the mapping cursor forward to UTF-16 offset `target` and returns the UTF-8 offset there.
// Boundaries only ever move forward, so the whole text is walked once per segmentation.
static int32_t tl_utf8_offset(TLBreaker *breaker, int32_t target) {
    while (breaker->cursor16 < target && breaker->cursor8 < breaker->utf8Length) {
        uint8_t lead = breaker->utf8[breaker->cursor8];
        if (lead < 0x80) { breaker->cursor8 += 1; breaker->cursor16 += 1; }
        else if (lead < 0xE0) { breaker->cursor8 += 2; breaker->cursor16 += 1; }
        else if (lead < 0xF0) { breaker->cursor8 += 3; breaker->cursor16 += 1; }
        else { breaker->cursor8 += 4; breaker->cursor16 += 2; }
    }
    if (breaker->cursor8 > breaker->utf8Length) breaker->cursor8 = breaker->utf8Length;
    return breaker->cursor8;
}

int32_t tl_breaker_next(TLBreaker *breaker, int32_t *start, int32_t *end, int32_t *ruleStatus) {
    int32_t next = ubrk_next(breaker->iterator);
    if (next == UBRK_DONE) return 0;
    *start = tl_utf8_offset(breaker, breaker->previous);
    *end = tl_utf8_offset(breaker, next);
    *ruleStatus = ubrk_getRuleStatus(breaker->iterator);
    breaker->previous = next;
    return 1;
}

// Runs a UTF-16 → UTF-16 transformation over UTF-8 input and output (the shared buffer protocol).
typedef int32_t (*tl_transform16)(void *context, const UChar *in, int32_t length, UChar *out,
                                  int32_t capacity, UErrorCode *status);

static int32_t tl_transform_utf8(tl_transform16 transform, void *context, const uint8_t *input,
                                 int32_t length, uint8_t *output, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t length16 = 0;
    UChar stackIn[256], stackOut[512];
    UChar *in16 = length < 256 ? stackIn : malloc(sizeof(UChar) * (size_t)(length + 1));
    if (!in16) return -1;
    u_strFromUTF8WithSub(in16, length + 1, &length16, (const char *)input, length, 0xFFFD, NULL, &status);
    if (U_FAILURE(status)) { if (in16 != stackIn) free(in16); return -1; }
    int32_t outCapacity = length16 * 3 + 16;
    UChar *out16 = outCapacity <= 512 ? stackOut : malloc(sizeof(UChar) * (size_t)outCapacity);
    if (!out16) { if (in16 != stackIn) free(in16); return -1; }
    int32_t outLength = transform(context, in16, length16, out16, outCapacity, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
        if (out16 != stackOut) free(out16);
        outCapacity = outLength + 1;
        out16 = malloc(sizeof(UChar) * (size_t)outCapacity);
        if (!out16) { if (in16 != stackIn) free(in16); return -1; }
        status = U_ZERO_ERROR;
        outLength = transform(context, in16, length16, out16, outCapacity, &status);
    }
    int32_t result = -1;
    if (U_SUCCESS(status)) {
        int32_t length8 = 0;
        status = U_ZERO_ERROR;
        u_strToUTF8WithSub((char *)output, capacity, &length8, out16, outLength, 0xFFFD, NULL, &status);
        if (U_SUCCESS(status) || status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING)
            result = length8;
    }
    if (in16 != stackIn) free(in16);
    if (out16 != stackOut) free(out16);
    return result;
}

static int32_t tl_normalize16(void *context, const UChar *in, int32_t length, UChar *out,
                              int32_t capacity, UErrorCode *status) {
    return unorm2_normalize((const UNormalizer2 *)context, in, length, out, capacity, status);
}

int32_t tl_fold_case_nfkc(const uint8_t *input, int32_t length, uint8_t *output, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *normalizer = unorm2_getNFKCCasefoldInstance(&status);
    if (U_FAILURE(status)) return -1;
    return tl_transform_utf8(tl_normalize16, (void *)normalizer, input, length, output, capacity);
}

int32_t tl_normalize_nfkc(const uint8_t *input, int32_t length, uint8_t *output, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *normalizer = unorm2_getNFKCInstance(&status);
    if (U_FAILURE(status)) return -1;
    return tl_transform_utf8(tl_normalize16, (void *)normalizer, input, length, output, capacity);
}

struct TLTransliterator { UTransliterator *transliterator; };

TLTransliterator *tl_transliterator_open(const char *identifier, int32_t *errorCode) {
    UErrorCode status = U_ZERO_ERROR;
    UChar id16[128];
    u_uastrncpy(id16, identifier, 127);
    id16[127] = 0;
    UTransliterator *transliterator = utrans_openU(id16, -1, UTRANS_FORWARD, NULL, 0, NULL, &status);
    if (errorCode) *errorCode = (int32_t)status;
    if (U_FAILURE(status)) return NULL;
    TLTransliterator *result = malloc(sizeof(TLTransliterator));
    if (!result) { utrans_close(transliterator); return NULL; }
    result->transliterator = transliterator;
    return result;
}

void tl_transliterator_close(TLTransliterator *transliterator) {
    if (!transliterator) return;
    utrans_close(transliterator->transliterator);
    free(transliterator);
}

static int32_t tl_transliterate16(void *context, const UChar *in, int32_t length, UChar *out,
                                  int32_t capacity, UErrorCode *status) {
    if (length > capacity) { *status = U_BUFFER_OVERFLOW_ERROR; return length; }
    memcpy(out, in, sizeof(UChar) * (size_t)length);
    int32_t textLength = length, limit = length;
    utrans_transUChars((const UTransliterator *)context, out, &textLength, capacity, 0, &limit, status);
    return textLength;
}

int32_t tl_transliterate(TLTransliterator *transliterator, const uint8_t *input, int32_t length,
                         uint8_t *output, int32_t capacity) {
    return tl_transform_utf8(tl_transliterate16, transliterator->transliterator, input, length, output, capacity);
}

int32_t tl_script_of(uint32_t codePoint) {
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode code = uscript_getScript((UChar32)codePoint, &status);
    return U_FAILURE(status) ? -1 : (int32_t)code;
}

int32_t tl_detect_charset(const uint8_t *bytes, int32_t length, char *name, int32_t nameCapacity,
                          int32_t *confidence) {
    UErrorCode status = U_ZERO_ERROR;
    UCharsetDetector *detector = ucsdet_open(&status);
    if (U_FAILURE(status)) return (int32_t)status;
    ucsdet_setText(detector, (const char *)bytes, length, &status);
    const UCharsetMatch *match = ucsdet_detect(detector, &status);
    int32_t result = -1;
    if (U_SUCCESS(status) && match) {
        const char *found = ucsdet_getName(match, &status);
        int32_t score = ucsdet_getConfidence(match, &status);
        if (U_SUCCESS(status) && found) {
            strncpy(name, found, (size_t)nameCapacity - 1);
            name[nameCapacity - 1] = 0;
            if (confidence) *confidence = score;
            result = 0;
        }
    } else if (U_FAILURE(status)) {
        result = (int32_t)status;
    }
    ucsdet_close(detector);
    return result;
}

int32_t tl_convert_to_utf8(const char *charset, const uint8_t *input, int32_t length,
                           uint8_t *output, int32_t capacity, int32_t *substitutions) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter *converter = ucnv_open(charset, &status);
    if (U_FAILURE(status)) return -1;
    // Count substitutions by decoding to UTF-16 first; the callback replaces with U+FFFD.
    int32_t capacity16 = length * 2 + 16;
    UChar *buffer16 = malloc(sizeof(UChar) * (size_t)capacity16);
    if (!buffer16) { ucnv_close(converter); return -1; }
    int32_t length16 = ucnv_toUChars(converter, buffer16, capacity16, (const char *)input, length, &status);
    ucnv_close(converter);
    if (U_FAILURE(status) && status != U_STRING_NOT_TERMINATED_WARNING) { free(buffer16); return -1; }
    if (substitutions) {
        int32_t count = 0;
        for (int32_t i = 0; i < length16; i++) if (buffer16[i] == 0xFFFD || buffer16[i] == 0x1A) count++;
        *substitutions = count;
    }
    status = U_ZERO_ERROR;
    int32_t length8 = 0;
    u_strToUTF8WithSub((char *)output, capacity, &length8, buffer16, length16, 0xFFFD, NULL, &status);
    free(buffer16);
    if (U_FAILURE(status) && status != U_BUFFER_OVERFLOW_ERROR && status != U_STRING_NOT_TERMINATED_WARNING) return -1;
    return length8;
}

int32_t tl_convert_from_utf8(const char *charset, const uint8_t *input, int32_t length,
                             uint8_t *output, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t capacity16 = length + 16;
    UChar *buffer16 = malloc(sizeof(UChar) * (size_t)capacity16);
    if (!buffer16) return -1;
    int32_t length16 = 0;
    u_strFromUTF8WithSub(buffer16, capacity16, &length16, (const char *)input, length, 0xFFFD, NULL, &status);
    if (U_FAILURE(status)) { free(buffer16); return -1; }
    UConverter *converter = ucnv_open(charset, &status);
    if (U_FAILURE(status)) { free(buffer16); return -1; }
    status = U_ZERO_ERROR;
    int32_t written = ucnv_fromUChars(converter, (char *)output, capacity, buffer16, length16, &status);
    ucnv_close(converter);
    free(buffer16);
    if (U_FAILURE(status) && status != U_BUFFER_OVERFLOW_ERROR && status != U_STRING_NOT_TERMINATED_WARNING) return -1;
    return written;
}

const char *tl_icu_version(void) {
    static char version[U_MAX_VERSION_STRING_LENGTH];
    UVersionInfo info;
    u_getVersion(info);
    u_versionToString(info, version);
    return version;
}
