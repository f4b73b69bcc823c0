/* Batch triage. Each case runs in its own forked worker process, so a crash,
 * a hang (per-case timeout) or a memory blow-up (RLIMIT_AS) in one case
 * becomes that case's `status: error` and the run goes on. Results are
 * written in input order whatever the parallelism. Part of the CLI layer:
 * it prints progress and results. */
#include "batch.h"

#include <errno.h>
#include <dirent.h>
#include <getopt.h>
#include <json-c/json.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "analyze.h"
#include "report.h"
#include "report_view.h"

#if defined(__SANITIZE_ADDRESS__)
#define MDT_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MDT_ASAN 1
#endif
#endif

#define MAX_CASE_OUTPUT ((size_t)256 << 20)

struct batch_opts {
	struct limits limits;
	int jobs;
	const char *jsonl, *junit;
	int summary;
	int shard_k, shard_n;
	double timeout;        /* seconds per case, 0 = none */
	uint64_t max_memory;   /* bytes of address space per worker, 0 = none */
	int fail_on_finding;
	int progress;
	enum lang lang;
};

struct case_slot {
	const char *path;
	/* worker state */
	pid_t pid;
	int fd;
	double started;
	char *buf;
	size_t len, cap;
	int overflow, timed_out;
	/* result */
	int done;
	char *summary_json, *report_json, *junit_xml;
	const char *status;    /* "ok" | "error" */
	char *reason;
	int exit_code;         /* analyze exit status of the case (0, 1, 3), -1 error */
	double seconds;
};

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- case list ---------------------------------------------------------- */

typedef struct {
	char **v;
	size_t n, cap;
} path_list;

static int list_add(path_list *l, const char *p)
{
	if (l->n == l->cap) {
		size_t nc = l->cap ? l->cap * 2 : 64;
		char **nv = realloc(l->v, nc * sizeof *nv);
		if (!nv)
			return -1;
		l->v = nv;
		l->cap = nc;
	}
	l->v[l->n] = strdup(p);
	return l->v[l->n] ? (int)(l->n++, 0) : -1;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int add_cases_in(path_list *l, const char *dir)
{
	DIR *d = opendir(dir);
	if (!d) {
		fprintf(stderr, "mdtriage: %s: %s\n", dir, strerror(errno));
		return -1;
	}
	path_list tmp = { 0 };
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		size_t n = strlen(dir) + strlen(e->d_name) + 2;
		char *p = malloc(n);
		if (!p)
			break;
		snprintf(p, n, "%s/%s", dir, e->d_name);
		list_add(&tmp, p);
		free(p);
	}
	closedir(d);
	if (tmp.n)
		qsort(tmp.v, tmp.n, sizeof *tmp.v, cmp_str); /* deterministic order */
	for (size_t i = 0; i < tmp.n; i++) {
		list_add(l, tmp.v[i]);
		free(tmp.v[i]);
	}
	free(tmp.v);
	return 0;
}

static int add_list_file(path_list *l, const char *file)
{
	FILE *f = strcmp(file, "-") ? fopen(file, "r") : stdin;
	if (!f) {
		fprintf(stderr, "mdtriage: %s: %s\n", file, strerror(errno));
		return -1;
	}
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	while ((n = getline(&line, &cap, f)) >= 0) {
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r' || line[n - 1] == ' '))
			line[--n] = '\0';
		if (n > 0 && line[0] != '#')
			list_add(l, line);
	}
	free(line);
	if (f != stdin)
		fclose(f);
	return 0;
}

/* FNV-1a of the case path as given: the same list splits the same way on
 * every host, and every case lands in exactly one shard. */
static uint64_t path_hash(const char *s)
{
	uint64_t h = 1469598103934665603ull;
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ull;
	}
	return h;
}

/* ---- worker ------------------------------------------------------------- */

