/* Bytes of unknown encoding -> valid UTF-8. Detection order (docs/decoding.md):
 * BOM, binary signatures, BOM-less UTF-16 (NUL pattern), UTF-8, then a legacy
 * code page chosen by byte statistics and known words. Legacy pages are
 * converted with iconv; UTF-8 and UTF-16 are converted here so that every
 * invalid sequence becomes U+FFFD instead of an error. */
#include "decode.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

enum enc {
	ENC_NONE = 0,
	ENC_UTF8,
	ENC_UTF8_BOM,
	ENC_UTF16LE_BOM,
	ENC_UTF16LE,
	ENC_UTF16BE_BOM,
	ENC_UTF16BE,
	ENC_CP437,
	ENC_CP850,
	ENC_CP1252,
	ENC_CP936,
	ENC_CP932,
	ENC_BINARY,
	ENC_BAD,
};

static const char *const enc_names[] = {
	[ENC_NONE] = "utf-8",          [ENC_UTF8] = "utf-8",
	[ENC_UTF8_BOM] = "utf-8-bom",  [ENC_UTF16LE_BOM] = "utf-16le-bom",
	[ENC_UTF16LE] = "utf-16le",    [ENC_UTF16BE_BOM] = "utf-16be-bom",
	[ENC_UTF16BE] = "utf-16be",    [ENC_CP437] = "cp437",
	[ENC_CP850] = "cp850",         [ENC_CP1252] = "cp1252",
	[ENC_CP936] = "cp936",         [ENC_CP932] = "cp932",
	[ENC_BINARY] = "binary",       [ENC_BAD] = "binary",
};

/* iconv names (glibc); CP932 maps 0x5C to a backslash, SHIFT_JIS would not. */
static const char *iconv_name(enum enc e)
{
	switch (e) {
	case ENC_CP437: return "CP437";
	case ENC_CP850: return "CP850";
	case ENC_CP1252: return "CP1252";
	case ENC_CP936: return "CP936";
	case ENC_CP932: return "CP932";
	default: return NULL;
	}
}

/* How many bytes of a file the detectors look at (decoding covers it all). */
#define SNIFF_BYTES (64u << 10)

/* ---------------------------------------------------------------- output */

/* Growable output in malloc'd memory, copied into the arena at the end, so
 * the arena holds only the final text. Capped at 3 bytes per input byte. */
struct obuf {
	char *p;
	size_t n, cap, max;
	int failed;
};

static int ob_reserve(struct obuf *o, size_t more)
{
	if (o->failed)
		return -1;
	if (o->n + more <= o->cap)
		return 0;
	if (o->n + more > o->max) {
		o->failed = 1;
		return -1;
	}
	size_t nc = o->cap ? o->cap : 4096;
	while (nc < o->n + more)
		nc *= 2;
	if (nc > o->max)
		nc = o->max;
	char *np = realloc(o->p, nc);
	if (!np) {
		o->failed = 1;
		return -1;
	}
	o->p = np;
	o->cap = nc;
	return 0;
}

static void ob_bytes(struct obuf *o, const void *s, size_t n)
{
	if (ob_reserve(o, n) == 0) {
		memcpy(o->p + o->n, s, n);
		o->n += n;
	}
}

