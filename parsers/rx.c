#define PCRE2_CODE_UNIT_WIDTH 8
#include "rx.h"

#include <pcre2.h>
#include <pthread.h>

static pthread_mutex_t rx_lock = PTHREAD_MUTEX_INITIALIZER;
static pcre2_match_context *rx_mctx;
static pcre2_jit_stack *rx_jit_stack;

#define RX_MATCH_LIMIT 200000u
#define RX_DEPTH_LIMIT 5000u

static int rx_compile(struct rx *r)
{
	pthread_mutex_lock(&rx_lock);
	if (!rx_mctx) {
		rx_mctx = pcre2_match_context_create(NULL);
		if (rx_mctx) {
			pcre2_set_match_limit(rx_mctx, RX_MATCH_LIMIT);
			pcre2_set_depth_limit(rx_mctx, RX_DEPTH_LIMIT);
			rx_jit_stack = pcre2_jit_stack_create(32 * 1024, 512 * 1024, NULL);
			if (rx_jit_stack)
				pcre2_jit_stack_assign(rx_mctx, NULL, rx_jit_stack);
		}
	}
	if (!r->code && !r->failed) {
		int err;
		PCRE2_SIZE off;
		uint32_t opts = PCRE2_UTF | PCRE2_UCP;
		if (r->flags & RX_CASELESS)
			opts |= PCRE2_CASELESS;
		pcre2_code *c = pcre2_compile((PCRE2_SPTR)r->pattern, PCRE2_ZERO_TERMINATED,
					      opts, &err, &off, NULL);
		if (c) {
			(void)pcre2_jit_compile(c, PCRE2_JIT_COMPLETE); /* optional */
			__atomic_store_n(&r->code, c, __ATOMIC_RELEASE);
		} else {
			r->failed = 1;
		}
	}
	pthread_mutex_unlock(&rx_lock);
	return r->code ? 0 : -1;
}

int rx_match(struct rx *r, const char *s, size_t len, size_t *ovec, int nvec)
{
	if (!__atomic_load_n(&r->code, __ATOMIC_ACQUIRE) && rx_compile(r) != 0)
		return -1;
	pcre2_match_data *md = pcre2_match_data_create(nvec > 0 ? (uint32_t)nvec : 1, NULL);
	if (!md)
		return -1;
	int rc = pcre2_match((pcre2_code *)r->code, (PCRE2_SPTR)s, len, 0, 0, md, rx_mctx);
	int ret;
	if (rc == PCRE2_ERROR_NOMATCH) {
		ret = 0;
	} else if (rc < 0) {
		ret = -1;
	} else {
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
		int pairs = rc == 0 ? nvec : rc;
		for (int i = 0; i < nvec && ovec; i++) {
			ovec[2 * i] = i < pairs ? ov[2 * i] : PCRE2_UNSET;
			ovec[2 * i + 1] = i < pairs ? ov[2 * i + 1] : PCRE2_UNSET;
		}
		ret = pairs;
	}
	pcre2_match_data_free(md);
	return ret;
}

int rx_group(const char *s, const size_t *ovec, int g, const char **start, size_t *len)
{
	size_t a = ovec[2 * g], b = ovec[2 * g + 1];
	if (a == PCRE2_UNSET || b == PCRE2_UNSET || b < a) {
		*start = NULL;
		*len = 0;
		return 0;
	}
	*start = s + a;
	*len = b - a;
	return 1;
}
