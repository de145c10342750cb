// ICU's collator behind plain C types: ICU's own headers clash with the copy inside Swift's
// Foundation, so Swift sees only these three calls (implemented in collation.c against the
// system's libicu).
#ifndef ALMANAC_COLLATION_H
#define ALMANAC_COLLATION_H
#include <stdint.h>

/// A collator for a BCP 47 language tag ("en", "fr", "th"), or ICU's root order when the tag is
/// unknown; NULL only if ICU cannot open even that.
void *almanac_collator_open(const char *language);
void almanac_collator_close(void *collator);
/// Writes the sort key of UTF-16 `text` into `key` (up to `capacity` bytes) and returns its
/// length, which may exceed `capacity` (call again with a larger buffer).
int32_t almanac_collator_sort_key(const void *collator, const uint16_t *text, int32_t length, uint8_t *key, int32_t capacity);
#endif