static void ob_cp(struct obuf *o, uint32_t c)
{
	char b[4];
	size_t n;
	if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		c = 0xFFFD;
	if (c < 0x80) {
		b[0] = (char)c;
		n = 1;
	} else if (c < 0x800) {
		b[0] = (char)(0xC0 | (c >> 6));
		b[1] = (char)(0x80 | (c & 0x3F));
		n = 2;
	} else if (c < 0x10000) {
		b[0] = (char)(0xE0 | (c >> 12));
		b[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		b[2] = (char)(0x80 | (c & 0x3F));
		n = 3;
	} else {
		b[0] = (char)(0xF0 | (c >> 18));
		b[1] = (char)(0x80 | ((c >> 12) & 0x3F));
		b[2] = (char)(0x80 | ((c >> 6) & 0x3F));
		b[3] = (char)(0x80 | (c & 0x3F));
		n = 4;
	}
	ob_bytes(o, b, n);
}

/* ------------------------------------------------------------------ UTF-8 */

/* Length of the valid UTF-8 sequence at p (strict: no overlongs, no
 * surrogates, nothing above U+10FFFF); 0 when invalid or cut short. */
static size_t utf8_seq(const uint8_t *p, size_t n, uint32_t *cp)
{
	uint8_t b = p[0];
	if (b < 0x80) {
		*cp = b;
		return 1;
	}
	size_t k;
	uint32_t c, min;
	if (b >= 0xC2 && b <= 0xDF) { k = 2; c = b & 0x1F; min = 0x80; }
	else if (b >= 0xE0 && b <= 0xEF) { k = 3; c = b & 0x0F; min = 0x800; }
	else if (b >= 0xF0 && b <= 0xF4) { k = 4; c = b & 0x07; min = 0x10000; }
	else return 0;
	if (k > n)
		return 0;
	for (size_t i = 1; i < k; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (p[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return k;
}

/* Copy UTF-8, replacing each byte that starts no valid sequence by U+FFFD. */
static void utf8_repair(struct obuf *o, const uint8_t *p, size_t n, int *lossy)
{
	size_t i = 0;
	while (i < n && !o->failed) {
		size_t run = i;
		while (run < n && p[run] < 0x80)
			run++;
		if (run > i) {
			ob_bytes(o, p + i, run - i);
			i = run;
			continue;
		}
		uint32_t c;
		size_t k = utf8_seq(p + i, n - i, &c);
		if (k) {
			ob_bytes(o, p + i, k);
			i += k;
		} else {
			ob_cp(o, 0xFFFD);
			*lossy = 1;
			i++;
		}
	}
}

/* ----------------------------------------------------------------- UTF-16 */

static unsigned u16_at(const uint8_t *p, int be)
{
	return be ? (unsigned)(p[0] << 8 | p[1]) : (unsigned)(p[1] << 8 | p[0]);
}

/* Lone surrogates and a dangling odd byte become U+FFFD. */
static void utf16_decode(struct obuf *o, const uint8_t *p, size_t n, int be, int *lossy)
{
	size_t i = 0;
	while (i + 1 < n && !o->failed) {
		unsigned u = u16_at(p + i, be);
		i += 2;
		if (u >= 0xD800 && u <= 0xDBFF) {
			if (i + 1 < n) {
				unsigned v = u16_at(p + i, be);
				if (v >= 0xDC00 && v <= 0xDFFF) {
					i += 2;
					ob_cp(o, 0x10000 + (((uint32_t)u - 0xD800) << 10) + (v - 0xDC00));
					continue;
				}
			}
			ob_cp(o, 0xFFFD);
			*lossy = 1;
		} else if (u >= 0xDC00 && u <= 0xDFFF) {
			ob_cp(o, 0xFFFD);
			*lossy = 1;
		} else {
			ob_cp(o, u);
		}
	}
	if (i < n) { /* odd byte count */
		ob_cp(o, 0xFFFD);
		*lossy = 1;
	}
}

/* Is this code point something Windows text output plausibly contains? */
static int cp_plausible(uint32_t c)
{
	if (c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x1A || c == 0x1B)
		return 1;
	if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0))
		return 0;
	if (c < 0x0250)  /* ASCII, Latin-1, Latin Extended-A/B */
		return 1;
	if (c >= 0x0370 && c < 0x0530) /* Greek, Cyrillic */
		return 1;
	if (c >= 0x2000 && c < 0x2700) /* punctuation, symbols, box drawing */
		return 1;
	if (c >= 0x2E80 && c < 0xA000) /* CJK, kana, Hangul compat */
		return 1;
	if (c >= 0xAC00 && c < 0xD7A4) /* Hangul */
		return 1;
	if (c >= 0xF900 && c < 0xFB00) /* CJK compatibility */
		return 1;
	if (c >= 0xFE30 && c < 0xFFF0 && c != 0xFEFF) /* fullwidth/halfwidth forms */
		return 1;
	if (c >= 0x1F000 && c < 0x1FB00) /* emoji and pictographs */
		return 1;
	if (c >= 0x20000 && c < 0x32000) /* CJK extensions */
		return 1;
	return c == 0xFEFF || c == 0xFFFD;
}

/* BOM-less UTF-16: ASCII characters leave a NUL in every other byte. Windows
 * PowerShell 5.1 redirections and `cmd /u` produce this. The candidate must
 * then decode to plausible text. Returns ENC_UTF16LE, ENC_UTF16BE or 0. */
static enum enc sniff_utf16(const uint8_t *p, size_t n)
{
	if (n > SNIFF_BYTES)
		n = SNIFF_BYTES;
	n &= ~(size_t)1;
	size_t pairs = n / 2, z_even = 0, z_odd = 0;
	if (pairs == 0)
		return ENC_NONE;
	for (size_t i = 0; i < n; i += 2) {
		z_even += p[i] == 0;
		z_odd += p[i + 1] == 0;
	}
	int be;
	if (z_odd * 10 >= pairs && z_even * 10 <= z_odd)
		be = 0;
	else if (z_even * 10 >= pairs && z_odd * 10 <= z_even)
		be = 1;
	else
		return ENC_NONE;
	size_t good = 0, total = 0;
	for (size_t i = 0; i + 1 < n; i += 2) {
		unsigned u = u16_at(p + i, be);
		uint32_t c = u;
		if (u >= 0xD800 && u <= 0xDBFF && i + 3 < n) {
			unsigned v = u16_at(p + i + 2, be);
			if (v >= 0xDC00 && v <= 0xDFFF) {
				i += 2;
				c = 0x20000; /* any valid pair counts as plausible */
			}
		}
		total++;
		good += c == 0x20000 || cp_plausible(c);
	}
	if (good * 100 < total * 90)
		return ENC_NONE;
	return be ? ENC_UTF16BE : ENC_UTF16LE;
}

/* ----------------------------------------------------------------- binary */

static int has_magic(const uint8_t *p, size_t n)
{
	static const struct { const char *m; size_t n; } sig[] = {
		{ "\x89PNG\r\n\x1a\n", 8 }, { "\xFF\xD8\xFF", 3 }, { "GIF87a", 6 },
		{ "GIF89a", 6 }, { "ElfFile\0", 8 }, { "ElfChnk\0", 8 }, { "regf", 4 },
		{ "MDMP", 4 }, { "PAGEDU", 6 }, { "PK\x03\x04", 4 }, { "PK\x05\x06", 4 },
		{ "\x1F\x8B", 2 }, { "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8 },
		{ "7z\xBC\xAF\x27\x1C", 6 }, { "\x7F" "ELF", 4 }, { "MSCF", 4 },
		{ "%PDF-", 5 }, { "SQLite format 3", 16 },
	};
	for (size_t i = 0; i < sizeof sig / sizeof sig[0]; i++)
		if (n >= sig[i].n && memcmp(p, sig[i].m, sig[i].n) == 0)
			return 1;
	return 0;
}

/* Control bytes no command output contains. A NUL next to another NUL counts
 * (dumps, EVTX); isolated NULs do not (they are UTF-16 leftovers in mixed
 * files and are removed later). */
static int looks_binary_8bit(const uint8_t *p, size_t n)
{
	if (n > SNIFF_BYTES)
		n = SNIFF_BYTES;
	size_t bad = 0;
	for (size_t i = 0; i < n; i++) {
		uint8_t b = p[i];
		if (b == 0) {
			if ((i > 0 && p[i - 1] == 0) || (i + 1 < n && p[i + 1] == 0))
				bad++;
		} else if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' &&
			    b != '\v' && b != 0x1A && b != 0x1B) || b == 0x7F) {
			bad++;
		}
	}
	return bad * 100 > n * 3;
}

/* Same on decoded UTF-8 text (after UTF-16 decoding): control characters,
 * NUL runs and code points no Windows output has. U+FFFD (lone surrogates)
 * does not count, and a few characters are too few to judge. */
static int looks_binary_utf8(const char *s, size_t n)
{
	if (n > SNIFF_BYTES)
		n = SNIFF_BYTES;
	size_t bad = 0, total = 0;
	const uint8_t *p = (const uint8_t *)s;
	for (size_t i = 0; i < n;) {
		uint32_t c;
		size_t k = utf8_seq(p + i, n - i, &c);
		if (!k) {
			k = 1;
			c = 0xFFFD;
		}
		total++;
		if (c == 0)
			bad += (i > 0 && p[i - 1] == 0) || (i + 1 < n && p[i + 1] == 0);
		else if (!cp_plausible(c))
			bad++;
		i += k;
	}
	return total >= 16 && bad * 100 > total * 5;
}

/* ------------------------------------------------------ legacy code pages */

/* Class of bytes 0x80..0xFF in each single-byte page, generated from the
 * code page tables: L/U letters common in German and French (ä ö ü ß é è ê
 * à ç ...), l/u other letters, n no-break space, a typographic apostrophe,
 * s symbols, box drawing and Greek (never in en/de/fr output), x undefined. */
static const char cls_437[129] =
	"ULLLLLlLLLLLLlUuUluLLlLLlUUsssss"
	"lllllussssssssssssssssssssssssss"
	"ssssssssssssssssssssssssssssssss"
	"sLsssslssssssssssssssssssssssssn";
static const char cls_850[129] =
	"ULLLLLlLLLLLLlUuUluLLlLLlUUlsuss"
	"lllllusssssssssssssssuUUssssssss"
	"sssssslussssssssluUuUluUusssssus"
	"uLUululluuUulusssssssssssssssssn";
static const char cls_1252[129] =
	"sxssssssssusUxuxxsassssssslsLxlu"
	"nsssssssssssssssssssslssssssssss"
	"UuUuUuuUUUUuuuUuuuuuUuUsuuuUUuuL"
	"LlLlLllLLLLLllLLllllLlLslLlLLlll";

static int is_alpha(uint8_t b) { return (b | 0x20) >= 'a' && (b | 0x20) <= 'z'; }
static int is_lower(uint8_t b) { return b >= 'a' && b <= 'z'; }
static int is_upper(uint8_t b) { return b >= 'A' && b <= 'Z'; }
static int is_digit(uint8_t b) { return b >= '0' && b <= '9'; }

/* How much sense the high bytes of one line make as letters of a European
 * single-byte page: accented letters sit inside words of ASCII letters. */
static long sbcs_line_score(const char *cls, const uint8_t *p, size_t n)
{
	long s = 0;
	for (size_t i = 0; i < n; i++) {
		if (p[i] < 0x80)
			continue;
		uint8_t pv = i > 0 ? p[i - 1] : ' ', nx = i + 1 < n ? p[i + 1] : ' ';
		char c = cls[p[i] - 0x80];
		int common = c == 'L' || c == 'U';
		switch (c) {
		case 'L':
		case 'l':
			s += (is_alpha(pv) || is_alpha(nx)) ? 1 + common : 0;
			break;
		case 'U':
		case 'u':
			if (is_lower(nx) && !is_alpha(pv))
				s += 1 + common; /* word-initial capital: État, Übersicht */
			else if (is_upper(pv) || is_upper(nx))
				s += 1; /* all-caps word */
			else if (is_lower(pv))
				s -= 1; /* a capital inside a lowercase word is odd */
			break;
		case 'n':
			s += (is_digit(pv) && is_digit(nx)) || nx == ':' ? 1 : 0;
			break;
		case 'a':
			s += is_alpha(pv) && is_alpha(nx) ? 1 : -1;
			break;
		case 'x':
			s -= 3;
			break;
		default:
			s -= 1;
		}
	}
	return s;
}

struct dbcs_stats {
	/* GBK view */
	long g_good, g_rare, g_err;
	/* Shift-JIS (CP932) view */
	long j_kana, j_kanji_hi, j_kanji_lo, j_punct, j_half, j_rare, j_err;
};

static void gbk_line(struct dbcs_stats *st, const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		uint8_t b = p[i];
		if (b < 0x80)
			continue;
		if (b == 0x80 || b == 0xFF) {
			st->g_err++;
			continue;
		}
		uint8_t t = i + 1 < n ? p[i + 1] : 0;
		if (t >= 0x40 && t != 0x7F && t != 0xFF) {
			/* GB2312 hanzi rows B0-F7 and the punctuation rows A1-A3 are
			 * what Chinese Windows output is made of */
			if (((b >= 0xB0 && b <= 0xF7) || (b >= 0xA1 && b <= 0xA3)) && t >= 0xA1)
				st->g_good++;
			else
				st->g_rare++;
			i++;
		} else {
			st->g_err++;
		}
	}
}