static int write_all(int fd, const void *p, size_t n)
{
	const char *c = p;
	while (n) {
		ssize_t w = write(fd, c, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		c += w;
		n -= (size_t)w;
	}
	return 0;
}

static void put_frame(int fd, const char *s, size_t n)
{
	uint64_t len = n;
	write_all(fd, &len, sizeof len);
	write_all(fd, s, n);
}

static struct json_object *summary_of(const struct case_run *r, int exit_code)
{
	struct json_object *o = json_object_new_object();
	json_object_object_add(o, "exit", json_object_new_int(exit_code));
	struct json_object *fs = json_object_new_array();
	for (size_t i = 0; i < r->v.findings.n; i++) {
		const struct finding *f = &r->v.findings.v[i];
		struct json_object *e = json_object_new_object();
		json_object_object_add(e, "id", json_object_new_string(f->id));
		if (f->solution) {
			char b[2] = { f->solution, 0 };
			json_object_object_add(e, "solution", json_object_new_string(b));
		}
		json_object_array_add(fs, e);
	}
	json_object_object_add(o, "findings", fs);
	struct json_object *ns = json_object_new_array();
	for (size_t i = 0; i < r->v.next_steps.n; i++)
		json_object_array_add(ns, json_object_new_string(r->v.next_steps.v[i].id ? r->v.next_steps.v[i].id : "?"));
	json_object_object_add(o, "next", ns);
	size_t unreadable = 0;
	for (size_t i = 0; i < r->set->items.n; i++)
		unreadable += r->set->items.v[i].status == ART_UNREADABLE || r->set->items.v[i].status == ART_SKIPPED;
	json_object_object_add(o, "artefacts", json_object_new_int64((int64_t)r->set->items.n));
	json_object_object_add(o, "unreadable", json_object_new_int64((int64_t)unreadable));
	return o;
}

static void worker(const struct batch_opts *o, const char *path, int fd)
{
	double t0 = now();
#ifndef MDT_ASAN
	if (o->max_memory) {
		struct rlimit rl = { (rlim_t)o->max_memory, (rlim_t)o->max_memory };
		setrlimit(RLIMIT_AS, &rl);
	}
#endif
	struct case_run r;
	const char *paths[1] = { path };
	if (case_run_paths(&r, &o->limits, paths, 1, NULL) != 0)
		_exit(70);
	int exit_code = case_all_unreadable(r.set) ? 3 : r.v.findings.n ? 1 : 0;
	struct report_opts ro = { FMT_JSON, o->lang, 0, NULL, path };

	struct json_object *sum = summary_of(&r, exit_code);
	const char *s = json_object_to_json_string_ext(sum, JSON_C_TO_STRING_PLAIN);
	put_frame(fd, s, strlen(s));
	struct json_object *rep = report_json(r.set, &r.v, &ro, r.set->arena);
	s = rep ? json_object_to_json_string_ext(rep, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE) : "null";
	put_frame(fd, s, strlen(s));

	char *xml = NULL;
	size_t xlen = 0;
	FILE *mem = open_memstream(&xml, &xlen);
	if (mem) {
		struct report_view rv;
		if (report_view_build(&rv, r.set, &r.v, &ro, r.set->arena) == 0)
			report_junit_suite(mem, &rv, path, now() - t0, NULL);
		fclose(mem);
	}
	put_frame(fd, xml ? xml : "", xml ? xlen : 0);
	free(xml);
	json_object_put(sum);
	json_object_put(rep);
	case_run_free(&r);
	close(fd);
	_exit(0);
}

/* ---- parent ------------------------------------------------------------- */

static int start_case(struct case_slot *c, const struct batch_opts *o)
{
	int p[2];
	if (pipe(p) != 0)
		return -1;
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0) {
		close(p[0]);
		close(p[1]);
		return -1;
	}
	if (pid == 0) {
		close(p[0]);
		worker(o, c->path, p[1]);
	}
	close(p[1]);
	c->pid = pid;
	c->fd = p[0];
	c->started = now();
	return 0;
}

static char *take_frame(const char **p, const char *end)
{
	uint64_t len;
	if ((size_t)(end - *p) < sizeof len)
		return NULL;
	memcpy(&len, *p, sizeof len);
	*p += sizeof len;
	if (len > (uint64_t)(end - *p))
		return NULL;
	char *s = malloc(len + 1);
	if (!s)
		return NULL;
	memcpy(s, *p, len);
	s[len] = '\0';
	*p += len;
	return s;
}

