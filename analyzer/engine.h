/* The TSG as rules: case model -> findings and next steps. */
#ifndef MDT_ENGINE_H
#define MDT_ENGINE_H

#include "finding.h"

int engine_run(struct case_model *cm, struct verdict *out);

#endif