static void sjis_line(struct dbcs_stats *st, const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		uint8_t b = p[i];
		if (b < 0x80)
			continue;
		if (b >= 0xA1 && b <= 0xDF) {
			st->j_half++;
			continue;
		}
		if (!((b >= 0x81 && b <= 0x9F) || (b >= 0xE0 && b <= 0xFC))) {
			st->j_err++;
			continue;
		}
		uint8_t t = i + 1 < n ? p[i + 1] : 0;
		if (!((t >= 0x40 && t <= 0x7E) || (t >= 0x80 && t <= 0xFC))) {
			st->j_err++;
			continue;
		}
		i++;
		if ((b == 0x82 && t >= 0x9F && t <= 0xF1) || (b == 0x83 && t >= 0x40 && t <= 0x96))
			st->j_kana++;
		else if (b == 0x81 && t <= 0xAC)
			st->j_punct++;
		else if (((b >= 0x88 && b <= 0x9F) || (b >= 0xE0 && b <= 0xEA)) && t >= 0x80)
			st->j_kanji_hi++;
		else if ((b >= 0x88 && b <= 0x9F) || (b >= 0xE0 && b <= 0xEA))
			st->j_kanji_lo++; /* also what ö, è, Ü + an ASCII letter look like */
		else
			st->j_rare++;
	}
}