static void set_error(struct case_slot *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void set_error(struct case_slot *c, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char buf[256];
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	c->status = "error";
	c->exit_code = -1;
	free(c->reason);
	c->reason = strdup(buf);
}

static void finish_case(struct case_slot *c, const struct batch_opts *o)
{
	int st = 0;
	if (c->pid > 0) {
		while (waitpid(c->pid, &st, 0) < 0 && errno == EINTR)
			;
	}
	close(c->fd);
	c->fd = -1;
	c->pid = 0;
	c->done = 1;
	c->seconds = now() - c->started;
	c->status = "ok";
	if (c->timed_out) {
		set_error(c, "timed out after %.0f s", o->timeout);
	} else if (c->overflow) {
		set_error(c, "report larger than %zu bytes", MAX_CASE_OUTPUT);
	} else if (WIFSIGNALED(st)) {
		set_error(c, "worker crashed (signal %d%s)", WTERMSIG(st),
			  WTERMSIG(st) == SIGKILL || WTERMSIG(st) == SIGSEGV ? ", possibly out of memory" : "");
	} else if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
		set_error(c, "worker failed (exit %d)", WIFEXITED(st) ? WEXITSTATUS(st) : -1);
	} else {
		const char *p = c->buf ? c->buf : "", *end = p + c->len;
		c->summary_json = take_frame(&p, end);
		c->report_json = take_frame(&p, end);
		c->junit_xml = take_frame(&p, end);
		if (!c->summary_json || !c->report_json || !c->junit_xml) {
			set_error(c, "worker output incomplete");
		} else {
			struct json_object *s = json_tokener_parse(c->summary_json);
			struct json_object *e;
			c->exit_code = s && json_object_object_get_ex(s, "exit", &e) ? json_object_get_int(e) : 0;
			json_object_put(s);
		}
	}
	free(c->buf);
	c->buf = NULL;
	c->len = c->cap = 0;
}

static void read_some(struct case_slot *c)
{
	if (c->len == c->cap) {
		if (c->cap >= MAX_CASE_OUTPUT) {
			c->overflow = 1;
			kill(c->pid, SIGKILL);
			char sink[65536];
			while (read(c->fd, sink, sizeof sink) > 0)
				;
			return;
		}
		size_t nc = c->cap ? c->cap * 2 : 65536;
		char *nb = realloc(c->buf, nc);
		if (!nb) {
			c->overflow = 1;
			kill(c->pid, SIGKILL);
			return;
		}
		c->buf = nb;
		c->cap = nc;
	}
	ssize_t n = read(c->fd, c->buf + c->len, c->cap - c->len);
	if (n > 0)
		c->len += (size_t)n;
}

/* ---- output ------------------------------------------------------------- */

struct tally {
	size_t cases, ok, clean, with_findings, unreadable, errors;
	struct json_object *by_id, *by_solution, *by_next;
};

static void bump(struct json_object *o, const char *key)
{
	struct json_object *v;
	int n = json_object_object_get_ex(o, key, &v) ? json_object_get_int(v) : 0;
	json_object_object_add(o, key, json_object_new_int(n + 1));
}

static void tally_case(struct tally *t, const struct case_slot *c)
{
	t->cases++;
	if (strcmp(c->status, "ok")) {
		t->errors++;
		return;
	}
	t->ok++;
	if (c->exit_code == 3)
		t->unreadable++;
	else if (c->exit_code == 1)
		t->with_findings++;
	else
		t->clean++;
	struct json_object *s = json_tokener_parse(c->summary_json), *arr;
	if (s && json_object_object_get_ex(s, "findings", &arr)) {
		for (size_t i = 0; i < json_object_array_length(arr); i++) {
			struct json_object *f = json_object_array_get_idx(arr, i), *v;
			if (json_object_object_get_ex(f, "id", &v))
				bump(t->by_id, json_object_get_string(v));
			if (json_object_object_get_ex(f, "solution", &v))
				bump(t->by_solution, json_object_get_string(v));
		}
	}
	if (s && json_object_object_get_ex(s, "next", &arr))
		for (size_t i = 0; i < json_object_array_length(arr); i++)
			bump(t->by_next, json_object_get_string(json_object_array_get_idx(arr, i)));
	json_object_put(s);
}

