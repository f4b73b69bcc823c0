/* Registry value types and the data conversions that `reg query` output and
 * `.reg` files share: type names, hex runs, UTF-16LE / ANSI bytes -> UTF-8,
 * and the one text form both parsers give a value's data. */
#ifndef MDT_REGVALUE_H
#define MDT_REGVALUE_H

#include <stddef.h>
#include <stdint.h>

struct arena;

/* Numeric registry types (winnt.h values). Other numbers are kept as is. */
enum {
	REGV_NONE = 0,
	REGV_SZ = 1,
	REGV_EXPAND_SZ = 2,
	REGV_BINARY = 3,
	REGV_DWORD = 4,
	REGV_DWORD_BE = 5,
	REGV_LINK = 6,
	REGV_MULTI_SZ = 7,
	REGV_RESOURCE_LIST = 8,
	REGV_FULL_RESOURCE_DESCRIPTOR = 9,
	REGV_RESOURCE_REQUIREMENTS_LIST = 10,
	REGV_QWORD = 11,
	REGV_UNKNOWN = 0xFFFFFFFFu, /* a REG_xxx token we do not know */
};

/* "REG_SZ" ... for the named types, NULL for other numbers. */
const char *regv_type_name(uint32_t type);
/* Type of a token such as "REG_SZ" (exact, upper case as reg.exe prints it).
 * Returns 1 and sets *type for a known name, 0 otherwise. */
int regv_type_from_name(const char *s, size_t len, uint32_t *type);
/* REG_SZ, REG_EXPAND_SZ, REG_MULTI_SZ: data is text (UTF-16 when stored). */
int regv_is_string_type(uint32_t type);

/* Lowercase hex run without separators ("0a1b"); "" for n == 0. */
char *regv_hex(struct arena *a, const uint8_t *p, size_t n);
/* Decode a hex run ("0A1B" or "0a1b", even length, no separators).
 * Returns 0 and the bytes in the arena, -1 when it is not a hex run. */
int regv_unhex(struct arena *a, const char *s, size_t len, uint8_t **out, size_t *n);

/* UTF-16LE bytes -> UTF-8; NUL code units are kept as 0 bytes, a trailing odd
 * byte is ignored, unpaired surrogates become U+FFFD. */
char *regv_utf16le_to_utf8(struct arena *a, const uint8_t *p, size_t n, size_t *out_len);
/* Bytes in an ANSI code page -> UTF-8: kept when already valid UTF-8,
 * else read as Windows-1252 (the code page is not known to the parser). */
char *regv_ansi_to_utf8(struct arena *a, const uint8_t *p, size_t n, size_t *out_len);
/* UTF-16 code units of a UTF-8 text (0 bytes count as one unit each). */
size_t regv_utf16_units(const char *s, size_t len);

/* The text form of a value's data, the same for every source:
 * strings as text (up to the first NUL), REG_MULTI_SZ items joined with
 * '\n' (up to the first empty item), REG_DWORD / REG_DWORD_BIG_ENDIAN /
 * REG_QWORD of the right size as "0x..." lowercase without padding (and
 * *num), everything else as a lowercase hex run.
 * unicode: string bytes are UTF-16LE (else ANSI). */
struct regv_text {
	const char *text;
	uint64_t num;
	int has_num;
};
int regv_render(struct arena *a, uint32_t type, const uint8_t *p, size_t n, int unicode,
		struct regv_text *out);

#endif