/* Words of localized Windows output (formats docs) that confirm a guess. */
static const char *const words_zh[] = {
	"状态", "本地", "远程", "网络", "命令成功完成", "发生系统错误", "新的网络连接",
	"当前保存的凭据", "目标", "类型", "用户", "拒绝访问", "找不到网络", "列表是空的",
	"用户信息", "组信息", "特权信息", "错误", "驱动器", "的目录", "系统找不到", "凭据",
};
static const char *const words_ja[] = {
	"ステータス", "ローカル名", "リモート名", "ネットワーク", "コマンドは正常に終了しました",
	"新しい接続", "システム エラー", "発生しました", "ターゲット", "種類", "ユーザー",
	"アクセスが拒否", "エントリが存在しません", "ドライブ", "ディレクトリ", "見つかりません",
};

static long count_words(const char *s, size_t n, const char *const *w, size_t nw)
{
	long hits = 0;
	for (size_t i = 0; i < nw; i++)
		if (memmem(s, n, w[i], strlen(w[i])))
			hits++;
	return hits;
}

/* Convert with iconv; undecodable bytes become U+FFFD. */
static int iconv_decode(struct obuf *o, enum enc e, const uint8_t *p, size_t n, int *lossy)
{
	iconv_t cd = iconv_open("UTF-8", iconv_name(e));
	if (cd == (iconv_t)-1)
		return -1;
	char *in = (char *)p;
	size_t inleft = n;
	while (inleft > 0 && !o->failed) {
		/* room for the rest: at most 3 output bytes per input byte */
		size_t room = o->max - o->n, want = 3 * inleft + 4;
		if (want > room)
			want = room;
		if (want < 4 || ob_reserve(o, want) != 0) {
			o->failed = 1;
			break;
		}
		char *out = o->p + o->n;
		size_t outleft = o->cap - o->n;
		const char *before = in;
		size_t r = iconv(cd, &in, &inleft, &out, &outleft);
		o->n = (size_t)(out - o->p);
		if (r != (size_t)-1)
			break;
		if (errno == E2BIG) {
			if (in == before)
				o->failed = 1; /* no room left within the cap */
			continue;
		}
		/* EILSEQ or EINVAL (cut at the end): replace one byte, go on */
		ob_cp(o, 0xFFFD);
		*lossy = 1;
		in++;
		inleft--;
		iconv(cd, NULL, NULL, NULL, NULL);
	}
	iconv_close(cd);
	return o->failed ? -1 : 0;
}

