// CICUShim: the only door from Swift to ICU.
//
// The public surface uses <stdint.h> types only, so Swift never sees an ICU type or one of
// ICU's version-renamed symbols (ubrk_open_72 …). Text crosses the boundary as UTF-8 bytes and
// every offset that comes back is a UTF-8 byte offset into the caller's buffer: the UTF-16
// conversion ICU needs happens here, once per text, and is mapped back in one place.
#ifndef CICUSHIM_H
#define CICUSHIM_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Kinds of break iterator.
enum { TL_BREAK_WORD = 0, TL_BREAK_SENTENCE = 1 };

/// A reusable break iterator with its own UTF-16 buffer. Not thread-safe: one per thread.
typedef struct TLBreaker TLBreaker;

/// Opens a break iterator of `kind` for `locale` ("" for root). NULL on failure (see errorCode).
TLBreaker *tl_breaker_open(int32_t kind, const char *locale, int32_t *errorCode);
void tl_breaker_close(TLBreaker *breaker);

/// Sets the text to segment (valid UTF-8, `length` bytes). The bytes must stay alive until the
/// next call to tl_breaker_set_text. Returns 0 on success or an ICU error code.
int32_t tl_breaker_set_text(TLBreaker *breaker, const uint8_t *utf8, int32_t length);

/// Points `breaker` at the UTF-16 text `source` holds (set by tl_breaker_set_text), so that a
/// sentence and a word iterator share one conversion. `source` must keep that text (and the
/// caller's UTF-8 bytes) until `breaker` is done with it. Returns 0 or an ICU error code.
int32_t tl_breaker_share_text(TLBreaker *breaker, const TLBreaker *source);

/// Advances to the next segment: writes its UTF-8 byte range [*start, *end) and ICU's rule status
/// (for words: 0 none, 100 number, 200 letter, 300 kana, 400 ideographic). Returns 1, or 0 at end.
int32_t tl_breaker_next(TLBreaker *breaker, int32_t *start, int32_t *end, int32_t *ruleStatus);

/// NFKC_Casefold (the lookup form) of UTF-8 `input`. Writes at most `capacity` bytes to `output`
/// and returns the full length needed (call again with a larger buffer when it exceeds capacity),
/// or -1 on error.
int32_t tl_fold_case_nfkc(const uint8_t *input, int32_t length, uint8_t *output, int32_t capacity);

/// NFKC of UTF-8 `input`, same buffer protocol as tl_fold_case_nfkc.
int32_t tl_normalize_nfkc(const uint8_t *input, int32_t length, uint8_t *output, int32_t capacity);

/// A transliterator such as "Traditional-Simplified". Not thread-safe.
typedef struct TLTransliterator TLTransliterator;
TLTransliterator *tl_transliterator_open(const char *identifier, int32_t *errorCode);
void tl_transliterator_close(TLTransliterator *transliterator);
/// Transliterates UTF-8 `input`, same buffer protocol as tl_fold_case_nfkc.
int32_t tl_transliterate(TLTransliterator *transliterator, const uint8_t *input, int32_t length,
                         uint8_t *output, int32_t capacity);

/// ICU script code (UScriptCode) of a code point: 0 common, 1 inherited, 17 Han, 25 Latin …
int32_t tl_script_of(uint32_t codePoint);

/// Detects the charset of raw bytes. Writes the charset's name (NUL-terminated) and a confidence
/// 0…100. Returns 0 on success or an ICU error code (or -1 when nothing matched).
int32_t tl_detect_charset(const uint8_t *bytes, int32_t length, char *name, int32_t nameCapacity,
                          int32_t *confidence);

/// Converts bytes in `charset` to UTF-8. Same buffer protocol as tl_fold_case_nfkc; unmappable
/// or invalid input becomes U+FFFD and is counted in *substitutions (may be NULL).
int32_t tl_convert_to_utf8(const char *charset, const uint8_t *input, int32_t length,
                           uint8_t *output, int32_t capacity, int32_t *substitutions);

/// Converts UTF-8 to bytes in `charset` (the inverse of tl_convert_to_utf8, for tests and
/// tools). Same buffer protocol; returns -1 when the charset is unknown.
int32_t tl_convert_from_utf8(const char *charset, const uint8_t *input, int32_t length,
                             uint8_t *output, int32_t capacity);

/// The ICU version string ("72.1").
const char *tl_icu_version(void);

#ifdef __cplusplus
}
#endif
#endif
