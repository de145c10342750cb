#include "CCollation.h"
#include <unicode/ucol.h>

void *almanac_collator_open(const char *language) {
    UErrorCode status = U_ZERO_ERROR;
    UCollator *collator = ucol_open(language, &status);
    if (collator == NULL || U_FAILURE(status)) {
        if (collator != NULL) ucol_close(collator);
        status = U_ZERO_ERROR;
        collator = ucol_open("", &status);
        if (U_FAILURE(status)) return NULL;
    }
    return collator;
}

void almanac_collator_close(void *collator) {
    if (collator != NULL) ucol_close((UCollator *)collator);
}

int32_t almanac_collator_sort_key(const void *collator, const uint16_t *text, int32_t length, uint8_t *key, int32_t capacity) {
    return ucol_getSortKey((const UCollator *)collator, (const UChar *)text, length, key, capacity);
}
