/* mdtriage: the command-line client. A thin layer over the library: parse
 * options, load inputs, run the engine, hand the verdict to a reporter.
 * Only this file talks to the terminal. */
#include <getopt.h>
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../parsers/container.h"
#include "case.h"
#include "analyze.h"
#include "batch.h"
#include "engine.h"
#include "factsjson.h"
#include "report.h"
#include "version.h"

enum { EXIT_CLEAN = 0, EXIT_FINDINGS = 1, EXIT_USAGE = 2, EXIT_UNREADABLE = 3 };

static void usage(FILE *f)
{
	fputs("usage: mdtriage analyze [options] INPUT...   one case: verdict per drive\n"
	      "       mdtriage facts [options] INPUT...     what each artefact parsed to (JSON)\n"
	      "       mdtriage batch [options] CASE...      many cases in parallel (see batch --help)\n"
	      "       mdtriage --version\n"
	      "\n"
	      "INPUT: a file, a folder, an archive (zip, tar, tar.gz, gz, 7z, cab; nested), or - for stdin.\n"
	      "\n"
	      "options:\n"
	      "  --format text|json|markdown|html|junit   report format (default text)\n"
	      "  --lang en|zh-CN          report language (default from LANG)\n"
	      "  --drive X:               the drive the customer complains about\n"
	      "  --symptom S              disappears | red-x | prompts | other-users\n"
	      "  -o, --output FILE        write the report to FILE\n"
	      "  --codepage CP            force the legacy code page (437, 850, 1252, 936, 932)\n"
	      "  --max-member-bytes N     cap on one inflated member (default 64M)\n"
	      "  --max-total-bytes N      cap on all inflated bytes of a case (default 512M)\n"
	      "  --max-ratio N            cap on a member's compression ratio (default 1000)\n"
	      "  --max-depth N            cap on archives inside archives (default 4)\n"
	      "  --max-members N          cap on files in a case (default 10000)\n"
	      "  --no-color               no colour in text output (also NO_COLOR)\n",
	      f);
}

static int parse_size(const char *s, uint64_t *out)
{
	char *end;
	unsigned long long v = strtoull(s, &end, 10);
	if (end == s)
		return -1;
	switch (*end) {
	case 'k': case 'K': v <<= 10; end++; break;
	case 'm': case 'M': v <<= 20; end++; break;
	case 'g': case 'G': v <<= 30; end++; break;
	default: break;
	}
	if (*end)
		return -1;
	*out = v;
	return 0;
}

enum {
	OPT_FORMAT = 256, OPT_LANG, OPT_DRIVE, OPT_SYMPTOM, OPT_CODEPAGE, OPT_MAX_MEMBER,
	OPT_MAX_TOTAL, OPT_MAX_RATIO, OPT_MAX_DEPTH, OPT_MAX_MEMBERS, OPT_NO_COLOR,
};

static const struct option long_opts[] = {
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "lang", required_argument, NULL, OPT_LANG },
	{ "drive", required_argument, NULL, OPT_DRIVE },
	{ "symptom", required_argument, NULL, OPT_SYMPTOM },
	{ "output", required_argument, NULL, 'o' },
	{ "codepage", required_argument, NULL, OPT_CODEPAGE },
	{ "max-member-bytes", required_argument, NULL, OPT_MAX_MEMBER },
	{ "max-total-bytes", required_argument, NULL, OPT_MAX_TOTAL },
	{ "max-ratio", required_argument, NULL, OPT_MAX_RATIO },
	{ "max-depth", required_argument, NULL, OPT_MAX_DEPTH },
	{ "max-members", required_argument, NULL, OPT_MAX_MEMBERS },
	{ "no-color", no_argument, NULL, OPT_NO_COLOR },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

struct cli {
	struct limits limits;
	struct report_opts ropts;
	const char *output;
	const char *lang;
	const char *drive;
	const char *symptom;
	int no_color;
	int format_given;
};