/* Word hits of a DBCS guess, on a bounded prefix of the bytes. */
static long dbcs_words(enum enc e, const uint8_t *p, size_t n)
{
	if (n > SNIFF_BYTES)
		n = SNIFF_BYTES;
	struct obuf o = { NULL, 0, 0, 3 * n + 16, 0 };
	int lossy = 0;
	long hits = 0;
	if (iconv_decode(&o, e, p, n, &lossy) == 0 && o.p) {
		if (e == ENC_CP936)
			hits = count_words(o.p, o.n, words_zh, sizeof words_zh / sizeof words_zh[0]);
		else
			hits = count_words(o.p, o.n, words_ja, sizeof words_ja / sizeof words_ja[0]);
	}
	free(o.p);
	return hits;
}

/* One line of the input, by byte range, with what UTF-8 makes of it. */
struct bline {
	size_t off, len;
	size_t mb, bad; /* valid multi-byte sequences, bytes starting none */
	int kind;       /* 0 ASCII, 1 valid UTF-8 with non-ASCII, 2 not UTF-8 */
};

/* Choose the legacy page for the lines that are not UTF-8. See
 * docs/decoding.md: known words first, then GB2312 pairs vs kana pairs vs
 * accented letters inside words. */
static enum enc guess_legacy(const uint8_t *p, const struct bline *ls, size_t nl)
{
	struct dbcs_stats st = { 0 };
	long s437 = 0, s850 = 0, s1252 = 0;
	size_t seen = 0;
	/* the bytes of the non-UTF-8 lines, for the word check */
	struct obuf legacy = { NULL, 0, 0, SNIFF_BYTES + 2, 0 };
	for (size_t i = 0; i < nl && seen < 4 * SNIFF_BYTES; i++) {
		if (ls[i].kind != 2)
			continue;
		const uint8_t *q = p + ls[i].off;
		size_t n = ls[i].len;
		seen += n;
		gbk_line(&st, q, n);
		sjis_line(&st, q, n);
		s437 += sbcs_line_score(cls_437, q, n);
		s850 += sbcs_line_score(cls_850, q, n);
		s1252 += sbcs_line_score(cls_1252, q, n);
		if (legacy.n + n + 1 <= legacy.max) {
			ob_bytes(&legacy, q, n);
			ob_bytes(&legacy, "\n", 1);
		}
	}
	long w_zh = 0, w_ja = 0;
	if (legacy.p && !legacy.failed) {
		w_zh = dbcs_words(ENC_CP936, (const uint8_t *)legacy.p, legacy.n);
		w_ja = dbcs_words(ENC_CP932, (const uint8_t *)legacy.p, legacy.n);
	}
	free(legacy.p);