static void write_jsonl(FILE *f, const struct case_slot *c)
{
	struct json_object *o = json_object_new_object();
	json_object_object_add(o, "case", json_object_new_string(c->path));
	json_object_object_add(o, "status", json_object_new_string(c->status));
	json_object_object_add(o, "reason", c->reason ? json_object_new_string(c->reason) : NULL);
	json_object_object_add(o, "exit", json_object_new_int(c->exit_code));
	json_object_object_add(o, "duration_ms", json_object_new_int64((int64_t)(c->seconds * 1000.0)));
	const char *s = json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE);
	size_t n = strlen(s);
	/* splice the worker's report in without re-parsing it */
	fwrite(s, 1, n - 1, f);
	fprintf(f, ",\"report\":%s}\n", c->report_json ? c->report_json : "null");
	json_object_put(o);
}

static void write_junit_case(FILE *f, const struct case_slot *c)
{
	if (c->junit_xml && !strcmp(c->status, "ok")) {
		fputs(c->junit_xml, f);
		return;
	}
	struct arena *a = arena_new(1 << 20);
	fprintf(f, "  <testsuite name=\"%s\" tests=\"1\" failures=\"0\" errors=\"1\" time=\"%.3f\">\n"
		   "    <testcase classname=\"%s\" name=\"case\">\n      <error message=\"%s\"/>\n"
		   "    </testcase>\n  </testsuite>\n",
		xml_escape(a, c->path), c->seconds, xml_escape(a, c->path), xml_escape(a, c->reason));
	arena_free(a);
}

static struct json_object *sorted_counts(struct json_object *o)
{
	/* object -> array of {key, count}, most frequent first */
	struct json_object *arr = json_object_new_array();
	json_object_object_foreach(o, k, v) {
		struct json_object *e = json_object_new_object();
		json_object_object_add(e, "key", json_object_new_string(k));
		json_object_object_add(e, "count", json_object_new_int(json_object_get_int(v)));
		json_object_array_add(arr, e);
	}
	size_t n = json_object_array_length(arr);
	for (size_t i = 1; i < n; i++) /* insertion sort: few distinct keys */
		for (size_t j = i; j > 0; j--) {
			struct json_object *x = json_object_array_get_idx(arr, j - 1);
			struct json_object *y = json_object_array_get_idx(arr, j);
			struct json_object *cx, *cy;
			json_object_object_get_ex(x, "count", &cx);
			json_object_object_get_ex(y, "count", &cy);
			if (json_object_get_int(cx) >= json_object_get_int(cy))
				break;
			json_object_get(x);
			json_object_get(y);
			json_object_array_put_idx(arr, j - 1, y);
			json_object_array_put_idx(arr, j, x);
		}
	return arr;
}

static struct json_object *summary_json(const struct tally *t, double seconds)
{
	struct json_object *s = json_object_new_object();
	json_object_object_add(s, "cases", json_object_new_int64((int64_t)t->cases));
	json_object_object_add(s, "analysed", json_object_new_int64((int64_t)t->ok));
	json_object_object_add(s, "no_problem", json_object_new_int64((int64_t)t->clean));
	json_object_object_add(s, "with_findings", json_object_new_int64((int64_t)t->with_findings));
	json_object_object_add(s, "unreadable", json_object_new_int64((int64_t)t->unreadable));
	json_object_object_add(s, "errors", json_object_new_int64((int64_t)t->errors));
	json_object_object_add(s, "seconds", json_object_new_double(seconds));
	json_object_object_add(s, "findings", sorted_counts(t->by_id));
	json_object_object_add(s, "solutions", sorted_counts(t->by_solution));
	json_object_object_add(s, "next_steps", sorted_counts(t->by_next));
	return s;
}

static void print_counts(FILE *f, const char *title, struct json_object *arr, size_t max)
{
	size_t n = json_object_array_length(arr);
	if (!n)
		return;
	fprintf(f, "%s\n", title);
	for (size_t i = 0; i < n && i < max; i++) {
		struct json_object *e = json_object_array_get_idx(arr, i), *k, *c;
		json_object_object_get_ex(e, "key", &k);
		json_object_object_get_ex(e, "count", &c);
		fprintf(f, "  %-40s %6d\n", json_object_get_string(k), json_object_get_int(c));
	}
}

