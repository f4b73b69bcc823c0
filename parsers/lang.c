/* Which UI language printed the text: structural phrases of localized
 * Windows output (formats docs), counted over a bounded number of lines.
 * Phrases English shares with other locales (whoami section headers on
 * ja-JP, PowerShell table headers, `Microsoft Windows Network`) are not
 * English evidence. Kana decide Japanese over Chinese. */
#include "decode.h"

#include <string.h>

#include "text.h"

#define LANG_MAX_LINES 1000
#define LANG_MAX_LINE_BYTES 512

enum lang { L_EN, L_ZH, L_DE, L_JA, L_FR, L_COUNT };

static const char *const lang_names[L_COUNT] = { "en", "zh-CN", "de", "ja", "fr" };

struct phrase {
	enum lang l;
	const char *s;
	int ci; /* ASCII case-insensitive */
};

static const struct phrase phrases[] = {
	/* English */
	{ L_EN, "New connections will", 1 },
	{ L_EN, "The command completed successfully", 1 },
	{ L_EN, "There are no entries in the list", 1 },
	{ L_EN, "System error ", 1 },
	{ L_EN, "Currently stored credentials", 1 },
	{ L_EN, "Local machine persistence", 1 },
	{ L_EN, "Saved for this logon only", 1 },
	{ L_EN, "Access is denied", 1 },
	{ L_EN, "The network path was not found", 1 },
	{ L_EN, "The network name cannot be found", 1 },
	{ L_EN, "More help is available by typing NET HELPMSG", 1 },
	{ L_EN, "ERROR: The system was unable to find", 1 },
	{ L_EN, "Volume in drive", 1 },
	{ L_EN, " Directory of ", 1 },
	{ L_EN, "Well-known group", 1 },
	{ L_EN, "Mandatory group, Enabled by default", 1 },
	{ L_EN, "At line:", 0 },
	{ L_EN, "Windows PowerShell transcript start", 1 },
	{ L_EN, "Command start time:", 1 },
	{ L_EN, "User claims unknown", 1 },
	/* Simplified Chinese */
	{ L_ZH, "会记录新的网络连接", 0 },
	{ L_ZH, "不记录新的网络连接", 0 },
	{ L_ZH, "命令成功完成", 0 },
	{ L_ZH, "发生系统错误", 0 },
	{ L_ZH, "当前保存的凭据", 0 },
	{ L_ZH, "列表是空的", 0 },
	{ L_ZH, "拒绝访问", 0 },
	{ L_ZH, "找不到网络", 0 },
	{ L_ZH, "本地机器持续时间", 0 },
	{ L_ZH, "用户信息", 0 },
	{ L_ZH, "特权信息", 0 },
	{ L_ZH, "系统找不到指定的", 0 },
	{ L_ZH, "中的卷", 0 },
	{ L_ZH, "所在位置", 0 },
	{ L_ZH, "脚本开始", 0 },
	{ L_ZH, "不可用", 0 },
	{ L_ZH, "已断开连接", 0 },
	{ L_ZH, "类型:", 0 },
	{ L_ZH, "状态", 0 },
	{ L_ZH, "远程", 0 },
	/* German */
	{ L_DE, "Neue Verbindungen werden", 1 },
	{ L_DE, "Der Befehl wurde erfolgreich", 1 },
	{ L_DE, "Systemfehler ", 1 },
	{ L_DE, "gespeicherte Anmeldeinformationen", 1 },
	{ L_DE, "Es sind keine Eintr", 1 },
	{ L_DE, "Zugriff verweigert", 1 },
	{ L_DE, "Zugriff wurde verweigert", 1 },
	{ L_DE, "Der Netzwerkpfad wurde nicht gefunden", 1 },
	{ L_DE, "Der Netzwerkname wurde nicht gefunden", 1 },
	{ L_DE, "Status       Lokal     Remote", 1 },
	{ L_DE, "Nur f\xc3\xbcr diese Sitzung", 1 },
	{ L_DE, "In Zeile:", 0 },
	{ L_DE, "Volume in Laufwerk", 1 },
	{ L_DE, "Verzeichnis von", 1 },
	{ L_DE, "Windows PowerShell-Aufzeichnung", 1 },
	{ L_DE, "FEHLER: ", 0 },
	{ L_DE, "Verbindliche Beschriftung", 1 },
	/* Japanese */
	{ L_JA, "新しい接続", 0 },
	{ L_JA, "コマンドは正常に終了しました", 0 },
	{ L_JA, "システム エラー", 0 },
	{ L_JA, "が発生しました", 0 },
	{ L_JA, "ステータス", 0 },
	{ L_JA, "ローカル名", 0 },
	{ L_JA, "ターゲット:", 0 },
	{ L_JA, "一覧にエントリが存在しません", 0 },
	{ L_JA, "アクセスが拒否されました", 0 },
	{ L_JA, "発生場所", 0 },
	{ L_JA, "ボリューム", 0 },
	{ L_JA, "トランスクリプト", 0 },
	{ L_JA, "利用不可", 0 },
	{ L_JA, "切断", 0 },
	{ L_JA, "種類:", 0 },
	{ L_JA, "汎用", 0 },
	/* French */
	{ L_FR, "Les nouvelles connexions", 1 },
	{ L_FR, "La commande s'est termin", 1 },
	{ L_FR, "La commande s\xe2\x80\x99" "est termin", 1 },
	{ L_FR, "L'erreur syst", 1 },
	{ L_FR, "L\xe2\x80\x99" "erreur syst", 1 },
	{ L_FR, "actuellement stock", 1 },
	{ L_FR, "Acc\xc3\xa8s refus\xc3\xa9", 1 },
	{ L_FR, "Le chemin r\xc3\xa9seau", 1 },
	{ L_FR, "Nom de r\xc3\xa9seau introuvable", 1 },
	{ L_FR, "Distant                   R", 1 },
	{ L_FR, "Au caract\xc3\xa8re", 1 },
	{ L_FR, "Le volume dans le lecteur", 1 },
	{ L_FR, "R\xc3\xa9pertoire de", 1 },
	{ L_FR, "transcription Windows PowerShell", 1 },
	{ L_FR, "ERREUR :", 0 },
};