	enum enc sb = ENC_CP850;
	long s_sb = s850;
	if (s1252 > s_sb) {
		sb = ENC_CP1252;
		s_sb = s1252;
	}
	if (s437 > s_sb) {
		sb = ENC_CP437;
		s_sb = s437;
	}
	/* each GB2312 character is two bytes: +2 mirrors two accented letters */
	long s_zh = 2 * st.g_good - 2 * st.g_rare - 4 * st.g_err + 20 * w_zh;
	long s_ja = 3 * st.j_kana + 3 * st.j_kanji_hi + st.j_kanji_lo - 2 * st.j_half -
		    2 * st.j_rare - 4 * st.j_err + 20 * w_ja;
	int zh_ok = st.g_good >= 1 || w_zh > 0;
	int ja_ok = st.j_kana >= 1 || st.j_kanji_hi >= 1 || w_ja > 0;
	if (w_ja > w_zh && ja_ok && s_ja > 0)
		return ENC_CP932;
	if (w_zh > w_ja && zh_ok && s_zh > 0)
		return ENC_CP936;
	if (ja_ok && s_ja > s_sb && s_ja >= s_zh)
		return ENC_CP932;
	if (zh_ok && s_zh > s_sb)
		return ENC_CP936;
	return sb;
}

/* Split raw bytes into lines (LF, CRLF, CR) and classify each as ASCII,
 * valid UTF-8 or not UTF-8. */
static struct bline *scan_lines(const uint8_t *p, size_t n, size_t *nl)
{
	size_t cap = 1;
	for (size_t i = 0; i < n; i++)
		if (p[i] == '\n' || (p[i] == '\r' && (i + 1 >= n || p[i + 1] != '\n')))
			cap++;
	struct bline *ls = calloc(cap, sizeof *ls);
	if (!ls)
		return NULL;
	size_t k = 0;
	struct bline cur = { 0 };
	for (size_t i = 0; i <= n;) {
		if (i == n || p[i] == '\n' || p[i] == '\r') {
			if (i < n && p[i] == '\r' && i + 1 < n && p[i + 1] == '\n')
				i++;
			if (i < n)
				i++;
			cur.len = i - cur.off; /* with its terminator */
			cur.kind = cur.bad ? 2 : cur.mb ? 1 : 0;
			if (k < cap && (cur.len || k == 0))
				ls[k++] = cur;
			if (i >= n)
				break;
			memset(&cur, 0, sizeof cur);
			cur.off = i;
			continue;
		}
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		uint32_t c;
		size_t q = utf8_seq(p + i, n - i, &c);
		if (q) {
			cur.mb++;
			i += q;
		} else {
			cur.bad++;
			i++;
		}
	}
	*nl = k;
	return ls;
}

/* Bytes at the end that begin a UTF-8 sequence the file cut short. */
static size_t cut_tail(const uint8_t *p, size_t n)
{
	for (size_t k = 1; k <= 3 && k <= n; k++) {
		uint8_t b = p[n - k];
		if (b < 0x80)
			return 0;
		if (b >= 0xC0) {
			size_t need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
			return need > k ? k : 0;
		}
	}
	return 0;
}

/* Does a valid UTF-8 line read as real text (not GBK bytes that happen to
 * form UTF-8 sequences, which give Hebrew, combining marks, ...)? */
static int utf8_line_plausible(const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n;) {
		uint32_t c;
		size_t k = utf8_seq(p + i, n - i, &c);
		if (!k) { /* a cut tail: judged by the rest */
			i++;
			continue;
		}
		if (!cp_plausible(c))
			return 0;
		i += k;
	}
	return 1;
}

/* Convert the lines: runs of consecutive lines of one kind go together,
 * lines of kind 1 are copied as UTF-8, the others decoded with page e. */
static void convert_lines(struct obuf *o, const uint8_t *p, const struct bline *ls, size_t nl,
			  enum enc e, int *lossy)
{
	for (size_t i = 0; i < nl && !o->failed;) {
		size_t j = i;
		int u8 = ls[i].kind == 1;
		while (j < nl && (ls[j].kind == 1) == u8)
			j++;
		size_t off = ls[i].off, len = ls[j - 1].off + ls[j - 1].len - off;
		if (u8) /* valid, but the last line may end in a cut sequence */
			utf8_repair(o, p + off, len, lossy);
		else if (iconv_decode(o, e, p + off, len, lossy) != 0)
			o->failed = 1;
		i = j;
	}
}