static void print_summary(FILE *f, struct json_object *s)
{
	struct json_object *v;
#define GETI(k) (json_object_object_get_ex(s, k, &v) ? json_object_get_int64(v) : 0)
	fprintf(f, "cases %lld: %lld with findings, %lld no problem found, %lld unreadable, %lld errors (%.1f s)\n",
		(long long)GETI("cases"), (long long)GETI("with_findings"), (long long)GETI("no_problem"),
		(long long)GETI("unreadable"), (long long)GETI("errors"),
		json_object_object_get_ex(s, "seconds", &v) ? json_object_get_double(v) : 0.0);
#undef GETI
	if (json_object_object_get_ex(s, "solutions", &v))
		print_counts(f, "by solution", v, 20);
	if (json_object_object_get_ex(s, "findings", &v))
		print_counts(f, "by finding id", v, 40);
	if (json_object_object_get_ex(s, "next_steps", &v))
		print_counts(f, "top next steps requested", v, 10);
}

static void progress(const struct batch_opts *o, size_t done, size_t total, double t0)
{
	static double last;
	double t = now();
	if (!o->progress || (t - last < 0.1 && done != total))
		return;
	last = t;
	double rate = done / (t - t0 > 1e-6 ? t - t0 : 1e-6);
	double eta = rate > 0 ? (double)(total - done) / rate : 0;
	int width = 30, fill = total ? (int)((double)width * (double)done / (double)total) : width;
	fprintf(stderr, "\r[%.*s%*s] %zu/%zu cases  %.1f/s  ETA %d:%02d ", fill,
		"##############################", width - fill, "", done, total, rate,
		(int)eta / 60, (int)eta % 60);
	if (done == total)
		fputc('\n', stderr);
	fflush(stderr);
}

/* ---- options ------------------------------------------------------------ */

static void batch_usage(FILE *f)
{
	fputs("usage: mdtriage batch [options] [CASE...]\n"
	      "  CASE                     a bundle file or a folder: one case each\n"
	      "  --cases-in DIR           every entry of DIR is a case (repeatable)\n"
	      "  --list FILE              one case path per line; - for stdin (repeatable)\n"
	      "  --jobs N                 parallel workers (default: online CPUs)\n"
	      "  --jsonl FILE             one JSON line per case (default: stdout)\n"
	      "  --junit FILE             JUnit XML, one testsuite per case\n"
	      "  --summary                summary table (stderr when JSONL goes to stdout)\n"
	      "  --shard K/N              only the K-th of N stable shards of the cases\n"
	      "  --timeout SECONDS        per-case time limit (default 120)\n"
	      "  --max-memory BYTES       per-case address-space limit (default 4G; 0 = none)\n"
	      "  --fail-on-finding        exit 1 when any case has a finding\n"
	      "  --no-progress            no progress bar\n"
	      "  --lang, --codepage, --max-*: as for analyze\n",
	      f);
}

enum {
	B_CASES_IN = 300, B_LIST, B_JOBS, B_JSONL, B_JUNIT, B_SUMMARY, B_SHARD, B_TIMEOUT,
	B_MAXMEM, B_FAIL, B_NOPROG, B_LANG, B_CODEPAGE, B_MAX_MEMBER, B_MAX_TOTAL, B_MAX_RATIO,
	B_MAX_DEPTH, B_MAX_MEMBERS,
};

static const struct option batch_opts_long[] = {
	{ "cases-in", required_argument, NULL, B_CASES_IN },
	{ "list", required_argument, NULL, B_LIST },
	{ "jobs", required_argument, NULL, B_JOBS },
	{ "jsonl", required_argument, NULL, B_JSONL },
	{ "junit", required_argument, NULL, B_JUNIT },
	{ "summary", no_argument, NULL, B_SUMMARY },
	{ "shard", required_argument, NULL, B_SHARD },
	{ "timeout", required_argument, NULL, B_TIMEOUT },
	{ "max-memory", required_argument, NULL, B_MAXMEM },
	{ "fail-on-finding", no_argument, NULL, B_FAIL },
	{ "no-progress", no_argument, NULL, B_NOPROG },
	{ "lang", required_argument, NULL, B_LANG },
	{ "codepage", required_argument, NULL, B_CODEPAGE },
	{ "max-member-bytes", required_argument, NULL, B_MAX_MEMBER },
	{ "max-total-bytes", required_argument, NULL, B_MAX_TOTAL },
	{ "max-ratio", required_argument, NULL, B_MAX_RATIO },
	{ "max-depth", required_argument, NULL, B_MAX_DEPTH },
	{ "max-members", required_argument, NULL, B_MAX_MEMBERS },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static int parse_u64(const char *s, uint64_t *out)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (end == s || errno)
		return -1;
	int sh = 0;
	switch (*end) {
	case 'k': case 'K': sh = 10; end++; break;
	case 'm': case 'M': sh = 20; end++; break;
	case 'g': case 'G': sh = 30; end++; break;
	default: break;
	}
	if (*end || (sh && v > (UINT64_MAX >> sh)))
		return -1;
	*out = (uint64_t)v << sh;
	return 0;
}