static int parse_format(const char *s, enum report_format *f)
{
	static const struct { const char *name; enum report_format f; } names[] = {
		{ "text", FMT_TEXT }, { "json", FMT_JSON }, { "markdown", FMT_MARKDOWN },
		{ "md", FMT_MARKDOWN }, { "html", FMT_HTML }, { "junit", FMT_JUNIT },
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (!strcmp(s, names[i].name)) {
			*f = names[i].f;
			return 0;
		}
	return -1;
}

static int parse_args(int argc, char **argv, struct cli *c)
{
	int ch;
	uint64_t v;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "o:h", long_opts, NULL)) != -1) {
		switch (ch) {
		case OPT_FORMAT:
			if (parse_format(optarg, &c->ropts.format) != 0) {
				fprintf(stderr, "mdtriage: unknown format '%s'\n", optarg);
				return -1;
			}
			c->format_given = 1;
			break;
		case OPT_LANG:
			if (strcmp(optarg, "en") && strcmp(optarg, "zh-CN") && strcmp(optarg, "zh")) {
				fprintf(stderr, "mdtriage: unknown language '%s' (en, zh-CN)\n", optarg);
				return -1;
			}
			c->lang = optarg;
			break;
		case OPT_DRIVE: c->drive = optarg; break;
		case OPT_SYMPTOM: c->symptom = optarg; break;
		case 'o': c->output = optarg; break;
		case OPT_CODEPAGE: c->limits.codepage = optarg; break;
		case OPT_NO_COLOR: c->no_color = 1; break;
		case OPT_MAX_MEMBER: case OPT_MAX_TOTAL: case OPT_MAX_RATIO:
		case OPT_MAX_DEPTH: case OPT_MAX_MEMBERS:
			if (parse_size(optarg, &v) != 0) {
				fprintf(stderr, "mdtriage: bad number '%s'\n", optarg);
				return -1;
			}
			if (ch == OPT_MAX_MEMBER) c->limits.max_member_bytes = v;
			else if (ch == OPT_MAX_TOTAL) c->limits.max_total_bytes = v;
			else if (ch == OPT_MAX_RATIO) c->limits.max_ratio = (uint32_t)(v > UINT32_MAX ? UINT32_MAX : v);
			else if (ch == OPT_MAX_DEPTH) c->limits.max_depth = (uint32_t)(v > 64 ? 64 : v);
			else c->limits.max_members = (uint32_t)(v > UINT32_MAX ? UINT32_MAX : v);
			break;
		case 'h': usage(stdout); exit(0);
		default: return -1;
		}
	}
	if (optind >= argc) {
		fprintf(stderr, "mdtriage: no INPUT given\n");
		return -1;
	}
	return 0;
}

static FILE *open_output(const struct cli *c)
{
	if (!c->output || !strcmp(c->output, "-"))
		return stdout;
	FILE *f = fopen(c->output, "w");
	if (!f)
		perror(c->output);
	return f;
}

static int cmd_facts(int argc, char **argv)
{
	struct cli c = { 0 };
	limits_default(&c.limits);
	if (parse_args(argc, argv, &c) != 0) {
		usage(stderr);
		return EXIT_USAGE;
	}
	struct artefact_set *set = artefact_set_new(&c.limits);
	if (!set)
		return EXIT_UNREADABLE;
	for (int i = optind; i < argc; i++)
		input_add_path(set, argv[i]);
	artefact_set_settle_codepage(set);
	FILE *out = open_output(&c);
	if (!out) {
		artefact_set_free(set);
		return EXIT_USAGE;
	}
	struct json_object *j = facts_json(set);
	fputs(json_object_to_json_string_ext(j, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_NOSLASHESCAPE), out);
	fputc('\n', out);
	json_object_put(j);
	int rc = case_all_unreadable(set) ? EXIT_UNREADABLE : EXIT_CLEAN;
	if (out != stdout)
		fclose(out);
	artefact_set_free(set);
	return rc;
}

static int cmd_analyze(int argc, char **argv)
{
	struct cli c = { 0 };
	limits_default(&c.limits);
	if (parse_args(argc, argv, &c) != 0) {
		usage(stderr);
		return EXIT_USAGE;
	}
	struct case_hints h = { c.drive, c.symptom };
	struct case_run r;
	if (case_run_paths(&r, &c.limits, (const char *const *)argv + optind,
			   (size_t)(argc - optind), &h) != 0) {
		fprintf(stderr, "mdtriage: out of memory\n");
		return EXIT_UNREADABLE;
	}
	FILE *out = open_output(&c);
	if (!out) {
		case_run_free(&r);
		return EXIT_USAGE;
	}
	c.ropts.lang = lang_from_env(c.lang);
	c.ropts.drive = r.cm.drive_hint;
	c.ropts.color = !c.no_color && !getenv("NO_COLOR") && out == stdout && isatty(fileno(stdout));
	report_write(out, r.set, &r.v, &c.ropts, r.set->arena);
	int rc = case_all_unreadable(r.set) ? EXIT_UNREADABLE : r.v.findings.n ? EXIT_FINDINGS : EXIT_CLEAN;
	if (out != stdout && fclose(out) != 0)
		rc = EXIT_USAGE;
	case_run_free(&r);
	return rc;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (!strcmp(argv[1], "--version")) {
		printf("mdtriage %s\n", MDT_VERSION);
		return 0;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		usage(stdout);
		return 0;
	}
	if (!strcmp(argv[1], "analyze"))
		return cmd_analyze(argc - 1, argv + 1);
	if (!strcmp(argv[1], "batch"))
		return cmd_batch(argc - 1, argv + 1);
	if (!strcmp(argv[1], "facts"))
		return cmd_facts(argc - 1, argv + 1);
	fprintf(stderr, "mdtriage: unknown command '%s'\n", argv[1]);
	usage(stderr);
	return EXIT_USAGE;
}