/* 8-bit text (no BOM, not UTF-16). Valid UTF-8 stays UTF-8 unless it only
 * looks valid by accident (short GBK text can: 状态 is D7 B4 CC AC, which
 * UTF-8 reads as Hebrew punctuation and a combining mark). Lines that are
 * not UTF-8 are decoded with the guessed (or forced) legacy page; valid
 * UTF-8 lines stay UTF-8 when the file clearly mixes both (outputs appended
 * by different shells). Returns the encoding name to report. */
static enum enc decode_8bit(struct obuf *o, const uint8_t *p, size_t n, enum enc forced,
			    int *lossy)
{
	if (forced == ENC_UTF8) {
		utf8_repair(o, p, n, lossy);
		return ENC_UTF8;
	}
	size_t nl = 0;
	struct bline *ls = scan_lines(p, n - cut_tail(p, n), &nl);
	if (!ls) {
		o->failed = 1;
		return ENC_UTF8;
	}
	if (nl) /* the cut tail belongs to the last line */
		ls[nl - 1].len = n - ls[nl - 1].off;
	size_t mb = 0, bad = 0, valid = 0, implausible = 0, mostly_u8 = 1;
	for (size_t i = 0; i < nl; i++) {
		mb += ls[i].mb;
		bad += ls[i].bad;
		if (ls[i].kind == 1) {
			valid++;
			if (!utf8_line_plausible(p + ls[i].off, ls[i].len)) {
				implausible++;
				ls[i].kind = 3;
			}
		}
		if (ls[i].kind == 2 && ls[i].mb < 2 * ls[i].bad)
			mostly_u8 = 0;
	}
	enum enc e = forced;
	if (forced == ENC_NONE && implausible * 2 <= valid &&
	    (bad == 0 || (mostly_u8 && mb >= 4 * bad))) {
		/* UTF-8, perhaps with a stray byte or a character cut at the end */
		free(ls);
		utf8_repair(o, p, n, lossy);
		return ENC_UTF8;
	}
	size_t u8_lines = 0, leg_lines = 0;
	for (size_t i = 0; i < nl; i++) {
		if (forced != ENC_NONE || ls[i].kind == 3)
			ls[i].kind = 2;
		u8_lines += ls[i].kind == 1;
		leg_lines += ls[i].kind == 2;
	}
	if (u8_lines < 2) { /* one lucky line is no evidence of UTF-8 */
		for (size_t i = 0; i < nl; i++)
			if (ls[i].kind == 1)
				ls[i].kind = 2;
		leg_lines += u8_lines;
		u8_lines = 0;
	}
	if (e == ENC_NONE)
		e = guess_legacy(p, ls, nl);
	/* a mixed file is named by what most of its non-ASCII lines are */
	enum enc name = u8_lines > leg_lines ? ENC_UTF8 : e;
	convert_lines(o, p, ls, nl, e, lossy);
	free(ls);
	return name;
}

/* ------------------------------------------------------------ code pages */

static enum enc parse_codepage(const char *s)
{
	char b[32];
	size_t n = 0;
	for (; *s && n + 1 < sizeof b; s++) {
		char c = *s;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c + 32);
		if (c == '_')
			c = '-';
		b[n++] = c;
	}
	b[n] = 0;
	const char *v = b;
	if (!strncmp(v, "cp", 2) && v[2] != '-')
		v += 2;
	else if (!strncmp(v, "windows-", 8))
		v += 8;
	else if (!strncmp(v, "ibm", 3))
		v += 3;
	static const struct { const char *name; enum enc e; } map[] = {
		{ "936", ENC_CP936 }, { "gbk", ENC_CP936 }, { "gb2312", ENC_CP936 },
		{ "gb18030", ENC_CP936 }, { "932", ENC_CP932 }, { "shift-jis", ENC_CP932 },
		{ "sjis", ENC_CP932 }, { "31j", ENC_CP932 }, { "437", ENC_CP437 },
		{ "850", ENC_CP850 }, { "1252", ENC_CP1252 }, { "latin1", ENC_CP1252 },
		{ "utf-8", ENC_UTF8 }, { "utf8", ENC_UTF8 }, { "65001", ENC_UTF8 },
		{ "utf-16le", ENC_UTF16LE }, { "utf-16", ENC_UTF16LE }, { "utf16le", ENC_UTF16LE },
		{ "utf16", ENC_UTF16LE }, { "1200", ENC_UTF16LE }, { "unicode", ENC_UTF16LE },
		{ "utf-16be", ENC_UTF16BE }, { "utf16be", ENC_UTF16BE }, { "1201", ENC_UTF16BE },
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (!strcmp(v, map[i].name))
			return map[i].e;
	return ENC_BAD;
}