int cmd_batch(int argc, char **argv)
{
	struct batch_opts o = { 0 };
	limits_default(&o.limits);
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	o.jobs = cpus > 0 ? (int)cpus : 1;
	o.timeout = 120;
	o.max_memory = 4ull << 30;
	o.progress = isatty(2);
	const char *lang = NULL;
	path_list cases = { 0 };
	int ch, bad = 0;
	uint64_t v;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "h", batch_opts_long, NULL)) != -1) {
		switch (ch) {
		case B_CASES_IN: bad |= add_cases_in(&cases, optarg) != 0; break;
		case B_LIST: bad |= add_list_file(&cases, optarg) != 0; break;
		case B_JOBS:
			o.jobs = atoi(optarg);
			if (o.jobs < 1 || o.jobs > 1024) {
				fprintf(stderr, "mdtriage: --jobs takes 1..1024\n");
				bad = 1;
			}
			break;
		case B_JSONL: o.jsonl = optarg; break;
		case B_JUNIT: o.junit = optarg; break;
		case B_SUMMARY: o.summary = 1; break;
		case B_SHARD:
			if (sscanf(optarg, "%d/%d", &o.shard_k, &o.shard_n) != 2 || o.shard_n < 1 ||
			    o.shard_k < 1 || o.shard_k > o.shard_n) {
				fprintf(stderr, "mdtriage: --shard takes K/N with 1 <= K <= N\n");
				bad = 1;
			}
			break;
		case B_TIMEOUT: o.timeout = atof(optarg); break;
		case B_MAXMEM: bad |= parse_u64(optarg, &o.max_memory) != 0; break;
		case B_FAIL: o.fail_on_finding = 1; break;
		case B_NOPROG: o.progress = 0; break;
		case B_LANG: lang = optarg; break;
		case B_CODEPAGE: o.limits.codepage = optarg; break;
		case B_MAX_MEMBER: bad |= parse_u64(optarg, &o.limits.max_member_bytes) != 0; break;
		case B_MAX_TOTAL: bad |= parse_u64(optarg, &o.limits.max_total_bytes) != 0; break;
		case B_MAX_RATIO: bad |= parse_u64(optarg, &v) != 0; o.limits.max_ratio = (uint32_t)(v > UINT32_MAX ? UINT32_MAX : v); break;
		case B_MAX_DEPTH: bad |= parse_u64(optarg, &v) != 0; o.limits.max_depth = (uint32_t)(v > 64 ? 64 : v); break;
		case B_MAX_MEMBERS: bad |= parse_u64(optarg, &v) != 0; o.limits.max_members = (uint32_t)(v > UINT32_MAX ? UINT32_MAX : v); break;
		case 'h': batch_usage(stdout); return 0;
		default: bad = 1;
		}
	}
	for (int i = optind; i < argc; i++)
		list_add(&cases, argv[i]);
	if (bad || cases.n == 0) {
		if (!bad)
			fprintf(stderr, "mdtriage: no cases given\n");
		batch_usage(stderr);
		for (size_t i = 0; i < cases.n; i++)
			free(cases.v[i]);
		free(cases.v);
		return 2;
	}
	o.lang = lang_from_env(lang);

	/* shard selection keeps input order */
	size_t n = 0;
	for (size_t i = 0; i < cases.n; i++) {
		if (o.shard_n > 1 && path_hash(cases.v[i]) % (uint64_t)o.shard_n != (uint64_t)(o.shard_k - 1)) {
			free(cases.v[i]);
			continue;
		}
		cases.v[n++] = cases.v[i];
	}
	cases.n = n;

	FILE *jl = stdout, *ju = NULL;
	if (o.jsonl && strcmp(o.jsonl, "-") && !(jl = fopen(o.jsonl, "w"))) {
		fprintf(stderr, "mdtriage: %s: %s\n", o.jsonl, strerror(errno));
		return 2;
	}
	if (o.junit && !(ju = fopen(o.junit, "w"))) {
		fprintf(stderr, "mdtriage: %s: %s\n", o.junit, strerror(errno));
		if (jl != stdout)
			fclose(jl);
		return 2;
	}
	if (ju)
		fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"mdtriage batch\">\n", ju);

	struct case_slot *slots = calloc(cases.n ? cases.n : 1, sizeof *slots);
	struct pollfd *pfd = calloc((size_t)o.jobs, sizeof *pfd);
	size_t *running = calloc((size_t)o.jobs, sizeof *running);
	if (!slots || !pfd || !running) {
		fprintf(stderr, "mdtriage: out of memory\n");
		return 2;
	}
	for (size_t i = 0; i < cases.n; i++) {
		slots[i].path = cases.v[i];
		slots[i].fd = -1;
	}
	struct tally t = { 0 };
	t.by_id = json_object_new_object();
	t.by_solution = json_object_new_object();
	t.by_next = json_object_new_object();

	signal(SIGPIPE, SIG_IGN);
	double t0 = now();
	size_t next = 0, written = 0, done = 0, nrun = 0;
	while (written < cases.n) {
		while (nrun < (size_t)o.jobs && next < cases.n) {
			struct case_slot *c = &slots[next];
			if (start_case(c, &o) != 0) {
				c->started = now();
				set_error(c, "could not start a worker: %s", strerror(errno));
				c->done = 1;
				done++;
			} else {
				running[nrun++] = next;
			}
			next++;
		}
		if (nrun) {
			double wait = 1.0;
			for (size_t k = 0; k < nrun; k++) {
				pfd[k].fd = slots[running[k]].fd;
				pfd[k].events = POLLIN;
				pfd[k].revents = 0;
				if (o.timeout > 0) {
					double left = slots[running[k]].started + o.timeout - now();
					if (left < wait)
						wait = left > 0 ? left : 0;
				}
			}
			int pr = poll(pfd, nrun, (int)(wait * 1000) + 1);
			if (pr < 0 && errno != EINTR)
				break;
			for (size_t k = 0; k < nrun;) {
				struct case_slot *c = &slots[running[k]];
				int finished = 0;
				if (pfd[k].revents & POLLIN) {
					size_t before = c->len;
					read_some(c);
					finished = c->len == before && !c->overflow; /* EOF */
					if (c->overflow)
						finished = 1;
				} else if (pfd[k].revents & (POLLHUP | POLLERR)) {
					finished = 1;
				}
				if (!finished && o.timeout > 0 && now() - c->started > o.timeout) {
					c->timed_out = 1;
					kill(c->pid, SIGKILL);
					finished = 1;
				}
				if (finished) {
					finish_case(c, &o);
					done++;
					running[k] = running[nrun - 1];
					pfd[k] = pfd[nrun - 1];
					nrun--;
				} else {
					k++;
				}
			}
		}
		while (written < cases.n && slots[written].done) {
			struct case_slot *c = &slots[written];
			write_jsonl(jl, c);
			if (ju)
				write_junit_case(ju, c);
			tally_case(&t, c);
			free(c->summary_json);
			free(c->report_json);
			free(c->junit_xml);
			c->summary_json = c->report_json = c->junit_xml = NULL;
			written++;
		}
		fflush(jl);
		progress(&o, done, cases.n, t0);
	}

	struct json_object *sum = summary_json(&t, now() - t0);
	if (o.summary) {
		fprintf(jl, "{\"summary\":%s}\n", json_object_to_json_string_ext(sum, JSON_C_TO_STRING_PLAIN));
		print_summary(jl == stdout ? stderr : stdout, sum);
	}
	if (ju) {
		fputs("</testsuites>\n", ju);
		fclose(ju);
	}
	int rc = t.errors ? 1 : (o.fail_on_finding && t.with_findings) ? 1 : 0;
	if (jl != stdout && fclose(jl) != 0)
		rc = 1;
	json_object_put(sum);
	json_object_put(t.by_id);
	json_object_put(t.by_solution);
	json_object_put(t.by_next);
	for (size_t i = 0; i < cases.n; i++) {
		free(cases.v[i]);
		free(slots[i].reason);
	}
	free(cases.v);
	free(slots);
	free(pfd);
	free(running);
	return rc;
}