static void ascii_lower(char *dst, const char *src, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char c = src[i];
		dst[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
	}
}

/* Lowercased case-insensitive phrases, made once per call (no global state). */
struct lowered {
	char s[64];
	size_t n;
};

const char *detect_language(const struct lines *t)
{
	if (!t || !t->v)
		return "unknown";
	long score[L_COUNT] = { 0 };
	long kana_lines = 0, han_lines = 0;
	enum { NPH = sizeof phrases / sizeof phrases[0] };
	struct lowered low_ph[NPH];
	for (size_t p = 0; p < NPH; p++) {
		size_t k = strlen(phrases[p].s);
		if (k >= sizeof low_ph[p].s)
			k = sizeof low_ph[p].s - 1;
		ascii_lower(low_ph[p].s, phrases[p].s, k);
		low_ph[p].n = k;
	}
	char low[LANG_MAX_LINE_BYTES];
	size_t n = t->n < LANG_MAX_LINES ? t->n : LANG_MAX_LINES;
	for (size_t i = 0; i < n; i++) {
		const struct line *l = &t->v[i];
		size_t len = l->len < LANG_MAX_LINE_BYTES ? l->len : LANG_MAX_LINE_BYTES;
		int ascii = 1, kana = 0, han = 0;
		for (size_t k = 0; k < len;) {
			uint32_t c;
			int q = u8_decode(l->s + k, len - k, &c);
			if (c >= 0x80)
				ascii = 0;
			if ((c >= 0x3041 && c <= 0x30FF) || (c >= 0xFF66 && c <= 0xFF9F))
				kana = 1;
			else if (c >= 0x4E00 && c <= 0x9FFF)
				han = 1;
			k += (size_t)q;
		}
		kana_lines += kana;
		han_lines += han;
		ascii_lower(low, l->s, len);
		for (size_t p = 0; p < NPH; p++) {
			const struct phrase *ph = &phrases[p];
			/* non-ASCII phrases cannot occur in an ASCII line */
			if (ascii && !ph->ci && (unsigned char)ph->s[0] >= 0x80)
				continue;
			int hit = ph->ci ? memmem(low, len, low_ph[p].s, low_ph[p].n) != NULL
					 : memmem(l->s, len, ph->s, strlen(ph->s)) != NULL;
			if (hit)
				score[ph->l] += 2;
		}
	}
	/* Chinese and Japanese share Han characters; kana are Japanese only */
	if (kana_lines)
		score[L_JA] += kana_lines;
	else
		score[L_ZH] += han_lines;

	int best = -1;
	/* a localized phrase beats English at equal count: English words appear
	 * in localized output (provider names, untranslated headers) */
	static const enum lang order[] = { L_JA, L_ZH, L_DE, L_FR, L_EN };
	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++)
		if (score[order[i]] > 0 && (best < 0 || score[order[i]] > score[best]))
			best = (int)order[i];
	return best < 0 ? "unknown" : lang_names[best];
}