/* ------------------------------------------------------------------ main */

/* NULs (UTF-16 leftovers, padding), Ctrl-Z (end-of-file mark of `copy /a`)
 * and U+FEFF (the BOM of a file concatenated into this one) are dropped
 * wherever they are; the text is never cut there. */
static size_t drop_nul_ctrlz(char *s, size_t n)
{
	size_t w = 0;
	for (size_t r = 0; r < n; r++) {
		if (s[r] == 0 || s[r] == 0x1A)
			continue;
		if (s[r] == '\xef' && r + 2 < n && s[r + 1] == '\xbb' && s[r + 2] == '\xbf') {
			r += 2;
			continue;
		}
		s[w++] = s[r];
	}
	return w;
}

int decode_bytes(struct arena *a, const uint8_t *data, size_t len, const char *codepage,
		 struct decoded *out, const char **reason)
{
	const char *unused;
	if (!reason)
		reason = &unused;
	memset(out, 0, sizeof *out);
	if (!data)
		len = 0;
	enum enc forced = ENC_NONE;
	if (codepage && *codepage) {
		forced = parse_codepage(codepage);
		if (forced == ENC_BAD) {
			*reason = "unknown code page (use 437, 850, 1252, 936, 932, utf-8 or utf-16le)";
			return -1;
		}
	}

	enum enc e = ENC_NONE;
	size_t skip = 0;
	if (len >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF) {
		e = ENC_UTF8_BOM;
		skip = 3;
	} else if (len >= 2 && data[0] == 0xFF && data[1] == 0xFE) {
		e = ENC_UTF16LE_BOM;
		skip = 2;
	} else if (len >= 2 && data[0] == 0xFE && data[1] == 0xFF) {
		e = ENC_UTF16BE_BOM;
		skip = 2;
	} else if (forced == ENC_UTF16LE || forced == ENC_UTF16BE) {
		e = forced;
	} else if (has_magic(data, len)) {
		e = ENC_BINARY; /* images, EVTX, dumps, archives */
	} else if (forced != ENC_UTF8) {
		/* the NUL pattern of UTF-16 wins over a forced legacy page too */
		e = sniff_utf16(data, len);
	}
	const uint8_t *p = data + skip;
	size_t n = len - skip;

	if (n > SIZE_MAX / 4) {
		*reason = "file too large to decode";
		return -1;
	}
	struct obuf o = { NULL, 0, 0, 3 * n + 16, 0 };
	int lossy = 0;
	if (e == ENC_UTF16LE || e == ENC_UTF16LE_BOM || e == ENC_UTF16BE || e == ENC_UTF16BE_BOM) {
		int be = e == ENC_UTF16BE || e == ENC_UTF16BE_BOM;
		/* drop trailing NUL and Ctrl-Z: a single byte appended by `copy /a`,
		 * then whole units */
		if ((n & 1) && (p[n - 1] == 0 || p[n - 1] == 0x1A))
			n--;
		while (n >= 2 && !(n & 1) && (u16_at(p + n - 2, be) == 0 || u16_at(p + n - 2, be) == 0x1A))
			n -= 2;
		utf16_decode(&o, p, n, be, &lossy);
		if (!o.failed && looks_binary_utf8(o.p, o.n))
			e = ENC_BINARY;
	} else if (e != ENC_BINARY) {
		while (n > 0 && (p[n - 1] == 0 || p[n - 1] == 0x1A))
			n--;
		if (looks_binary_8bit(p, n))
			e = ENC_BINARY;
		else if (e == ENC_UTF8_BOM)
			utf8_repair(&o, p, n, &lossy);
		else
			e = decode_8bit(&o, p, n, forced, &lossy);
	}
	if (o.failed) {
		free(o.p);
		*reason = "out of memory while decoding";
		return -1;
	}
	out->encoding = enc_names[e];
	if (e == ENC_BINARY) {
		free(o.p);
		out->binary = 1;
		out->text = "";
		out->len = 0;
		return 0;
	}
	size_t outn = o.p ? drop_nul_ctrlz(o.p, o.n) : 0;
	char *t = arena_strndup(a, o.p ? o.p : "", outn);
	free(o.p);
	if (!t) {
		*reason = "out of memory";
		return -1;
	}
	out->text = t;
	out->len = outn;
	out->lossy = lossy;
	return 0;
}
